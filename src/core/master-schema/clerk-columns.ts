// Columns a clerk added to a table the product rewrites ("Ghi chú" beside "Nộp báo cáo", "Đã gọi điện"
// beside "Phát hiện"). The product's columns are found by their headers (findHeader); every other column
// with content is the clerk's. On a rewrite each clerk cell follows its row's key (a fact's period, unit
// and indicator; a submission's period and unit; every cell of a log line or a finding) to the new row of
// that key, and the clerk's columns stand right of the product's, in their order, as values (a formula's
// last result; their formats are not kept). What has no place in the new table is copied, whole rows, to
// a "(sửa tay)" copy with a finding: clerk cells whose row is gone (a report replaced, a finding no longer
// found), rows written above the header, and a whole sheet whose header the product no longer finds.
import { cellKey } from "../cell-compare";
import { finding } from "../findings";
import { foldCompact } from "../fold";
import { copyNamer, copySheet } from "../output-seal";
import { withinExcelLimits } from "../sheet-spec";
import type { CellValue, Finding, OutValue, SheetSpec } from "../types";
import { isBlankCell } from "./cell-types";
import { DATA } from "./data-sheet";
import { FINDINGS } from "./findings-sheet";
import { LOG } from "./log-sheet";
import { SUBMISSIONS } from "./submissions-sheet";
import { findHeader } from "./table-schema";

/** What this module needs of a table's declaration. */
interface KeyedTable {
  sheet: string;
  columns: readonly { key: string; header: string }[];
  rowKey?: readonly string[];
}

const TABLES = new Map<string, KeyedTable>([DATA, SUBMISSIONS, LOG, FINDINGS].map((t: KeyedTable) => [t.sheet, t]));

const CLERK_COLUMN_WIDTH = 14;
/** A clerk's cell is written as General: text stays text (an inline string), a date shows as a date. */
const CLERK_FORMAT = "";

type Grid = readonly (readonly CellValue[])[];

export interface ClerkContent {
  /** The specs, each table with the clerk's columns carried. */
  specs: SheetSpec[];
  /** "(sửa tay)" copies of what had no place in the new tables. */
  copies: SheetSpec[];
  problems: Finding[];
}

const hasContent = (row: readonly CellValue[] | undefined) => !!row && row.some((c) => !isBlankCell(c ?? null));

/**
 * The specs with every clerk column of the sheets they replace carried along. `grids` holds the sheets
 * as they are now (a missing one has nothing to carry); `taken` says which sheet names the workbook has.
 */
export function keepClerkContent(specs: readonly SheetSpec[], grids: Record<string, Grid | undefined>, taken: (name: string) => boolean): ClerkContent {
  const nameCopy = copyNamer(taken);
  const out: ClerkContent = { specs: [], copies: [], problems: [] };
  for (const spec of specs) {
    const table = TABLES.get(spec.name);
    const grid = grids[spec.name];
    const carried = table && grid ? carry(table, spec, grid) : null;
    out.specs.push(carried?.spec ?? spec);
    if (!carried?.left.length) continue;
    const copy = nameCopy(spec.name);
    out.copies.push(copySheet(copy, carried.left));
    out.problems.push(finding("CLERK_ROWS_MOVED", `Trang "${spec.name}": ${carried.why} Các dòng đó được chép nguyên sang trang "${copy}" trước khi phần mềm ghi lại trang.`, { file: "Sổ tổng hợp", sheet: spec.name }));
  }
  return out;
}

interface Carried {
  spec: SheetSpec;
  /** Rows for the copy (the old header among them), empty when everything found its place. */
  left: CellValue[][];
  why: string;
}

function carry(table: KeyedTable, spec: SheetSpec, grid: Grid): Carried | null {
  const header = findHeader(grid, table.columns.map((c) => c.header));
  if (!header) {
    if (!grid.some(hasContent)) return null;
    return { spec, left: grid.map((r) => [...r]), why: "phần mềm không còn nhận ra dòng tiêu đề cột, nên không đọc được nội dung cũ của trang." };
  }
  const declared = table.columns.map((c) => header.columns.get(foldCompact(c.header)));
  const own = new Set(declared.filter((p): p is number => p !== undefined));
  const width = grid.reduce((w, r) => Math.max(w, r.length), 0);
  const extra: number[] = [];
  for (let c = 0; c < width; c++) {
    if (!own.has(c) && grid.some((row, r) => r >= header.row && !isBlankCell(row[c] ?? null))) extra.push(c);
  }
  const above = grid.slice(0, header.row).filter(hasContent).map((r) => [...r]);
  if (extra.length === 0 && above.length === 0) return null;

  const keyColumns = (table.rowKey ?? table.columns.map((c) => c.key)).map((k) => table.columns.findIndex((c) => c.key === k));
  const oldKey = (row: readonly CellValue[]) => keyColumns.map((i) => (declared[i] === undefined ? "" : cellKey(row[declared[i]!] ?? null))).join("\u0001");
  const waiting = new Map<string, number[]>();
  for (let r = header.row + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    if (!extra.some((c) => !isBlankCell(row[c] ?? null))) continue;
    const key = oldKey(row);
    const rows = waiting.get(key);
    if (rows) rows.push(r);
    else waiting.set(key, [r]);
  }

  const clerkCells = (r: number | undefined): OutValue[] => extra.map((c) => (r === undefined ? null : (grid[r]?.[c] ?? null)));
  const formats = new Map<readonly string[], string[]>();
  const extend = (f: readonly string[]) => {
    let e = formats.get(f);
    if (!e) formats.set(f, (e = [...f, ...extra.map(() => CLERK_FORMAT)]));
    return e;
  };
  const values = spec.values.map((row, r) => {
    if (r === 0) return [...row, ...extra.map((c) => grid[header.row]?.[c] ?? null)];
    const key = keyColumns.map((i) => cellKey(row[i])).join("\u0001");
    return [...row, ...clerkCells(waiting.get(key)?.shift())];
  });
  const carried = withinExcelLimits({
    ...spec,
    values,
    numberFormats: spec.numberFormats.map(extend),
    columnWidths: [...spec.columnWidths, ...extra.map(() => CLERK_COLUMN_WIDTH)],
  });

  const gone = [...waiting.values()].flat().sort((a, b) => a - b);
  const names = extra.map((c) => grid[header.row]?.[c]).filter((h) => !isBlankCell(h ?? null)).map((h) => `"${cellKey(h)}"`);
  const reasons = [
    gone.length ? `${gone.length} dòng có nội dung ở cột do người dùng thêm${names.length ? ` (${names.join(", ")})` : ""} không còn dòng tương ứng sau lần ghi này (báo cáo đã được thay, hoặc phát hiện không còn).` : "",
    above.length ? `${above.length} dòng phía trên dòng tiêu đề cột là của người dùng.` : "",
  ].filter(Boolean);
  const left = reasons.length ? [...above, [...(grid[header.row] ?? [])], ...gone.map((r) => [...grid[r]])] : [];
  return { spec: carried, left, why: reasons.join(" ") };
}
