// Reading a unit's report sheet: its header fields (unit, period, report date) and its indicator table,
// in whatever layout the unit kept (columns reordered, merged or two-row headers, decorative rows, legacy
// fonts). The parser reads and locates; judging the figures is validation's job.
import { columnName } from "./address";
import { finding } from "./findings";
import { foldCompact, foldText } from "./fold";
import { decodeLegacy, detectLegacyEncoding, LegacyEncoding } from "./legacy-encoding";
import { matchIndicator } from "./matching";
import { cellText, parseNumber } from "./numbers";
import type { CellRange, CellValue, Finding, Indicator, Located, ParsedValue, ReportRow, Sheet, UnitReport, Workbook } from "./types";

/** Header fields live in the first rows of the sheet. */
const FIELD_ROWS = 30;
/** The indicator table's header row is looked for this far down. */
const TABLE_SEARCH_ROWS = 100;
/** This many blank rows in a row end the table. */
const MAX_BLANK_ROWS = 10;
const MAX_LEGACY_CELLS_LISTED = 10;
/** Longer cells are content, not column headers. */
const MAX_HEADER_LENGTH = 60;

/** The sheet holding the report: the one named "Báo cáo", else the first visible sheet. */
export function findReportSheet(wb: Workbook): Sheet | null {
  const sheets = wb.sheets ?? [];
  return sheets.find((s) => foldCompact(s.name ?? "") === "baocao") ?? sheets.find((s) => !s.hidden) ?? null;
}

/** What a unit's report file says, with every value's cell. Never throws. */
export function parseReport(workbook: Workbook, file: string, catalogue: readonly Indicator[]): UnitReport {
  const sheet = findReportSheet(workbook);
  if (!sheet) {
    const report = emptyReport(file, "");
    report.findings.push(finding("NO_REPORT_SHEET", "Tệp không có trang báo cáo: cần một trang tên \"Báo cáo\" hoặc ít nhất một trang đang hiển thị.", { file }));
    return report;
  }
  const first = parseSheet(sheet, file, catalogue, null);
  // Cells too short to tell a legacy font from Unicode ("Tæng sè") follow the font most of the sheet is in.
  const { tcvn3, vni } = first.grid.legacyVotes;
  if (tcvn3 === vni) return first.report;
  return parseSheet(sheet, file, catalogue, tcvn3 > vni ? "tcvn3" : "vni").report;
}

function emptyReport(file: string, sheet: string): UnitReport {
  return { file, sheet, unitName: null, unitCode: null, periodText: null, reportDate: null, rows: [], findings: [] };
}

function parseSheet(sheet: Sheet, file: string, catalogue: readonly Indicator[], hint: LegacyEncoding | null): { report: UnitReport; grid: Grid } {
  const grid = openGrid(sheet, hint);
  const report = emptyReport(file, sheet.name);
  const table = findTable(grid);
  Object.assign(report, readHeaderFields(grid, table ? Math.min(table.headerRow, FIELD_ROWS) : FIELD_ROWS));
  if (table) {
    report.rows = readRows(grid, table, catalogue);
  } else {
    report.findings.push(
      finding(
        "NO_INDICATOR_TABLE",
        `Không tìm thấy bảng chỉ tiêu trên trang "${sheet.name}": cần một dòng tiêu đề có cột "Mã chỉ tiêu" hoặc "Chỉ tiêu" và cột "Kết quả" (hoặc "Tử số", "Mẫu số").`,
        { file, sheet: sheet.name },
      ),
    );
  }
  const legacy = legacyFinding(grid, file);
  if (legacy) report.findings.push(legacy);
  return { report, grid };
}

// ---------------------------------------------------------------------------------------------------
// The sheet as normalised cells

interface Grid {
  sheet: Sheet;
  /** The legacy font the sheet is known to be typed in, if any. */
  hint: LegacyEncoding | null;
  /** Rows already normalised (NFC, legacy fonts decoded), filled on first use. */
  normalised: CellValue[][];
  /** Merged ranges by their top-left cell. */
  mergeAt: Map<string, CellRange>;
  /** Cells read that were typed in a legacy font, and how many in each. */
  legacyCells: string[];
  legacyVotes: Record<LegacyEncoding, number>;
}

function openGrid(sheet: Sheet, hint: LegacyEncoding | null): Grid {
  const mergeAt = new Map<string, CellRange>();
  for (const m of sheet.merges ?? []) {
    if (m && m.bottom >= m.top && m.right >= m.left) mergeAt.set(`${m.top},${m.left}`, m);
  }
  return { sheet, hint, normalised: [], mergeAt, legacyCells: [], legacyVotes: { tcvn3: 0, vni: 0 } };
}

function rowCount(grid: Grid): number {
  return grid.sheet.rows?.length ?? 0;
}

function rowAt(grid: Grid, r: number): CellValue[] {
  const cached = grid.normalised[r];
  if (cached) return cached;
  const raw = grid.sheet.rows?.[r] ?? [];
  const row: CellValue[] = [];
  for (let c = 0; c < raw.length; c++) {
    const v = raw[c];
    row.push(typeof v === "string" ? normaliseText(grid, v, r, c) : v ?? null);
  }
  grid.normalised[r] = row;
  return row;
}

const columnNames: string[] = [];

/**
 * The name of a cell: its A1 address, with column letters remembered (every value of every report needs
 * one), or for a document's grid the place of its row ("Bảng 2, dòng 5, cột D").
 */
function address(sheet: Sheet, r: number, c: number): string {
  const column = (columnNames[c] ??= columnName(c));
  const place = sheet.rowPlaces?.[r];
  return place ? `${place}, cột ${column}` : column + (r + 1);
}

function valueAt(grid: Grid, r: number, c: number): CellValue {
  return rowAt(grid, r)[c] ?? null;
}

/** A cell as trimmed text ("" when blank). */
function textAt(grid: Grid, r: number, c: number): string {
  return cellText(valueAt(grid, r, c)).trim();
}

/**
 * Reports repeat the same labels, names and units, thousands of times in a batch: remember the answers
 * for recent texts rather than fold and normalise them again. Bounded, and the answers never change.
 */
function remembered<T>(compute: (text: string) => T, max = 20_000): (text: string) => T {
  const answers = new Map<string, T>();
  return (text) => {
    let answer = answers.get(text);
    if (answer === undefined && !answers.has(text)) {
      answer = compute(text);
      if (answers.size >= max) answers.clear();
      answers.set(text, answer);
    }
    return answer as T;
  };
}

interface NormalisedText {
  text: string;
  encoding: LegacyEncoding | null;
}

function normaliser(hint: LegacyEncoding | null): (text: string) => NormalisedText {
  return remembered((text) => {
    const encoding = detectLegacyEncoding(text, hint);
    return { text: encoding ? decodeLegacy(text, encoding) : text.normalize("NFC"), encoding };
  });
}

const NORMALISERS = { none: normaliser(null), tcvn3: normaliser("tcvn3"), vni: normaliser("vni") };

function normaliseText(grid: Grid, text: string, r: number, c: number): string {
  const normalised = NORMALISERS[grid.hint ?? "none"](text);
  if (normalised.encoding) {
    grid.legacyCells.push(address(grid.sheet, r, c));
    grid.legacyVotes[normalised.encoding]++;
  }
  return normalised.text;
}

function legacyFinding(grid: Grid, file: string): Finding | null {
  const cells = grid.legacyCells;
  if (cells.length === 0) return null;
  const fonts = [grid.legacyVotes.tcvn3 ? "TCVN3 (.VnTime)" : "", grid.legacyVotes.vni ? "VNI (VNI-Times)" : ""].filter(Boolean).join(", ");
  const listed = cells.slice(0, MAX_LEGACY_CELLS_LISTED).join(", ") + (cells.length > MAX_LEGACY_CELLS_LISTED ? ", …" : "");
  return finding(
    "LEGACY_ENCODING",
    `${cells.length} ô được gõ bằng phông chữ cũ ${fonts} và đã được tự chuyển sang Unicode (${listed}). Hãy kiểm tra lại các ô này và dùng phông Unicode cho các lần báo cáo sau.`,
    { file, sheet: grid.sheet.name, cell: cells[0] },
  );
}

// ---------------------------------------------------------------------------------------------------
// Header fields

type Field = "unitName" | "unitCode" | "periodText" | "reportDate";

// Maps, not object literals: a cell saying "constructor" must not find Object.prototype.
const FIELD_LABELS = new Map<string, Field>([
  ["donvi", "unitName"],
  ["tendonvi", "unitName"],
  ["donvibaocao", "unitName"],
  ["madonvi", "unitCode"],
  ["kybaocao", "periodText"],
  ["ngaybaocao", "reportDate"],
]);

/** The field a label names, and the value written after its colon in the same cell. */
const readLabel = remembered(labelOf);

function labelOf(text: string): { field: Field; rest: string } | null {
  if (text.length > MAX_HEADER_LENGTH * 3) return null;
  const colon = text.indexOf(":");
  const label = colon >= 0 ? text.slice(0, colon) : text;
  const field = FIELD_LABELS.get(foldCompact(label));
  return field ? { field, rest: colon >= 0 ? text.slice(colon + 1) : "" } : null;
}

/** Template blanks ("……", "___") are not a value. */
function cleanValue(text: string): string {
  return text.replace(/^[\s.…_]+|[\s.…_]+$/g, "");
}

type HeaderFields = Pick<UnitReport, "unitName" | "unitCode" | "periodText" | "reportDate">;

function readHeaderFields(grid: Grid, rows: number): HeaderFields {
  const fields: HeaderFields = { unitName: null, unitCode: null, periodText: null, reportDate: null };
  for (let r = 0; r < Math.min(rows, rowCount(grid)); r++) {
    const row = rowAt(grid, r);
    for (let c = 0; c < row.length; c++) {
      const label = typeof row[c] === "string" ? readLabel(textAt(grid, r, c)) : null;
      if (!label || fields[label.field]) continue;
      const inline = cleanValue(label.rest);
      const found = inline ? { value: inline as CellValue, cell: address(grid.sheet, r, c) } : valueRightOf(grid, r, c);
      if (!found) continue;
      if (label.field === "reportDate") fields.reportDate = found;
      else fields[label.field] = { value: cleanValue(cellText(found.value)), cell: found.cell };
    }
  }
  return fields;
}

/** The next non-empty cell to the right of a label, unless another label comes first. */
function valueRightOf(grid: Grid, r: number, c: number): Located<CellValue> | null {
  const row = rowAt(grid, r);
  for (let k = c + 1; k < row.length; k++) {
    const v = row[k];
    if (v === null || v === undefined) continue;
    if (typeof v !== "string") return { value: v, cell: address(grid.sheet, r, k) };
    const text = cleanValue(v);
    if (!text) continue;
    if (readLabel(text.trim())) return null;
    return { value: text, cell: address(grid.sheet, r, k) };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// The indicator table's header

type Role = "code" | "name" | "uom" | "result" | "numerator" | "denominator" | "cumulative" | "note";

const HEADER_NAMES = new Map<string, Role | "ignore">([
  ["ma", "code"],
  ["maso", "code"],
  ["machitieu", "code"],
  ["chitieu", "name"],
  ["tenchitieu", "name"],
  ["noidung", "name"],
  ["donvitinh", "uom"],
  ["dvt", "uom"],
  ["ketqua", "result"],
  ["ketquathuchien", "result"],
  ["soluong", "result"],
  ["solieu", "result"],
  ["tuso", "numerator"],
  ["tusoketqua", "numerator"],
  ["ketquatuso", "numerator"],
  ["mauso", "denominator"],
  ["tongso", "denominator"],
  ["luyke", "cumulative"],
  ["ghichu", "note"],
  ["stt", "ignore"],
  ["tt", "ignore"],
  ["sothutu", "ignore"],
]);

/** Longer headers ("Kết quả thực hiện tháng 3", "Tử số (1)") by how they begin; checked in this order. */
const HEADER_PREFIXES: ReadonlyArray<readonly [string, Role]> = [
  ["tuso", "numerator"],
  ["mauso", "denominator"],
  ["ketqua", "result"],
  ["solieu", "result"],
  ["ghichu", "note"],
  ["machitieu", "code"],
  ["tenchitieu", "name"],
  ["chitieu", "name"],
  ["noidung", "name"],
  ["donvitinh", "uom"],
];

function headerRole(value: CellValue): Role | "ignore" | null {
  return typeof value === "string" && value.length <= MAX_HEADER_LENGTH ? headerTextRole(value) : null;
}

const headerTextRole = remembered((value: string): Role | "ignore" | null => {
  const key = foldCompact(value.replace(/\([^)]*\)/g, ""));
  if (!key) return null;
  const exact = HEADER_NAMES.get(key);
  if (exact) return exact;
  // "Kết quả lũy kế" is the cumulative column even though it begins like the result.
  if (key.includes("luyke")) return "cumulative";
  return HEADER_PREFIXES.find(([prefix]) => key.startsWith(prefix))?.[1] ?? null;
});

interface Column {
  role: Role;
  /** Columns the header spans; a row's value is the first non-empty cell among them. */
  cols: number[];
}

interface Table {
  headerRow: number;
  dataStart: number;
  columns: Map<Role, Column>;
}

const VALUE_ROLES: readonly Role[] = ["result", "numerator", "denominator", "cumulative"];

function findTable(grid: Grid): Table | null {
  let best: Table | null = null;
  for (let r = 0; r < Math.min(rowCount(grid), TABLE_SEARCH_ROWS); r++) {
    const candidate = readTableHeader(grid, r);
    if (candidate && (!best || candidate.columns.size > best.columns.size)) best = candidate;
    // The header is the best row among the first qualifying one and the row under it.
    if (best && r > best.headerRow) break;
  }
  return best;
}

function spanOf(grid: Grid, r: number, c: number): number[] {
  const merge = grid.mergeAt.get(`${r},${c}`);
  const right = merge ? Math.min(merge.right, c + 50) : c;
  return Array.from({ length: right - c + 1 }, (_, i) => c + i);
}

/** The table header at row r (with sub-headers on the row below), or null when r is not one. */
function readTableHeader(grid: Grid, r: number): Table | null {
  const columns = new Map<Role, Column>();
  const row = rowAt(grid, r);
  for (let c = 0; c < row.length; c++) {
    const role = headerRole(row[c]);
    if (role && role !== "ignore" && !columns.has(role)) columns.set(role, { role, cols: spanOf(grid, r, c) });
  }
  if (columns.size === 0) return null;
  const usesSubRow = addSubHeaders(grid, r + 1, columns);
  const identified = columns.has("code") || columns.has("name");
  if (!identified || !VALUE_ROLES.some((role) => columns.has(role))) return null;
  return { headerRow: r, dataStart: dataStartBelow(grid, usesSubRow ? r + 1 : r), columns };
}

/**
 * A second header row ("Tử số" | "Mẫu số" under a merged "Kết quả") names the columns under a merged
 * header or under an empty one. A group header keeps only the columns no sub-header claimed.
 */
function addSubHeaders(grid: Grid, r: number, columns: Map<Role, Column>): boolean {
  if (r >= rowCount(grid)) return false;
  const row = rowAt(grid, r);
  const spans = Array.from(columns.values(), (column) => ({ column, span: column.cols.slice() }));
  let used = false;
  for (let c = 0; c < row.length; c++) {
    const role = headerRole(row[c]);
    if (!role || role === "ignore") continue;
    const above = spans.find((s) => s.span.includes(c));
    // Under a one-column header, the cell is content, not a sub-header.
    if (above && above.span.length === 1) continue;
    if (above) {
      above.column.cols = above.column.cols.filter((k) => k !== c);
      if (above.column.cols.length === 0 && columns.get(above.column.role) === above.column) columns.delete(above.column.role);
    }
    if (!columns.has(role)) columns.set(role, { role, cols: spanOf(grid, r, c) });
    used = true;
  }
  return used;
}

/** The first data row: below the header and below any header cell merged downwards. */
function dataStartBelow(grid: Grid, lastHeaderRow: number): number {
  let start = lastHeaderRow + 1;
  for (const m of grid.mergeAt.values()) {
    if (m.top <= lastHeaderRow && m.top >= lastHeaderRow - 1 && m.bottom >= start) start = Math.min(m.bottom + 1, lastHeaderRow + 4);
  }
  return start;
}

// ---------------------------------------------------------------------------------------------------
// The indicator rows

const FOOTER_MARKERS = ["nguoi lap", "thu truong", "noi nhan"];
/** "(1)", "A", "2": the column-numbering row many forms put under the header. */
const COLUMN_NUMBER = /^\(?[A-Za-z0-9]{1,2}\)?$/;
/** Section titles number their rows "I", "II.", "A": not indicator codes. */
const SECTION_NUMBER = /^(?:[IVXLC]+|[A-Z]|\d+)\.?$/;

function readRows(grid: Grid, table: Table, catalogue: readonly Indicator[]): ReportRow[] {
  const rows: ReportRow[] = [];
  let blanks = 0;
  for (let r = table.dataStart; r < rowCount(grid); r++) {
    const cells = rowAt(grid, r);
    if (cells.every(isBlank)) {
      if (++blanks >= MAX_BLANK_ROWS) break;
      continue;
    }
    blanks = 0;
    if (r === table.dataStart && isColumnNumbering(cells)) continue;
    const row = readRow(grid, table, r, catalogue);
    // A recognised indicator row is never the signature block, whatever its note says.
    if (!row?.indicator && isFooter(cells)) break;
    if (row) rows.push(row);
  }
  return rows;
}

function isBlank(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

const isFooterText = remembered((text: string) => FOOTER_MARKERS.some((m) => foldText(text).startsWith(m)));

function isFooter(cells: CellValue[]): boolean {
  return cells.some((v) => typeof v === "string" && v.length < MAX_HEADER_LENGTH && isFooterText(v));
}

function isColumnNumbering(cells: CellValue[]): boolean {
  const filled = cells.filter((v) => !isBlank(v));
  return filled.length >= 2 && filled.every((v) => COLUMN_NUMBER.test(cellText(v).trim()));
}

/** The row's indicator, or null for a decorative row (section title, empty line, note). */
function readRow(grid: Grid, table: Table, r: number, catalogue: readonly Indicator[]): ReportRow | null {
  const code = textIn(grid, table, "code", r);
  const name = textIn(grid, table, "name", r);
  const result = valueIn(grid, table, "result", r);
  const numerator = valueIn(grid, table, "numerator", r);
  const denominator = valueIn(grid, table, "denominator", r);
  const cumulative = valueIn(grid, table, "cumulative", r);
  const indicator = matchIndicator(code, name, catalogue);
  const values = [result, numerator, denominator, cumulative];
  const hasNumber = values.some((v) => v?.value.kind === "number");
  const hasValue = values.some((v) => v !== null && v.value.kind !== "blank");
  const realCode = code !== null && !SECTION_NUMBER.test(code);
  if (!realCode && !indicator && !hasNumber && !(name && hasValue)) return null;
  const uom = textIn(grid, table, "uom", r);
  const note = textIn(grid, table, "note", r);
  return { row: r + 1, code, name, uom, indicator, result, numerator, denominator, cumulative, note };
}

function textIn(grid: Grid, table: Table, role: Role, r: number): string | null {
  const c = columnOn(grid, table, role, r);
  const text = c === null ? "" : textAt(grid, r, c);
  return text === "" ? null : text;
}

function valueIn(grid: Grid, table: Table, role: Role, r: number): Located<ParsedValue> | null {
  const c = columnOn(grid, table, role, r);
  return c === null ? null : { value: parseNumber(valueAt(grid, r, c)), cell: address(grid.sheet, r, c) };
}

/** The column a role's value sits in on row r: the first non-empty one its header spans. */
function columnOn(grid: Grid, table: Table, role: Role, r: number): number | null {
  const column = table.columns.get(role);
  if (!column) return null;
  const cols = column.cols;
  for (let i = 0; i < cols.length; i++) if (!isBlank(valueAt(grid, r, cols[i]))) return cols[i];
  return cols[0];
}
