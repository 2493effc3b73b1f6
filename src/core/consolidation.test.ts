import fc from "fast-check";
import { DEFAULT_CATALOGUE } from "./catalogue";
import { consolidate } from "./consolidation";
import type { Fact, Indicator, Target, Unit } from "./types";

const unit = (code: string, frequency: Unit["frequency"] = "month"): Unit => ({ code, name: `Đơn vị ${code}`, type: "", parent: "", frequency, activeFrom: "", activeTo: "", contact: "" });
const fact = (period: string, u: string, indicator: string, value: number | null, numerator: number | null = null, denominator: number | null = null): Fact => ({
  period, unit: u, indicator, value, numerator, denominator, file: `${u}.xlsx`, sheet: "Báo cáo", cell: "E10", hash: "h", importedAt: "2026-03-10T00:00:00.000Z",
});
const catalogue = DEFAULT_CATALOGUE as Indicator[];
const run = (periodKey: string, data: Fact[], units: Unit[], targets: Target[] = []) =>
  consolidate({ periodKey, year: 2026, catalogue, units, targets, data, adhoc: [] });
const byCode = (rows: ReturnType<typeof run>, code: string) => rows.find((r) => r.code === code)!;

test("flows add up over units and over the months of a quarter", () => {
  const units = [unit("A"), unit("B")];
  const data = [fact("2026-01", "A", "MH09", 2), fact("2026-02", "A", "MH09", 3), fact("2026-03", "A", "MH09", 4), fact("2026-03", "B", "MH09", 10)];
  expect(byCode(run("2026-03", data, units), "MH09").value).toBe(14);
  expect(byCode(run("2026-Q1", data, units), "MH09").value).toBe(19);
  expect(byCode(run("2026-Q1", data, units), "MH09").unitsReporting).toBe(2);
});

test("stocks take the latest month over time, never the sum of months", () => {
  const units = [unit("A"), unit("B")];
  const data = [fact("2026-01", "A", "MH01", 5), fact("2026-02", "A", "MH01", 6), fact("2026-03", "A", "MH01", 7), fact("2026-02", "B", "MH01", 3)];
  const q1 = byCode(run("2026-Q1", data, units), "MH01");
  expect(q1.value).toBe(10); // A's March 7 + B's latest (February) 3
  expect(q1.byUnit).toEqual({ A: 7, B: 3 });
});

test("a ratio is Σ numerators / Σ denominators, not the average of the units' percentages", () => {
  const units = [unit("A"), unit("B")];
  const data = [fact("2026-03", "A", "CT04", 0.9, 90, 100), fact("2026-03", "B", "CT04", 0.1, 100, 1000)];
  const ct04 = byCode(run("2026-03", data, units), "CT04");
  expect(ct04.numerator).toBe(190);
  expect(ct04.denominator).toBe(1100);
  expect(ct04.value).toBeCloseTo(190 / 1100, 12);
  expect(ct04.value).not.toBeCloseTo(0.5, 3);
});

test("achievement against a percentage target", () => {
  const units = [unit("A")];
  const targets: Target[] = [{ indicator: "CT04", year: 2026, op: ">=", value: 0.7, isPercent: true }];
  const ct04 = byCode(run("2026-03", [fact("2026-03", "A", "CT04", 0.56, 56, 100)], units, targets), "CT04");
  expect(ct04.achievement).toBeCloseTo(0.8, 12);
  expect(ct04.target).toEqual(targets[0]);
});

test("a quarterly unit's own quarter report counts in the quarter beside monthly units", () => {
  const units = [unit("A"), unit("Q", "quarter")];
  const data = [fact("2026-01", "A", "MH05", 1), fact("2026-03", "A", "MH05", 1), fact("2026-Q1", "Q", "MH05", 7)];
  expect(byCode(run("2026-Q1", data, units), "MH05").value).toBe(9);
  expect(byCode(run("2026-03", data, units), "MH05").value).toBe(1);
});

test("property: the consolidated ratio equals Σ numerators / Σ denominators for any units", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.nat(5000), fc.nat(5000)).map(([a, b]) => [Math.min(a, b), Math.max(a, b) + 1] as const), { minLength: 1, maxLength: 30 }),
      (pairs) => {
        const units = pairs.map((_, i) => unit(`U${i}`));
        const data = pairs.map(([n, d], i) => fact("2026-03", `U${i}`, "CT03", n / d, n, d));
        const ct03 = byCode(run("2026-03", data, units), "CT03");
        const num = pairs.reduce((s, [n]) => s + n, 0);
        const den = pairs.reduce((s, [, d]) => s + d, 0);
        expect(ct03.value).toBeCloseTo(num / den, 12);
        expect(ct03.unitsReporting).toBe(pairs.length);
      },
    ),
  );
});
