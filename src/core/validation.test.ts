import { reportWorkbook, testUnit, type GridReport } from "../../test/helpers/report-grid";
import { DEFAULT_CATALOGUE, DEFAULT_UNIT_TYPES } from "./catalogue";
import { DEFAULT_SETTINGS } from "./master-sheets";
import { parseReport } from "./report-parser";
import type { Indicator } from "./types";
import { ReportFigure, validateReport, ValidationContext } from "./validation";

const units = [testUnit("CA", "Công an xã", "Công an"), testUnit("T1", "Tổ công nghệ số cộng đồng thôn 1", "Tổ công nghệ số cộng đồng"), testUnit("T2", "Tổ công nghệ số cộng đồng thôn 2", "Tổ công nghệ số cộng đồng")];

function validate(r: Partial<GridReport> & { values: GridReport["values"] }, previous: Record<string, Partial<ReportFigure>> | null = null) {
  const report = parseReport(reportWorkbook({ unit: "Công an xã", period: "Tháng 3/2026", date: "15/03/2026", ...r }), "bc.xlsx", DEFAULT_CATALOGUE as Indicator[]);
  const ctx: ValidationContext = {
    units,
    catalogue: DEFAULT_CATALOGUE as Indicator[],
    unitTypes: [...DEFAULT_UNIT_TYPES],
    settings: DEFAULT_SETTINGS,
    today: "2026-03-25",
    previous: () => (previous ? new Map(Object.entries(previous).map(([k, v]) => [k, { indicator: k, value: null, numerator: null, denominator: null, sheet: "", cell: "", ...v }])) : null),
  };
  return validateReport(report, ctx);
}
const codes = (v: ReturnType<typeof validate>) => v.findings.map((f) => f.code);
const POLICE = { CT04: { n: 100, d: 1000 }, CT06: { n: 10, d: 20 }, MH16: 5 };

test("a clean report: unit, period, declared date and figures with their cells, no findings", () => {
  const v = validate({ values: POLICE });
  expect(v.fatal).toBe(false);
  expect(v.unit?.code).toBe("CA");
  expect(v.periodKey).toBe("2026-03");
  expect(v.declaredDate).toBe("2026-03-15");
  expect(v.findings).toEqual([]);
  expect(v.figures.find((f) => f.indicator === "CT04")).toMatchObject({ numerator: 100, denominator: 1000, value: 0.1, cell: "F9" });
});

test.each([
  [{ MH16: "nhiều" }, "NOT_A_NUMBER", "MH16"],
  [{ MH16: -3 }, "NEGATIVE", "MH16"],
  [{ MH16: 2.5 }, "NOT_WHOLE", "MH16"],
  [{ MH16: "12%" }, "NOT_A_NUMBER", "MH16"],
  [{ CT06: { n: 30, d: 20 } }, "NUMERATOR_ABOVE_DENOMINATOR", "CT06"],
  [{ CT04: { n: 1200, d: 1000 } }, "CERTIFIED_ABOVE_ADULTS", "CT04"],
  [{ CT06: "85%" }, "PERCENT_WITHOUT_DENOMINATOR", "CT06"],
  [{ CT06: "185%" }, "PERCENT_OUT_OF_RANGE", "CT06"],
  [{ CT06: { n: 30, d: "" } }, "RATIO_MISSING_PART", "CT06"],
])("%j is an error (%s) and is not consolidated", (values, code, indicator) => {
  const v = validate({ values: { ...POLICE, ...values } });
  const f = v.findings.find((x) => x.code === code)!;
  expect(f).toMatchObject({ severity: "error", indicator, file: "bc.xlsx", sheet: "Báo cáo", unit: "CA", period: "2026-03" });
  expect(f.cell).toMatch(/^[A-Z]+\d+$/);
  expect(v.figures.some((x) => x.indicator === indicator)).toBe(false);
});

test("an unknown indicator is a warning; a duplicated row keeps the first", () => {
  const v = validate({ values: { ...POLICE, XX99: 4 } });
  expect(v.findings.find((f) => f.code === "UNKNOWN_INDICATOR")).toMatchObject({ severity: "warning" });
  const report = reportWorkbook({ unit: "Công an xã", period: "Tháng 3/2026", values: POLICE });
  report.sheets[0].rows.splice(11, 0, [9, "MH16", "Người hoàn thành", "người", 7]);
  const parsed = parseReport(report, "dup.xlsx", DEFAULT_CATALOGUE as Indicator[]);
  const again = validateReport(parsed, { units, catalogue: DEFAULT_CATALOGUE as Indicator[], unitTypes: [...DEFAULT_UNIT_TYPES], settings: DEFAULT_SETTINGS, today: "2026-03-25", previous: () => null });
  expect(again.findings.map((f) => f.code)).toContain("DUPLICATE_ROW");
  expect(again.figures.find((f) => f.indicator === "MH16")?.value).toBe(5);
});

test("a required indicator left blank is a warning; '-' says not applicable", () => {
  expect(codes(validate({ values: { CT04: { n: 1, d: 2 }, CT06: { n: 1, d: 2 } } }))).toEqual(["REQUIRED_BLANK"]);
  expect(codes(validate({ values: { CT04: { n: 1, d: 2 }, CT06: { n: 1, d: 2 }, MH16: "-" } }))).toEqual([]);
});

test("against the previous period: a stock going down, a jump over 3x", () => {
  const v = validate({ values: POLICE }, { MH16: { value: 8 }, CT04: { numerator: 20, denominator: 1000 } });
  expect(codes(v)).toEqual(expect.arrayContaining(["STOCK_DECREASED", "JUMP_OVER_3X"]));
  expect(v.findings.every((f) => f.severity === "warning")).toBe(true);
  expect(v.figures).toHaveLength(3); // warnings keep the values
});

test("mentees fewer than five per mentor", () => {
  const v = validate({ unit: "Tổ công nghệ số cộng đồng thôn 1", values: { MH01: 4, MH02: 12 } });
  expect(v.findings.find((f) => f.code === "MENTEES_BELOW_FIVE_PER_MENTOR")).toMatchObject({ severity: "warning", indicator: "MH02" });
});

test("header problems: unknown unit with suggestions, missing or unreadable period, odd dates", () => {
  const unknown = validate({ unit: "Tổ công nghệ số cộng đồng thôn 3", values: POLICE });
  expect(unknown.fatal).toBe(true);
  expect(unknown.findings[0].code).toBe("UNKNOWN_UNIT");
  expect(unknown.findings[0].message).toMatch(/Có phải là: Tổ công nghệ số cộng đồng thôn 1; Tổ công nghệ số cộng đồng thôn 2\?/);
  expect(codes(validate({ period: "", values: POLICE }))).toContain("PERIOD_MISSING");
  expect(codes(validate({ period: "Tháng 13/2026", values: POLICE }))).toContain("PERIOD_UNREADABLE");
  expect(validate({ date: "30/02/2026", values: POLICE }).findings[0].code).toBe("REPORT_DATE_UNREADABLE");
  const future = validate({ date: "15/04/2026", values: POLICE });
  expect(future.findings[0].code).toBe("REPORT_DATE_FUTURE");
  expect(future.declaredDate).toBe("");
});
