// One consolidation of the master book for a period as of a date: statuses, indicators and the findings
// that concern the period. Plain values: the CLI prints them as JSON, the outputs module lays them out.
import { consolidate } from "./consolidation";
import { InputError } from "./input-error";
import { parsePeriodKey, periodContains } from "./periods";
import { unitStatus } from "./status";
import type { ConsolidatedIndicator, Finding, MasterBook, Period, UnitStatus } from "./types";

export interface Consolidation {
  period: Period;
  asOf: string; // ISO instant
  units: UnitStatus[];
  indicators: ConsolidatedIndicator[];
  findings: Finding[];
}

export class UnknownPeriodError extends InputError {
  constructor(readonly key: string) {
    super(`Kỳ báo cáo "${key}" không hợp lệ (ví dụ: 2026-03, 2026-Q1, 2026-H1, 2026 hoặc một kỳ đột xuất khai báo trong trang "Hạn nộp").`);
  }
}

export function resolvePeriod(book: MasterBook, key: string): Period {
  const period = parsePeriodKey(key, book.settings.adhocPeriods);
  if (!period) throw new UnknownPeriodError(key);
  return period;
}

export function inSpan(spanKey: string, key: string, book: MasterBook): boolean {
  return key === spanKey || periodContains(spanKey, key, book.settings.adhocPeriods);
}

export function unitStatuses(book: MasterBook, periodKey: string, asOf: Date): UnitStatus[] {
  const byUnit = submissionsByUnit(book);
  return book.units.map((unit) => unitStatus({ unit, periodKey, submissions: byUnit.get(unit.code) ?? [], asOf, settings: book.settings }));
}

/** Submissions grouped by unit code, once: filtering the whole list per unit is quadratic at national scale. */
export function submissionsByUnit(book: MasterBook): Map<string, MasterBook["submissions"]> {
  const byUnit = new Map<string, MasterBook["submissions"]>();
  for (const s of book.submissions) {
    const list = byUnit.get(s.unit);
    if (list) list.push(s);
    else byUnit.set(s.unit, [s]);
  }
  return byUnit;
}

export function consolidateBook(book: MasterBook, periodKey: string, asOf: Date): Consolidation {
  const period = resolvePeriod(book, periodKey);
  const year = period.kind === "adhoc" ? Number(period.end.slice(0, 4)) : period.year;
  return {
    period,
    asOf: asOf.toISOString(),
    units: unitStatuses(book, period.key, asOf),
    indicators: consolidate({
      periodKey: period.key,
      year,
      catalogue: book.catalogue,
      units: book.units,
      targets: book.targets,
      data: book.data,
      adhoc: book.settings.adhocPeriods,
    }),
    findings: book.findings.filter((f) => !f.period || inSpan(period.key, f.period, book)),
  };
}
