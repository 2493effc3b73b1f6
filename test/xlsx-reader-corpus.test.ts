// Real-world workbooks (Apache POI / exceljs / openpyxl test files and others): the reader never fails
// with anything but a WorkbookReadError, and agrees with exceljs on every cell of every sheet.
import { existsSync, readdirSync, readFileSync } from "fs";
import path from "path";
import type { CellRange, CellValue, Sheet } from "../src/core/types";
import { readWorkbook, WorkbookReadError } from "../src/io/xlsx";
import { readWorkbookWithExceljs } from "../src/io/xlsx/exceljs-grid";

const CORPUS = path.resolve(__dirname, "../../shared/corpus/real-world-xlsx");

/**
 * Files where exceljs is the one that is wrong, each with the reason. Everything else must match.
 */
const EXCELJS_DIFFERS: Record<string, string> = {
  "57893-many-merges.xlsx": "exceljs needs over 10 minutes for its 40,000 merged ranges (quadratic merge handling)",
  "123233_charts.xlsx": "exceljs returns no worksheet at all",
  "49609.xlsx": "part names use backslashes (xl\\worksheets\\sheet1.xml): exceljs finds no worksheet",
  "52575_main.xlsx": "a formula's cached text sits in <v> under t=\"inlineStr\": exceljs parses it as a number (NaN)",
  "60289.xlsx": "lower-case escape _x000d_: exceljs decodes only upper-case hex",
  "SimpleStrict.xlsx": "t=\"d\" ISO date cell (1990-01-01): exceljs reads it as a serial number",
  "bug60858.xlsx": "negative serial (-1) in a date format: Excel shows ####, we keep the number, exceljs makes 1899-12-29",
  "clusterfuzz-testcase-minimized-POIXSSFFuzzer-5937385319563264.xlsx":
    "fuzzed <row r=\"231999999999940\"> whose cells say A22: we place them by the cell address, exceljs loses them",
};

function normalise(value: CellValue): string | null {
  if (value === null) return null;
  if (typeof value === "string") return value.trim() === "" ? null : `s:${value.trim()}`;
  if (typeof value === "number") return `n:${Number(value.toPrecision(12))}`;
  if (typeof value === "boolean") return `b:${value}`;
  return `d:${value.getTime()}`;
}

function inMergeButNotMaster(merges: CellRange[], r: number, c: number): boolean {
  return merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left));
}

/** Cells that differ, as "A1: ours != exceljs" lines (at most a few). */
function differences(ours: Sheet, theirs: Sheet): string[] {
  const merges = [...ours.merges, ...theirs.merges];
  const out: string[] = [];
  const height = Math.max(ours.rows.length, theirs.rows.length);
  for (let r = 0; r < height && out.length < 5; r++) {
    const a = ours.rows[r] ?? [];
    const b = theirs.rows[r] ?? [];
    for (let c = 0; c < Math.max(a.length, b.length) && out.length < 5; c++) {
      if (inMergeButNotMaster(merges, r, c)) continue;
      const x = normalise(a[c] ?? null);
      const y = normalise(b[c] ?? null);
      if (x !== y) out.push(`${ours.name}!R${r + 1}C${c + 1}: ${x} != ${y}`);
    }
  }
  return out;
}

const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => /\.xls[xm]$/i.test(f)).sort() : [];

if (files.length === 0) {
  test.skip(`corpus folder absent (${CORPUS}): real-world comparison skipped`, () => undefined);
} else {
  test("reads real-world workbooks like exceljs does", async () => {
    const refused: string[] = [];
    const mismatches: string[] = [];
    let compared = 0;
    let exceljsFailed = 0;
    for (const file of files) {
      const bytes = new Uint8Array(readFileSync(path.join(CORPUS, file)));
      let ours;
      try {
        ours = readWorkbook(bytes);
      } catch (error) {
        expect(error).toBeInstanceOf(WorkbookReadError);
        refused.push(`${file}: ${(error as WorkbookReadError).code}`);
        continue;
      }
      if (EXCELJS_DIFFERS[file]) continue;
      let theirs;
      try {
        theirs = await readWorkbookWithExceljs(bytes);
      } catch {
        exceljsFailed++;
        continue;
      }
      compared++;
      const ourNames = ours.sheets.map((s) => s.name);
      const theirNames = theirs.sheets.map((s) => s.name);
      if (ourNames.join("|") !== theirNames.join("|")) mismatches.push(`${file}: sheets ${ourNames} != ${theirNames}`);
      for (const sheet of ours.sheets) {
        const other = theirs.sheets.find((s) => s.name === sheet.name);
        if (!other) continue;
        if (sheet.hidden !== other.hidden) mismatches.push(`${file}: ${sheet.name} hidden ${sheet.hidden}`);
        for (const d of differences(sheet, other)) mismatches.push(`${file}: ${d}`);
      }
    }
    console.log(
      `corpus: ${files.length} files, ${files.length - refused.length} read, ${refused.length} refused, ` +
        `${compared} compared with exceljs (${exceljsFailed} exceljs could not read)\n${refused.join("\n")}`,
    );
    expect(mismatches).toEqual([]);
  }, 120_000);
}
