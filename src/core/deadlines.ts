// Deadlines. "Before the 20th" is read literally by default: the due instant is 00:00 Vietnam time on the
// due day, and a report received at or after it is late. All days are Vietnam calendar days.
import { addDays, daysBetween, daysInMonth, vnDay, vnMidnight } from "./dates";
import { parsePeriodKey } from "./periods";
import type { Period, Settings } from "./types";

/** Unit codes are typed by hand in several sheets: compare them without case or surrounding spaces. */
export const sameUnitCode = (a: string, b: string): boolean => a.trim().toUpperCase() === b.trim().toUpperCase();

/** The configured day of a month, clamped to the month's length (31 in June -> 30). */
function dayOfMonth(year: number, month: number, day: number): string {
  const clamped = Math.min(Math.max(1, Math.trunc(day)), daysInMonth(year, month));
  return `${year}-${String(month).padStart(2, "0")}-${String(clamped).padStart(2, "0")}`;
}

/**
 * The due day of a period's report: the deadline day of the period's last month (an ad-hoc period has its
 * own). An exception for this unit beats one for every unit ("") for the same period.
 */
export function dueDay(periodKey: string, settings: Settings, unitCode = ""): string {
  const exceptions = settings.exceptions.filter((e) => e.period === periodKey);
  const exception =
    (unitCode.trim() !== "" ? exceptions.find((e) => sameUnitCode(e.unit, unitCode)) : undefined) ??
    exceptions.find((e) => e.unit.trim() === "");
  if (exception) return exception.dueDay;

  const period = parsePeriodKey(periodKey);
  if (period !== null) return dayOfMonth(period.year, Number(period.end.slice(5, 7)), settings.deadlineDay);
  const adhoc = settings.adhocPeriods.find((a) => a.key === periodKey);
  if (adhoc) return adhoc.dueDay;
  throw new Error(`Kỳ báo cáo không hợp lệ: "${periodKey}"`);
}

/** Received at or after this instant is late: 00:00 on the due day, or the day after when inclusive. */
export function dueInstant(periodKey: string, settings: Settings, unitCode = ""): Date {
  const day = dueDay(periodKey, settings, unitCode);
  return vnMidnight(settings.deadlineInclusive ? addDays(day, 1) : day);
}

/** The last calendar day a report still counts as on time. */
export function lastOnTimeDay(periodKey: string, settings: Settings, unitCode = ""): string {
  return addDays(vnDay(dueInstant(periodKey, settings, unitCode)), -1);
}

/**
 * Calendar days from the last on-time day to the day `received` falls on (Vietnam time); 0 when on time.
 * With "before the 20th": received on the 20th = 1, on the 23rd = 4. Given an as-of instant instead of a
 * received one, it is the days overdue: still missing on the 25th = 6.
 */
export function daysLate(received: Date, due: Date): number {
  if (received.getTime() < due.getTime()) return 0;
  return daysBetween(addDays(vnDay(due), -1), vnDay(received));
}

/**
 * The days a monthly report's data covers (Decree 09/2019/NĐ-CP): from the cut-off day of the previous
 * month to the day before it in the reporting month, e.g. 15/02 to 14/03 for March.
 */
export function cutoffWindow(monthKey: string, settings: Settings): { start: string; end: string } {
  const period = parsePeriodKey(monthKey);
  if (period === null || period.kind !== "month") throw new Error(`Không phải kỳ báo cáo tháng: "${monthKey}"`);
  const prevYear = period.index === 1 ? period.year - 1 : period.year;
  const prevMonth = period.index === 1 ? 12 : period.index - 1;
  return {
    start: dayOfMonth(prevYear, prevMonth, settings.cutoffDay),
    end: addDays(dayOfMonth(period.year, period.index, settings.cutoffDay), -1),
  };
}

/** The days whose data a period's reports count: the cut-off windows of its first and last months. */
export function dataWindow(period: Period, settings: Settings): { start: string; end: string } {
  if (period.months.length === 0) return { start: period.start, end: period.end };
  return { start: cutoffWindow(period.months[0], settings).start, end: cutoffWindow(period.months[period.months.length - 1], settings).end };
}
