// Builds a sheet's ragged grid from cells arriving in any order, refusing grids past the limits before
// allocating them.
import type { CellValue } from "../../core/types";
import { readErrors } from "./errors";
import { MAX_COLUMNS, type ReadLimits } from "./limits";

/**
 * Rows without any value share this one frozen array, so a lone far cell (XFD1048576) costs a pointer
 * per row above it rather than an array per row. Writing into it throws instead of corrupting others.
 */
const EMPTY_ROW: CellValue[] = Object.freeze([]) as unknown as CellValue[];

export class GridBuilder {
  readonly rows: CellValue[][] = [];
  private slots = 0;

  constructor(
    private readonly sheetName: string,
    private readonly limits: Pick<ReadLimits, "maxRows" | "maxCells">,
  ) {}

  set(row: number, col: number, value: CellValue): void {
    if (row >= this.limits.maxRows || col >= MAX_COLUMNS) throw readErrors.tooManyRows(this.sheetName, this.limits.maxRows);
    const rows = this.rows;
    while (rows.length <= row) rows.push(EMPTY_ROW);
    let cells = rows[row];
    if (col >= cells.length) {
      this.slots += col + 1 - cells.length;
      if (this.slots > this.limits.maxCells) throw readErrors.tooManyCells(this.sheetName, this.limits.maxCells);
      if (cells === EMPTY_ROW) rows[row] = cells = [];
      while (cells.length < col) cells.push(null);
      cells.push(value);
    } else {
      cells[col] = value;
    }
  }
}
