// Excel on the web refuses a request over 5 MB. The cell data of a write (values and number formats, as
// JSON) is cut into batches under a budget, one context.sync() each; a sheet too big for what is left
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

/** The bytes one row adds to a request: its values and its number formats as JSON, UTF-8 encoded. */
export function rowBytes(grid: ExcelGrid, r: number): number {
  return utf8.encode(JSON.stringify(grid.values[r])).length + utf8.encode(JSON.stringify(grid.formats[r])).length + 2;
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
      const bytes = rowBytes(grid, r);
      if (used > 0 && used + bytes > maxBytes) {
        batches.push([]);
        used = 0;
        block = null;
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
