// exceljs worksheet -> the same Sheet shape readWorkbook produces. Used to read the master workbook
// (which exceljs loads anyway) and as the reference reader in tests.
import ExcelJS from "exceljs";
import type { CellRange, CellValue, Sheet, Workbook } from "../../core/types";
import { fixPhantomLeapDay } from "./dates";
import { GridBuilder } from "./grid";
import { DEFAULT_READ_LIMITS, MAX_CELL_TEXT } from "./limits";

/** exceljs keeps merges in a private map keyed by the master cell; ws.model would serialise every row to get them. */
interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function mergesOf(ws: ExcelJS.Worksheet): CellRange[] {
  const merges = (ws as unknown as { _merges?: Record<string, MergeRange> })._merges ?? {};
  return Object.values(merges).map((m) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
}

function clip(text: string): string {
  return text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT) : text;
}

/** An exceljs cell value or formula result as a plain CellValue: rich text joined, links as their text. */
function plainValue(value: unknown, date1904: boolean): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return clip(value);
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : fixPhantomLeapDay(value, date1904);
  if (typeof value !== "object") return null;
  if ("richText" in value && Array.isArray(value.richText)) {
    return clip(value.richText.map((run: { text?: unknown }) => String(run.text ?? "")).join(""));
  }
  if ("error" in value) return String(value.error);
  if ("text" in value) return plainValue(value.text, date1904);
  return null;
}

export function worksheetToSheet(ws: ExcelJS.Worksheet): Sheet {
  const date1904 = Boolean(ws.workbook?.properties?.date1904);
  const grid = new GridBuilder(ws.name, DEFAULT_READ_LIMITS);
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // A merged range's other cells echo the master's value in exceljs; the grid holds it once.
      if (cell.isMerged && cell.master !== cell) return;
      // cell.value drops a formula's falsy result (0, false, ""); cell.result keeps it.
      const raw = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
      const value = plainValue(raw, date1904);
      if (value !== null) grid.set(rowNumber - 1, colNumber - 1, value);
    });
  });
  return { name: ws.name, hidden: ws.state === "hidden" || ws.state === "veryHidden", rows: grid.rows, merges: mergesOf(ws) };
}

export async function readWorkbookWithExceljs(bytes: Uint8Array): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook();
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  await workbook.xlsx.load(buffer);
  return { sheets: workbook.worksheets.map(worksheetToSheet), modifiedAt: workbook.modified ?? null };
}
