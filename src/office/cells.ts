// Cells between the engine's grids and what Office.js reads and writes: Excel hands back dates as day
// serials and empty cells as "", takes no Date objects, and parses a written string the way it parses
// typing, so text is written with the quote prefix that keeps it text.
import { parseAddress, rangeAddress } from "../core/address";
import { rectangular } from "../core/sheet-spec";
import type { CellRange, CellValue, OutValue, SheetSpec } from "../core/types";
import { isDateFormatCode, serialToDate } from "../io/xlsx/dates";

/** What Range.values accepts: "" empties a cell. */
export type ExcelScalar = string | number | boolean;

const GENERAL = "General";
const DAY_MS = 86_400_000;
/** Serial of 1970-01-01 in Excel's 1900 date system. */
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * A value as written through Range.values. Excel parses a written string as it parses typing (the
 * reference: a leading "=", "+" or "-" makes a formula; and so do "@" and number-, date- or boolean-like
 * text, by the locale), and a formula built from a report file ("=HYPERLINK(...)", "=WEBSERVICE(...)")
 * must never run in the clerk's workbook. The one protection used is the one Excel documents for typing
 * text as text: a leading apostrophe, the quote prefix, on every non-empty string. It is not part of the
 * value (Range.values reads the string back without it, so nothing grows on a round trip), and a string
 * that starts with an apostrophe of its own keeps it, the first one being swallowed.
 *
 * The apostrophe is only ever written into cells that are not formatted as text: a write goes to a new
 * sheet, and its number formats (including the spec's "@" for text columns, which keeps what the clerk
 * later types there as text) are applied after the values (see write-plan.ts). Whether Excel keeps an
 * apostrophe written into a cell already formatted "@" is not documented, so that never happens.
 */
export function excelValue(v: OutValue): ExcelScalar {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : dateToSerial(v);
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  if (typeof v === "string") return v === "" ? "" : `'${v}`;
  return v;
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
    formats: rows.map((row, r) => row.map((_, c) => spec.numberFormats[r]?.[c] || GENERAL)),
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

export function a1(range: CellRange): string {
  return rangeAddress(range.top, range.left, range.bottom, range.right);
}
