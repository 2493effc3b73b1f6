// Whatever a units file or a report holds, no cell the product writes exceeds Excel's 32,767 characters,
// and a cut says so in the cell.
import ExcelJS from "exceljs";
import { finding } from "../src/core/findings";
import { importFiles } from "../src/core/import";
import { newMasterBook, SHEETS } from "../src/core/master-sheets";
import { inputSheetSpecs } from "../src/core/master-write";
import { consolidationSheets } from "../src/core/outputs";
import { consolidateBook } from "../src/core/period-consolidation";
import { layoutReport } from "../src/core/report-layout";
import { clampCellText, MAX_CELL_TEXT, TRUNCATION_MARKER } from "../src/core/sheet-spec";
import { templateDocument, templatePlans } from "../src/core/template-plan";
import type { MasterBook, SheetSpec } from "../src/core/types";
import { incoming, testUnit } from "./helpers/report-grid";
import { afterAction, masterXlsx, openXlsx } from "./helpers/master-xlsx";

const NOW = new Date("2026-03-25T03:00:00Z");
const LONG_NAME = "Tổ công nghệ số cộng đồng thôn " + "Đ".repeat(40_000);
const LONG_MESSAGE = "Ghi chú rất dài: " + "x".repeat(40_000);

function bookWithLongText(): MasterBook {
  const { book } = importFiles(newMasterBook({ year: 2026 }, [testUnit("T1", LONG_NAME)]), [incoming({ unit: LONG_NAME, code: "T1", period: "Tháng 3/2026", values: { MH09: 3 } })], {
    now: NOW,
  });
  return { ...book, findings: [...book.findings, finding("REQUIRED_BLANK", LONG_MESSAGE, { unit: "T1" })] };
}

function everySheet(book: MasterBook): SheetSpec[] {
  return [...inputSheetSpecs(book), ...consolidationSheets(book, consolidateBook(book, "2026-03", NOW), NOW)];
}

const strings = (spec: SheetSpec) => spec.values.flat().filter((v): v is string => typeof v === "string");

test("a text too long for a cell is cut to the limit with a visible marker; a shorter one is kept whole", () => {
  const cut = clampCellText(LONG_NAME);
  expect(cut).toHaveLength(MAX_CELL_TEXT);
  expect(cut.endsWith(TRUNCATION_MARKER)).toBe(true);
  expect(LONG_NAME.startsWith(cut.slice(0, -TRUNCATION_MARKER.length))).toBe(true);
  expect(clampCellText("x".repeat(MAX_CELL_TEXT))).toBe("x".repeat(MAX_CELL_TEXT));
  // An emoji straddling the cut is dropped whole, never left as half a character.
  const emojis = clampCellText("😀".repeat(20_000));
  expect(emojis.endsWith(TRUNCATION_MARKER)).toBe(true);
  expect(emojis.slice(0, -TRUNCATION_MARKER.length)).toBe("😀".repeat((MAX_CELL_TEXT - TRUNCATION_MARKER.length - 1) / 2));
});

test("a 40,000-character unit name and finding message: every input, import and output sheet stays within the limit", () => {
  const book = bookWithLongText();
  const specs = everySheet(book);
  for (const spec of specs) for (const s of strings(spec)) expect(s.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
  const cutIn = (name: string) => strings(specs.find((s) => s.name === name)!).filter((s) => s.endsWith(TRUNCATION_MARKER));
  expect(cutIn(SHEETS.units)).toEqual([clampCellText(LONG_NAME)]);
  expect(cutIn(SHEETS.byUnit)).toEqual([clampCellText(LONG_NAME)]);
  expect(cutIn(SHEETS.status)).toEqual([clampCellText(LONG_NAME)]);
  expect(cutIn(SHEETS.findings)).toContain(clampCellText(LONG_MESSAGE));
});

test("the written file holds the marked text, and the outputs are not taken for hand edits", async () => {
  const book = bookWithLongText();
  const bytes = await masterXlsx(book, consolidationSheets(book, consolidateBook(book, "2026-03", NOW), NOW));
  const raw = new ExcelJS.Workbook();
  await raw.xlsx.load(bytes as unknown as ArrayBuffer);
  let longest = 0;
  raw.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => void (longest = Math.max(longest, typeof c.value === "string" ? c.value.length : 0)))));
  expect(longest).toBe(MAX_CELL_TEXT);
  const back = await openXlsx(bytes);
  expect(back.book.units[0].name).toBe(clampCellText(LONG_NAME));
  const again = await afterAction(bytes, (m) => m.consolidate({ periodKey: "2026-03", asOf: NOW, now: NOW }));
  expect(again.result.editedOutputs).toEqual([]);
});

test("a blank template for a unit with a 40,000-character name fits every cell", () => {
  const book = bookWithLongText();
  const [plan] = templatePlans(book, "2026-03");
  const cells = layoutReport(templateDocument(book, plan)).rows.flat();
  expect(cells).toContain(clampCellText(LONG_NAME));
  for (const c of cells) if (typeof c === "string") expect(c.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
});
