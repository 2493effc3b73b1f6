// Calendar days and instants in Vietnam time. Vietnam is UTC+7 all year (no daylight saving), so plain
// arithmetic on a fixed offset is exact and needs no time-zone database in the browser.
// A calendar day is always a "YYYY-MM-DD" string; an instant is a Date (or an ISO string).
import { foldText } from "./fold";
import type { CellValue } from "./types";

const DAY_MS = 86_400_000;
const VN_OFFSET_MS = 7 * 3_600_000;

/** Years a date typed in a report can plausibly have; anything else is a typo or not a date at all. */
const MIN_PLAUSIBLE_YEAR = 1990;
const MAX_PLAUSIBLE_YEAR = 2100;

/** Day 0 of Excel's 1900 date system. Serial 60 is the fictitious 1900-02-29, so counting from
 * 1899-12-30 (not 12-31) gives the right day for every serial from 61 (1900-03-01) on. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

const pad2 = (n: number): string => String(n).padStart(2, "0");
const pad4 = (n: number): string => String(n).padStart(4, "0");

/** The day whose UTC fields are those of `d` (d must be a valid Date). */
function utcFieldsDay(d: Date): string {
  return `${pad4(d.getUTCFullYear())}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** "YYYY-MM-DD" when year/month/day name a real calendar day, else null (31/02 -> null). */
function dayFromParts(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return null;
  }
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

/** Midnight UTC of a day, as epoch milliseconds; the basis of day arithmetic. */
function dayToUtcMs(day: string): number {
  const [y, m, d] = day.split("-").map(Number);
  return Date.UTC(y, m - 1, d);
}

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDay(day: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m !== null && dayFromParts(Number(m[1]), Number(m[2]), Number(m[3])) !== null;
}

/** The calendar day of an instant in Vietnam. */
export function vnDay(instant: Date): string {
  return utcFieldsDay(new Date(instant.getTime() + VN_OFFSET_MS));
}

/** The instant 00:00 Vietnam time begins on that day. */
export function vnMidnight(day: string): Date {
  return new Date(dayToUtcMs(day) - VN_OFFSET_MS);
}

export function addDays(day: string, n: number): string {
  return utcFieldsDay(new Date(dayToUtcMs(day) + n * DAY_MS));
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayToUtcMs(to) - dayToUtcMs(from)) / DAY_MS);
}

function plausible(day: string | null): string | null {
  const year = day === null ? NaN : Number(/^(\d{4})-\d{2}-\d{2}$/.exec(day)?.[1]);
  return year >= MIN_PLAUSIBLE_YEAR && year <= MAX_PLAUSIBLE_YEAR ? day : null;
}

/** An Excel serial (1900 date system) as a day; the time of day is ignored. Null outside 1990..2100. */
export function excelSerialToDay(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  return plausible(utcFieldsDay(new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS)));
}

/** Readers give Excel date cells as Dates whose UTC fields are the wall clock typed in Excel. */
export function wallClockDateToDay(d: Date): string {
  return utcFieldsDay(d);
}

// Text dates, matched on folded text (lower case, no diacritics, single spaces). Day first, always.
const TEXT_DATE_PATTERNS: { re: RegExp; order: "ymd" | "dmy" }[] = [
  { re: /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/, order: "ymd" },
  { re: /ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})(?!\d)/, order: "dmy" },
  { re: /(?<!\d)(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?!\d)/, order: "dmy" },
];

function parseDateText(text: string): string | null {
  const folded = foldText(text);
  for (const { re, order } of TEXT_DATE_PATTERNS) {
    const m = re.exec(folded);
    if (!m) continue;
    const nums = m.slice(1).filter((g) => /^\d+$/.test(g)).map(Number);
    const [y, mo, d] = order === "ymd" ? nums : [nums[2], nums[1], nums[0]];
    return plausible(dayFromParts(y, mo, d));
  }
  return null;
}

/**
 * The day a "Ngày báo cáo" cell holds: a date cell, an Excel serial, or text such as "15/3/2026",
 * "2026-03-15" or "Dương Hưu, ngày 15 tháng 3 năm 2026". Null when it is none of these or not a real day.
 */
export function parseDateCell(value: CellValue): string | null {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : plausible(wallClockDateToDay(value));
  }
  if (typeof value === "number") return excelSerialToDay(value);
  if (typeof value === "string") return parseDateText(value);
  return null;
}

/** A day typed on the command line: "2026-03-25" or "25/03/2026". */
export function parseDayArg(s: string): string | null {
  const text = s.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return dayFromParts(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(text);
  if (dmy) return dayFromParts(Number(dmy[4]), Number(dmy[3]), Number(dmy[1]));
  return null;
}

/**
 * An instant written as text: an ISO instant with its zone ("2026-03-19T07:05:00Z"), or a Vietnam wall
 * clock without one: a bare day (its 00:00), "19/03/2026 14:05" or "2026-03-19 14:05". Null otherwise;
 * a zoneless time is never left to the machine's own time zone.
 */
export function parseInstantText(text: string): Date | null {
  const trimmed = text.trim();
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})$/i.test(trimmed)) {
    const instant = new Date(trimmed);
    return Number.isNaN(instant.getTime()) ? null : instant;
  }
  const m = /^(\S+?)(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(trimmed);
  const day = m ? parseDayArg(m[1]) : null;
  if (m === null || day === null) return null;
  const [h, min, sec] = [m[2], m[3], m[4]].map((g) => Number(g ?? 0));
  if (h > 23 || min > 59 || sec > 59) return null;
  return new Date(vnMidnight(day).getTime() + ((h * 60 + min) * 60 + sec) * 1000);
}

/** "2026-03-20" -> "20/03/2026"; anything that is not a day is shown as it is. */
export function formatDayVi(day: string): string {
  if (!isValidDay(day)) return day;
  const [y, m, d] = day.split("-");
  return `${d}/${m}/${y}`;
}

/** An instant as Vietnam wall-clock time, "19/03/2026 14:05"; an unreadable value is shown as it is. */
export function formatInstantVi(instant: string | Date): string {
  const d = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(d.getTime())) return String(instant);
  const wall = new Date(d.getTime() + VN_OFFSET_MS);
  return `${formatDayVi(utcFieldsDay(wall))} ${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}`;
}

/** A received instant at Vietnam midnight came from a day (declared or typed): show the day alone. */
export function formatReceivedVi(instant: string): string {
  const text = formatInstantVi(instant);
  return text.endsWith(" 00:00") ? text.slice(0, -6) : text;
}

/** The last instant of a Vietnam calendar day: "as of the 25th" means by the end of that day. */
export function vnEndOfDay(day: string): Date {
  return new Date(vnMidnight(addDays(day, 1)).getTime() - 1);
}
