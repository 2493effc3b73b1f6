// The command line's --json shape (documented in the README): stable field names for scripts.
import type { FileResult } from "../core/import";
import type { Consolidation } from "../core/period-consolidation";
import type { Finding } from "../core/types";

export function findingJson(f: Finding) {
  return { severity: f.severity, code: f.code, file: f.file, sheet: f.sheet, cell: f.cell, unit: f.unit, indicator: f.indicator, period: f.period, message: f.message };
}

export function consolidationJson(c: Consolidation) {
  return {
    period: c.period.key,
    periodLabel: c.period.label,
    asOf: c.asOf,
    units: c.units.map((u) => ({
      code: u.unit,
      name: u.name,
      status: u.status,
      label: u.label,
      daysLate: u.daysLate,
      dueAt: u.dueAt || null,
      receivedAt: u.receivedAt,
      receivedSource: u.receivedSource,
      errors: u.errors,
      warnings: u.warnings,
    })),
    indicators: c.indicators.map((i) => ({
      code: i.code,
      name: i.name,
      kind: i.kind,
      value: i.value,
      numerator: i.numerator,
      denominator: i.denominator,
      target: i.target ? i.target.value : null,
      targetOp: i.target ? i.target.op : null,
      achievement: i.achievement,
      unitsReporting: i.unitsReporting,
    })),
    findings: c.findings.map(findingJson),
  };
}

export function filesJson(files: FileResult[]) {
  return files.map((f) => ({
    file: f.file,
    status: f.status,
    unit: f.unit,
    period: f.period,
    message: f.message,
    receivedAt: f.receivedAt || null,
    receivedSource: f.receivedSource,
    errors: f.errors,
    warnings: f.warnings,
  }));
}
