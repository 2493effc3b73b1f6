// A master workbook edited by hand, and hostile text from reports: clear messages, nothing lost, no formula.
import ExcelJS from "exceljs";
import type { MasterService } from "../src/app/master-service";
import { importFiles } from "../src/core/import";
import { newMasterBook, SHEETS } from "../src/core/master-sheets";
import { consolidationSheets } from "../src/core/outputs";
import { consolidateBook } from "../src/core/period-consolidation";
import { afterAction, masterXlsx, openXlsx } from "./helpers/master-xlsx";
import { incoming, testUnit } from "./helpers/report-grid";

const NOW = new Date("2026-03-25T03:00:00Z");
const units = [testUnit("CA", "Công an xã", "Công an"), testUnit("T1", "Tổ công nghệ số cộng đồng thôn 1", "Tổ công nghệ số cộng đồng")];
const reports = [
  incoming({ unit: "Công an xã", period: "Tháng 3/2026", date: "15/03/2026", values: { CT04: { n: 120, d: 1000 }, CT06: { n: 800, d: 900 }, MH16: 50 } }),
  incoming({ unit: "Tổ công nghệ số cộng đồng thôn 1", period: "Tháng 3/2026", date: "12/03/2026", values: { MH01: 2, MH02: 12, MH09: 3, CT04: { n: 30, d: 200 } } }),
];

async function masterBytes(): Promise<Uint8Array> {
  const { book } = importFiles(newMasterBook({ year: 2026 }, units), reports, { now: NOW });
  return masterXlsx(book, consolidationSheets(book, consolidateBook(book, "2026-03", NOW), NOW));
}

async function edit(bytes: Uint8Array, change: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  change(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const ct04 = async (bytes: Uint8Array) => {
  const { book } = await openXlsx(bytes);
  return consolidateBook(book, "2026-03", NOW).indicators.find((i) => i.code === "CT04")!;
};

test("the workbook reads back to the same consolidation", async () => {
  const c = await ct04(await masterBytes());
  expect([c.numerator, c.denominator, c.unitsReporting]).toEqual([150, 1200, 2]);
});

test("a unit row deleted by hand: a clear message, and its data is kept and counted", async () => {
  const bytes = await edit(await masterBytes(), (wb) => {
    const ws = wb.getWorksheet(SHEETS.units)!;
    const row = ws.getColumn(1).values.indexOf("CA");
    ws.spliceRows(row, 1);
  });
  const { problems, book } = await openXlsx(bytes);
  expect(problems.map((p) => p.message).join("\n")).toMatch(/đơn vị "CA" nhưng trang "Đơn vị" không còn/);
  expect(book.data.filter((f) => f.unit === "CA")).toHaveLength(3);
  expect((await ct04(bytes)).numerator).toBe(150);
});

test("the data sheet sorted and its columns moved by a clerk reads the same", async () => {
  const bytes = await edit(await masterBytes(), (wb) => {
    const ws = wb.getWorksheet(SHEETS.data)!;
    const rows = ws.getSheetValues().slice(2).map((r) => (r as ExcelJS.CellValue[]).slice(1));
    rows.reverse();
    // Swap the "Giá trị" and "Tệp nguồn" columns, headers included.
    const swap = (r: ExcelJS.CellValue[]) => ([r[3], r[6]] = [r[6], r[3]]);
    const header = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    swap(header);
    rows.forEach(swap);
    ws.spliceRows(1, ws.rowCount);
    ws.addRows([header, ...rows]);
  });
  const c = await ct04(bytes);
  expect([c.numerator, c.denominator, c.unitsReporting]).toEqual([150, 1200, 2]);
});

test("a renamed data sheet: a clear message; the renamed sheet is left as it is", async () => {
  const bytes = await edit(await masterBytes(), (wb) => {
    wb.getWorksheet(SHEETS.data)!.name = "Du lieu cu";
  });
  const { problems } = await openXlsx(bytes);
  expect(problems.map((p) => p.message).join("\n")).toMatch(/không có trang "Dữ liệu".*đổi lại đúng tên/);
  // Consolidating writes a new "Dữ liệu" beside it and leaves the renamed sheet as the clerk left it.
  const after = await afterAction(bytes, (m) => m.consolidate({ periodKey: "2026-03", asOf: NOW, now: NOW }));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(after.bytes as unknown as ArrayBuffer);
  expect(wb.getWorksheet("Du lieu cu")!.rowCount).toBe(8);
});

test("text from reports that looks like a formula stays text in the written workbook", async () => {
  const hostile = [
    incoming({ unit: "Công an xã", period: "Tháng 3/2026", values: { MH16: 5, "=HYPERLINK(\"http://x\",\"bấm\")": 3 } }, "=cmd|' /C calc'!A0.xlsx", "h1"),
    incoming({ unit: "+84 912 345 678", period: "Tháng 3/2026", values: { MH16: 5 } }, "@SUM(1+1).xlsx", "h2"),
    incoming({ unit: "-2+3", period: "Tháng 3/2026", values: { MH16: 5 } }, "-1.xlsx", "h3"),
  ];
  const { book } = importFiles(newMasterBook({ year: 2026 }, units), hostile, { now: NOW });
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await masterXlsx(book, consolidationSheets(book, consolidateBook(book, "2026-03", NOW), NOW))) as unknown as ArrayBuffer);
  const strings: string[] = [];
  let formulas = 0;
  back.eachSheet((ws) =>
    ws.eachRow((r) =>
      r.eachCell((c) => {
        if (c.type === ExcelJS.ValueType.Formula || c.type === ExcelJS.ValueType.Hyperlink) formulas++;
        if (typeof c.value === "string") strings.push(c.value);
      }),
    ),
  );
  expect(formulas).toBe(0);
  expect(strings).toEqual(expect.arrayContaining(["=cmd|' /C calc'!A0.xlsx", "@SUM(1+1).xlsx", "-1.xlsx"]));
  expect(strings.some((s) => s.includes("+84 912 345 678"))).toBe(true);
});

test("a value typed into an output sheet: a clear message when it is rewritten, and the edited sheet is kept as a copy", async () => {
  const bytes = await edit(await masterBytes(), (wb) => {
    const ws = wb.getWorksheet(SHEETS.consolidated)!;
    const row = ws.getColumn(2).values.indexOf("MH09");
    ws.getRow(row).getCell(7).value = 999;
  });
  const consolidate = (m: MasterService) => m.consolidate({ periodKey: "2026-03", asOf: NOW, now: NOW });
  const first = await afterAction(bytes, consolidate);
  expect(first.result.editedOutputs.find((p) => p.code === "OUTPUT_EDITED")?.message).toMatch(/"Tổng hợp" đã bị sửa tay.*"Tổng hợp \(sửa tay\)"/);
  const again = await afterAction(first.bytes, consolidate);
  expect(again.result.editedOutputs.find((p) => p.code === "OUTPUT_EDITED")).toBeUndefined();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(again.bytes as unknown as ArrayBuffer);
  const copy = wb.getWorksheet("Tổng hợp (sửa tay)")!;
  const kept = copy.getRow(copy.getColumn(2).values.indexOf("MH09")).getCell(7).value;
  expect(kept).toBe(999);
});
