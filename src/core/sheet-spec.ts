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

/** A sheet holding one table: header on the first row, frozen, bold. */
export function tableSheet(name: string, columns: Column[], rows: OutValue[][], fills: FillRange[] = []): SheetSpec {
  const headerFormats = columns.map(() => TEXT);
  const rowFormats = columns.map((c) => c.format);
  return {
    name,
    values: [columns.map((c) => c.header), ...rows],
    numberFormats: [headerFormats, ...rows.map(() => rowFormats)],
    fills,
    boldRows: [0],
    wrapRows: [0],
    columnWidths: columns.map((c) => c.width),
    freeze: { rows: 1, columns: 0 },
  };
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
