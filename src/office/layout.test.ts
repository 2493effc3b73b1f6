import fc from "fast-check";
import type { CellRange, FillRange } from "../core/types";
import { coalesceFills, formatRectangles, valueRuns } from "./layout";

const cellsOf = (r: CellRange) => {
  const out: string[] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let c = r.left; c <= r.right; c++) out.push(`${row},${c}`);
  return out;
};

test("property: coalesced fills colour exactly the same cells the same way, in no more ranges", () => {
  const colours = ["C6EFCE", "FFC7CE", "FFEB9C"];
  const cell = fc.record({ row: fc.nat(12), col: fc.nat(6), colour: fc.constantFrom(...colours) });
  fc.assert(
    fc.property(fc.uniqueArray(cell, { selector: (c) => `${c.row},${c.col}`, maxLength: 60 }), (cells) => {
      const fills: FillRange[] = cells.map((c) => ({ range: { top: c.row, left: c.col, bottom: c.row, right: c.col }, color: c.colour }));
      const merged = coalesceFills(fills);
      const paint = (list: FillRange[]) => new Map(list.flatMap((f) => cellsOf(f.range).map((k) => [k, f.color] as const)));
      expect(paint(merged)).toEqual(paint(fills));
      expect(merged.flatMap((f) => cellsOf(f.range))).toHaveLength(fills.length); // no overlaps
      expect(merged.length).toBeLessThanOrEqual(fills.length);
    }),
  );
});

test("a status column of equal colours is one range", () => {
  const fills = [0, 1, 2, 3].map((r): FillRange => ({ range: { top: r, left: 3, bottom: r, right: 3 }, color: "FFC7CE", fontColor: "9C0006" }));
  expect(coalesceFills(fills)).toEqual([{ range: { top: 0, left: 3, bottom: 3, right: 3 }, color: "FFC7CE", fontColor: "9C0006" }]);
});

test("property: format rectangles give every cell of the block its format, once", () => {
  const formats = ["@", "#,##0", "dd/mm/yyyy"];
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 6 }).chain((w) => fc.array(fc.array(fc.constantFrom(...formats), { minLength: w, maxLength: w }), { minLength: 1, maxLength: 15 })), fc.nat(), (grid, cut) => {
      const top = cut % grid.length;
      const rects = formatRectangles(grid, top, grid.length);
      const seen = new Map<string, string>();
      for (const { range, format } of rects) for (const k of cellsOf(range)) {
        expect(seen.has(k)).toBe(false);
        seen.set(k, format);
      }
      expect(seen.size).toBe((grid.length - top) * grid[0].length);
      for (const [k, f] of seen) {
        const [r, c] = k.split(",").map(Number);
        expect(f).toBe(grid[r][c]);
      }
    }),
  );
});

test("a table whose columns keep their format is a handful of rectangles however long", () => {
  const rows = Array.from({ length: 20_000 }, () => ["@", "@", "#,##0", "@", "dd/mm/yyyy hh:mm"]);
  // At most a header rectangle and a body rectangle per column.
  expect(formatRectangles([rows[0].map(() => "@"), ...rows], 0, rows.length + 1).length).toBeLessThanOrEqual(2 * 5);
});

test("columns of the same width are set together", () => {
  expect(valueRuns([5, 10, 60, 14, 14, 14].map((w, c) => [c, w] as const))).toEqual([
    { first: 0, last: 0, value: 5 },
    { first: 1, last: 1, value: 10 },
    { first: 2, last: 2, value: 60 },
    { first: 3, last: 5, value: 14 },
  ]);
});

test("property: runs cover each index once with its value, neighbours of one value joined", () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.tuple(fc.nat(40), fc.constantFrom(15, 30, 45)), { selector: (e) => e[0] }), (entries) => {
      const runs = valueRuns(entries);
      const covered = runs.flatMap((r) => Array.from({ length: r.last - r.first + 1 }, (_, k) => [r.first + k, r.value] as const));
      expect(new Map(covered)).toEqual(new Map(entries));
      expect(covered).toHaveLength(entries.length);
      runs.slice(1).forEach((r, i) => expect(r.first === runs[i].last + 1 && r.value === runs[i].value).toBe(false));
    }),
  );
});
