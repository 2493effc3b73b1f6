// Any master book, with the awkward text clerks and report files bring, and the grid a store reads back
// from a SheetSpec. For the property tests of the stored sheets' declarations.
import fc from "fast-check";
import type {
  AdhocPeriod,
  CellValue,
  DeadlineException,
  Fact,
  Finding,
  Indicator,
  LogEntry,
  MasterBook,
  Settings,
  SheetSpec,
  Submission,
  Target,
  Unit,
  UnitTypeIndicators,
} from "../../src/core/types";

/** Text that has broken spreadsheets before: leading zeros, numbers, formulas, dates, NFD, separators. */
export const AWKWARD_TEXT = [
  "0123",
  "007",
  "1.234",
  "12,5",
  "85%",
  "1e5",
  "-0",
  "=SUM(A1:A9)",
  "=HYPERLINK(\"http://x\",\"bấm\")",
  "+84 912 345 678",
  "-2+3",
  "@SUM(1+1)",
  "'quoted",
  "TRUE",
  "2026-03",
  "2026-03-15",
  "15/03/2026",
  "Quý I/2026",
  "Tổ công nghệ số cộng đồng thôn 1",
  "To\u0302\u0309 co\u0302ng nghe\u0323\u0302 so\u0302\u0301", // NFD
  "Đắk R'Ve",
  "CT01, CT02; MH01",
  "_x0041_",
  "tab\there\nnew line",
  "😀 Zalo",
  "<b>không</b> & \"x\"",
];

const LETTERS = [..."aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạấầẩẫậéèẻẽẹíìỉĩịóòỏõọớờởỡợúùủũụứừửữựýỳỷỹỵ0123456789 .,;:%/-=+@'\"\t\n"];
const MARKS = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u031b"];

/** Any text (possibly blank), from the awkward list or built of Vietnamese letters and loose diacritics. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.constant(""),
  fc.constantFrom(...AWKWARD_TEXT),
  fc.string({ unit: fc.constantFrom(...LETTERS, ...MARKS), maxLength: 30 }),
);

/** How a stored text reads back: composed (NFC) and trimmed. */
export const readBackText = (s: string): string => s.normalize("NFC").trim();

/** Text a required column needs: not blank once read back. */
export const someText = anyText.filter((s) => readBackText(s) !== "");

const code = fc.stringMatching(/^[A-Z0-9]{1,6}$/);
const day = fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
/** Instants are stored to the second. */
const instant = fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2099, 11, 31) / 1000 }).map((s) => new Date(s * 1000).toISOString());
const maybe = <T>(arb: fc.Arbitrary<T>, none: T): fc.Arbitrary<T> => fc.oneof(fc.constant(none), arb);
/** Excel has no negative zero. */
const noNegativeZero = (x: number) => (x === 0 ? 0 : x);
const figure = fc.oneof(fc.constant(null), fc.integer({ min: -1e9, max: 1e9 }), fc.double({ noNaN: true, noDefaultInfinity: true }).map(noNegativeZero));
const VN_OFFSET_S = 7 * 3600;
/** A typed received time; a time of exactly 00:00 in Vietnam is the bare day, generated as such. */
const manualInstant = instant.filter((iso) => (Date.parse(iso) / 1000 + VN_OFFSET_S) % 86_400 !== 0);

const adhoc: fc.Arbitrary<AdhocPeriod> = fc.record({ key: someText, name: someText, start: maybe(day, ""), end: maybe(day, ""), dueDay: day });
const exception: fc.Arbitrary<DeadlineException> = fc.record({ unit: anyText, period: someText, dueDay: day });

const settings: fc.Arbitrary<Settings> = fc.record({
  bodyCode: anyText,
  bodyName: anyText,
  year: fc.integer({ min: 1990, max: 2100 }),
  deadlineDay: fc.integer({ min: 1, max: 28 }),
  deadlineInclusive: fc.boolean(),
  cutoffDay: fc.integer({ min: 1, max: 28 }),
  timeZone: fc.constant("Asia/Ho_Chi_Minh"),
  lastPeriod: maybe(someText, ""),
  adhocPeriods: fc.array(adhoc, { maxLength: 3 }),
  exceptions: fc.array(exception, { maxLength: 3 }),
});

const unit: fc.Arbitrary<Unit> = fc.record({
  code: someText,
  name: someText,
  type: anyText,
  parent: anyText,
  frequency: fc.constantFrom("month", "quarter", "half", "year"),
  activeFrom: fc.oneof(anyText, fc.constantFrom("2026-04", "2026-Q3", "2026-03-10", "15/06/2026")),
  activeTo: anyText,
  contact: anyText,
});

const indicator: fc.Arbitrary<Indicator> = fc.record({ code: someText, name: anyText, denominatorName: anyText, kind: fc.constantFrom("flow", "stock", "ratio"), uom: anyText });

/** A percentage target is a share of a population: at most 100%. */
const target: fc.Arbitrary<Target> = fc.boolean().chain((isPercent) =>
  fc.record({
    indicator: someText,
    year: fc.integer({ min: 1990, max: 2100 }),
    op: fc.constantFrom(">=" as const, ">" as const),
    value: (isPercent
      ? fc.oneof(fc.constantFrom(0, 0.7, 0.8, 1), fc.double({ min: 0, max: 1, noNaN: true }))
      : fc.oneof(fc.constantFrom(1, 80, 100, 4500), fc.double({ noNaN: true, noDefaultInfinity: true }))
    ).map(noNegativeZero),
    isPercent: fc.constant(isPercent),
  }),
);

const unitType: fc.Arbitrary<UnitTypeIndicators> = fc.record({ type: someText, indicators: fc.array(code, { maxLength: 5 }) });

/** A fact of one of the book's units and indicators: data of a unit or indicator removed is reported. */
const fact = (units: string[], indicators: string[]): fc.Arbitrary<Fact> => fc.record({
  period: someText,
  unit: fc.constantFrom(...units),
  indicator: fc.constantFrom(...indicators),
  value: figure,
  numerator: figure,
  denominator: figure,
  file: anyText,
  sheet: anyText,
  cell: anyText,
  hash: anyText,
  importedAt: maybe(instant, ""),
});

const submission: fc.Arbitrary<Submission> = fc.record({
  period: someText,
  unit: someText,
  file: anyText,
  hash: anyText,
  receivedAt: maybe(instant, ""),
  receivedSource: fc.constantFrom("manual", "declared", "file", "import"),
  manualReceived: fc.oneof(fc.constant(""), day, manualInstant),
  declaredDate: maybe(day, ""),
  fileModified: maybe(instant, ""),
  importedAt: maybe(instant, ""),
  errors: fc.nat({ max: 500 }),
  warnings: fc.nat({ max: 500 }),
});

const logEntry: fc.Arbitrary<LogEntry> = fc.record({
  at: maybe(instant, ""),
  file: anyText,
  hash: anyText,
  status: fc.constantFrom("imported", "duplicate", "replaced", "refused", "period_mismatch"),
  unit: anyText,
  period: anyText,
  message: anyText,
});

const findingArb: fc.Arbitrary<Finding> = fc.record({
  severity: fc.constantFrom("error", "warning", "info"),
  code: anyText,
  file: anyText,
  sheet: anyText,
  cell: anyText,
  unit: anyText,
  indicator: anyText,
  period: anyText,
  message: anyText,
});

export const masterBookArb: fc.Arbitrary<MasterBook> = fc
  .record({
    // Unit codes are unique: a repeated code is the clerk's mistake, reported and skipped.
    units: fc.uniqueArray(unit, { maxLength: 6, selector: (u) => readBackText(u.code) }),
    catalogue: fc.array(indicator, { maxLength: 6 }),
  })
  .chain(({ units, catalogue }) =>
    fc.record({
      settings,
      units: fc.constant(units),
      catalogue: fc.constant(catalogue),
      targets: fc.array(target, { maxLength: 5 }),
      unitTypes: fc.array(unitType, { maxLength: 4 }),
      data: units.length && catalogue.length ? fc.array(fact(units.map((u) => u.code), catalogue.map((i) => i.code)), { maxLength: 8 }) : fc.constant([]),
      submissions: fc.array(submission, { maxLength: 6 }),
      log: fc.array(logEntry, { maxLength: 5 }),
      findings: fc.array(findingArb, { maxLength: 5 }),
    }),
  );

function mapStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === "string") return f(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f)) as T;
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)])) as T;
  return value;
}

/** Rows in one order whatever order they came in: by their text with the fields in name order. */
function canonicalOrder<T extends object>(rows: T[]): T[] {
  const key = (row: T) => JSON.stringify(row, Object.keys(row).sort());
  return rows
    .map((row) => ({ row, key: key(row) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((x) => x.row);
}

/** The book with the rows of the sheets the product sorts (data, submissions, findings) in one order. */
export function rowsInOneOrder(book: MasterBook): MasterBook {
  return { ...book, data: canonicalOrder(book.data), submissions: canonicalOrder(book.submissions), findings: canonicalOrder(book.findings) };
}

/** The book a reader should give back for `book`: every text composed (NFC) and trimmed, rows in one order. */
export function expectedReadBack(book: MasterBook): MasterBook {
  return rowsInOneOrder(mapStrings(book, readBackText));
}

const DATE_TOKEN = /[dmyhs]/i;
const DAY_MS = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * The grid a store reads back from a written spec, as an xlsx round trip yields it: an empty string is
 * an empty cell, a Date in a date-formatted cell stays a Date (in another cell it is its day serial),
 * a non-finite number is not written, and text is cut at Excel's cell limit.
 */
export function storedGrid(spec: SheetSpec): CellValue[][] {
  return spec.values.map((row, r) =>
    row.map((v, c): CellValue => {
      if (v === null || v === "") return null;
      if (typeof v === "number") return Number.isFinite(v) ? v : null;
      if (typeof v === "string") return v.slice(0, 32_767);
      if (v instanceof Date) return DATE_TOKEN.test(spec.numberFormats[r]?.[c] ?? "") ? v : v.getTime() / DAY_MS + UNIX_EPOCH_SERIAL;
      return v;
    }),
  );
}
