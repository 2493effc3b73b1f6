// The period picker's choices, due-date text and the as-of instant: pure helpers for the pane.
import { formatDayVi, formatInstantVi, vnDay, vnEndOfDay } from "../core/dates";
import { dueInstant } from "../core/deadlines";
import { parsePeriodKey, periodKeysOfKind } from "../core/periods";
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
