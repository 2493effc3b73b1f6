/// <reference types="office-js" />
// Reading used ranges whose size is known (a sync that loaded rowIndex, columnIndex, rowCount and
// columnCount) in row blocks of about 3 MB of response per sync: Excel on the web refuses a response over
// 5 MB, and a province's "Dữ liệu" alone is 20 MB.
//
// A block's size comes from what a row of its sheet was seen to weigh: its first block is a sample of at
// most 1,000 rows sized by a guess of 64 bytes a cell; after it, the heaviest average of its blocks so far.
// A response Excel still refuses as too big costs a sync, and its blocks are read again in halves. Number formats
// are read only where they decide a value: dates are day serials that only their format tells from
// numbers. A sheet's first block (which holds the whole sheet unless it has thousands of rows) loads the
// format of every cell; later blocks load it only for the columns where that first block showed a date
// format. The product writes each column of its big tables with one format, and the sheets the clerk
// edits by hand are small, so a date below the first block in a column without one is not expected; it
// would be read as its day serial.
import type { CellValue } from "../core/types";
import { isDateFormatCode } from "../io/xlsx/dates";
import { cellValue } from "./cells";
import { jsonBytes, READ_BUDGET_BYTES } from "./payload";

/** The used range of a sheet, 0-based. */
export interface UsedBox {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

export const BOX_PROPERTIES = ["rowIndex", "columnIndex", "rowCount", "columnCount"];

/** A used range loaded with BOX_PROPERTIES, after its sync: null for an empty (or missing) sheet. */
export function usedBox(used: Excel.Range): UsedBox | null {
  return used.isNullObject ? null : { top: used.rowIndex, left: used.columnIndex, rows: used.rowCount, columns: used.columnCount };
}

export function loadUsedBox(sheet: Excel.Worksheet): Excel.Range {
  // valuesOnly: cells that are only formatted (a coloured empty row) do not stretch the grid.
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load(BOX_PROPERTIES);
  return used;
}

/**
 * The cells of a known rectangle from A1, `rows` × `columns`, loaded in the sync that also learns the
 * sheet's used range (for a sheet the write is about to patch, whose size it knows from its spec): the
 * one-sync read of a sheet known to be small. Null when there is nothing to load.
 */
export function loadWindow(sheet: Excel.Worksheet, rows: number, columns: number): Excel.Range | null {
  if (rows === 0 || columns === 0) return null;
  const window = sheet.getRangeByIndexes(0, 0, rows, columns);
  window.load(["values", "numberFormat"]);
  return window;
}

/** A loaded window as a grid anchored at A1, cut at the used range's last row (the rows under it are empty). */
export function windowGrid(window: Excel.Range | null, used: UsedBox | null): CellValue[][] {
  if (!window || !used) return [];
  const formats = window.numberFormat;
  return window.values.slice(0, used.top + used.rows).map((row, r) => row.map((v, c) => cellValue(v, formats[r][c])));
}

const FIRST_GUESS_BYTES_PER_CELL = 64;
/** A first block is a sample: long texts in thousands of rows could otherwise pass 5 MB before any is seen. */
const FIRST_BLOCK_ROWS = 1000;
/** Excel on the web's response limit: a refused block weighed at least this. */
const RESPONSE_LIMIT_BYTES = 5_000_000;

interface Target {
  sheet: Excel.Worksheet;
  box: UsedBox;
  next: number;
  rowBytes: number;
  /** Columns (relative to the box) whose formats are read after the first block; null before it. */
  dateColumns: number[] | null;
  rows: CellValue[][];
}

interface Block {
  target: Target;
  top: number;
  rows: number;
  values: Excel.Range;
  /** The whole block's formats (first block), or the date columns' runs [first column, range]. */
  formats: Excel.Range | [number, Excel.Range][];
}

/**
 * The cells of each box as a grid anchored at A1 (rows above the box empty, cells left of it null), in
 * ⌈R / budget⌉ syncs or one more while the rows' weight is learnt, R being the bytes of the values (and
 * date formats) read; and one more for each response refused as too big, retried in halves.
 */
export async function readBoxes(context: Excel.RequestContext, boxes: { sheet: Excel.Worksheet; box: UsedBox | null }[], budget = READ_BUDGET_BYTES): Promise<CellValue[][][]> {
  const targets = boxes.map(({ sheet, box }) => ({
    target: box ? ({ sheet, box, next: 0, rowBytes: box.columns * FIRST_GUESS_BYTES_PER_CELL, dateColumns: null, rows: [] } as Target) : null,
  }));
  const open = () => targets.flatMap(({ target }) => (target && target.next < target.box.rows ? [target] : []));
  while (open().length > 0) {
    const blocks = planBlocks(open(), budget);
    try {
      await context.sync();
    } catch (e) {
      if (!isResponseTooLarge(e)) throw e;
      if (blocks.every((b) => b.rows === 1)) throw new Error(`Một dòng của trang tính quá lớn để Excel trả về trong một lần đọc (giới hạn 5 MB của Excel trên web).`, { cause: e });
      for (const b of blocks) b.target.rowBytes = Math.max(2 * b.target.rowBytes, RESPONSE_LIMIT_BYTES / b.rows);
      continue;
    }
    for (const b of blocks) takeBlock(b);
  }
  return targets.map(({ target }) => (target ? anchored(target) : []));
}

function planBlocks(open: Target[], budget: number): Block[] {
  const blocks: Block[] = [];
  let used = 0;
  for (const t of open) {
    const cap = t.dateColumns === null ? FIRST_BLOCK_ROWS : Infinity;
    const rows = Math.min(t.box.rows - t.next, cap, Math.max(1, Math.floor((budget - used) / t.rowBytes)));
    if (blocks.length > 0 && used + rows * t.rowBytes > budget) break;
    blocks.push(queueBlock(t, t.next, rows));
    used += rows * t.rowBytes;
    if (used >= budget) break;
  }
  return blocks;
}

function queueBlock(target: Target, top: number, rows: number): Block {
  const { sheet, box } = target;
  const values = sheet.getRangeByIndexes(box.top + top, box.left, rows, box.columns);
  if (target.dateColumns === null) {
    values.load(["values", "numberFormat"]);
    return { target, top, rows, values, formats: values };
  }
  values.load("values");
  const formats = columnRuns(target.dateColumns).map(([first, last]): [number, Excel.Range] => {
    const range = sheet.getRangeByIndexes(box.top + top, box.left + first, rows, last - first + 1);
    range.load("numberFormat");
    return [first, range];
  });
  return { target, top, rows, values, formats };
}

/** Sorted columns as runs of consecutive ones: [first, last]. */
function columnRuns(columns: number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const c of columns) {
    const last = runs[runs.length - 1];
    if (last && last[1] === c - 1) last[1] = c;
    else runs.push([c, c]);
  }
  return runs;
}

function takeBlock(b: Block): void {
  const t = b.target;
  const values = b.values.values;
  const formatAt = blockFormats(b);
  if (t.dateColumns === null) {
    const formats = b.values.numberFormat;
    t.dateColumns = [];
    for (let c = 0; c < t.box.columns; c++) if (formats.some((row) => typeof row[c] === "string" && isDateFormatCode(row[c]))) t.dateColumns.push(c);
  }
  const dateColumns = new Set(t.dateColumns);
  let bytes = 0;
  values.forEach((row, r) => {
    bytes += jsonBytes(row) + 1;
    for (const c of dateColumns) bytes += jsonBytes(formatAt(r, c)) + 1;
    t.rows.push(row.map((v, c) => cellValue(v, formatAt(r, c))));
  });
  // The first block's guess gives way to what a row weighs; later blocks can only raise it.
  const observed = bytes / Math.max(1, values.length);
  t.rowBytes = t.next === 0 ? observed : Math.max(t.rowBytes, observed);
  t.next += b.rows;
}

function blockFormats(b: Block): (r: number, c: number) => unknown {
  if (!Array.isArray(b.formats)) {
    const all = b.formats.numberFormat;
    return (r, c) => all[r]?.[c];
  }
  const byColumn = new Map<number, { first: number; formats: unknown[][] }>();
  for (const [first, range] of b.formats) {
    const formats = range.numberFormat;
    for (let c = 0; c < (formats[0]?.length ?? 0); c++) byColumn.set(first + c, { first, formats });
  }
  return (r, c) => {
    const hit = byColumn.get(c);
    return hit ? hit.formats[r]?.[c - hit.first] : undefined;
  };
}

function anchored(t: Target): CellValue[][] {
  const lead = new Array<CellValue>(t.box.left).fill(null);
  const above = Array.from({ length: t.box.top }, (): CellValue[] => []);
  return [...above, ...(t.box.left > 0 ? t.rows.map((row) => [...lead, ...row]) : t.rows)];
}

function isResponseTooLarge(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "ResponsePayloadSizeLimitExceeded";
}
