// Finding a report's indicator table and giving every column a role: the header row that names who the
// rows are (Mã chỉ tiêu, Chỉ tiêu), with a merged group header above or one or two rows of sub-headers
// below ("Kết quả thực hiện" over "Tháng 3/2026 | Tháng 4/2026", over "Tử số | Mẫu số"), and which
// columns are the report's own period.
import { ColumnMeaning, columnMeaning, headerLabel, isFigureLabel, isIdentityLabel, isOwnPeriod, LabelMeaning, PeriodMention } from "./column-roles";
import { parseNumber } from "./numbers";
import { cellRef, Grid, isBlank, rowAt, rowCount } from "./sheet-grid";
import type { Period } from "./types";

/** The indicator table's header row is looked for this far down a sheet. */
const TABLE_SEARCH_ROWS = 100;
/** A Word report's rows are paragraphs: pages of narrative may come before its table. */
const DOCUMENT_SEARCH_ROWS = 2_000;
/** A header is at most a group row, the row naming the identity columns, and two rows of sub-headers. */
const MAX_HEADER_ROWS = 4;
/** Merges wider than this are decoration, not a header over columns. */
const MAX_MERGE_WIDTH = 60;

export interface TableColumn {
  col: number;
  /** The column's header labels as written, top to bottom, joined with " / "; "" without any. */
  header: string;
  /** The cell of the column's lowest header label ("" without one). */
  headerCell: string;
  meaning: ColumnMeaning;
}

export interface IndicatorTable {
  headerTop: number;
  headerBottom: number;
  dataStart: number;
  /** By column index; a column past the header's width has no entry and no role. */
  columns: TableColumn[];
}

export type IdentityRole = "code" | "name" | "uom" | "number" | "note";
export type FigureRole = "value" | "numerator" | "denominator" | "rate";

/** How the row reader treats a column's cells, once the report's period is known. */
export type ColumnUse =
  | { kind: "identity"; role: IdentityRole }
  | { kind: "figure"; role: FigureRole; cumulative: boolean }
  /** Recognised figures of something else: a plan, last year, a comparison, another period. */
  | { kind: "aside"; reason: string }
  /** A header the vocabulary does not know, or none: a figure here is named in a finding. */
  | { kind: "unknown" };

export function findIndicatorTable(grid: Grid): IndicatorTable | null {
  const last = Math.min(rowCount(grid), grid.sheet.rowPlaces ? DOCUMENT_SEARCH_ROWS : TABLE_SEARCH_ROWS);
  for (let r = 0; r < last; r++) {
    if (!namesIdentity(grid, r)) continue;
    const table = tableAt(grid, r);
    if (table) return table;
  }
  return null;
}

/** Whether a row has a "Mã chỉ tiêu" or "Chỉ tiêu" header: looked at for every row above the table. */
function namesIdentity(grid: Grid, r: number): boolean {
  const row = rowAt(grid, r);
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v === "string" && isIdentityLabel(headerLabel(v.trim()))) return true;
  }
  return false;
}

type RowLabels = (LabelMeaning | null)[];

function rowLabels(grid: Grid, r: number): RowLabels {
  const row = rowAt(grid, r);
  const labels: RowLabels = new Array(row.length);
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    labels[c] = typeof v === "string" ? headerLabel(v.trim()) : null;
  }
  return labels;
}

/** A row under the header naming figures or periods and holding nothing else: sub-headers. */
function isSubHeaderRow(grid: Grid, r: number): boolean {
  if (r >= rowCount(grid)) return false;
  const row = rowAt(grid, r);
  let figures = 0;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (isBlank(v)) continue;
    // Figures, typed as numbers or as text, are data: a header row holds none.
    if (typeof v !== "string" || parseNumber(v).kind === "number") return false;
    const label = headerLabel(v.trim());
    if (!label || isIdentityLabel(label)) return false;
    if (isFigureLabel(label)) figures++;
  }
  return figures > 0;
}

/** A group row above the identity row: figure or period labels standing over figure columns only. */
function isGroupRowAbove(grid: Grid, r: number, identityRow: RowLabels): boolean {
  if (r < 0 || !isSubHeaderRow(grid, r)) return false;
  const row = rowAt(grid, r);
  for (let c = 0; c < row.length; c++) {
    if (isBlank(row[c])) continue;
    // A group label stands over a figure column's label, never over who the rows are.
    if (!isFigureLabel(identityRow[c])) return false;
  }
  return true;
}

function tableAt(grid: Grid, r: number): IndicatorTable | null {
  const identityRow = rowLabels(grid, r);
  const top = isGroupRowAbove(grid, r - 1, identityRow) ? r - 1 : r;
  let bottom = r;
  while (bottom - top + 1 < MAX_HEADER_ROWS && isSubHeaderRow(grid, bottom + 1)) bottom++;
  const columns = headerColumns(grid, top, bottom);
  const identified = columns.some((c) => c.meaning.role === "code" || c.meaning.role === "name");
  const figures = columns.some((c) => isFigureRole(c.meaning.role));
  if (!identified || !figures) return null;
  return { headerTop: top, headerBottom: bottom, dataStart: dataStartBelow(grid, top, bottom), columns };
}

function isFigureRole(role: ColumnMeaning["role"]): boolean {
  return role === "value" || role === "numerator" || role === "denominator" || role === "total" || role === "rate";
}

interface HeaderCell {
  text: string;
  row: number;
  col: number;
}

/** Every column's labels, top to bottom: a merged cell labels every column it spans. */
function headerColumns(grid: Grid, top: number, bottom: number): TableColumn[] {
  const bandRows = bottom - top + 1;
  const covering: (HeaderCell | null)[][] = Array.from({ length: bandRows }, () => []);
  let width = 0;
  for (let br = 0; br < bandRows; br++) {
    const row = rowAt(grid, top + br);
    width = Math.max(width, row.length);
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "string" && v.trim() !== "") covering[br][c] = { text: v.trim(), row: top + br, col: c };
    }
  }
  for (const m of grid.mergeAt.values()) {
    if (m.bottom < top || m.top > bottom || m.right - m.left > MAX_MERGE_WIDTH) continue;
    const source = m.top >= top ? covering[m.top - top][m.left] : null;
    if (!source) continue;
    width = Math.max(width, m.right + 1);
    for (let rr = Math.max(m.top, top); rr <= Math.min(m.bottom, bottom); rr++) {
      for (let c = m.left; c <= m.right; c++) covering[rr - top][c] ??= source;
    }
  }
  centredAcross(covering, width);
  const columns: TableColumn[] = [];
  for (let c = 0; c < width; c++) {
    const cells: HeaderCell[] = [];
    for (let br = 0; br < bandRows; br++) {
      const cell = covering[br][c];
      if (cell && cells[cells.length - 1] !== cell) cells.push(cell);
    }
    const labels = cells.map((cell) => headerLabel(cell.text)).filter((l): l is LabelMeaning => l !== null);
    const lowest = cells[cells.length - 1];
    columns.push({
      col: c,
      header: cells.map((cell) => cell.text).join(" / "),
      headerCell: lowest ? cellRef(grid, lowest.row, lowest.col) : "",
      meaning: columnMeaning(labels),
    });
  }
  return markTotals(columns);
}

/**
 * A group label typed once and centred across the sub-headers under it (no merge): the blanks to its
 * right, over sub-headers, belong to it until the next label.
 */
function centredAcross(covering: (HeaderCell | null)[][], width: number): void {
  for (let br = 0; br < covering.length - 1; br++) {
    let group: HeaderCell | null = null;
    for (let c = 0; c < width; c++) {
      const cell = covering[br][c];
      if (cell) {
        const label = headerLabel(cell.text);
        group = label && isFigureLabel(label) && !isIdentityLabel(label) ? cell : null;
      } else if (group && covering[br + 1][c]) {
        covering[br][c] = group;
      } else {
        group = null;
      }
    }
  }
}

/** "Tổng số" is a ratio's denominator beside another figure column, and the figure itself alone. */
function markTotals(columns: TableColumn[]): TableColumn[] {
  const otherFigure = columns.some((c) => c.meaning.role === "value" || c.meaning.role === "numerator");
  for (const c of columns) {
    if (c.meaning.role === "total") c.meaning = { ...c.meaning, role: otherFigure ? "denominator" : "value" };
  }
  return columns;
}

/** The first data row: below the header and below any header cell merged downwards. */
function dataStartBelow(grid: Grid, top: number, bottom: number): number {
  let start = bottom + 1;
  for (const m of grid.mergeAt.values()) {
    if (m.top >= top && m.top <= bottom && m.bottom >= start) start = Math.min(m.bottom + 1, bottom + 4);
  }
  return start;
}

// ---------------------------------------------------------------------------------------------------
// The report's own period

/** Where a row's figure belongs when the row leaves it blank: a required indicator's finding points there. */
export interface FigureHomes {
  count: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface ColumnUses {
  uses: ColumnUse[];
  homes: FigureHomes;
  /** Figure columns name periods and none is the report's own: the headers that do, for the finding. */
  missingOwnPeriod: TableColumn[] | null;
}

const ASIDE_REASONS = { plan: "cột kế hoạch", lastYear: "cột cùng kỳ năm trước", compare: "cột so sánh" } as const;

/**
 * How each column is read for a report of period `own`: the columns of other periods are set aside; when
 * columns name periods and none is `own` (or the report's period is unknown), none of them is read.
 */
export function columnUses(table: IndicatorTable, own: Period | null): ColumnUses {
  // "Kỳ này", "Trong tháng" are the report's own whatever its period; "Tháng 3" needs the period to tell.
  const isOwn = (m: PeriodMention) => m.kind === "own" || (own !== null && isOwnPeriod(m, own));
  const periodColumns = table.columns.filter((c) => isFigureRole(c.meaning.role) && c.meaning.period !== null);
  const anyOwn = periodColumns.some((c) => isOwn(c.meaning.period!));
  const missing = periodColumns.length > 0 && !anyOwn;
  const uses = table.columns.map((c): ColumnUse => {
    const m = c.meaning;
    switch (m.role) {
      case "code":
      case "name":
      case "uom":
      case "number":
      case "note":
        return { kind: "identity", role: m.role };
      case "plan":
      case "lastYear":
      case "compare":
        return { kind: "aside", reason: ASIDE_REASONS[m.role] };
      case "total": // resolved by markTotals
      case "unknown":
        return { kind: "unknown" };
      case "value":
      case "numerator":
      case "denominator":
      case "rate":
        if (m.period !== null) {
          if (missing) return { kind: "aside", reason: "bảng không có cột của kỳ báo cáo" };
          if (!isOwn(m.period)) return { kind: "aside", reason: `cột của kỳ khác (${c.header})` };
        }
        return { kind: "figure", role: m.role, cumulative: m.cumulative };
    }
  });
  const first = (role: FigureRole, cumulative = false) => {
    const i = uses.findIndex((u) => u.kind === "figure" && u.role === role && u.cumulative === cumulative);
    return i < 0 ? null : i;
  };
  const homes = {
    count: first("value") ?? first("numerator") ?? first("value", true),
    numerator: first("numerator") ?? first("value"),
    denominator: first("denominator"),
  };
  return { uses, homes, missingOwnPeriod: missing ? periodColumns : null };
}
