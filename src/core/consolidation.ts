// Data sheet -> consolidated indicators for a period. Flows add up over units and months; stocks add up
// over units and take the latest month; ratios are Σ numerators / Σ denominators, never an average of
// percentages.
import { periodContains, requiredReportKeys } from "./periods";
import type { AdhocPeriod, ConsolidatedIndicator, Fact, Frequency, Indicator, Target, Unit } from "./types";

/** One unit's figure for an indicator over a span, after rolling its own reports up. */
export interface UnitFigure {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** The report keys a unit of a given frequency owes for the span. */
export type OwnKeys = (frequency: Frequency) => ReadonlySet<string>;

/**
 * Own report keys per frequency, worked out once per consolidation: parsing period keys again for every
 * unit and indicator took most of a national-scale consolidation (3,321 units x 25 indicators).
 */
export function ownKeysFor(spanKey: string, adhoc: AdhocPeriod[]): OwnKeys {
  const cache = new Map<Frequency, ReadonlySet<string>>();
  return (frequency) => {
    let keys = cache.get(frequency);
    if (!keys) cache.set(frequency, (keys = new Set(requiredReportKeys(frequency, spanKey, adhoc))));
    return keys;
  };
}

/**
 * The facts of one unit that count for a span (facts already inside the span): its own reports, by
 * frequency. A unit that reported the span itself at another granularity than its frequency says still
 * counts (a quarterly report sent by a unit registered as monthly). A unit removed from the units sheet
 * keeps its data: all of it counts.
 */
export function factsForSpan(unit: Unit | undefined, facts: Fact[], spanKey: string, ownKeys: OwnKeys): Fact[] {
  if (!unit) return facts;
  const own = ownKeys(unit.frequency);
  const ownFacts = facts.filter((f) => own.has(f.period));
  return ownFacts.length > 0 ? ownFacts : facts.filter((f) => f.period === spanKey);
}

/** Rolls one unit's facts for one indicator up over a span (facts already restricted to the span). */
export function rollUp(kind: Indicator["kind"], facts: Fact[]): UnitFigure | null {
  if (facts.length === 0) return null;
  if (kind === "flow") {
    let sum = 0;
    let any = false;
    for (const f of facts) {
      if (f.value !== null) {
        sum += f.value;
        any = true;
      }
    }
    return any ? { value: sum, numerator: null, denominator: null } : null;
  }
  // Stocks and ratios: the position at the end of the span is the latest report's.
  const latest = facts.reduce((a, b) => (comparePeriodKeys(b.period, a.period) > 0 ? b : a));
  if (kind === "stock") return latest.value === null ? null : { value: latest.value, numerator: null, denominator: null };
  if (latest.numerator === null || latest.denominator === null) return null;
  return {
    value: latest.denominator > 0 ? latest.numerator / latest.denominator : null,
    numerator: latest.numerator,
    denominator: latest.denominator,
  };
}

/** Orders keys of one year-relative kind chronologically ("2026-02" < "2026-03", "2026-Q1" < "2026-Q2"). */
function comparePeriodKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function targetFor(targets: Target[], indicator: string, year: number): Target | null {
  return targets.find((t) => t.indicator === indicator && t.year === year) ?? null;
}

/** Achievement against a target as a fraction (1 = target met exactly). */
export function achievement(value: number | null, target: Target | null): number | null {
  if (value === null || target === null || target.value <= 0) return null;
  return value / target.value;
}

export function targetMet(value: number | null, target: Target | null): boolean | null {
  if (value === null || target === null) return null;
  const eps = 1e-9;
  return target.op === ">" ? value > target.value + eps : value >= target.value - eps;
}

export interface ConsolidateInput {
  periodKey: string;
  year: number;
  catalogue: Indicator[];
  units: Unit[];
  targets: Target[];
  data: Fact[];
  adhoc: AdhocPeriod[];
}

/** Consolidates every catalogue indicator over every unit for a period (a month or any span of months). */
export function consolidate(input: ConsolidateInput): ConsolidatedIndicator[] {
  const { periodKey, catalogue, units, targets, adhoc } = input;
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  const ownKeys = ownKeysFor(periodKey, adhoc);
  // Index facts once: unit -> indicator -> facts inside the span. Linear in the data.
  const inSpan = new Map<string, boolean>();
  const byUnit = new Map<string, Map<string, Fact[]>>();
  for (const f of input.data) {
    let contained = inSpan.get(f.period);
    if (contained === undefined) {
      contained = f.period === periodKey || periodContains(periodKey, f.period, adhoc);
      inSpan.set(f.period, contained);
    }
    if (!contained) continue;
    let perIndicator = byUnit.get(f.unit);
    if (!perIndicator) byUnit.set(f.unit, (perIndicator = new Map()));
    let list = perIndicator.get(f.indicator);
    if (!list) perIndicator.set(f.indicator, (list = []));
    list.push(f);
  }

  return catalogue.map((ind) => {
    let sum = 0;
    let num = 0;
    let den = 0;
    let reporting = 0;
    const perUnit: Record<string, number | null> = Object.create(null);
    for (const [unitCode, perIndicator] of byUnit) {
      const facts = perIndicator.get(ind.code);
      if (!facts) continue;
      const figure = rollUp(ind.kind, factsForSpan(unitByCode.get(unitCode), facts, periodKey, ownKeys));
      if (!figure) continue;
      reporting++;
      perUnit[unitCode] = figure.value;
      if (ind.kind === "ratio") {
        num += figure.numerator ?? 0;
        den += figure.denominator ?? 0;
      } else {
        sum += figure.value ?? 0;
      }
    }
    const isRatio = ind.kind === "ratio";
    const value = reporting === 0 ? null : isRatio ? (den > 0 ? num / den : null) : sum;
    const target = targetFor(targets, ind.code, input.year);
    return {
      code: ind.code,
      name: ind.name,
      kind: ind.kind,
      uom: ind.uom,
      value,
      numerator: isRatio && reporting > 0 ? num : null,
      denominator: isRatio && reporting > 0 ? den : null,
      target,
      achievement: achievement(value, target),
      unitsReporting: reporting,
      byUnit: perUnit,
    };
  });
}
