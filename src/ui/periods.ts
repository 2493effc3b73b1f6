// The period picker's choices, due-date text and the as-of instant: pure helpers for the pane.
import { formatDayVi, formatInstantVi, parseDayArg, vnDay, vnEndOfDay } from "../core/dates";
import { dueInstant } from "../core/deadlines";
import { parsePeriodKey, periodKeysOfKind } from "../core/periods";
import { asciiFileName } from "../core/template-plan";
import type { Frequency, Settings } from "../core/types";

export interface PeriodOption {
  key: string;
  label: string;
}

export interface PeriodGroup {
  label: string;
  options: PeriodOption[];
}

const KINDS: { kind: Frequency; label: string }[] = [
  { kind: "month", label: "Tháng" },
  { kind: "quarter", label: "Quý" },
  { kind: "half", label: "6 tháng" },
  { kind: "year", label: "Năm" },
];

const option = (key: string, settings: Settings): PeriodOption => ({
  key,
  label: parsePeriodKey(key, settings.adhocPeriods)?.label ?? key,
});

/**
 * Months, quarters, halves and years of the settings' year and the year before (newest first), then the
 * ad-hoc periods the settings declare. `current` is always offered, even outside those years.
 */
export function periodGroups(settings: Settings, current: string): PeriodGroup[] {
  const years = [settings.year, settings.year - 1];
  const groups: PeriodGroup[] = KINDS.map(({ kind, label }) => ({
    label,
    options: years.flatMap((y) => periodKeysOfKind(kind, y).reverse()).map((k) => option(k, settings)),
  }));
  if (settings.adhocPeriods.length > 0) {
    groups.push({ label: "Đột xuất", options: settings.adhocPeriods.map((a) => ({ key: a.key, label: a.name })) });
  }
  const offered = groups.some((g) => g.options.some((o) => o.key === current));
  if (!offered && parsePeriodKey(current, settings.adhocPeriods)) groups.unshift({ label: "Kỳ hiện tại", options: [option(current, settings)] });
  return groups;
}

/** "Hạn nộp: trước 00:00 ngày 20/03/2026" for the period's common deadline. */
export function dueText(periodKey: string, settings: Settings): string {
  try {
    const [day, time] = formatInstantVi(dueInstant(periodKey, settings)).split(" ");
    return `Hạn nộp: trước ${time} ngày ${day}`;
  } catch {
    return "Hạn nộp: không xác định (kỳ báo cáo không hợp lệ)";
  }
}

/** The instant statuses are computed at: now when the day is today, else the end of that day. */
export function asOfInstant(day: string, now: Date): Date {
  if (day === vnDay(now)) return now;
  return vnEndOfDay(day);
}

export const formatDay = formatDayVi;

/**
 * A day as a Vietnamese clerk types it, whatever the browser's language: "25/03/2026", "25/3/2026",
 * "25-03-2026", "25.03.2026", a two-digit year ("25/3/26": 2026), or "2026-03-25". Null when it is no day.
 */
export function parseDayText(text: string): string | null {
  const short = /^\s*(\d{1,2})([/.-])(\d{1,2})\2(\d{2})\s*$/.exec(text);
  return parseDayArg(short ? `${short[1]}/${short[3]}/20${short[4]}` : text);
}

/**
 * The web page's download, named after the body and the period in ASCII, which every system and mail
 * program keeps as it is: "so-tong-hop-ubnd-xa-hoa-binh-2026-03.xlsx".
 */
export function masterFileName(settings: Pick<Settings, "bodyName" | "bodyCode">, periodKey: string): string {
  const slug = (text: string) =>
    asciiFileName(text)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
  const parts = ["so-tong-hop", slug(settings.bodyName) || slug(settings.bodyCode), slug(periodKey)].filter(Boolean);
  return `${parts.join("-")}.xlsx`;
}
