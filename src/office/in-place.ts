// The clerk's sheets (INPUT_SHEETS: "Cài đặt", "Đơn vị", ...) once they exist are written in place: the
// core hands the store the whole grid with a few cells changed (a setting's value, units added under the
// last row), and only those cells are written. Replacing the sheet, as the product's own sheets are
// replaced (write-plan.ts), would turn the clerk's formulas, formats and widths in it into plain values,
// and a formula on another sheet pointing into it would become #REF! with the deleted sheet.
import { sameCell } from "../core/cell-compare";
import { INPUT_SHEETS } from "../core/master-sheets";
import type { CellRange, CellValue, OutValue } from "../core/types";
import { stackRows } from "./layout";
import { sheetKey } from "../core/sheet-names";

const IN_PLACE = new Set(INPUT_SHEETS.map(sheetKey));

/** Whether a spec of this name is written into its existing sheet (a missing one is created as usual). */
export function writesInPlace(name: string): boolean {
  return IN_PLACE.has(sheetKey(name));
}

/**
 * The cells of `values` (`width` columns) that differ from the sheet as it is (`current`, anchored at
 * A1), as few rectangles as runs of changed cells allow (runs across each row, stacked row over row),
 * top to bottom. A cell that holds what the spec wants is never written, so a formula of the clerk's
 * whose value the core carried over stays a formula. Rows under the sheet's last one are written whole
 * (`width` wide), so that they take the spec's number formats. Cells outside the spec are not the
 * write's: a sheet written in place gains or changes cells, it never loses any.
 */
export function changedRanges(values: readonly (readonly OutValue[])[], width: number, current: readonly (readonly CellValue[])[]): CellRange[] {
  const runs: CellRange[] = [];
  values.forEach((row, r) => {
    if (r >= current.length) {
      if (width > 0) runs.push({ top: r, left: 0, bottom: r, right: width - 1 });
      return;
    }
    let start = -1;
    for (let c = 0; c <= width; c++) {
      const changed = c < width && !sameCell(row[c] ?? null, current[r][c] ?? null);
      if (changed && start < 0) start = c;
      if (!changed && start >= 0) {
        runs.push({ top: r, left: start, bottom: r, right: c - 1 });
        start = -1;
      }
    }
  });
  return stackRows(runs).sort((a, b) => a.top - b.top || a.left - b.left);
}
