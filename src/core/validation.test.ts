import { reportWorkbook, testUnit, type GridReport } from "../../test/helpers/report-grid";
import { DEFAULT_CATALOGUE, DEFAULT_UNIT_TYPES } from "./catalogue";
import { DEFAULT_SETTINGS } from "./master-sheets";
import { parseReport } from "./report-parser";
import type { CellRange, CellValue, Indicator } from "./types";
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

// ---------------------------------------------------------------------------------------------------
// What does not add up (issue 10)

const context = (over: Partial<ValidationContext> = {}): ValidationContext => ({
  units,
  catalogue: DEFAULT_CATALOGUE as Indicator[],
  unitTypes: [...DEFAULT_UNIT_TYPES],
  settings: DEFAULT_SETTINGS,
  today: "2026-03-25",
  previous: () => null,
  ...over,
});
const grid = (rows: CellValue[][], merges: CellRange[] = []) => parseReport({ sheets: [{ name: "Báo cáo", hidden: false, rows, merges }] }, "bc.xlsx", DEFAULT_CATALOGUE);
const header = (unitLines: CellValue[][], date = "15/03/2026"): CellValue[][] => [...unitLines, ["Kỳ báo cáo:", "Tháng 3/2026"], ["Ngày báo cáo:", date], []];
const POLICE_TABLE: CellValue[][] = [
  ["Mã chỉ tiêu", "Chỉ tiêu", "Kết quả", "Tử số", "Mẫu số"],
  ["CT04", "VNeID", null, 100, 1000],
  ["CT06", "Định danh", null, 10, 20],
  ["MH16", "Hoàn thành khóa học", 5, null, null],
];

describe("a row whose code and name name different indicators", () => {
  const CA = header([["Đơn vị:", "Công an xã"]]);
  const table = (...rows: CellValue[][]) => grid([...CA, ["Mã chỉ tiêu", "Chỉ tiêu", "Kết quả"], ...rows]);
  const ind = (code: string) => DEFAULT_CATALOGUE.find((i) => i.code === code)!;
  // A unit of no type owes no indicator: only what the rows say is found.
  const untyped = () => context({ units: [testUnit("CA", "Công an xã")] });

  test("a code of one and a name of another: refused with an error naming both and the cells, consolidated under neither", () => {
    const v = validateReport(table(["MH05", ind("MH06").name, 12], ["MH16", ind("MH16").name, 5]), untyped());
    const f = v.findings.find((x) => x.code === "INDICATOR_CONFLICT")!;
    expect(f).toMatchObject({ severity: "error", file: "bc.xlsx", sheet: "Báo cáo", cell: "A6", unit: "CA", period: "2026-03" });
    expect(f.message).toBe(
      `Dòng 6: mã chỉ tiêu "MH05" (ô A6) là của MH05 “${ind("MH05").name}”, còn tên "${ind("MH06").name}" (ô B6) là của MH06 “${ind("MH06").name}”: ` +
        "không biết dòng này là chỉ tiêu nào, nên số liệu dòng này (ô C6) không được tổng hợp vào chỉ tiêu nào. Đề nghị đơn vị sửa mã hoặc tên chỉ tiêu cho khớp rồi gửi lại.",
    );
    expect(v.figures.map((x) => [x.indicator, x.value])).toEqual([["MH16", 5]]);
    expect(codes(v)).toEqual(["INDICATOR_CONFLICT"]);
  });

  test("the cells of a refused row are listed left to right, as the clerk reads the row", () => {
    const rows = grid([...CA, ["Mã chỉ tiêu", "Chỉ tiêu", "Ghi chú", "Tử số", "Mẫu số", "Kết quả"], ["CT04", ind("CT06").name, null, 10, 20, 7]]);
    const f = validateReport(rows, untyped()).findings.find((x) => x.code === "INDICATOR_CONFLICT")!;
    expect(f.message).toContain("(ô D6, E6, F6)");
  });

  test("the refused row claims neither indicator: the row that really is one is no duplicate", () => {
    const v = validateReport(table(["MH05", ind("MH06").name, 12], ["MH06", ind("MH06").name, 3]), untyped());
    expect(codes(v)).toEqual(["INDICATOR_CONFLICT"]);
    expect(v.figures.map((x) => [x.indicator, x.value])).toEqual([["MH06", 3]]);
  });

  test("an unknown code beside a known name: taken by the name, with a warning naming the code, its cell and the indicator", () => {
    const v = validateReport(table(["MH55", ind("MH09").name.toUpperCase(), 4]), untyped());
    expect(v.figures.map((x) => [x.indicator, x.value, x.cell])).toEqual([["MH09", 4, "C6"]]);
    expect(v.findings).toMatchObject([{ code: "INDICATOR_CODE_UNKNOWN", severity: "warning", cell: "A6", indicator: "MH09" }]);
    expect(v.findings[0].message).toBe(
      `Dòng 6: mã chỉ tiêu "MH55" (ô A6) không có trong danh mục chỉ tiêu; tên "${ind("MH09").name.toUpperCase()}" (ô B6) là của MH09 “${ind("MH09").name}”: số liệu dòng này được tổng hợp vào MH09. Đề nghị đơn vị sửa lại mã.`,
    );
  });

  test("a code with a character no code has names no indicator, and the warning names the character", () => {
    const v = validateReport(table(["CT★01", "Tin, bài, phóng sự tuyên truyền", 7]), untyped());
    expect(v.figures.map((x) => x.indicator)).toEqual(["TT01"]);
    expect(v.findings).toMatchObject([{ code: "INDICATOR_CODE_UNKNOWN", cell: "A6" }]);
    expect(v.findings[0].message).toContain("“★” (U+2605)");
  });

  test("a row number in the code column, or a known code beside a shortened name, is no mismatch", () => {
    const v = validateReport(table(["01", ind("MH09").name, 4], ["MH01", "Đại sứ số", 2], ["1.2", ind("MH16").name, 5]), untyped());
    expect(v.findings).toEqual([]);
    expect(v.figures.map((x) => x.indicator)).toEqual(["MH09", "MH01", "MH16"]);
  });
});

describe("the unit a report names", () => {
  test("a code of one unit and a name of another: refused, naming both", () => {
    const v = validateReport(grid([...header([["Mã đơn vị:", "T1"], ["Đơn vị:", "Công an xã"]]), ...POLICE_TABLE]), context());
    expect(v.fatal).toBe(true);
    expect(v.findings[0]).toMatchObject({ code: "UNIT_CONFLICT", severity: "error", cell: "B1" });
    expect(v.findings[0].message).toContain("Tổ công nghệ số cộng đồng thôn 1");
    expect(v.findings[0].message).toContain("Công an xã");
  });

  test("an unknown code beside a known name: the name's unit, with a warning", () => {
    const v = validateReport(grid([...header([["Mã đơn vị:", "CAX9"], ["Đơn vị:", "Công an xã"]]), ...POLICE_TABLE]), context());
    expect(v.unit?.code).toBe("CA");
    expect(v.findings.map((f) => [f.code, f.severity])).toEqual([["UNIT_CODE_UNKNOWN", "warning"]]);
  });

  test("Cyrillic look-alikes in the code are read as Latin, the warning names each character", () => {
    const v = validateReport(grid([...header([["Mã đơn vị:", "СА"]]), ...POLICE_TABLE]), context());
    expect(v.unit?.code).toBe("CA");
    expect(v.findings).toMatchObject([{ code: "LOOKALIKE_CHARACTERS", cell: "B1" }]);
    expect(v.findings[0].message).toContain("“С” (chữ Kirin, U+0421) đọc là “C”");
    expect(v.findings[0].message).toContain("“А” (chữ Kirin, U+0410) đọc là “A”");
  });

  test("a code with characters no code has is never matched by dropping them: refused with them named", () => {
    const v = validateReport(grid([...header([["Mã đơn vị:", "C★A"]]), ...POLICE_TABLE]), context());
    expect(v.findings[0].code).toBe("UNKNOWN_UNIT");
    expect(v.findings[0].message).toContain("“★” (U+2605)");
    // A Vietnamese letter is no foreign character.
    expect(validateReport(grid([...header([["Mã đơn vị:", "ĐTN"]]), ...POLICE_TABLE]), context({ units: [testUnit("DTN", "Đoàn Thanh niên")] })).unit?.code).toBe("DTN");
  });

  test("only the issuing block names the unit: its lowest line that is a unit", () => {
    const top: CellValue[][] = [["UBND XÃ HÒA BÌNH", null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], ["CÔNG AN XÃ", null, "Độc lập - Tự do - Hạnh phúc"], ["Số: 12/BC-CA"]];
    const v = validateReport(grid([...top, ["Kỳ báo cáo:", "Tháng 3/2026"], [], ...POLICE_TABLE]), context());
    expect(v.unit?.code).toBe("CA");
    const unknown = validateReport(grid([["UBND XÃ HÒA BÌNH", null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], ["BAN QUẢN LÝ CHỢ"], ["Kỳ báo cáo:", "Tháng 3/2026"], ...POLICE_TABLE]), context());
    expect(unknown.findings[0]).toMatchObject({ code: "UNKNOWN_UNIT", cell: "A2" });
  });

  test("a unit outside its active span: UNIT_INACTIVE, not consolidated", () => {
    const closed = [testUnit("CA", "Công an xã", "Công an"), ...units.slice(1)].map((u) => (u.code === "CA" ? { ...u, activeTo: "2026-02" } : u));
    const v = validateReport(grid([...header([["Đơn vị:", "Công an xã"]]), ...POLICE_TABLE]), context({ units: closed }));
    expect(v.fatal).toBe(true);
    expect(v.figures).toEqual([]);
    expect(v.findings.find((f) => f.code === "UNIT_INACTIVE")).toMatchObject({ severity: "error", unit: "CA" });
    expect(v.findings.find((f) => f.code === "UNIT_INACTIVE")?.message).toContain("đến Tháng 2/2026");
  });
});

describe("declared dates out of range", () => {
  test("before the period starts: a warning, and not the received day", () => {
    const v = validateReport(grid([...header([["Đơn vị:", "Công an xã"]], "20/02/2026"), ...POLICE_TABLE]), context());
    expect(v.declaredDate).toBe("");
    expect(v.findings).toMatchObject([{ code: "REPORT_DATE_BEFORE_PERIOD", severity: "warning", cell: "B3" }]);
  });

  test("the place-and-date line counts as the declared date", () => {
    const v = validateReport(grid([["Đơn vị:", "Công an xã"], ["Kỳ báo cáo:", "Tháng 3/2026"], [null, null, "Hòa Bình, ngày 18 tháng 3 năm 2026"], ...POLICE_TABLE]), context());
    expect(v.declaredDate).toBe("2026-03-18");
  });
});

describe("every figure is consolidated or named", () => {
  test("a figure the parser could not place is a warning naming its cell and column", () => {
    const v = validateReport(grid([...header([["Đơn vị:", "Công an xã"]]), [...POLICE_TABLE[0], "Số hộ"], ...POLICE_TABLE.slice(1, 3), [...POLICE_TABLE[3], 7]]), context());
    expect(v.findings).toMatchObject([{ code: "UNUSED_FIGURE", severity: "warning", cell: "F8", indicator: "MH16" }]);
    expect(v.findings[0].message).toContain('cột "Số hộ"');
    expect(v.figures.find((f) => f.indicator === "MH16")?.value).toBe(5);
  });

  test("a flow given only as year-to-date is named, not added to the month", () => {
    const rows: CellValue[][] = [...header([["Đơn vị:", "Tổ công nghệ số cộng đồng thôn 1"]]), ["Mã", "Chỉ tiêu", "Kết quả", "Lũy kế"], ["MH09", "Buổi học", null, 11]];
    const v = validateReport(grid(rows), context());
    expect(v.figures.some((f) => f.indicator === "MH09")).toBe(false);
    expect(v.findings.find((f) => f.indicator === "MH09")).toMatchObject({ code: "UNUSED_FIGURE", cell: "D6" });
  });

  test("a typed Tỷ lệ (%) that differs from the parts by more than its rounding is a warning; the parts count", () => {
    const table = (rate: CellValue): CellValue[][] => [...header([["Đơn vị:", "Công an xã"]]), ["Mã", "Chỉ tiêu", "Tử số", "Mẫu số", "Tỷ lệ (%)"], ["CT06", "Định danh", 423, 500, rate]];
    for (const agrees of [84.6, 85, "84,6%", 0.846, 0.8460001]) expect(codes(validateReport(grid(table(agrees)), context()))).toEqual(["REQUIRED_BLANK", "REQUIRED_BLANK"]);
    const v = validateReport(grid(table(90)), context());
    expect(v.findings.find((f) => f.code === "RATE_MISMATCH")).toMatchObject({ severity: "warning", cell: "E6" });
    expect(v.figures.find((f) => f.indicator === "CT06")).toMatchObject({ numerator: 423, denominator: 500 });
  });

  test("a required indicator left blank points at the cell where its figure belongs", () => {
    const v = validate({ values: { CT04: { n: 1, d: 2 }, CT06: { n: 1, d: 2 }, MH16: "" } });
    expect(v.findings).toMatchObject([{ code: "REQUIRED_BLANK", cell: "E11", indicator: "MH16" }]);
  });

  test("no column of the report's own period: the file is refused", () => {
    const rows: CellValue[][] = [...header([["Đơn vị:", "Công an xã"]]), ["Mã", "Chỉ tiêu", "Tháng 1/2026", "Tháng 2/2026"], ["MH16", "x", 3, 4]];
    const v = validateReport(grid(rows), context());
    expect(v.fatal).toBe(true);
    expect(v.findings[0].code).toBe("PERIOD_COLUMN_MISSING");
  });
});
