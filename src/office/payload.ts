// Excel on the web refuses a request over 5 MB. The cell data of a write (values as JSON, and the
// number format writes) is cut into batches under a budget, one context.sync() each; a sheet too big for what is left
// of a batch is split into row blocks. Everything fits one batch in all but the largest workbooks.
import type { ExcelGrid } from "./cells";

/** Rows [top, bottom) of sheet `sheet` (an index into the grids). */
export interface RowBlock {
  sheet: number;
  top: number;
  bottom: number;
}

/** 4 MB: a megabyte below the limit is left for the formatting, chart and sheet operations of a batch. */
export const DEFAULT_MAX_REQUEST_BYTES = 4 * 1024 * 1024;

const utf8 = new TextEncoder();

/** What writing one rectangle of number formats costs: its address, its format and the operation. */
const FORMAT_WRITE_BYTES = 160;

/**
 * The bytes one row adds to a request: its values as JSON, UTF-8 encoded, and a format write for each
 * cell that may start a new rectangle of formats: every cell on a block's first row, else each cell
 * whose format differs from the one above it.
 */
export function rowBytes(grid: ExcelGrid, r: number, firstOfBlock: boolean): number {
  const above = grid.formats[r - 1];
  const newFormats = firstOfBlock || !above ? grid.width : grid.formats[r].filter((f, c) => f !== above[c]).length;
  return utf8.encode(JSON.stringify(grid.values[r])).length + 1 + newFormats * FORMAT_WRITE_BYTES;
}

/**
 * The row blocks of every grid, in order, packed into batches whose bytes stay under maxBytes. A single
 * row larger than the budget still goes alone in its batch: it cannot be cut further.
 */
export function planBatches(grids: ExcelGrid[], maxBytes: number): RowBlock[][] {
  const batches: RowBlock[][] = [[]];
  let used = 0;
  grids.forEach((grid, sheet) => {
    let block: RowBlock | null = null;
    for (let r = 0; r < grid.values.length; r++) {
      let bytes = rowBytes(grid, r, block === null);
      if (used > 0 && used + bytes > maxBytes) {
        batches.push([]);
        used = 0;
        block = null;
        bytes = rowBytes(grid, r, true);
      }
      if (!block) {
        block = { sheet, top: r, bottom: r };
        batches[batches.length - 1].push(block);
      }
      block.bottom = r + 1;
      used += bytes;
    }
  });
  return batches;
}
