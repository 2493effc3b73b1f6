// What an indicator table's column headers say, in the words units write them: "Kết quả", "Số liệu",
// "Tử số / Kết quả", "Thực hiện tháng 3", "Lũy kế từ đầu năm", "Kế hoạch năm 2026", "Tỷ lệ (%)"... One
// header cell is a label; a column under a merged group header has a path of labels, top to bottom,
// and its meaning comes from the whole path ("Kết quả thực hiện" / "Tháng 3/2026" / "Tử số").
import { foldText } from "./fold";
import { isPlaceDateLine } from "./report-fields";
import { remembered } from "./sheet-grid";
import type { Period } from "./types";

/** What one header label says about the cells under it. */
export type LabelRole =
  // Who the row is: never a figure.
  | "code"
  | "name"
  | "uom"
  | "number" // STT, the row's number
  | "note"
  // The figures.
  | "value" // one column for every kind: a count, or a ratio's numerator
  | "numerator"
  | "denominator"
  | "total" // "Tổng số": a ratio's denominator beside a value column, else the value itself
  | "rate" // "Tỷ lệ (%)": a percentage the unit computed
  // Figures of something else.
  | "cumulative"
  | "plan"
  | "lastYear"
  | "compare";

/**
 * A period a header names: a month, quarter, half or year (its year often left out; index 0 for "the whole
 * quarter" without saying which), or a relative one.
 */
export type PeriodMention =
  | { kind: "month" | "quarter" | "half" | "year"; index: number; year: number | null }
  | { kind: "own" }
  | { kind: "previous" };

export interface LabelMeaning {
  /** Null for a label this vocabulary does not know ("Nam", "Số hộ"): its column is not understood. */
  role: LabelRole | null;
  period: PeriodMention | null;
}

/** Longer cells are content, not column headers. */
export const MAX_HEADER_LENGTH = 60;

const IDENTITY: ReadonlySet<LabelRole> = new Set(["code", "name", "uom", "number", "note"]);
const ASIDE: ReadonlySet<LabelRole> = new Set(["plan", "lastYear", "compare"]);
const FIGURE: ReadonlySet<LabelRole> = new Set(["value", "numerator", "denominator", "total", "rate"]);

// Compact keys (foldCompact, parentheses dropped). Maps, not object literals: a header saying
// "constructor" must not find Object.prototype.
const EXACT = new Map<string, LabelRole>([
  ["stt", "number"],
  ["tt", "number"],
  ["sott", "number"],
  ["sothutu", "number"],
  ["kh", "plan"],
  ["khnam", "plan"],
  ["khgiao", "plan"],
  // A single value column that serves counts and ratio numerators alike.
  ["tusoketqua", "value"],
  ["ketquatuso", "value"],
  ["soluongtuso", "value"],
  ["tusosoluong", "value"],
  ["solieutuso", "value"],
  ["tusosolieu", "value"],
  ["tongso", "total"],
  ["tong", "total"],
  ["tongcong", "total"],
  ["cong", "total"],
  ["ma", "code"],
  ["maso", "code"],
  ["mact", "code"],
  ["machitieu", "code"],
  ["masochitieu", "code"],
  ["chitieu", "name"],
  ["tenchitieu", "name"],
  ["noidung", "name"],
  ["noidungchitieu", "name"],
  ["chitieunoidung", "name"],
  ["donvitinh", "uom"],
  ["dvt", "uom"],
  ["dvtinh", "uom"],
  ["donvi", "uom"], // inside the table "Đơn vị" is the unit of measure; the reporting unit is a header field
]);

/**
 * Words anywhere in a header, checked in this order before the prefixes, as whole words: "cộng dồn" is
 * cumulative, "cộng đồng" is not.
 */
const CONTAINS: ReadonlyArray<readonly [RegExp, LabelRole]> = [
  [/\b(?:luy|luu) ke\b/, "cumulative"], // "lưu kế": a common misspelling
  [/\bcong don\b/, "cumulative"],
  // "% so với kế hoạch" compares with the plan: it is no plan.
  [/\bso sanh\b/, "compare"],
  [/\bso voi\b/, "compare"],
  [/\bhoan thanh\b/, "compare"],
  [/\btang giam\b/, "compare"],
  [/\bke hoach\b/, "plan"],
  [/\bcung ky\b/, "lastYear"],
  [/\bnam truoc\b/, "lastYear"],
];

/** Longer headers ("Kết quả thực hiện tháng 3", "Tử số (1)") by how they begin; checked in this order. */
const PREFIXES: ReadonlyArray<readonly [string, LabelRole]> = [
  ["chitieugiao", "plan"],
  ["giaochitieu", "plan"],
  ["muctieu", "plan"],
  ["tuso", "numerator"],
  ["mauso", "denominator"],
  ["tyle", "rate"],
  ["tile", "rate"],
  ["ketqua", "value"],
  ["thuchien", "value"],
  ["solieu", "value"],
  ["soluong", "value"],
  ["giatri", "value"],
  ["ghichu", "note"],
  ["nguonsolieu", "note"],
  ["diengiai", "note"],
  ["giaitrinh", "note"],
  ["machitieu", "code"],
  ["masochitieu", "code"],
  ["tenchitieu", "name"],
  ["noidung", "name"],
  ["chitieu", "name"],
  ["donvitinh", "uom"],
];

function roleOfKey(key: string, words: string, raw: string): LabelRole | null {
  let role = EXACT.get(key) ?? CONTAINS.find(([re]) => re.test(words))?.[1] ?? PREFIXES.find(([prefix]) => key.startsWith(prefix))?.[1] ?? null;
  // "Kết quả (%)", "%": a percentage column, whatever word it starts with.
  if (raw.includes("%") && (role === null || role === "value" || role === "total")) role = "rate";
  return role;
}

const OWN_PERIOD = /(?:^|\s)(?:ky nay|thang nay|quy nay|trong ky|trong thang|trong quy|ky bao cao|ca ky)(?:\s|$)/;
/**
 * "Cả quý", "Cả 6 tháng", "Cả năm": the whole of a quarter, half-year or year beside its parts, the
 * report's own when it is one.
 */
const WHOLE = /(?:^|\s)ca (quy|(?:6|sau) thang|nam)(?:\s|$)/;
/** "Năm nay" beside "Năm trước": the report's year; a year report's own column, another period's in a month's. */
const THIS_YEAR = /(?:^|\s)nam nay(?:\s|$)/;
const PREVIOUS_PERIOD = /(?:^|\s)(?:ky truoc|thang truoc|quy truoc)(?:\s|$)/;
const HALF = /(?:6|sau) thang (dau|cuoi)(?: nam)?(?:\s*(\d{4}))?/;
const QUARTER = /quy\s*(iv|iii|ii|i|[1-4])(?![a-z0-9])(?:\s*(?:[/.-]|nam)\s*(?:nam\s*)?(\d{4}))?/;
const MONTH = /(?:thang|(?<![a-z])t)\s*(\d{1,2})(?!\d)(?:\s*(?:[/.-]|nam)\s*(?:nam\s*)?(\d{4}))?/;
const BARE_MONTH = /(?<![\d/.-])(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)/;
const YEAR = /(?:^|[^a-z])nam\s*(\d{4})(?!\d)/;
const ROMAN = ["i", "ii", "iii", "iv"];

const yearOf = (s: string | undefined): number | null => (s ? Number(s) : null);

/** The period a header label names, if any: "Tháng 3/2026", "T3", "Quý I", "6 tháng đầu năm", "Kỳ này". */
export function periodMention(folded: string): PeriodMention | null {
  if (OWN_PERIOD.test(folded)) return { kind: "own" };
  if (PREVIOUS_PERIOD.test(folded)) return { kind: "previous" };
  let m = WHOLE.exec(folded);
  if (m) return { kind: m[1] === "quy" ? "quarter" : m[1] === "nam" ? "year" : "half", index: 0, year: null };
  if (THIS_YEAR.test(folded)) return { kind: "year", index: 1, year: null };
  m = HALF.exec(folded);
  if (m) return { kind: "half", index: m[1] === "dau" ? 1 : 2, year: yearOf(m[2]) };
  m = QUARTER.exec(folded);
  if (m) return { kind: "quarter", index: ROMAN.includes(m[1]) ? ROMAN.indexOf(m[1]) + 1 : Number(m[1]), year: yearOf(m[2]) };
  m = MONTH.exec(folded) ?? BARE_MONTH.exec(folded);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return { kind: "month", index: Number(m[1]), year: yearOf(m[2]) };
  m = YEAR.exec(folded);
  if (m) return { kind: "year", index: 1, year: Number(m[1]) };
  return null;
}

function readLabel(text: string): LabelMeaning | null {
  // "Tân Lập, ngày 15 tháng 4 năm 2026" names a month, but heads no column.
  if (text.length > MAX_HEADER_LENGTH || isPlaceDateLine(text)) return null;
  const withoutNotes = text.replace(/\([^)]*\)/g, " ");
  const folded = foldText(withoutNotes);
  const key = folded.replace(/[^a-z0-9]/g, "");
  const role = roleOfKey(key, folded.replace(/[^a-z0-9]+/g, " "), text);
  // A cumulative or plan header's own dates ("Lũy kế từ đầu năm 2026", "Kế hoạch năm 2026") say what it
  // sums or plans, not which period's column it is.
  const period = role !== null && (role === "cumulative" || ASIDE.has(role)) ? null : periodMention(folded);
  if (role === null && period === null && key === "") return null;
  return { role, period };
}

/** What a header cell's text says; null when it is no header label (blank, or too long to be one). */
export const headerLabel = remembered(readLabel, 5_000);

export function isIdentityLabel(label: LabelMeaning | null): boolean {
  return label?.role === "code" || label?.role === "name";
}

/** True when the label can head a column of figures (or a group of them). */
export function isFigureLabel(label: LabelMeaning | null): boolean {
  if (!label) return false;
  if (label.role === null) return label.period !== null;
  return FIGURE.has(label.role) || label.role === "cumulative" || ASIDE.has(label.role);
}

// ---------------------------------------------------------------------------------------------------
// A column from its path of labels

/** A column's role: a label's, except that "Lũy kế" is a flag on the figure role under it. */
export type ColumnRole = Exclude<LabelRole, "cumulative"> | "unknown";

export interface ColumnMeaning {
  role: ColumnRole;
  /** Under or at a "Lũy kế" header: the figure summed to date, not the period's own. */
  cumulative: boolean;
  period: PeriodMention | null;
}

/**
 * The meaning of a column from its labels, top to bottom. Identity headers (Mã, Chỉ tiêu, ĐVT, Ghi chú)
 * stand alone or merge downwards; plan, last-year and comparison headers make everything under them
 * theirs; otherwise the lowest label that names a figure decides ("Kết quả" / "Tháng 3" / "Tử số" is a
 * numerator), and a sub-label the vocabulary does not know ("Kết quả" / "Nam") leaves the column unknown.
 */
export function columnMeaning(labels: readonly LabelMeaning[]): ColumnMeaning {
  const unknown: ColumnMeaning = { role: "unknown", cumulative: false, period: null };
  if (labels.length === 0) return unknown;
  const top = labels[0].role;
  if (top !== null && IDENTITY.has(top)) return { role: top as ColumnRole, cumulative: false, period: null };
  const aside = labels.find((l) => l.role !== null && ASIDE.has(l.role));
  if (aside) return { role: aside.role as ColumnRole, cumulative: false, period: null };
  const cumulative = labels.some((l) => l.role === "cumulative");
  let period: PeriodMention | null = null;
  for (const l of labels) if (l.period) period = l.period;
  const bottom = labels[labels.length - 1];
  if (bottom.role === null && bottom.period === null) return unknown;
  let role: ColumnRole | null = null;
  for (let i = labels.length - 1; i >= 0 && role === null; i--) {
    const r = labels[i].role;
    if (r !== null && FIGURE.has(r)) role = r === "total" && labels.slice(0, i).some((l) => l.role === "value") ? "value" : (r as ColumnRole);
  }
  if (role === null && (cumulative || period !== null)) role = "value";
  return role === null ? unknown : { role, cumulative, period };
}

// ---------------------------------------------------------------------------------------------------
// Periods

/** Whether a period a header names is the report's own; the year left out is the report's year. */
export function isOwnPeriod(mention: PeriodMention, own: Period): boolean {
  if (mention.kind === "own") return true;
  if (mention.kind === "previous") return false;
  if (mention.year !== null && mention.year !== own.year) return false;
  if (mention.kind === "year") return own.kind === "year";
  return mention.kind === own.kind && (mention.index === 0 || mention.index === own.index);
}
