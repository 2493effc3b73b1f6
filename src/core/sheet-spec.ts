// Building SheetSpecs: a table is a header row and data rows, each column with its own format and width.
import type { FillRange, OutValue, SheetSpec } from "./types";

export interface Column {
  header: string;
  width: number;
  /** Excel number format for the data cells: "@" text, "#,##0", "0.0%", "dd/mm/yyyy", "" general. */
  format: string;
}

export const TEXT = "@";
export const COUNT = "#,##0";
export const PERCENT = "0.0%";
export const DAY = "dd/mm/yyyy";
export const INSTANT = "dd/mm/yyyy hh:mm";

export function col(header: string, width: number, format = TEXT): Column {
  return { header, width, format };
}

/**
 * A sheet holding one table: header on the first row, frozen, bold. Each data cell takes its column's
 * format unless `formats` gives the data rows their own (a target's value is a percentage or a count).
 */
export function tableSheet(name: string, columns: Column[], rows: OutValue[][], fills: FillRange[] = [], formats?: string[][]): SheetSpec {
  const rowFormats = columns.map((c) => c.format);
  return withinExcelLimits({
    name,
    values: [columns.map((c) => c.header), ...rows],
    numberFormats: [columns.map(() => TEXT), ...(formats ?? rows.map(() => rowFormats))],
    fills,
    boldRows: [0],
    wrapRows: [0],
    columnWidths: columns.map((c) => c.width),
    freeze: { rows: 1, columns: 0 },
  });
}

/** Excel refuses a file holding a longer text in one cell. */
export const MAX_CELL_TEXT = 32_767;
export const TRUNCATION_MARKER = "… (đã cắt bớt, quá 32.767 ký tự)";

/** Text cut to fit one Excel cell, ending with a marker that says so; shorter text is returned as is. */
export function clampCellText(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  let end = MAX_CELL_TEXT - TRUNCATION_MARKER.length;
  // Never split a character outside the Basic Multilingual Plane in two.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end) + TRUNCATION_MARKER;
}

/**
 * Every sheet the core describes passes here: whatever a report or a units file held, no cell text
 * exceeds what Excel can open, and a cut is visible in the cell itself.
 */
export function withinExcelLimits(spec: SheetSpec): SheetSpec {
  const long = spec.values.some((row) => row.some((v) => typeof v === "string" && v.length > MAX_CELL_TEXT));
  if (!long) return spec;
  return { ...spec, values: spec.values.map((row) => row.map((v) => (typeof v === "string" ? clampCellText(v) : v))) };
}

/** Pads every row of a grid to the same width so adapters can write it as one rectangle. */
export function rectangular<T>(rows: T[][], fill: T): T[][] {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  return rows.map((r) => (r.length === width ? r : [...r, ...new Array<T>(width - r.length).fill(fill)]));
}

/** Excel stores wall-clock times: an instant is shown in Vietnam time (UTC+7). */
const VN_OFFSET_MS = 7 * 3600 * 1000;

export function instantToCell(iso: string): Date | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : new Date(Math.floor(t / 1000) * 1000 + VN_OFFSET_MS);
}

export function dayToCell(day: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  return new Date(`${day}T00:00:00Z`);
}

/** The inverse of instantToCell for a Date cell read back from a sheet. */
export function cellToInstant(d: Date): string {
  return new Date(d.getTime() - VN_OFFSET_MS).toISOString();
}
