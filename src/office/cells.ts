// Cells between the engine's grids and what Office.js reads and writes: Excel hands back dates as day
// serials and empty cells as "", takes no Date objects, and parses a written string the way it parses
// typing, so text that looks like a formula must be escaped.
import { parseAddress, rangeAddress } from "../core/address";
import { rectangular } from "../core/sheet-spec";
import type { CellRange, CellValue, OutValue, SheetSpec } from "../core/types";
import { isDateFormatCode, serialToDate } from "../io/xlsx/dates";

/** What Range.values accepts: "" empties a cell. */
export type ExcelScalar = string | number | boolean;

export const TEXT_FORMAT = "@";
const GENERAL = "General";
const DAY_MS = 86_400_000;
/** Serial of 1970-01-01 in Excel's 1900 date system. */
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * Strings Excel would not store as typed. Range.values parses a string like typing: a leading "=", "+",
 * "-" (the reference says so) or "@" (implicit intersection) starts a formula, and a leading apostrophe
 * is swallowed as the quote prefix.
 */
const UNSAFE_TEXT = /^(\s*[=+\-@]|')/;

/**
 * A value as written through Range.values. Text is protected twice, because a formula built from a
 * report file ("=HYPERLINK(...)", "=WEBSERVICE(...)") must never run in the clerk's workbook:
 * 1. every non-empty string cell gets the text format "@" before its values are written (see
 *    cellFormat), which on its own keeps Excel from parsing the string;
 * 2. a string Excel would read as a formula, or whose own apostrophe it would swallow, is written with
 *    a leading apostrophe: the quote prefix Excel itself uses for "text as typed". It is not part of the
 *    value (Range.values reads the string back without it), so the cell holds exactly the report's text
 *    on every host, including one that parses the string despite the text format.
 */
export function excelValue(v: OutValue): ExcelScalar {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : dateToSerial(v);
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  if (typeof v === "string") return UNSAFE_TEXT.test(v) ? `'${v}` : v;
  return v;
}

/** A cell's number format: its spec's, except that any text is formatted as text (see excelValue). */
export function cellFormat(v: OutValue, format: string | undefined): string {
  if (typeof v === "string" && v !== "") return TEXT_FORMAT;
  return format || GENERAL;
}

/** A wall-clock Date (UTC fields as Excel shows them) as an Excel day serial. */
export function dateToSerial(d: Date): number {
  return d.getTime() / DAY_MS + UNIX_EPOCH_SERIAL;
}

/** A spec as the two rectangles one Range write takes: values and number formats, row by row. */
export interface ExcelGrid {
  values: ExcelScalar[][];
  formats: string[][];
  width: number;
}

export function excelGrid(spec: SheetSpec): ExcelGrid {
  const rows = rectangular<OutValue>(spec.values, null);
  const width = rows[0]?.length ?? 0;
  return {
    values: rows.map((row) => row.map(excelValue)),
    formats: rows.map((row, r) => row.map((v, c) => cellFormat(v, spec.numberFormats[r]?.[c]))),
    width,
  };
}

// ---------------------------------------------------------------------------------------------------
// Reading

/** A read cell: "" is empty, a number shown as a date is that date (UTC fields = wall clock). */
export function cellValue(v: unknown, format: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number") {
    if (typeof format === "string" && isDateFormatCode(format)) return serialToDate(v, false) ?? v;
    return v;
  }
  if (typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/** "'Dữ liệu'!B3:D10" -> the 0-based range it covers, or null when it is not a cell range. */
export function parseRangeAddress(address: string): CellRange | null {
  const local = address.slice(address.lastIndexOf("!") + 1);
  const [first, last = first] = local.split(":");
  const a = parseAddress(first);
  const b = parseAddress(last);
  if (!a || !b) return null;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

/**
 * A used range as a grid anchored at A1: rows[r][c] is the cell at row r, column c even when the used
 * range starts further down or right (rows above it are empty, cells left of it null).
 */
export function gridFromRange(address: string, values: unknown[][], formats: unknown[][]): CellValue[][] {
  const origin = parseRangeAddress(address) ?? { top: 0, left: 0 };
  const lead = new Array<CellValue>(origin.left).fill(null);
  const rows: CellValue[][] = Array.from({ length: origin.top }, () => []);
  values.forEach((row, r) => rows.push([...lead, ...row.map((v, c) => cellValue(v, formats[r]?.[c]))]));
  return rows;
}

export function a1(range: CellRange): string {
  return rangeAddress(range.top, range.left, range.bottom, range.right);
}
