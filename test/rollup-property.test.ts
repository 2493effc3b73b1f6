// Commune -> province: consolidating the communes' upward reports gives exactly the totals of
// consolidating all their units directly (Σ num / Σ den for ratios), and spans longer than a month roll
// monthly data up as the domain says.
import fc from "fast-check";
import { DEFAULT_CATALOGUE } from "../src/core/catalogue";
import { importFiles, IncomingFile } from "../src/core/import";
import { newMasterBook } from "../src/core/master-sheets";
import { statusSheet } from "../src/core/outputs";
import { consolidateBook } from "../src/core/period-consolidation";
import { layoutReport, REPORT_SHEET } from "../src/core/report-layout";
import type { Fact, MasterBook, Unit } from "../src/core/types";
import { upwardReport } from "../src/core/upward";
import { toIncomingFile } from "../src/io/incoming";
import { buildUpwardReport } from "../src/io/template-writer";
import { incoming, testUnit } from "./helpers/report-grid";

const NOW = new Date("2026-04-25T03:00:00Z");
const TODAY = "2026-04-25";
const MONTHS = ["2026-01", "2026-02", "2026-03"];

/** One unit's figure for one indicator and month, as it would sit on the data sheet. */
interface Figure {
  month: number; // index into MONTHS
  indicator: number; // index into the catalogue
  a: number;
  b: number;
}

const figure = fc.record({ month: fc.nat(2), indicator: fc.nat(DEFAULT_CATALOGUE.length - 1), a: fc.nat(5000), b: fc.nat(5000) });
const unitFigures = fc.array(figure, { minLength: 0, maxLength: 12 });
const hierarchy = fc.array(fc.array(unitFigures, { minLength: 1, maxLength: 6 }), { minLength: 2, maxLength: 5 });

function fact(unit: string, f: Figure): Fact {
  const ind = DEFAULT_CATALOGUE[f.indicator];
  const ratio = ind.kind === "ratio";
  // A ratio's numerator never above its denominator, as validation guarantees for imported figures.
  const [num, den] = [Math.min(f.a, f.b), Math.max(f.a, f.b)];
  return {
    period: MONTHS[f.month],
    unit,
    indicator: ind.code,
    value: ratio ? (den > 0 ? num / den : null) : f.a,
    numerator: ratio ? num : null,
    denominator: ratio ? den : null,
    file: "",
    sheet: "",
    cell: "",
    hash: "",
    importedAt: NOW.toISOString(),
  };
}

/** Later figures for the same unit, indicator and month replace earlier ones, as a re-import does. */
function dedupe(facts: Fact[]): Fact[] {
  return [...new Map(facts.map((f) => [`${f.period}|${f.unit}|${f.indicator}`, f])).values()];
}

interface World {
  communes: MasterBook[];
  direct: MasterBook;
  province: MasterBook;
}

function world(h: Figure[][][]): World {
  const communeUnits: Unit[] = h.map((_, i) => testUnit(`X${i + 1}`, `UBND xã số ${i + 1}`, "Xã"));
  const communes = h.map((units, i) => {
    const list = units.map((_, j) => testUnit(`X${i + 1}-U${j + 1}`, `Đơn vị ${j + 1} xã ${i + 1}`));
    const book = newMasterBook({ bodyCode: `X${i + 1}`, bodyName: `UBND xã số ${i + 1}`, year: 2026 }, list);
    book.data = dedupe(units.flatMap((figures, j) => figures.map((f) => fact(list[j].code, f))));
    return book;
  });
  const direct = newMasterBook({ year: 2026 }, communes.flatMap((c) => c.units));
  direct.data = communes.flatMap((c) => c.data);
  return { communes, direct, province: newMasterBook({ bodyCode: "T", bodyName: "UBND tỉnh", year: 2026 }, communeUnits) };
}

/** A commune's upward report as the grid a reader would make of the written file. */
function upwardGrid(book: MasterBook, periodKey: string): IncomingFile {
  const doc = upwardReport(book, consolidateBook(book, periodKey, NOW), TODAY);
  const rows = layoutReport(doc).rows;
  return { name: `${book.settings.bodyCode}.xlsx`, hash: `${book.settings.bodyCode}-${periodKey}`, modifiedAt: null, workbook: { sheets: [{ name: REPORT_SHEET, hidden: false, rows, merges: [] }] }, readError: null };
}

const totals = (book: MasterBook, periodKey: string) =>
  consolidateBook(book, periodKey, NOW).indicators.map(({ code, value, numerator, denominator }) => ({ code, value, numerator, denominator }));

function rollUpThroughCommunes(w: World, periodKey: string, files: IncomingFile[]): MasterBook {
  const { book, files: results } = importFiles(w.province, files, { now: NOW, periodKey });
  expect(results.map((r) => [r.status, r.errors])).toEqual(files.map(() => ["imported", 0]));
  return book;
}

describe.each(["2026-03", "2026-Q1"])("roll-up for %s", (periodKey) => {
  test("property: communes' upward reports consolidate to the totals of all their units", () => {
    fc.assert(
      fc.property(hierarchy, (h) => {
        const w = world(h);
        const province = rollUpThroughCommunes(w, periodKey, w.communes.map((c) => upwardGrid(c, periodKey)));
        expect(totals(province, periodKey)).toEqual(totals(w.direct, periodKey));
      }),
      { numRuns: 30 },
    );
  });
});

test("the same roll-up through real .xlsx files", async () => {
  const h: Figure[][][] = [
    [[{ month: 2, indicator: 2, a: 300, b: 500 }, { month: 2, indicator: 8, a: 7, b: 0 }], [{ month: 2, indicator: 2, a: 10, b: 400 }, { month: 1, indicator: 12, a: 4, b: 0 }]],
    [[{ month: 0, indicator: 2, a: 90, b: 100 }, { month: 2, indicator: 12, a: 9, b: 0 }, { month: 2, indicator: 6, a: 3, b: 0 }]],
  ];
  const w = world(h);
  for (const periodKey of ["2026-03", "2026-Q1"]) {
    const files = await Promise.all(w.communes.map((c) => buildUpwardReport(c, periodKey, NOW)));
    const province = rollUpThroughCommunes(w, periodKey, files.map((f, i) => toIncomingFile(f.fileName, f.bytes, `h${i}${periodKey}`, null)));
    expect(totals(province, periodKey)).toEqual(totals(w.direct, periodKey));
  }
  // CT03 over the quarter: each unit's latest month, 500 + 400 + 100 people, never an average of rates.
  const quarter = consolidateBook(w.direct, "2026-Q1", NOW).indicators.find((i) => i.code === "CT03")!;
  expect(quarter).toMatchObject({ numerator: 300 + 10 + 90, denominator: 1000 });
});

describe("spans beyond the month", () => {
  const units = [
    testUnit("T1", "Tổ công nghệ số cộng đồng thôn 1", "Tổ công nghệ số cộng đồng"),
    testUnit("PN", "Hội Phụ nữ", "Đoàn thể", "quarter"),
  ];
  const month = (m: number, date: string, values: Parameters<typeof incoming>[0]["values"]) =>
    incoming({ unit: "Tổ công nghệ số cộng đồng thôn 1", period: `Tháng ${m}/2026`, date, values });
  const files = [
    month(1, "15/01/2026", { MH09: 2, MH01: 3, MH02: 15, CT03: { n: 100, d: 500 } }),
    month(2, "15/02/2026", { MH09: 5, MH01: 4, MH02: 20, CT03: { n: 150, d: 500 } }),
    month(3, "25/03/2026", { MH09: 1, MH01: 4, MH02: 25, CT03: { n: 200, d: 510 } }),
    month(4, "15/04/2026", { MH09: 7, MH01: 6, MH02: 30, CT03: { n: 260, d: 510 } }),
    incoming({ unit: "Hội Phụ nữ", period: "Quý I/2026", date: "15/03/2026", values: { MH09: 10, MH01: 1, MH02: 5, CT03: { n: 40, d: 50 } } }),
  ];
  const book = importFiles(newMasterBook({ bodyCode: "X", bodyName: "UBND xã", year: 2026 }, units), files, { now: NOW }).book;
  const get = (periodKey: string, code: string) => consolidateBook(book, periodKey, NOW).indicators.find((i) => i.code === code)!;

  test.each([
    // span, flow MH09 (months summed + the quarterly unit's own report), stock MH01 and ratio CT03 from the latest month
    ["2026-Q1", 2 + 5 + 1 + 10, 4 + 1, [200 + 40, 510 + 50]],
    ["2026-H1", 2 + 5 + 1 + 7 + 10, 6 + 1, [260 + 40, 510 + 50]],
    ["2026", 2 + 5 + 1 + 7 + 10, 6 + 1, [260 + 40, 510 + 50]],
  ])("%s: flows summed, stocks and ratios from the latest month, quarterly reports beside them", (span, flow, stock, [num, den]) => {
    expect(get(span, "MH09")).toMatchObject({ value: flow, unitsReporting: 2 });
    expect(get(span, "MH01")).toMatchObject({ value: stock });
    expect(get(span, "CT03")).toMatchObject({ numerator: num, denominator: den, value: num / den });
  });

  test.each([
    ["2026-Q1", ["Tháng 1/2026", "Tháng 2/2026", "Tháng 3/2026", "Quý I/2026"]],
    ["2026-H1", ["Tháng 1/2026", "Tháng 2/2026", "Tháng 3/2026", "Tháng 4/2026", "Tháng 5/2026", "Tháng 6/2026", "6 tháng đầu năm 2026"]],
  ])("the status matrix of %s shows each month of the span, then the span", (span, columns) => {
    const asOf = new Date("2026-04-25T10:00:00Z");
    const sheet = statusSheet(book, consolidateBook(book, span, asOf), asOf);
    const header = sheet.values.find((r) => r[0] === "Mã đơn vị")!;
    expect(header.slice(3, 3 + columns.length)).toEqual(columns);
    const team = sheet.values.find((r) => r[0] === "T1")!;
    expect(team.slice(3, 6)).toEqual(["Đúng hạn", "Đúng hạn", "Trễ 6 ngày"]);
    const women = sheet.values.find((r) => r[0] === "PN")!;
    expect(women[3]).toBe("Không phải nộp"); // a quarterly unit owes nothing for a plain month
  });
});
