// Tolerance proven on layouts nobody wrote by hand: reports generated from the grammar of real variations
// (test/layout-generator/grammar.ts), written by exceljs and as WPS writes them, read and imported as the
// command line does. The oracle is the generator's own figures: each comes out exactly in the facts, or
// as a finding naming its cell; every other cell of an indicator row is accounted for; nothing else is
// consolidated and nothing unexpected is said.
import fc from "fast-check";
import { importFiles } from "../src/core/import";
import { newMasterBook } from "../src/core/master-sheets";
import { parseReport } from "../src/core/report-parser";
import type { Finding, ReportRow } from "../src/core/types";
import { toIncomingFile } from "../src/io/incoming";
import { testUnit } from "./helpers/report-grid";
import { layoutSpec, UNITS } from "./layout-generator/grammar";
import { renderLayout, type RenderedReport } from "./layout-generator/render";
import { writeReportBytes, type Producer } from "./layout-generator/writers";
import { cellAddress } from "../src/core/address";

const units = UNITS.map((u) => testUnit(u.code, u.name));
/** Said about the figures themselves whatever the layout: random mentors and mentees may not add up. */
const ALWAYS_ALLOWED = new Set(["MENTEES_BELOW_FIVE_PER_MENTOR"]);
/** Enough layouts to meet every branch of the grammar in each run, few enough for a few seconds. */
const RUNS = Number(process.env.LAYOUT_RUNS ?? 100);

const names = (f: Finding, cell: string) => f.cell === cell || new RegExp(`\\b${cell}\\b`).test(f.message);

function accounted(row: ReportRow): Set<string> {
  const cells = [row.result, row.numerator, row.denominator].filter((c) => c && c.value.kind !== "blank").map((c) => c!.cell);
  return new Set([...cells, ...row.rates.map((c) => c.cell), ...row.skipped.map((c) => c.cell), ...row.stray.map((c) => c.cell)]);
}

async function check(rendered: RenderedReport, producer: Producer): Promise<void> {
  const e = rendered.expected;
  const bytes = await writeReportBytes(rendered, producer);
  const file = toIncomingFile(`bc-${producer}.xlsx`, bytes, `hash-${producer}`, null);
  expect(file.readError).toBeNull();
  // Imported on the 5th of the month after the report's date.
  const now = new Date(Date.UTC(2026, Number(e.reportDay.slice(5, 7)), 5, 2));
  const { book, files } = importFiles(newMasterBook({ year: 2026 }, units), [file], { now });
  const [result] = files;
  const findings = result.findings;

  // Who, which period, which day: from wherever the layout wrote them.
  expect({ status: result.status, unit: result.unit, period: result.period }).toEqual({ status: "imported", unit: e.unit, period: e.periodKey });
  expect({ declared: book.submissions[0].declaredDate, source: book.submissions[0].receivedSource }).toEqual({ declared: e.reportDay, source: "declared" });

  // Every valid figure exactly, from its own cell; nothing else.
  const facts = book.data.map((f) => ({ indicator: f.indicator, value: f.numerator === null ? f.value : null, numerator: f.numerator, denominator: f.denominator, cell: f.cell }));
  const byIndicator = (a: { indicator: string }, b: { indicator: string }) => a.indicator.localeCompare(b.indicator);
  expect(facts.sort(byIndicator)).toEqual([...e.facts].sort(byIndicator));

  // Every figure left out is named by a finding that says why.
  for (const { cell, codes } of e.named) {
    expect({ cell, named: findings.some((f) => codes.includes(f.code as never) && names(f, cell)) }).toEqual({ cell, named: true });
  }
  // And nothing is said that the layout does not explain.
  for (const f of findings) {
    const explained = ALWAYS_ALLOWED.has(f.code) || e.named.some((n) => n.codes.includes(f.code as never) && names(f, n.cell));
    expect({ code: f.code, message: f.message, explained }).toEqual({ code: f.code, message: f.message, explained: true });
  }

  // The invariant: every non-blank cell of an indicator row, outside its code, name, unit and note, is
  // the figure, a rate checked, set aside for a reason, or a stray named in a finding.
  const report = parseReport(file.workbook!, file.name, book.catalogue);
  for (const r of e.indicatorRows) {
    const row = report.rows.find((x) => x.row === r + 1);
    expect({ row: r + 1, found: row !== undefined }).toEqual({ row: r + 1, found: true });
    const seen = accounted(row!);
    rendered.rows[r].forEach((v, c) => {
      if (v === null || e.identityColumns.has(c)) return;
      const cell = cellAddress(r, c);
      expect({ cell, accounted: seen.has(cell) }).toEqual({ cell, accounted: true });
    });
    for (const s of row!.stray) expect({ cell: s.cell, named: findings.some((f) => names(f, s.cell)) }).toEqual({ cell: s.cell, named: true });
  }
}

describe.each<Producer>(["exceljs", "wps"])("generated layouts written by %s", (producer) => {
  test("every figure comes out exactly in the facts, or as a finding naming its cell", async () => {
    await fc.assert(
      fc.asyncProperty(layoutSpec, async (spec) => check(renderLayout(spec), producer)),
      { numRuns: RUNS },
    );
  }, 60_000);
});
