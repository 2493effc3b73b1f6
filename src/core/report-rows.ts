// The indicator table's rows. Every non-blank cell of a row matched to an indicator, in any column that
// is not the row's code, name, unit of measure, number or note, ends in exactly one place: the row's
// figure (a count, or a ratio's two parts), a rate to check, set aside for a named reason, or a stray
// figure that validation names in a finding. Rows with figures that match no indicator keep them all as
// strays, except section and total rows ("I. CHỈ TIÊU CHÍNH", "Tổng cộng").
import { finding } from "./findings";
import { foldText } from "./fold";
import type { ColumnUses, FigureRole, IndicatorTable } from "./indicator-table";
import { describeLookalike, LatinCode, latinCode } from "./lookalikes";
import { IndicatorMatch, matchIndicator } from "./matching";
import { cellText, parseNumber } from "./numbers";
import { isPlaceDateLine } from "./report-fields";
import { cellRef, Grid, isBlank, remembered, rowAt, rowCount, rowName, valueAt } from "./sheet-grid";
import type { CellValue, Finding, Indicator, IndicatorKind, IndicatorMismatch, Located, ParsedValue, ReportRow, SetAsideCell } from "./types";

/** This many blank rows in a row end the table. */
const MAX_BLANK_ROWS = 10;
const MAX_FOOTER_LENGTH = 60;
const FOOTER_MARKERS = ["nguoi lap", "thu truong", "noi nhan", "tm.", "kt.", "t/m "];
/** "(1)", "A", "2": the column-numbering row many forms put under the header. */
const COLUMN_NUMBER = /^\(?[A-Za-z0-9]{1,2}\)?$/;
/** Section titles and forms number their rows "I", "II.", "A", "01", "1.2", "a)": not indicator codes. */
const ROW_NUMBER = /^(?:[IVXLC]+|[A-Za-z]|\d+(?:\.\d+)*)[.)]?$/;
/** "I. CHỈ TIÊU CHÍNH", "B - Mô hình", "II)": a section's title begins with its numeral. */
const SECTION_TITLE = /^(?:[IVXLC]+|[A-Z])\s*[.)\-–:]\s*\S/;
const TOTAL_LABELS = new Set(["tong cong", "cong", "tong", "tong so", "cong chung", "tong cong chung", "tong cong toan xa", "tong cong toan tinh"]);

export interface RowsRead {
  rows: ReportRow[];
  /** The first row after the table (the signature block, or where the rows ran out). */
  end: number;
  findings: Finding[];
}

export function readIndicatorRows(
  grid: Grid,
  table: IndicatorTable,
  uses: ColumnUses,
  catalogue: readonly Indicator[],
  file: string,
): RowsRead {
  const kinds = kindIndex(catalogue);
  // Reused row after row: most rows need none of these lists, and a batch reads tens of thousands of rows.
  const scratch: Figures = { V: [], VC: [], N: [], NC: [], D: [], DC: [], R: [], aside: [], unknown: [] };
  const rows: ReportRow[] = [];
  const findings: Finding[] = [];
  let blanks = 0;
  let r = table.dataStart;
  for (; r < rowCount(grid); r++) {
    const cells = rowAt(grid, r);
    if (cells.every(isBlank)) {
      if (++blanks >= MAX_BLANK_ROWS) break;
      continue;
    }
    blanks = 0;
    if (r === table.dataStart && isColumnNumbering(cells)) continue;
    const row = readRow(grid, table, uses, scratch, r, catalogue, kinds, file, findings);
    // A recognised indicator row is never the signature block, whatever its note says.
    if (!row?.indicator && isFooter(cells)) break;
    if (row) rows.push(row);
  }
  return { rows, end: Math.min(r, rowCount(grid)), findings };
}

const kindIndexes = new WeakMap<readonly Indicator[], Map<string, IndicatorKind>>();

function kindIndex(catalogue: readonly Indicator[]): Map<string, IndicatorKind> {
  let index = kindIndexes.get(catalogue);
  if (!index || index.size !== catalogue.length) {
    index = new Map(catalogue.map((i) => [i.code, i.kind]));
    kindIndexes.set(catalogue, index);
  }
  return index;
}

const isFooterText = remembered((text: string) => {
  const folded = foldText(text);
  return FOOTER_MARKERS.some((m) => folded.startsWith(m));
});

function isFooter(cells: CellValue[]): boolean {
  return cells.some((v) => typeof v === "string" && ((v.length < MAX_FOOTER_LENGTH && isFooterText(v)) || isPlaceDateLine(v.trim())));
}

function isColumnNumbering(cells: CellValue[]): boolean {
  const filled = cells.filter((v) => !isBlank(v));
  return filled.length >= 2 && filled.every((v) => COLUMN_NUMBER.test(cellText(v).trim()));
}

// ---------------------------------------------------------------------------------------------------
// One row

const UNKNOWN_COLUMN = { kind: "unknown" } as const;

/** A non-blank cell in a column that can hold a figure. */
interface Candidate {
  cell: string;
  column: string;
  value: ParsedValue;
}

interface Identity {
  code: Located<string> | null;
  name: Located<string> | null;
  /** The STT cell's text: a section row is numbered "I", "II" there. */
  number: string | null;
  uom: string | null;
  note: string | null;
  /** The first text in the identity columns: what a section or total row says. */
  label: string | null;
}

/** The figure cells of a row by column role: V value, N numerator, D denominator, R rate; C cumulative. */
interface Figures {
  V: Candidate[];
  VC: Candidate[];
  N: Candidate[];
  NC: Candidate[];
  D: Candidate[];
  DC: Candidate[];
  R: Candidate[];
  /** Set aside by their column: plans, last year, comparisons, other periods. */
  aside: SetAsideCell[];
  /** In columns no header explains: a figure there is a stray. */
  unknown: Candidate[];
}

/** Empties the lists a row used (a fresh literal is cheaper than truncating one). */
function resetFigures(f: Figures): Figures {
  if (f.V.length) f.V = [];
  if (f.VC.length) f.VC = [];
  if (f.N.length) f.N = [];
  if (f.NC.length) f.NC = [];
  if (f.D.length) f.D = [];
  if (f.DC.length) f.DC = [];
  if (f.R.length) f.R = [];
  if (f.aside.length) f.aside = [];
  if (f.unknown.length) f.unknown = [];
  return f;
}

function figureList(f: Figures, role: FigureRole, cumulative: boolean): Candidate[] {
  switch (role) {
    case "value":
      return cumulative ? f.VC : f.V;
    case "numerator":
      return cumulative ? f.NC : f.N;
    case "denominator":
      return cumulative ? f.DC : f.D;
    case "rate":
      return f.R;
  }
}

function readRow(
  grid: Grid,
  table: IndicatorTable,
  { uses, homes }: ColumnUses,
  scratch: Figures,
  r: number,
  catalogue: readonly Indicator[],
  kinds: Map<string, IndicatorKind>,
  file: string,
  findings: Finding[],
): ReportRow | null {
  const cells = rowAt(grid, r);
  const id: Identity = { code: null, name: null, number: null, uom: null, note: null, label: null };
  const f = resetFigures(scratch);
  const width = Math.max(cells.length, uses.length);
  for (let c = 0; c < width; c++) {
    const raw = valueAt(grid, r, c);
    if (isBlank(raw)) continue;
    const use = uses[c] ?? UNKNOWN_COLUMN;
    if (use.kind === "identity") {
      const text = cellText(raw).trim();
      id.label ??= text;
      if (use.role === "code") id.code ??= { value: text, cell: cellRef(grid, r, c) };
      else if (use.role === "name") id.name ??= { value: text, cell: cellRef(grid, r, c) };
      else if (use.role === "uom") id.uom ??= text;
      else if (use.role === "number") id.number ??= text;
      else if (use.role === "note") id.note ??= text;
      continue;
    }
    const candidate: Candidate = { cell: cellRef(grid, r, c), column: table.columns[c]?.header ?? "", value: parseNumber(raw) };
    switch (use.kind) {
      case "aside":
        f.aside.push(aside(candidate, use.reason));
        break;
      case "unknown":
        f.unknown.push(candidate);
        break;
      case "figure":
        figureList(f, use.role, use.cumulative).push(candidate);
        break;
    }
  }
  const latin = id.code ? latinCodeOf(id.code, grid, file, findings) : null;
  const code = latin?.text ?? null;
  // Characters folded away would let "CT★01" pass for CT01: a code with any names no indicator.
  const match = matchIndicator(latin?.foreign.length ? null : code, id.name?.value ?? null, catalogue);
  const mismatch = mismatchOf(id, code, match);
  const indicator = match.indicator;
  if (!indicator) return unmatchedRow(grid, r, code, id, f, mismatch);
  const kind = kinds.get(indicator)!;
  // The scratch lists are replaced, not truncated, so the row may keep this one.
  const row = emptyRow(grid, r, code, id, indicator, f.aside, mismatch);
  assignFigures(kind, f, row);
  // A figure left blank is located where it belongs, for the finding that says it is missing.
  const blank = (c: number | null): Located<ParsedValue> | null => (c === null ? null : { value: { kind: "blank" }, cell: cellRef(grid, r, c) });
  if (kind === "ratio") {
    row.numerator ??= blank(homes.numerator);
    row.denominator ??= blank(homes.denominator);
  } else {
    row.result ??= blank(homes.count);
  }
  return row;
}

// One literal with every field: object spreads here cost more than reading the whole row.
function emptyRow(grid: Grid, r: number, code: string | null, id: Identity, indicator: string | null, skipped: SetAsideCell[], mismatch: IndicatorMismatch | null): ReportRow {
  return {
    row: r + 1,
    place: rowName(grid.sheet, r),
    code,
    name: id.name?.value ?? null,
    uom: id.uom,
    indicator,
    result: null,
    numerator: null,
    denominator: null,
    rates: [],
    skipped,
    stray: [],
    note: id.note,
    mismatch,
  };
}

/**
 * A code and a name that do not name the same indicator. Which the unit meant cannot be told when both
 * name one, so the row is matched to neither (matchIndicator); a code naming none beside a name that
 * names one is a typo in the code, and the row is taken by its name. Either way validation says so. A row
 * number typed in the code column ("01", "1.2") names nothing and is no mistake.
 */
function mismatchOf(id: Identity, code: string | null, match: IndicatorMatch): IndicatorMismatch | null {
  if (!id.code || !id.name || !match.byName || match.byCode === match.byName) return null;
  if (!match.byCode && code !== null && ROW_NUMBER.test(code)) return null;
  return { code: id.code, name: id.name, byCode: match.byCode, byName: match.byName };
}

/** The code with look-alike letters read as Latin, and a warning saying which. */
function latinCodeOf(code: Located<string>, grid: Grid, file: string, findings: Finding[]): LatinCode {
  const latin = latinCode(code.value);
  if (latin.replaced.length > 0) {
    findings.push(
      finding(
        "LOOKALIKE_CHARACTERS",
        `Mã chỉ tiêu "${code.value}" ở ô ${code.cell} có ký tự chỉ trông giống chữ Latin: ${latin.replaced.map(describeLookalike).join("; ")}. Đã đọc là "${latin.text}"; đề nghị sửa lại mã trong tệp.`,
        { file, sheet: grid.sheet.name, cell: code.cell },
      ),
    );
  }
  return latin;
}

const isNumber = (c: Candidate) => c.value.kind === "number";

function allFigureCells(f: Figures): Candidate[] {
  return [...f.V, ...f.VC, ...f.N, ...f.NC, ...f.D, ...f.DC, ...f.R, ...f.aside, ...f.unknown];
}

/** A row matched to no indicator, or (with a mismatch) to two: its figures are all strays. */
function unmatchedRow(grid: Grid, r: number, code: string | null, id: Identity, f: Figures, mismatch: IndicatorMismatch | null): ReportRow | null {
  const all = allFigureCells(f);
  const hasNumber = all.some(isNumber);
  if (!mismatch) {
    if (hasNumber && isSectionOrTotal(id)) return null;
    const realCode = code !== null && !ROW_NUMBER.test(code);
    const hasValue = all.some((c) => c.value.kind !== "blank");
    if (!realCode && !hasNumber && !(id.name && hasValue)) return null;
  }
  const row = emptyRow(grid, r, code, id, null, [], mismatch);
  const reason = mismatch ? "mã và tên chỉ tiêu là của hai chỉ tiêu khác nhau" : "dòng không khớp chỉ tiêu nào trong danh mục";
  for (const c of all) strayIfNumber(c, row, reason);
  return row;
}

/** Section titles ("I. CHỈ TIÊU CHÍNH", numbered "II" in STT) and total rows ("Tổng cộng", "Cộng"). */
function isSectionOrTotal(id: Identity): boolean {
  const label = id.name?.value ?? id.label;
  if (!label) return false;
  const words = foldText(label).replace(/[^a-z0-9 ]+/g, " ").replace(/\s+/g, " ").trim();
  if (TOTAL_LABELS.has(words) || words.startsWith("tong cong ")) return true;
  if (SECTION_TITLE.test(label)) return true;
  const numeral = id.code?.value ?? id.number;
  return numeral !== null && /^(?:[IVXLC]+|[A-Z])\.?$/.test(numeral);
}

// ---------------------------------------------------------------------------------------------------
// Which cell is the figure

type Assigned = Pick<ReportRow, "result" | "numerator" | "denominator" | "rates" | "skipped" | "stray">;

/** Two lists of candidates one after the other; most rows have one figure, so mostly no new list. */
function both(a: Candidate[], b: Candidate[]): Candidate[] {
  return b.length === 0 ? a : a.length === 0 ? b : [...a, ...b];
}

const located = (c: Candidate | null): Located<ParsedValue> | null => (c ? { value: c.value, cell: c.cell } : null);
const aside = (c: Candidate, reason: string): SetAsideCell => ({ cell: c.cell, value: c.value, column: c.column, reason });

function sameNumber(a: ParsedValue, b: ParsedValue): boolean {
  return a.kind === "number" && b.kind === "number" && a.value === b.value && a.percent === b.percent;
}

/**
 * The first cell of `chain` is the figure; the others, when they hold a different number, are strays
 * (two figures for one thing), else set aside as repeats or as not numbers.
 */
function takeFirst(chain: Candidate[], out: Assigned, what: string, laterReason?: (c: Candidate, chosen: Candidate) => string | null): Candidate | null {
  const chosen = chain[0] ?? null;
  for (let i = 1; i < chain.length; i++) {
    const c = chain[i];
    const reason = laterReason?.(c, chosen!) ?? null;
    if (reason) out.skipped.push(aside(c, reason));
    else if (sameNumber(c.value, chosen!.value)) out.skipped.push(aside(c, `trùng với ${what} ở ô ${chosen!.cell}`));
    else if (!isNumber(c)) out.skipped.push(aside(c, "không phải số"));
    else out.stray.push(aside(c, `đã lấy ${what} ở ô ${chosen!.cell}, ô này ghi số khác`));
  }
  return chosen;
}

function strayIfNumber(c: Candidate, out: Assigned, reason: string): void {
  if (isNumber(c)) out.stray.push(aside(c, reason));
  else out.skipped.push(aside(c, "không phải số"));
}

/** Fills the row's figures, rates, set-aside and stray cells from the cells of its figure columns. */
function assignFigures(kind: IndicatorKind, f: Figures, out: Assigned): void {
  for (const c of f.unknown) strayIfNumber(c, out, c.column ? `cột "${c.column}" không rõ là số liệu gì` : "số ở cột không có tiêu đề");
  if (kind === "ratio") assignRatio(f, out);
  else assignCount(kind, f, out);
}

function assignCount(kind: "flow" | "stock", f: Figures, out: Assigned): void {
  for (const c of f.R) out.skipped.push(aside(c, "tỷ lệ; chỉ tiêu này không phải tỷ lệ"));
  for (const c of both(f.D, f.DC)) strayIfNumber(c, out, "cột Mẫu số, nhưng chỉ tiêu này là số đếm, không có mẫu số");
  if (kind === "stock") {
    // A stock is its position at the period's end: its "Lũy kế", when given, over the period's own figure.
    const periodOwn = both(f.V, f.N);
    const cumulative = both(f.VC, f.NC);
    const inPeriod = (c: Candidate, first: Candidate) =>
      cumulative.includes(first) && periodOwn.includes(c) ? `số trong kỳ; chỉ tiêu lũy kế lấy số Lũy kế ở ô ${first.cell}` : null;
    out.result = located(takeFirst(both(cumulative, periodOwn), out, "số lũy kế", inPeriod));
    return;
  }
  out.result = located(takeFirst(both(f.V, f.N), out, "kết quả"));
  for (const c of both(f.VC, f.NC)) {
    if (out.result) out.skipped.push(aside(c, "lũy kế từ đầu năm; chỉ tiêu phát sinh lấy số trong kỳ"));
    else strayIfNumber(c, out, "chỉ có số lũy kế, không có số trong kỳ; số lũy kế không được cộng vào kỳ này");
  }
}

function assignRatio(f: Figures, out: Assigned): void {
  // A ratio is a position too: its cumulative numerator, when given, over the period's own.
  const fromCumulative = f.NC.length > 0;
  const inPeriod = "tử số trong kỳ; chỉ tiêu tỷ lệ lấy tử số lũy kế";
  const numerators = both(f.NC, f.N);
  const numerator = takeFirst(numerators.length > 0 ? numerators : f.V, out, "tử số", (c) => (fromCumulative && f.N.includes(c) ? inPeriod : null));
  const denominator = takeFirst(both(f.DC, f.D), out, "mẫu số");
  out.numerator = located(numerator);
  out.denominator = located(denominator);
  // Beside a Tử số column, the value column holds the rate the unit computed (or the numerator again).
  if (numerators.length > 0) {
    for (const c of f.V) {
      if (numerator && sameNumber(c.value, numerator.value)) out.skipped.push(aside(c, `trùng với tử số ở ô ${numerator.cell}`));
      else if (!isNumber(c)) out.skipped.push(aside(c, "không phải số"));
      else if (fromCumulative) out.skipped.push(aside(c, inPeriod));
      else out.rates.push(located(c)!);
    }
  }
  for (const c of f.VC) out.skipped.push(aside(c, "lũy kế của chỉ tiêu tỷ lệ; tổng hợp theo tử số và mẫu số"));
  for (const c of f.R) {
    if (isNumber(c)) out.rates.push(located(c)!);
    else out.skipped.push(aside(c, "không phải số"));
  }
}
