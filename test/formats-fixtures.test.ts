// The same unit reports in four formats — .xlsx, .ods and .xls saved by LibreOffice, .docx converted by
// LibreOffice from a Word-style flat ODF text, and .docx written as Word writes it — give identical facts
// and findings, and the facts are the figures the reports hold (test/fixtures/README.md says how the
// files were made). Cell names differ for Word by design ("Bảng 2, dòng 3, cột F"), so findings are
// compared without them.
import { readFileSync } from "node:fs";
import path from "node:path";
import { importFiles, type FileResult } from "../src/core/import";
import { newMasterBook } from "../src/core/master-sheets";
import type { Fact, Finding, MasterBook } from "../src/core/types";
import { toIncomingFile } from "../src/io/incoming";
import { testUnit } from "./helpers/report-grid";
import { wordReport } from "./helpers/word";

const NOW = new Date("2026-03-25T03:00:00Z");
const FIXTURES = path.join(__dirname, "fixtures");
const FORMATS = ["xlsx", "ods", "xls", "docx"] as const;
type Format = (typeof FORMATS)[number];

const UNITS = [
  testUnit("CAX", "Công an xã Hòa Bình"),
  testUnit("THHB", "Trường Tiểu học Hòa Bình"),
  testUnit("TCN01", "Tổ công nghệ số cộng đồng thôn 1"),
  testUnit("PKT", "Phòng Kinh tế"),
  testUnit("DTN", "Đoàn Thanh niên xã Hòa Bình"),
  testUnit("VHXH", "Phòng Văn hóa - Xã hội"),
];

type Figure = number | [number, number];

/** What each report holds, as typed by its unit: the oracle. */
const REPORTS: Record<string, { unit: string; declared: string; figures: Record<string, Figure>; errors?: string[] }> = {
  "standard-CAX-2026-03": { unit: "CAX", declared: "2026-03-13", figures: { CT04: [2228, 4777], CT06: [4439, 4838], MH16: 573 } },
  "two-row-header-THHB-2026-03": { unit: "THHB", declared: "2026-03-11", figures: { CT02: [316, 375] } },
  "nfd-TCN01-2026-03": { unit: "TCN01", declared: "2026-03-15", figures: { CT03: [434, 684], MH01: 9, MH02: 74, MH03: 1, MH04: [156, 215], MH07: 1, MH08: 8, MH09: 4, MH10: 68 } },
  "late-PKT-2026-03": { unit: "PKT", declared: "2026-03-22", figures: { CT05: [107, 186], MH05: 11, MH06: 25 } },
  // The date is only in the place-and-date line above the signature. Two figures are wrong: a finding
  // each, and not consolidated.
  "date-line-DTN-2026-03": { unit: "DTN", declared: "2026-03-18", figures: { MH15: 53, MH09: 2 }, errors: ["NEGATIVE", "NOT_A_NUMBER"] },
  "tcvn3-VHXH-2026-03": { unit: "VHXH", declared: "2026-03-12", figures: { CT01: [53, 63], MH09: 5, MH10: 75, MH11: 3, MH12: 54, TT01: 5, TT02: 1216 } },
};

function fixture(name: string, format: Format): string {
  // The first four .xlsx reports are the LibreOffice fixtures of the .xlsx reader; the rest live here.
  const original = path.join(FIXTURES, "libreoffice", `${name}.xlsx`);
  if (format === "xlsx" && !name.startsWith("date-line") && !name.startsWith("tcvn3")) return original;
  return path.join(FIXTURES, "formats", `${name}.${format}`);
}

function importOne(name: string, bytes: Uint8Array): { book: MasterBook; result: FileResult } {
  const { book, files } = importFiles(newMasterBook({ year: 2026 }, UNITS), [toIncomingFile(name, bytes, `sha-${name}`, null)], { now: NOW });
  return { book, result: files[0] };
}

const factView = (f: Fact) => ({ period: f.period, unit: f.unit, indicator: f.indicator, value: f.value, numerator: f.numerator, denominator: f.denominator });

/** A finding without where it points: Word names places by table and row, sheets by A1 address. */
function findingView(f: Finding) {
  const message = f.message
    .replace(/(Bảng [\d.]+, dòng \d+|Đoạn \d+), cột [A-Z]+/g, "·")
    .replace(/\b[A-Z]{1,3}\d+\b/g, "·")
    .replace(/[Dd]òng \d+/g, "dòng ·");
  return { severity: f.severity, code: f.code, unit: f.unit, indicator: f.indicator, period: f.period, message };
}

function sortedBy<T>(list: T[]): T[] {
  return [...list].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

describe.each(Object.entries(REPORTS))("%s", (name, expected) => {
  const imported = Object.fromEntries(FORMATS.map((format) => [format, importOne(`${name}.${format}`, new Uint8Array(readFileSync(fixture(name, format))))])) as Record<Format, ReturnType<typeof importOne>>;

  test.each(FORMATS)("%s: imported with the figures the report holds", (format) => {
    const { book, result } = imported[format];
    expect(result).toMatchObject({ status: "imported", unit: expected.unit, period: "2026-03", errors: expected.errors?.length ?? 0 });
    expect(result.findings.filter((f) => f.severity === "error").map((f) => f.code).sort()).toEqual(expected.errors ?? []);
    const figures = Object.fromEntries(book.data.map((f) => [f.indicator, f.numerator !== null ? [f.numerator, f.denominator] : f.value]));
    expect(figures).toEqual(expected.figures);
    expect(book.submissions[0].declaredDate).toBe(expected.declared);
  });

  test("the four formats give identical facts and findings", () => {
    const view = (format: Format) => ({
      facts: sortedBy(imported[format].book.data.map(factView)),
      declared: imported[format].book.submissions.map((s) => s.declaredDate),
      findings: sortedBy(imported[format].result.findings.map(findingView)),
    });
    for (const format of FORMATS) expect({ format, ...view(format) }).toEqual({ format, ...view("xlsx") });
    // Sheets are named by their A1 cells, documents by their tables and rows.
    const cells = imported.docx.book.data.map((f) => f.cell);
    expect(cells.every((c) => /^Bảng \d+, dòng \d+, cột [A-Z]$/.test(c))).toBe(true);
    expect(imported.xls.book.data.map((f) => f.cell)).toEqual(imported.xlsx.book.data.map((f) => f.cell));
  });
});

test("a Word report written by a second producer (Word's own markup) gives the facts LibreOffice's .docx gives", () => {
  const word = wordReport(
    { unit: "Công an xã Hòa Bình", code: "CAX", period: "Tháng 3/2026", date: "13/03/2026", values: { CT04: { n: 2228, d: 4777 }, CT06: { n: 4439, d: 4838 }, MH16: 573 } },
    { seed: 2026, nested: true, twoRowHeader: true, junk: true, tabbedFields: true, thousands: "." },
  );
  const fromWord = importOne("word.docx", word);
  const fromLibreOffice = importOne("lo.docx", new Uint8Array(readFileSync(fixture("standard-CAX-2026-03", "docx"))));
  expect(fromWord.result.status).toBe("imported");
  expect(sortedBy(fromWord.book.data.map(factView))).toEqual(sortedBy(fromLibreOffice.book.data.map(factView)));
  expect(sortedBy(fromWord.result.findings.map(findingView))).toEqual(sortedBy(fromLibreOffice.result.findings.map(findingView)));
});
