// Cells compared as a clerk sees them, whichever way they were written and read back: a number to 12
// significant digits, text in NFC without surrounding spaces, blank and "" alike. The output seal, the
// keys of rows a clerk's own columns follow, and the check that a rewrite would change nothing all use it.
import { cellText } from "./numbers";
import type { CellValue, OutValue } from "./types";

export function cellKey(v: CellValue | OutValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(Number(v.toPrecision(12))) : "";
  if (v instanceof Date) return String(v.getTime());
  return cellText(v).normalize("NFC").trim();
}

export function sameCell(a: CellValue | OutValue | undefined, b: CellValue | OutValue | undefined): boolean {
  // Most cells of a sheet written again are the very values read: no text to build for them.
  if (a === b) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return cellKey(a) === cellKey(b);
}

/** Whether two grids hold the same cells, trailing blank cells and rows aside. */
export function sameGrid(a: readonly (readonly (CellValue | OutValue)[])[], b: readonly (readonly (CellValue | OutValue)[])[]): boolean {
  const rows = Math.max(a.length, b.length);
  for (let r = 0; r < rows; r++) {
    const x = a[r] ?? [];
    const y = b[r] ?? [];
    const width = Math.max(x.length, y.length);
    for (let c = 0; c < width; c++) if (!sameCell(x[c], y[c])) return false;
  }
  return true;
}
