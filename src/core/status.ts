// A unit's timeliness for a period, as of a date: Đúng hạn, Trễ N ngày, Quá hạn N ngày, Chưa đến hạn,
// Không phải nộp. For a quarter, half-year or year it is the worst of the unit's own reports in that span.
import { isValidDay, parseInstantText, vnDay, vnMidnight } from "./dates";
import { daysLate, dueInstant, sameUnitCode } from "./deadlines";
import { owedReportKeys } from "./periods";
import type { ReceivedSource, Settings, Submission, Unit, UnitStatus, UnitStatusCode } from "./types";

/**
 * When a report counts as received, and why: the clerk's manual entry; else the report's declared date
 * ("Ngày báo cáo", as 00:00 of that day, so a report dated the 19th is on time for "before the 20th")
 * unless it is after the day of import; else the file's modified time, unless it is after the import
 * (a sender's clock set wrong); else the import time.
 * A bare manual day also counts as 00:00 of that day: the clerk records the day it arrived.
 */
export function resolveReceived(sub: Submission): { at: string; source: ReceivedSource } {
  const manual = parseInstantText(sub.manualReceived);
  if (manual) return { at: manual.toISOString(), source: "manual" };

  const imported = parseInstantText(sub.importedAt);
  if (isValidDay(sub.declaredDate) && (imported === null || sub.declaredDate <= vnDay(imported))) {
    return { at: vnMidnight(sub.declaredDate).toISOString(), source: "declared" };
  }

  const modified = parseInstantText(sub.fileModified);
  if (modified && (imported === null || modified.getTime() <= imported.getTime())) return { at: modified.toISOString(), source: "file" };
  return { at: imported ? imported.toISOString() : sub.importedAt, source: "import" };
}

export function statusLabel(code: UnitStatusCode, days: number): string {
  switch (code) {
    case "on_time":
      return "Đúng hạn";
    case "late":
      return `Trễ ${days} ngày`;
    case "overdue":
      return `Quá hạn ${days} ngày`;
    case "pending":
      return "Chưa đến hạn";
    case "not_required":
      return "Không phải nộp";
  }
}

const SEVERITY: Record<UnitStatusCode, number> = { not_required: 0, on_time: 1, pending: 2, late: 3, overdue: 4 };

interface OwnReport {
  status: UnitStatusCode;
  days: number;
  due: Date;
  received: { at: string; source: ReceivedSource } | null;
  sub: Submission | null;
}

const worseOrEqual = (a: OwnReport, b: OwnReport): boolean =>
  SEVERITY[a.status] > SEVERITY[b.status] || (SEVERITY[a.status] === SEVERITY[b.status] && a.days >= b.days);

/** The current submission of a unit for one own period: a re-import replaces the earlier one. */
function currentSubmission(subs: Submission[], unitCode: string, periodKey: string): Submission | null {
  const mine = subs.filter((s) => s.period === periodKey && sameUnitCode(s.unit, unitCode));
  return mine.reduce<Submission | null>(
    (latest, s) => (latest === null || Date.parse(s.importedAt) >= Date.parse(latest.importedAt) ? s : latest),
    null,
  );
}

function evaluateOwnReport(
  unit: Unit,
  periodKey: string,
  subs: Submission[],
  asOf: Date,
  settings: Settings,
): OwnReport {
  const due = dueInstant(periodKey, settings, unit.code);
  const sub = currentSubmission(subs, unit.code, periodKey);
  const received = sub === null ? null : resolveReceived(sub);
  // As of a past date, a report received later was not there yet.
  if (sub === null || received === null || Date.parse(received.at) > asOf.getTime()) {
    const days = daysLate(asOf, due);
    return { status: days > 0 ? "overdue" : "pending", days, due, received: null, sub: null };
  }
  const days = daysLate(new Date(received.at), due);
  return { status: days > 0 ? "late" : "on_time", days, due, received, sub };
}

/** A unit's status for a period (a month, or a span its own reports roll up into), as of an instant. */
export function unitStatus(args: {
  unit: Unit;
  periodKey: string;
  submissions: Submission[];
  asOf: Date;
  settings: Settings;
}): UnitStatus {
  const { unit, periodKey, submissions, asOf, settings } = args;
  const base = { unit: unit.code, name: unit.name, period: periodKey };
  const ownKeys = owedReportKeys(unit, periodKey, settings.adhocPeriods);
  if (ownKeys.length === 0) {
    return {
      ...base,
      status: "not_required",
      daysLate: 0,
      dueAt: "",
      receivedAt: null,
      receivedSource: null,
      errors: 0,
      warnings: 0,
      label: statusLabel("not_required", 0),
    };
  }

  const reports = ownKeys.map((key) => evaluateOwnReport(unit, key, submissions, asOf, settings));
  const worst = reports.reduce((w, r) => (worseOrEqual(r, w) ? r : w));
  const latestReceived = reports
    .map((r) => r.received)
    .reduce<OwnReport["received"]>(
      (l, r) => (r !== null && (l === null || Date.parse(r.at) >= Date.parse(l.at)) ? r : l),
      null,
    );
  return {
    ...base,
    status: worst.status,
    daysLate: worst.days,
    dueAt: worst.due.toISOString(),
    receivedAt: latestReceived?.at ?? null,
    receivedSource: latestReceived?.source ?? null,
    errors: reports.reduce((n, r) => n + (r.sub?.errors ?? 0), 0),
    warnings: reports.reduce((n, r) => n + (r.sub?.warnings ?? 0), 0),
    label: statusLabel(worst.status, worst.days),
  };
}
