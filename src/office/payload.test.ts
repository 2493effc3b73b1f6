import fc from "fast-check";
import type { ExcelGrid } from "./cells";
import { planBatches, rowBytes } from "./payload";

const grid = (rows: string[][]): ExcelGrid => ({ values: rows, formats: rows.map((r) => r.map(() => "@")), width: rows[0]?.length ?? 0 });

test("property: batches cover every row of every sheet once, in order, each under the budget unless one row alone exceeds it", () => {
  const sheet = fc.array(fc.array(fc.string({ maxLength: 30 }), { minLength: 2, maxLength: 2 }), { maxLength: 40 }).map(grid);
  fc.assert(
    fc.property(fc.array(sheet, { minLength: 1, maxLength: 4 }), fc.integer({ min: 200, max: 5000 }), (grids, budget) => {
      const batches = planBatches(grids, budget);
      const rows = batches.flat().flatMap((b) => Array.from({ length: b.bottom - b.top }, (_, i) => `${b.sheet}:${b.top + i}`));
      expect(rows).toEqual(grids.flatMap((g, s) => g.values.map((_, r) => `${s}:${r}`)));
      for (const batch of batches) {
        const bytes = batch.reduce((sum, b) => sum + Array.from({ length: b.bottom - b.top }, (_, i) => rowBytes(grids[b.sheet], b.top + i, i === 0)).reduce((x, y) => x + y, 0), 0);
        const rowsIn = batch.reduce((n, b) => n + b.bottom - b.top, 0);
        if (rowsIn > 1) expect(bytes).toBeLessThanOrEqual(budget);
      }
    }),
  );
});

test("everything fits one batch under the default budget", () => {
  const sheet = grid(Array.from({ length: 1000 }, (_, i) => [`DV${i}`, "Tổ công nghệ số cộng đồng"]));
  expect(planBatches([sheet, sheet], 4 * 1024 * 1024)).toHaveLength(1);
});
