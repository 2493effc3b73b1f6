// Reporting periods: keys ("2026-03", "2026-Q1", "2026-H1", "2026", ad-hoc keys), their spans and
// Vietnamese labels, reading the many ways people write "Kỳ báo cáo", and which of a unit's own reports a
// consolidated span needs.
import { daysInMonth, isValidDay, parseDayArg } from "./dates";
import { foldText } from "./fold";
import type { AdhocPeriod, Frequency, Period, Unit } from "./types";

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

const ROMAN = ["I", "II", "III", "IV"];
const MONTHS_PER: Record<Frequency, number> = { month: 1, quarter: 3, half: 6, year: 12 };
const COUNT_PER_YEAR: Record<Frequency, number> = { month: 12, quarter: 4, half: 2, year: 1 };

const pad2 = (n: number): string => String(n).padStart(2, "0");

/** The key of the index-th period (1-based) of a kind in a year. */
function keyOf(kind: Frequency, year: number, index: number): string {
  switch (kind) {
    case "month":
      return `${year}-${pad2(index)}`;
    case "quarter":
      return `${year}-Q${index}`;
    case "half":
      return `${year}-H${index}`;
    case "year":
      return String(year);
  }
}

function labelOf(kind: Frequency, year: number, index: number): string {
  switch (kind) {
    case "month":
      return `Tháng ${index}/${year}`;
    case "quarter":
      return `Quý ${ROMAN[index - 1]}/${year}`;
    case "half":
      return `6 tháng ${index === 1 ? "đầu" : "cuối"} năm ${year}`;
    case "year":
      return `Năm ${year}`;
  }
}

/** A standard period, or null when the year or index is out of range. */
function standardPeriod(kind: Frequency, year: number, index: number): Period | null {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return null;
  if (!Number.isInteger(index) || index < 1 || index > COUNT_PER_YEAR[kind]) return null;
  const firstMonth = (index - 1) * MONTHS_PER[kind] + 1;
  const lastMonth = firstMonth + MONTHS_PER[kind] - 1;
  const months: string[] = [];
  for (let m = firstMonth; m <= lastMonth; m++) months.push(keyOf("month", year, m));
  return {
    key: keyOf(kind, year, index),
    kind,
    year,
    index: kind === "year" ? 0 : index,
    start: `${year}-${pad2(firstMonth)}-01`,
    end: `${year}-${pad2(lastMonth)}-${pad2(daysInMonth(year, lastMonth))}`,
    months,
    label: labelOf(kind, year, index),
  };
}

function adhocPeriod(a: AdhocPeriod): Period {
  return {
    key: a.key,
    kind: "adhoc",
    year: Number(a.start.slice(0, 4)),
    index: 0,
    start: a.start,
    end: a.end,
    months: [],
    label: a.name,
  };
}

const KEY_PATTERNS: { re: RegExp; kind: Frequency }[] = [
  { re: /^(\d{4})-(\d{2})$/, kind: "month" },
  { re: /^(\d{4})-Q(\d)$/, kind: "quarter" },
  { re: /^(\d{4})-H(\d)$/, kind: "half" },
  { re: /^(\d{4})$/, kind: "year" },
];

/** The period a key names: a standard key, else an ad-hoc period declared in the settings. */
export function parsePeriodKey(key: string, adhoc: readonly AdhocPeriod[] = []): Period | null {
  for (const { re, kind } of KEY_PATTERNS) {
    const m = re.exec(key);
    if (m) return standardPeriod(kind, Number(m[1]), kind === "year" ? 1 : Number(m[2]));
  }
  const declared = adhoc.find((a) => a.key === key);
  return declared ? adhocPeriod(declared) : null;
}

const romanOrDigit = (s: string): number => {
  const roman = ROMAN.indexOf(s.toUpperCase());
  return roman >= 0 ? roman + 1 : Number(s);
};

// Spellings of "Kỳ báo cáo", matched on folded text (lower case, no diacritics). The first pattern
// that matches decides: "Tháng 13 năm 2026" is an impossible month, not the year 2026.
const SEP = String.raw`\s*(?:[/.-]|nam)\s*(?:nam\s*)?`;
const TEXT_PATTERNS: { re: RegExp; kind: Frequency; read: (m: RegExpExecArray) => [number, number] }[] = [
  {
    re: /(?:6|sau) thang (dau|cuoi) nam (\d{4})(?!\d)/,
    kind: "half",
    read: (m) => [Number(m[2]), m[1] === "dau" ? 1 : 2],
  },
  { re: /^(\d{4}) ?- ?h(\d)$/, kind: "half", read: (m) => [Number(m[1]), Number(m[2])] },
  { re: /(?<![a-z])h(\d)\s*[/.-]\s*(\d{4})(?!\d)/, kind: "half", read: (m) => [Number(m[2]), Number(m[1])] },
  {
    re: new RegExp(String.raw`quy\s*(iv|iii|ii|i|\d)${SEP}(\d{4})(?!\d)`),
    kind: "quarter",
    read: (m) => [Number(m[2]), romanOrDigit(m[1])],
  },
  { re: /^(\d{4}) ?- ?q(\d)$/, kind: "quarter", read: (m) => [Number(m[1]), Number(m[2])] },
  { re: /(?<![a-z])q(\d)\s*[/.-]\s*(\d{4})(?!\d)/, kind: "quarter", read: (m) => [Number(m[2]), Number(m[1])] },
  {
    re: new RegExp(String.raw`(?:thang|(?<![a-z])t)\s*(\d{1,2})${SEP}(\d{4})(?!\d)`),
    kind: "month",
    read: (m) => [Number(m[2]), Number(m[1])],
  },
  { re: /^(\d{4})-(\d{1,2})$/, kind: "month", read: (m) => [Number(m[1]), Number(m[2])] },
  // A bare "03/2026", but not the tail of a date such as "15/03/2026".
  { re: /(?<![\d/.-])(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)/, kind: "month", read: (m) => [Number(m[2]), Number(m[1])] },
  { re: /(?:^|[^a-z])nam\s*(\d{4})(?!\d)/, kind: "year", read: (m) => [Number(m[1]), 1] },
  { re: /^(\d{4})$/, kind: "year", read: (m) => [Number(m[1]), 1] },
];

/** No ad-hoc periods: one list, so that what is remembered for it is found again. */
export const NO_ADHOC: readonly AdhocPeriod[] = [];
const MAX_REMEMBERED_TEXTS = 2_000;
// Every report of a batch names its period in the same few spellings, read by the parser and again by
// validation: remember the answers per list of ad-hoc periods (a list must not change in place after).
const periodTextAnswers = new WeakMap<readonly AdhocPeriod[], Map<string, string | null>>();

/** The period key written in a report's "Kỳ báo cáo" (any usual spelling), or null when unreadable. */
export function parsePeriodText(text: string, adhoc: readonly AdhocPeriod[] = NO_ADHOC): string | null {
  let answers = periodTextAnswers.get(adhoc);
  if (!answers) periodTextAnswers.set(adhoc, (answers = new Map()));
  let key = answers.get(text);
  if (key === undefined) {
    key = readPeriodText(text, adhoc);
    if (answers.size >= MAX_REMEMBERED_TEXTS) answers.clear();
    answers.set(text, key);
  }
  return key;
}

function readPeriodText(text: string, adhoc: readonly AdhocPeriod[]): string | null {
  const folded = foldText(text).replace(/[\s:;,.]+$/, "");
  if (folded === "") return null;
  const declared = adhoc.find((a) => foldText(a.key) === folded || foldText(a.name) === folded);
  if (declared) return declared.key;
  for (const { re, kind, read } of TEXT_PATTERNS) {
    const m = re.exec(folded);
    if (!m) continue;
    const [year, index] = read(m);
    return standardPeriod(kind, year, index)?.key ?? null;
  }
  return null;
}

/** True when the inner period lies wholly within the outer one (both read as day spans). */
export function periodContains(outerKey: string, innerKey: string, adhoc: readonly AdhocPeriod[] = []): boolean {
  const outer = parsePeriodKey(outerKey, adhoc);
  const inner = parsePeriodKey(innerKey, adhoc);
  return outer !== null && inner !== null && inner.start >= outer.start && inner.end <= outer.end;
}

/** The period of the same kind just before (2026-Q1 -> 2025-Q4); null for ad-hoc or unknown keys. */
export function previousPeriodKey(key: string): string | null {
  const p = parsePeriodKey(key);
  if (p === null || p.kind === "adhoc") return null;
  const kind = p.kind;
  const index = kind === "year" ? 1 : p.index;
  const prev =
    index > 1 ? standardPeriod(kind, p.year, index - 1) : standardPeriod(kind, p.year - 1, COUNT_PER_YEAR[kind]);
  return prev?.key ?? null;
}

/** Every key of one kind in a year, in order. */
export function periodKeysOfKind(kind: Frequency, year: number): string[] {
  const keys: string[] = [];
  for (let i = 1; i <= COUNT_PER_YEAR[kind]; i++) keys.push(keyOf(kind, year, i));
  return keys;
}

/**
 * The unit's own reports (at its frequency) that fall within a consolidated span: a monthly unit owes
 * the three months of a quarter, a quarterly unit owes nothing for a plain month. Every unit owes an
 * ad-hoc campaign report.
 */
export function requiredReportKeys(frequency: Frequency, spanKey: string, adhoc: readonly AdhocPeriod[] = []): string[] {
  const span = parsePeriodKey(spanKey, adhoc);
  if (span === null) return [];
  if (span.kind === "adhoc") return [span.key];
  return periodKeysOfKind(frequency, span.year).filter((key) => periodContains(spanKey, key));
}

/** The month containing today: the reporting period due now, by default. */
export function currentPeriodKey(today: string): string {
  return today.slice(0, 7);
}

/** A unit's activeFrom/activeTo bound as a day span: a day, a period key, or null when empty/unreadable. */
function boundSpan(bound: string, adhoc: readonly AdhocPeriod[]): { start: string; end: string } | null {
  const text = bound.trim();
  if (text === "") return null;
  const day = isValidDay(text) ? text : parseDayArg(text);
  if (day !== null) return { start: day, end: day };
  return parsePeriodKey(text, adhoc);
}

/**
 * Whether the unit exists during the period: the period overlaps the unit's active span. An empty or
 * unreadable bound leaves that side open.
 */
export function isUnitActive(unit: Unit, periodKey: string, adhoc: readonly AdhocPeriod[] = []): boolean {
  const period = parsePeriodKey(periodKey, adhoc);
  if (period === null) return false;
  const from = boundSpan(unit.activeFrom, adhoc);
  const to = boundSpan(unit.activeTo, adhoc);
  return (from === null || period.end >= from.start) && (to === null || period.start <= to.end);
}

/**
 * The reports a unit owes within a span: its own reports there ({@link requiredReportKeys}) during which
 * it is active, so a unit that starts or stops within a quarter owes only its active months.
 */
export function owedReportKeys(unit: Unit, spanKey: string, adhoc: AdhocPeriod[] = []): string[] {
  return requiredReportKeys(unit.frequency, spanKey, adhoc).filter((key) => isUnitActive(unit, key, adhoc));
}
