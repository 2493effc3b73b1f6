// A batch of 1,000 real .xlsx reports, one in ten damaged or wrong: every good report is consolidated,
// every bad one is reported, and the totals are exactly those of the good reports imported alone.
import { importFiles, type IncomingFile } from "../src/core/import";
import { newMasterBook } from "../src/core/master-sheets";
import { consolidateBook } from "../src/core/period-consolidation";
import type { MasterBook } from "../src/core/types";
import { toIncomingFile } from "../src/io/incoming";
import { masterXlsx, openXlsx } from "./helpers/master-xlsx";
import { sha256 } from "../src/io/node-files";
import { randomBytes, reportXlsx } from "./helpers/hostile";
import { type GridReport, testUnit } from "./helpers/report-grid";

const NOW = new Date("2026-03-25T03:00:00Z");
const TOTAL = 1000;
const BAD_KINDS = ["random bytes", "truncated zip", "unknown unit", "wrong period", "negative value"] as const;
type BadKind = (typeof BAD_KINDS)[number];

const code = (i: number) => `U${String(i).padStart(4, "0")}`;
const unitName = (i: number) => `Tổ công nghệ số cộng đồng thôn ${i}`;
const units = Array.from({ length: TOTAL }, (_, i) => testUnit(code(i), unitName(i), "Tổ công nghệ số cộng đồng"));

function goodReport(i: number): GridReport {
  return {
    unit: unitName(i),
    code: code(i),
    period: "Tháng 3/2026",
    date: "15/03/2026",
    values: { MH01: 1 + (i % 5), MH02: 5 * (1 + (i % 5)) + (i % 3), MH09: i % 7, MH10: 10 + ((i * 37) % 90), CT04: { n: (i * 13) % 200, d: 200 + (i % 50) } },
  };
}

interface Case {
  file: IncomingFile;
  bad: BadKind | null;
}

function makeCase(i: number): Case {
  const name = `${code(i)}-2026-03.xlsx`;
  const asFile = (bytes: Uint8Array) => toIncomingFile(name, bytes, sha256(bytes), null);
  // Every tenth report is bad, the kinds taking turns.
  const bad = i % 10 === 3 ? BAD_KINDS[Math.floor(i / 10) % BAD_KINDS.length] : null;
  const report = goodReport(i);
  switch (bad) {
    case null:
      return { file: asFile(reportXlsx(report)), bad };
    case "random bytes":
      return { file: asFile(randomBytes(500 + i, i + 1)), bad };
    case "truncated zip": {
      const bytes = reportXlsx(report);
      return { file: asFile(bytes.subarray(0, Math.floor(bytes.length * ((i % 9) + 1) / 10))), bad };
    }
    case "unknown unit":
      return { file: asFile(reportXlsx({ ...report, unit: `Đơn vị lạ ${i}`, code: `LA${i}` })), bad };
    case "wrong period":
      return { file: asFile(reportXlsx({ ...report, period: "Tháng 2/2026" })), bad };
    case "negative value":
      return { file: asFile(reportXlsx({ ...report, values: { MH09: -(i % 7) - 1 } })), bad };
  }
}

const totals = (book: MasterBook) =>
  consolidateBook(book, "2026-03", NOW).indicators.map((i) => ({ code: i.code, value: i.value, numerator: i.numerator, denominator: i.denominator, units: i.unitsReporting }));

test("1,000 reports with 10% bad: the good ones all count, the bad ones are all reported, totals unchanged", async () => {
  const started = performance.now();
  const cases = Array.from({ length: TOTAL }, (_, i) => makeCase(i));
  const built = performance.now();
  const { book, files } = importFiles(newMasterBook({ year: 2026 }, units), cases.map((c) => c.file), { periodKey: "2026-03", now: NOW });
  const imported = performance.now();

  const good = cases.filter((c) => !c.bad);
  const bad = cases.filter((c) => c.bad);
  expect(good).toHaveLength(900);
  expect(bad).toHaveLength(100);

  // Every file has its line in the result and the log, in order.
  expect(files.map((f) => f.file)).toEqual(cases.map((c) => c.file.name));
  expect(book.log.map((l) => l.file)).toEqual(cases.map((c) => c.file.name));

  // Every good report counts, each unit with its own figure.
  const byFile = new Map(files.map((f) => [f.file, f]));
  for (const c of good) expect(byFile.get(c.file.name)).toMatchObject({ status: "imported", errors: 0 });
  const consolidated = consolidateBook(book, "2026-03", NOW).indicators;
  const mh10 = consolidated.find((i) => i.code === "MH10")!;
  expect(mh10.unitsReporting).toBe(900);
  for (const c of good) {
    const i = Number(c.file.name.slice(1, 5));
    expect(mh10.byUnit[code(i)]).toBe(10 + ((i * 37) % 90));
  }

  // Every bad report is reported: refused or set aside with a message, or imported with its error shown.
  const expected: Record<BadKind, { status: string; finding: RegExp }> = {
    "random bytes": { status: "refused", finding: /^FILE_/ },
    "truncated zip": { status: "refused", finding: /^FILE_/ },
    "unknown unit": { status: "refused", finding: /^UNKNOWN_UNIT$/ },
    "wrong period": { status: "period_mismatch", finding: /^PERIOD_MISMATCH$/ },
    "negative value": { status: "imported", finding: /^NEGATIVE$/ },
  };
  for (const c of bad) {
    const result = byFile.get(c.file.name)!;
    const want = expected[c.bad!];
    expect([c.bad, result.status]).toEqual([c.bad, want.status]);
    const errors = result.findings.filter((f) => f.severity === "error").map((f) => f.code);
    expect([c.bad, errors]).toEqual([c.bad, expect.arrayContaining([expect.stringMatching(want.finding)])]);
    expect(book.findings.some((f) => f.file === c.file.name && f.severity === "error")).toBe(true);
  }

  // The totals are those of the good reports alone.
  const goodOnly = importFiles(newMasterBook({ year: 2026 }, units), good.map((c) => c.file), { periodKey: "2026-03", now: NOW }).book;
  expect(totals(book)).toEqual(totals(goodOnly));
  expect(consolidated.find((i) => i.code === "MH09")!.value).toBe(good.reduce((s, c) => s + (Number(c.file.name.slice(1, 5)) % 7), 0));

  // And they survive the master workbook: written with exceljs, read back, the same.
  const back = await openXlsx(await masterXlsx(book));
  expect(back.problems.filter((p) => p.severity === "error")).toEqual([]);
  expect(totals(back.book)).toEqual(totals(book));
  const done = performance.now();
  console.log(
    `batch of ${TOTAL}: built and read ${Math.round(built - started)} ms, imported ${Math.round(imported - built)} ms, ` +
      `checked + written + read back ${Math.round(done - imported)} ms, total ${Math.round(done - started)} ms`,
  );
}, 90_000);
