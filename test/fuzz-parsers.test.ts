// Property tests over the parsers that read what units type, beyond those beside each module: unit and
// indicator matching with hostile names, the units list, CSV, day arguments, period relations, and the
// indicator table found wherever it sits and whatever its column order.
import fc from "fast-check";
import { DEFAULT_CATALOGUE } from "../src/core/catalogue";
import { parseCsv } from "../src/core/csv";
import { foldCompact } from "../src/core/fold";
import { isValidDay, parseDayArg, parseInstantText } from "../src/core/dates";
import { readUnits } from "../src/core/master-read";
import { matchIndicator, matchUnit } from "../src/core/matching";
import { parsePeriodKey, parsePeriodText, periodContains, previousPeriodKey } from "../src/core/periods";
import { parseReport } from "../src/core/report-parser";
import type { CellValue, Finding } from "../src/core/types";
import { testUnit } from "./helpers/report-grid";

const HOSTILE = ["__proto__", "constructor", "prototype", "hasOwnProperty", "toString", "valueOf", "", " ", "=1+1", "<script>", "a/b\\c?d*[e]", "Ｕ１", "\u0000"];
const hostileText = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 20 }), fc.string({ unit: "grapheme", maxLength: 12 }));
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

afterAll(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
});

describe("unit matching", () => {
  const unitsArb = fc.uniqueArray(fc.tuple(hostileText, hostileText), { maxLength: 8, selector: ([code]) => code }).map((pairs) => pairs.map(([code, name]) => testUnit(code, name)));

  test("never throws; answers one of the units or none, with at most three suggestions from the list", () => {
    fc.assert(
      fc.property(unitsArb, fc.option(hostileText), fc.option(hostileText), (units, code, name) => {
        const m = matchUnit(code, name, units);
        if (m.unit) expect(units).toContain(m.unit);
        expect(m.suggestions.length).toBeLessThanOrEqual(3);
        for (const s of m.suggestions) expect(units.map((u) => u.name)).toContain(s);
      }),
    );
  });

  test("a unit's own code, in any case, finds a unit with that code", () => {
    fc.assert(
      fc.property(unitsArb.filter((u) => u.length > 0), fc.nat(), (units, pick) => {
        const unit = units[pick % units.length];
        fc.pre(foldCompact(unit.code) !== ""); // codes made only of symbols match nothing by design
        const m = matchUnit(unit.code.toUpperCase(), "tên khác hẳn", units);
        expect(m.unit).not.toBeNull();
      }),
    );
  });

  test("indicator matching answers a catalogue code or null", () => {
    const codes = new Set(DEFAULT_CATALOGUE.map((i) => i.code));
    fc.assert(
      fc.property(fc.option(hostileText), fc.option(hostileText), (code, name) => {
        const found = matchIndicator(code, name, DEFAULT_CATALOGUE).indicator;
        expect(found === null || codes.has(found)).toBe(true);
      }),
    );
  });
});

test("the units list reads any grid without throwing, and hostile codes stay plain data", () => {
  const header = ["Mã đơn vị", "Tên đơn vị", "Loại", "Đơn vị cấp trên", "Tần suất"];
  const cell: fc.Arbitrary<CellValue> = fc.oneof(hostileText, fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom("tháng", "Quý", "năm", "6 tháng"));
  fc.assert(
    fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 10 }), fc.boolean(), (rows, withHeader) => {
      const problems: Finding[] = [];
      const units = readUnits(withHeader ? [header, ...rows] : rows, problems, "Đơn vị");
      expect(new Set(units.map((u) => u.code)).size).toBe(units.length);
      for (const u of units) expect(typeof u.code).toBe("string");
      for (const p of problems) expect(p.message.length).toBeGreaterThan(0);
    }),
  );
});

describe("CSV", () => {
  test("never throws on any text", () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom(..."a;,\"\r\n \ufeff") })), (text) => void parseCsv(text)));
  });

  const quote = (cell: string | null) => (cell === null ? "" : /[",;\t\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const field = fc.oneof(fc.constant(null), fc.string({ unit: fc.constantFrom(..."aĐơ vị1 ,;\t\"\r\n"), minLength: 1, maxLength: 8 }));

  test.each([",", ";", "\t"])("a grid written as CSV with %s reads back the same (blank cells as empty)", (sep) => {
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (grid) => {
        // The header line tells the separator, even when its quoted titles hold the other one.
        const rows = [["Mã đơn vị", ...grid[0]], ...grid.slice(1)];
        const text = rows.map((r) => r.map(quote).join(sep)).join("\r\n") + "\r\n";
        const expected = rows.map((r) => r.map((c) => (c === null || c.trim() === "" ? null : c)));
        expect(parseCsv(text)).toEqual(expected);
      }),
    );
  });
});

describe("days and instants typed on the command line", () => {
  test("a day argument is a valid day or null, and a valid day reads as itself", () => {
    fc.assert(fc.property(fc.string({ maxLength: 14 }), (text) => {
      const day = parseDayArg(text);
      expect(day === null || isValidDay(day)).toBe(true);
    }));
    const day = fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(day, (d) => parseDayArg(d) === d));
  });

  test("an instant text is a real date or null", () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString())), (text) => {
      const at = parseInstantText(text);
      expect(at === null || !Number.isNaN(at.getTime())).toBe(true);
    }));
  });
});

describe("period relations on anything", () => {
  const keyish = fc.oneof(hostileText, fc.stringMatching(/^\d{4}(-(\d{1,2}|Q\d|H\d))?$/));

  test("never throw; whatever parses prints back as the same key, and its previous period parses", () => {
    fc.assert(
      fc.property(keyish, keyish, (a, b) => {
        periodContains(a, b);
        const period = parsePeriodKey(a);
        if (!period) return;
        expect(period.key).toBe(a);
        expect(parsePeriodText(period.label)).toBe(a);
        const prev = previousPeriodKey(a);
        if (prev !== null) expect(parsePeriodKey(prev)?.kind).toBe(period.kind);
      }),
    );
  });
});

describe("header detection", () => {
  const COLUMNS = ["Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Kết quả", "Ghi chú"];
  const flows = DEFAULT_CATALOGUE.filter((i) => i.kind !== "ratio");
  const decoration: fc.Arbitrary<CellValue[]> = fc.oneof(
    fc.constantFrom<CellValue[]>([], ["BÁO CÁO KẾT QUẢ THỰC HIỆN PHONG TRÀO"], ["Đơn vị:", "Công an xã"], ["Kỳ báo cáo:", "Tháng 3/2026"]),
    fc.array<CellValue>(fc.integer({ min: 0, max: 999 }), { maxLength: 4 }),
  );

  test("the indicator table is found under any decoration, with its columns in any order", () => {
    fc.assert(
      fc.property(
        fc.array(decoration, { maxLength: 12 }),
        fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 5, maxLength: 5 }),
        fc.integer({ min: 0, max: 3 }),
        fc.uniqueArray(fc.nat(flows.length - 1), { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(100_000), { minLength: 6, maxLength: 6 }),
        (top, order, indent, picks, values) => {
          const pad: CellValue[] = Array(indent).fill(null);
          const header = [...pad, ...order.map((i) => COLUMNS[i])];
          const body = picks.map((p, k) => {
            const ind = flows[p];
            const cells = [ind.code, ind.name, ind.uom, values[k], null];
            return [...pad, ...order.map((i) => cells[i])];
          });
          const report = parseReport({ sheets: [{ name: "Báo cáo", hidden: false, rows: [...top, header, ...body], merges: [] }] }, "f.xlsx", DEFAULT_CATALOGUE);
          expect(report.findings.filter((f) => f.code === "NO_INDICATOR_TABLE")).toEqual([]);
          const read = report.rows.map((r) => [r.indicator, r.result?.value]);
          expect(read).toEqual(picks.map((p, k) => [flows[p].code, { kind: "number", value: values[k], percent: false }]));
        },
      ),
    );
  });
});
