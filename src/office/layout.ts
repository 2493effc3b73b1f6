// Formatting a SheetSpec asks for, reduced to few Range operations: every operation is a few hundred
// bytes of the request and some work for Excel, and a status sheet of 300 units has thousands of fills.
import type { CellRange, FillRange } from "../core/types";

/**
 * Fills merged into as few rectangles as possible: same colours, side by side on a row, then the
 * resulting strips stacked row over row. The specs' fills never overlap, so their order does not matter.
 */
export function coalesceFills(fills: readonly FillRange[]): FillRange[] {
  const groups = new Map<string, FillRange[]>();
  for (const f of fills) {
    const key = `${f.color}|${f.fontColor ?? ""}`;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  return [...groups.values()].flatMap((group) => {
    const style = { color: group[0].color, fontColor: group[0].fontColor };
    const rectangles = stackRows(joinAcross(group.map((f) => f.range)));
    return rectangles.map((range) => (style.fontColor ? { range, ...style } : { range, color: style.color }));
  });
}

function joinAcross(ranges: CellRange[]): CellRange[] {
  const sorted = [...ranges].sort((a, b) => a.top - b.top || a.bottom - b.bottom || a.left - b.left);
  return mergeRuns(sorted, (prev, next) => prev.top === next.top && prev.bottom === next.bottom && next.left === prev.right + 1, (prev, next) => ({
    ...prev,
    right: next.right,
  }));
}

/** Ranges of one width stacked row over row into rectangles. */
export function stackRows(ranges: CellRange[]): CellRange[] {
  const sorted = [...ranges].sort((a, b) => a.left - b.left || a.right - b.right || a.top - b.top);
  return mergeRuns(sorted, (prev, next) => prev.left === next.left && prev.right === next.right && next.top === prev.bottom + 1, (prev, next) => ({
    ...prev,
    bottom: next.bottom,
  }));
}

function mergeRuns(sorted: CellRange[], adjacent: (a: CellRange, b: CellRange) => boolean, join: (a: CellRange, b: CellRange) => CellRange): CellRange[] {
  const out: CellRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && adjacent(last, r)) out[out.length - 1] = join(last, r);
    else out.push(r);
  }
  return out;
}

/**
 * A block of rows' number formats as rectangles of one format each, each written as one value that
 * Excel applies to every cell of the range (write.ts: setNumberFormat). A table's formats are the same
 * down each column, so a sheet of 20,000 rows takes a handful of writes instead of doubling the request with a 2-D array
 * of formats as big as its values.
 */
export function formatRectangles(formats: readonly string[][], top: number, bottom: number): { range: CellRange; format: string }[] {
  const byFormat = new Map<string, CellRange[]>();
  const width = formats[top]?.length ?? 0;
  for (let c = 0; c < width; c++) {
    let start = top;
    for (let r = top + 1; r <= bottom; r++) {
      if (r < bottom && formats[r][c] === formats[start][c]) continue;
      const format = formats[start][c];
      const run = { top: start, left: c, bottom: r - 1, right: c };
      const list = byFormat.get(format);
      if (list) list.push(run);
      else byFormat.set(format, [run]);
      start = r;
    }
  }
  return [...byFormat].flatMap(([format, runs]) => joinAcross(runs).map((range) => ({ range, format })));
}

/**
 * Neighbouring indices of one value as runs, each set in one call: columns of one width, rows of one
 * height, columns that wrap. The entries may come in any order; an index appears at most once.
 */
export function valueRuns<T>(entries: readonly (readonly [number, T])[]): { first: number; last: number; value: T }[] {
  const runs: { first: number; last: number; value: T }[] = [];
  for (const [i, value] of [...entries].sort((a, b) => a[0] - b[0])) {
    const last = runs[runs.length - 1];
    if (last && last.value === value && last.last === i - 1) last.last = i;
    else runs.push({ first: i, last: i, value });
  }
  return runs;
}

/**
 * A width in characters (as SheetSpec and exceljs give it) in points, as Range.format.columnWidth takes
 * it: Excel's character unit is the width of "0" in Calibri 11 (7 px) plus 5 px of padding, and a pixel
 * is 0.75 pt at 96 dpi.
 */
export function columnWidthPoints(chars: number): number {
  return (chars * 7 + 5) * 0.75;
}
