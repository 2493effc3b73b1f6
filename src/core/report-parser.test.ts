import fc from "fast-check";
import { parseAddress } from "./address";
import { DEFAULT_CATALOGUE } from "./catalogue";
import { detectLegacyEncoding, encodeLegacy } from "./legacy-encoding";
import { parsePeriodText } from "./periods";
import { findReportSheet, parseReport } from "./report-parser";
import type { CellRange, CellValue, ReportRow, Sheet, Workbook } from "./types";

const catalogue = DEFAULT_CATALOGUE;
const NAME = Object.fromEntries(catalogue.map((i) => [i.code, i.name]));

function sheet(rows: CellValue[][], merges: string[] = [], name = "Báo cáo", hidden = false): Sheet {
  return { name, hidden, rows, merges: merges.map(range) };
}

/** "A1:C2" as a 0-based range. */
function range(a1: string): CellRange {
  const [from, to] = a1.split(":").map((p) => parseAddress(p)!);
  return { top: from.row, left: from.col, bottom: to.row, right: to.col };
}

function book(...sheets: Sheet[]): Workbook {
  return { sheets };
}

const num = (value: number, percent = false) => ({ kind: "number", value, percent });
const at = (value: unknown, cell: string) => ({ value, cell });

const TITLE: CellValue[][] = [
  ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
  ["BÁO CÁO KẾT QUẢ THỰC HIỆN PHONG TRÀO BÌNH DÂN HỌC VỤ SỐ"],
];
const FOOTER: CellValue[][] = [[], [null, "Người lập biểu", null, null, "Thủ trưởng đơn vị"], [null, null, null, null, 99]];
const REPORTED = new Date(Date.UTC(2026, 2, 15));

/** The template's own layout. */
function canonical(): Sheet {
  return sheet(
    [
      ...TITLE,
      ["Đơn vị: Công an xã"],
      ["Mã đơn vị:", "CA"],
      ["Kỳ báo cáo: Tháng 3/2026"],
      ["Ngày báo cáo:", REPORTED],
      [],
      ["STT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Kết quả", "Mẫu số", "Ghi chú"],
      [1, "CT04", NAME.CT04, "người", 4200, 5600, null],
      [2, "CT06", NAME.CT06, "người", "1.234", "1.500", "ước tính"],
      [3, "MH16", NAME.MH16, "người", 35, null, null],
      ...FOOTER,
    ],
    ["A1:G1", "A2:G2"],
  );
}

/** Row, indicator, the figure (a count, or a ratio's numerator) and a ratio's denominator, with their cells. */
const brief = (r: ReportRow) => {
  const figure = r.result ?? r.numerator;
  return [r.row, r.indicator, figure?.cell, figure?.value, r.denominator?.cell, r.denominator?.value];
};

describe("the canonical layout", () => {
  const report = parseReport(book(canonical()), "ca.xlsx", catalogue);

  test("header fields keep their raw value and cell", () => {
    expect(report.file).toBe("ca.xlsx");
    expect(report.sheet).toBe("Báo cáo");
    expect(report.unitName).toEqual(at("Công an xã", "A3"));
    expect(report.unitCode).toEqual(at("CA", "B4"));
    expect(report.periodText).toEqual(at("Tháng 3/2026", "A5"));
    expect(report.reportDate).toEqual(at(REPORTED, "B6"));
    expect(report.findings).toEqual([]);
  });

  test("indicator rows with located values, stopping at the signature block", () => {
    expect(report.rows.map(brief)).toEqual([
      [9, "CT04", "E9", num(4200), "F9", num(5600)],
      [10, "CT06", "E10", num(1234), "F10", num(1500)],
      [11, "MH16", "E11", num(35), undefined, undefined],
    ]);
    const first = report.rows[0];
    expect([first.code, first.name, first.uom, first.note, first.result]).toEqual(["CT04", NAME.CT04, "người", null, null]);
    // One "Kết quả" column serves the count and the ratio's numerator alike.
    expect(first.numerator).toEqual(at(num(4200), "E9"));
    expect(report.rows[1].note).toBe("ước tính");
  });
});

test("columns in another order", () => {
  const s = sheet([
    ["Đơn vị", "Trường THCS Dương Hưu"],
    ["Ghi chú", "Kết quả", "Tổng số", "ĐVT", "Nội dung", "Mã"],
    [null, 410, 450, "học sinh", NAME.CT02, "CT 02"],
    [null, "85%", null, "người", NAME.CT01, "ct01"],
  ]);
  const report = parseReport(book(s), "thcs.xlsx", catalogue);
  expect(report.unitName).toEqual(at("Trường THCS Dương Hưu", "B1"));
  expect(report.rows.map(brief)).toEqual([
    [3, "CT02", "B3", num(410), "C3", num(450)],
    // A bare percentage stays one: validation asks the unit for both figures.
    [4, "CT01", "B4", num(0.85, true), "C4", { kind: "blank" }],
  ]);
  expect(report.rows[0].uom).toBe("học sinh");
});

test("a merged two-row header with Tử số | Mẫu số and a column-numbering row", () => {
  const s = sheet(
    [
      ...TITLE,
      ["TT", "Mã số", "Tên chỉ tiêu", "ĐVT", "Kết quả thực hiện", null, "Lũy kế"],
      [null, null, null, null, "Tử số", "Mẫu số", null],
      ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
      [1, "MH04", NAME.MH04, "hộ", 120, 300, 180],
    ],
    ["A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:F3", "G3:G4"],
  );
  const [row] = parseReport(book(s), "thon.xlsx", catalogue).rows;
  expect(row.indicator).toBe("MH04");
  expect(row.result).toBeNull();
  expect(row.numerator).toEqual(at(num(120), "E6"));
  expect(row.denominator).toEqual(at(num(300), "F6"));
  // A bare "Lũy kế" beside a ratio's parts is recognised and set aside, never silently lost.
  expect(row.skipped).toEqual([{ cell: "G6", value: num(180), column: "Lũy kế", reason: expect.stringContaining("lũy kế") }]);
  expect(row.stray).toEqual([]);
});

test("a \"Tử số / Kết quả\" column beside \"Mẫu số\"", () => {
  const s = sheet([
    ["Mã chỉ tiêu", "Chỉ tiêu", "Tử số / Kết quả", "Mẫu số"],
    ["CT03", NAME.CT03, "3.200", "4.000"],
    ["MH09", NAME.MH09, 12, null],
  ]);
  const rows = parseReport(book(s), "x.xlsx", catalogue).rows;
  // The one value column holds the ratio's numerator and the count alike.
  expect(rows.map((r) => [r.indicator, r.numerator?.value, r.denominator?.value, r.result?.value])).toEqual([
    ["CT03", num(3200), num(4000), undefined],
    ["MH09", undefined, undefined, num(12)],
  ]);
});

test("labels and values in separate cells, after a merged label and lower down the sheet", () => {
  const s = sheet(
    [
      ...TITLE,
      [],
      [],
      [null, "Đơn vị báo cáo:", null, "Phòng Văn hóa - Xã hội"],
      [null, "Kỳ báo cáo", "Quý I/2026"],
      [null, "Ngày báo cáo", 46096],
      [null, "Mã đơn vị:", "............"],
      [],
      ["Mã", "Chỉ tiêu", "Đơn vị tính", "Kết quả"],
      ["TT01", NAME.TT01, "tin bài", 14],
    ],
    ["B5:C5"],
  );
  const report = parseReport(book(s), "vhxh.xlsx", catalogue);
  expect(report.unitName).toEqual(at("Phòng Văn hóa - Xã hội", "D5"));
  expect(report.periodText).toEqual(at("Quý I/2026", "C6"));
  expect(report.reportDate).toEqual(at(46096, "C7"));
  expect(report.unitCode).toBeNull(); // a template's dotted blank is no code
  expect(report.rows.map((r) => r.indicator)).toEqual(["TT01"]);
});

test("the table's Đơn vị tính column is not the unit", () => {
  const s = sheet([
    ["Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Kết quả"],
    ["MH07", NAME.MH07, "tổ", 3],
  ]);
  const report = parseReport(book(s), "x.xlsx", catalogue);
  expect(report.unitName).toBeNull();
  expect(report.rows[0].uom).toBe("tổ");
});

test("decomposed (NFD) text is read as NFC and matched", () => {
  const nfd = (rows: CellValue[][]) => rows.map((row) => row.map((v) => (typeof v === "string" ? v.normalize("NFD") : v)));
  const s = sheet(
    nfd([
      ["Đơn vị: Đoàn Thanh niên"],
      ["Chỉ tiêu", "Số lượng"],
      [NAME.MH15, 40],
    ]),
  );
  const report = parseReport(book(s), "dtn.xlsx", catalogue);
  expect(report.unitName?.value).toBe("Đoàn Thanh niên");
  expect(report.rows[0].name).toBe(NAME.MH15);
  expect(report.rows[0].indicator).toBe("MH15");
});

describe("legacy fonts", () => {
  const legacySheet = (enc: "tcvn3" | "vni") => {
    const typed = (rows: CellValue[][]) => rows.map((row) => row.map((v) => (typeof v === "string" ? encodeLegacy(v, enc) : v)));
    return sheet(
      typed([
        ["Đơn vị: Tổ công nghệ số cộng đồng thôn 1"],
        ["Kỳ báo cáo: Tháng 3/2026"],
        ["Chỉ tiêu", "Đơn vị tính", "Kết quả"],
        [NAME.MH07, "tổ", 1],
        [NAME.MH08, "người", 7],
        [NAME.MH09, "buổi", 4],
      ]),
    );
  };

  test.each(["tcvn3", "vni"] as const)("a sheet typed in %s is decoded, matched and flagged", (enc) => {
    const report = parseReport(book(legacySheet(enc)), "thon1.xlsx", catalogue);
    expect(report.unitName).toEqual(at("Tổ công nghệ số cộng đồng thôn 1", "A1"));
    expect(report.periodText?.value).toBe("Tháng 3/2026");
    expect(report.rows.map((r) => [r.indicator, r.uom])).toEqual([
      ["MH07", "tổ"],
      ["MH08", "người"],
      ["MH09", "buổi"],
    ]);
    const legacy = report.findings.filter((f) => f.code === "LEGACY_ENCODING");
    expect(legacy).toHaveLength(1);
    expect(legacy[0]).toMatchObject({ severity: "warning", file: "thon1.xlsx", sheet: "Báo cáo", cell: "A1" });
    expect(legacy[0].message).toContain("A4");
  });

  test("a cell too short to tell apart alone follows the rest of the sheet", () => {
    expect(detectLegacyEncoding(encodeLegacy("tổ", "tcvn3"))).toBeNull();
    const report = parseReport(book(legacySheet("tcvn3")), "thon1.xlsx", catalogue);
    expect(report.rows[0].uom).toBe("tổ");
  });

  test("hand-typed TCVN3 header and labels", () => {
    const s = sheet([
      ["§¬n vÞ: Tr­êng TiÓu häc D­¬ng H­u"],
      ["M· chØ tiªu", "ChØ tiªu", "KÕt qu¶", "MÉu sè"],
      ["CT02", "Häc sinh", 300, 320],
    ]);
    const report = parseReport(book(s), "th.xlsx", catalogue);
    expect(report.unitName?.value).toBe("Trường Tiểu học Dương Hưu");
    expect(report.rows.map(brief)).toEqual([[3, "CT02", "C3", num(300), "D3", num(320)]]);
  });
});

test("section titles, blank and decorative rows are skipped; names without codes match the catalogue", () => {
  const s = sheet([
    ["STT", "Chỉ tiêu", "ĐVT", "Kết quả", "Mẫu số"],
    ["I", "CHỈ TIÊU CHUNG", null, null, null],
    [1, NAME.CT01.toUpperCase(), "người", 45, 50],
    [],
    [null, "II. Mô hình cộng đồng"],
    [2, NAME.MH01.normalize("NFD"), "người", 6, null],
    [3, "Đại sứ số đang hoạt động", "người", "-", null],
    [4, NAME.MH02.replace(" (lũy kế)", ""), "người", null, null],
    [null, "(Số liệu tính đến ngày 14/3/2026)", null, null, null],
  ]);
  const rows = parseReport(book(s), "x.xlsx", catalogue).rows;
  expect(rows.map((r) => [r.row, r.indicator, (r.result ?? r.numerator)?.value])).toEqual([
    [3, "CT01", num(45)],
    [6, "MH01", num(6)],
    [7, null, undefined], // an unknown name with a value: kept, validation decides
    [8, "MH02", { kind: "blank" }], // a known indicator left blank, located where its figure belongs
  ]);
  expect(rows[3].result?.cell).toBe("D8");
});

test("the table ends after many blank rows", () => {
  const s = sheet([["Mã", "Chỉ tiêu", "Kết quả"], ["MH09", NAME.MH09, 3], ...Array.from({ length: 12 }, () => []), ["MH10", NAME.MH10, 50]]);
  expect(parseReport(book(s), "x.xlsx", catalogue).rows.map((r) => r.indicator)).toEqual(["MH09"]);
});

describe("files without a report", () => {
  test("no indicator table", () => {
    const report = parseReport(book(sheet([["Đơn vị: Công an xã"], ["Kính gửi: UBND xã"], ["Nội dung báo cáo bằng lời văn"]])), "cv.xlsx", catalogue);
    expect(report.unitName?.value).toBe("Công an xã");
    expect(report.rows).toEqual([]);
    expect(report.findings).toMatchObject([{ code: "NO_INDICATOR_TABLE", severity: "error", file: "cv.xlsx", sheet: "Báo cáo" }]);
  });

  test("no visible sheet", () => {
    for (const wb of [book(), book(sheet([], [], "Ẩn", true))]) {
      const report = parseReport(wb, "empty.xlsx", catalogue);
      expect(report.findings).toMatchObject([{ code: "NO_REPORT_SHEET", severity: "error", file: "empty.xlsx" }]);
    }
  });
});

test("the report sheet is the one named Báo cáo, else the first visible one", () => {
  const guide = sheet([["Hướng dẫn"]], [], "Hướng dẫn");
  const hidden = sheet([], [], "Danh mục", true);
  expect(findReportSheet(book(guide, sheet([], [], " BAO CAO ")))?.name).toBe(" BAO CAO ");
  expect(findReportSheet(book(hidden, guide))?.name).toBe("Hướng dẫn");
});

test("never throws on any small grid", () => {
  const cell = fc.oneof(
    fc.constantFrom<CellValue>(null, "", "Mã", "Chỉ tiêu", "Kết quả", "Tử số", "Mẫu số", "Đơn vị:", "Kỳ báo cáo", "Người lập biểu", "CT01", "§¬n vÞ", "Baùo caùo", "85%", "-", "constructor", "Tæng sè"),
    fc.string({ maxLength: 8 }),
    fc.double(),
    fc.boolean(),
    fc.date({ noInvalidDate: false }),
  );
  const merge = fc.record({ top: fc.integer({ min: -2, max: 8 }), left: fc.integer({ min: -2, max: 8 }), bottom: fc.integer({ min: -2, max: 10 }), right: fc.integer({ min: -2, max: 1e6 }) });
  fc.assert(
    fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }), fc.array(merge, { maxLength: 4 }), (rows, merges) => {
      const report = parseReport({ sheets: [{ name: "Báo cáo", hidden: false, rows, merges }] }, "f.xlsx", catalogue);
      expect(report.file).toBe("f.xlsx");
    }),
  );
});

// ---------------------------------------------------------------------------------------------------
// Layouts real offices send (issue 10)

const HEADER_FIELDS: CellValue[][] = [["Đơn vị: Tổ công nghệ số cộng đồng thôn 1"], ["Kỳ báo cáo: Tháng 4/2026"], ["Ngày báo cáo: 15/04/2026"], []];
const parse = (rows: CellValue[][], merges: string[] = [], sheetName = "Báo cáo") => parseReport(book(sheet(rows, merges, sheetName)), "t.xlsx", catalogue);
const byIndicator = (rows: ReportRow[], code: string) => rows.find((r) => r.indicator === code)!;

describe("one value column for every kind", () => {
  test.each(["Kết quả", "Kết quả thực hiện", "Thực hiện", "Số liệu", "Số lượng", "Tử số / Kết quả", "Số lượng / Tử số"])("%s holds counts and ratio numerators", (header) => {
    const { rows } = parse([...HEADER_FIELDS, ["Mã", "Chỉ tiêu", header, "Mẫu số"], ["MH09", NAME.MH09, 4, null], ["CT03", NAME.CT03, 320, 800], ["MH08", NAME.MH08, 9, null]]);
    expect(byIndicator(rows, "MH09").result).toEqual(at(num(4), "C6"));
    expect(byIndicator(rows, "MH08").result).toEqual(at(num(9), "C8"));
    expect([byIndicator(rows, "CT03").numerator, byIndicator(rows, "CT03").denominator]).toEqual([at(num(320), "C7"), at(num(800), "D7")]);
    expect(rows.flatMap((r) => r.stray)).toEqual([]);
  });

  test("a count typed under Tử số when the table has no value column is the count", () => {
    const { rows } = parse([["Mã", "Chỉ tiêu", "Tử số", "Mẫu số"], ["MH09", NAME.MH09, 4, null]]);
    expect(rows[0].result).toEqual(at(num(4), "C2"));
  });

  test("a count beside a different figure under Tử số keeps the first and names the other", () => {
    const { rows } = parse([["Mã", "Chỉ tiêu", "Kết quả", "Tử số", "Mẫu số"], ["MH09", NAME.MH09, 4, 5, 6]]);
    expect(rows[0].result).toEqual(at(num(4), "C2"));
    expect(rows[0].stray.map((s) => s.cell)).toEqual(["E2", "D2"]);
  });
});

describe("merged group headers with sub-headers", () => {
  test("“Kết quả” over “Số lượng | Tử số | Mẫu số”: counts under Số lượng", () => {
    const { rows } = parse(
      [...HEADER_FIELDS, ["Mã", "Chỉ tiêu", "Kết quả", null, null], [null, null, "Số lượng", "Tử số", "Mẫu số"], ["MH09", NAME.MH09, 4, null, null], ["CT03", NAME.CT03, null, 320, 800]],
      ["A5:A6", "B5:B6", "C5:E5"],
    );
    expect(byIndicator(rows, "MH09").result).toEqual(at(num(4), "C7"));
    expect(byIndicator(rows, "CT03").numerator).toEqual(at(num(320), "D8"));
  });

  test("“Kết quả thực hiện” over the months and “Lũy kế từ đầu năm”: the report's own month only", () => {
    const report = parse(
      [
        ...HEADER_FIELDS,
        ["Mã", "Chỉ tiêu", "Kết quả thực hiện", null, null],
        [null, null, "Tháng 3/2026", "Tháng 4/2026", "Lũy kế từ đầu năm"],
        ["MH09", NAME.MH09, 3, 4, 11],
        ["MH08", NAME.MH08, 8, 9, 9],
      ],
      ["A5:A6", "B5:B6", "C5:E5"],
    );
    const flow = byIndicator(report.rows, "MH09");
    expect(flow.result).toEqual(at(num(4), "D7"));
    expect(flow.skipped.map((s) => [s.cell, s.reason])).toEqual([
      ["C7", "cột của kỳ khác (Kết quả thực hiện / Tháng 3/2026)"],
      ["E7", "lũy kế từ đầu năm; chỉ tiêu phát sinh lấy số trong kỳ"],
    ]);
    // A stock is its position at the period's end.
    expect(byIndicator(report.rows, "MH08").result).toEqual(at(num(9), "E8"));
    expect(report.findings).toEqual([]);
  });

  test("months without the year, unmerged and centred across, over Tử số | Mẫu số in a second row", () => {
    const { rows } = parse([
      ...HEADER_FIELDS,
      ["Mã", "Chỉ tiêu", "Kết quả", null, null, null],
      [null, null, "Tháng 3", null, "Tháng 4", null],
      [null, null, "Tử số", "Mẫu số", "Tử số", "Mẫu số"],
      ["CT03", NAME.CT03, 300, 800, 320, 800],
    ]);
    expect([rows[0].numerator, rows[0].denominator]).toEqual([at(num(320), "E8"), at(num(800), "F8")]);
    expect(rows[0].skipped.map((s) => s.cell)).toEqual(["C8", "D8"]);
  });

  test("a ratio's cumulative parts beside the month's: the position at the period's end counts", () => {
    const { rows } = parse([["Mã", "Chỉ tiêu", "Trong tháng", null, "Lũy kế", null], [null, null, "Tử số", "Mẫu số", "Tử số", "Mẫu số"], ["CT03", NAME.CT03, 20, 800, 320, 800]], ["C1:D1", "E1:F1"]);
    expect([rows[0].numerator, rows[0].denominator]).toEqual([at(num(320), "E3"), at(num(800), "F3")]);
    expect(rows[0].skipped.map((s) => [s.cell, s.reason])).toEqual([
      ["C3", "tử số trong kỳ; chỉ tiêu tỷ lệ lấy tử số lũy kế"],
      ["D3", "trùng với mẫu số ở ô F3"],
    ]);
  });

  test("a group header row above the row that names the columns", () => {
    const { rows } = parse(
      [...HEADER_FIELDS, [null, null, "Tháng 3/2026", null, "Tháng 4/2026", null], ["Mã", "Chỉ tiêu", "Tử số", "Mẫu số", "Tử số", "Mẫu số"], ["CT03", NAME.CT03, 300, 800, 320, 800]],
      ["C5:D5", "E5:F5"],
    );
    expect([rows[0].numerator?.cell, rows[0].denominator?.cell]).toEqual(["E7", "F7"]);
  });

  test("no column of the report's own period: an error, never a guess", () => {
    const report = parse(
      [[...HEADER_FIELDS[0]], ["Kỳ báo cáo: Tháng 5/2026"], [], [], ["Mã", "Chỉ tiêu", "Kết quả thực hiện", null], [null, null, "Tháng 3/2026", "Tháng 4/2026"], ["MH09", NAME.MH09, 3, 4]],
      ["C5:D5"],
    );
    expect(report.findings).toMatchObject([{ code: "PERIOD_COLUMN_MISSING", severity: "error", cell: "C6" }]);
    expect(report.findings[0].message).toContain("Tháng 5/2026");
    expect(report.rows[0].result).toBeNull();
    expect(report.rows[0].skipped.map((s) => s.cell)).toEqual(["C7", "D7"]);
  });
});

describe("columns that are not the figure", () => {
  test("plan, same period last year, a note and a typed Tỷ lệ (%): set aside or checked, never the figure", () => {
    const { rows } = parse([
      ...HEADER_FIELDS,
      ["STT", "Mã chỉ tiêu", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", "Cùng kỳ năm trước", "Thực hiện", "Tử số", "Mẫu số", "Tỷ lệ (%)", "Ghi chú"],
      [1, "CT03", NAME.CT03, "người", 900, 250, null, 320, 800, 40, "ước"],
      [2, "MH09", NAME.MH09, "buổi", 50, 2, 4, null, null, null, null],
    ]);
    const ratio = byIndicator(rows, "CT03");
    expect([ratio.numerator?.value, ratio.denominator?.value, ratio.rates]).toEqual([num(320), num(800), [at(num(40), "J6")]]);
    expect(ratio.skipped.map((s) => s.reason)).toEqual(["cột kế hoạch", "cột cùng kỳ năm trước"]);
    expect(ratio.note).toBe("ước");
    expect(byIndicator(rows, "MH09").result).toEqual(at(num(4), "G7"));
  });

  test("a figure under a header nobody knows, or none, is a stray for validation to name", () => {
    const { rows } = parse([["Mã", "Chỉ tiêu", "Kết quả", "Số hộ", null], ["MH09", NAME.MH09, 4, 12, 7]]);
    expect(rows[0].stray.map((s) => [s.cell, s.column])).toEqual([
      ["D2", "Số hộ"],
      ["E2", ""],
    ]);
  });

  test("section and total rows with figures are not indicators; other unknown rows keep their figures as strays", () => {
    const { rows } = parse([
      ["STT", "Chỉ tiêu", "Kết quả"],
      ["I", "CHỈ TIÊU CHÍNH", 10],
      [null, "II. Mô hình cộng đồng", 12],
      [1, NAME.MH09, 4],
      [null, "Tổng cộng", 30],
      [null, "Cộng", 30],
      [null, "Trong đó: nữ", 2],
    ]);
    expect(rows.map((r) => [r.row, r.indicator, r.stray.map((s) => s.cell)])).toEqual([
      [4, "MH09", []],
      [7, null, ["C7"]],
    ]);
  });
});

describe("administrative documents (Nghị định 30/2020)", () => {
  const adminTop: CellValue[][] = [
    ["UBND XÃ TÂN LẬP", null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["PHÒNG VĂN HÓA - XÃ HỘI", null, null, "Độc lập - Tự do - Hạnh phúc"],
    ["Số: 27/BC-VHXH", null, null, "Tân Lập, ngày 15 tháng 4 năm 2026"],
    ["BÁO CÁO KẾT QUẢ THỰC HIỆN PHONG TRÀO BÌNH DÂN HỌC VỤ SỐ THÁNG 04/2026"],
    ["(Số liệu tính từ 15/3 đến 14/4/2026)"],
    ["Căn cứ Kế hoạch số 12/KH-UBND ngày 10 tháng 1 năm 2026 của UBND xã"],
    [],
  ];
  const table: CellValue[][] = [["Mã", "Chỉ tiêu", "Kết quả"], ["MH09", NAME.MH09, 4]];

  test("the unit from the issuing block, the period from the title, the date from the place-and-date line", () => {
    const report = parse([...adminTop, ...table]);
    expect(report.unitName).toBeNull();
    expect(report.issuer).toEqual([at("UBND XÃ TÂN LẬP", "A1"), at("PHÒNG VĂN HÓA - XÃ HỘI", "A2")]);
    expect(report.periodText?.cell).toBe("A4");
    expect(report.periodText?.value).toContain("THÁNG 04/2026");
    expect(report.reportDate).toEqual(at("Tân Lập, ngày 15 tháng 4 năm 2026", "D3"));
  });

  test("the place-and-date line above the signature, below the table", () => {
    const top = adminTop.filter((r) => !String(r[3] ?? "").startsWith("Tân Lập"));
    const report = parse([...top.map((r) => r.slice(0, 3)), ...table, [], [null, null, "Tân Lập, ngày 16 tháng 4 năm 2026"], [null, null, "TM. ỦY BAN NHÂN DÂN"]]);
    expect(report.reportDate?.value).toBe("Tân Lập, ngày 16 tháng 4 năm 2026");
    expect(report.rows.map((r) => r.indicator)).toEqual(["MH09"]);
  });

  test.each([
    ["BÁO CÁO KẾT QUẢ THÁNG 2 VÀ PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 3 NĂM 2026", "2026-02"],
    ["BÁO CÁO KẾT QUẢ QUÝ I VÀ PHƯƠNG HƯỚNG NHIỆM VỤ QUÝ II NĂM 2026", "2026-Q1"],
    ["BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM VÀ PHƯƠNG HƯỚNG NHIỆM VỤ 6 THÁNG CUỐI NĂM 2026", "2026-H1"],
    ["Báo cáo kết quả tháng 12 và kế hoạch tháng 1 năm 2027", "2026-12"],
    ["BÁO CÁO KẾT QUẢ QUÝ IV NĂM 2026, NHIỆM VỤ TRỌNG TÂM QUÝ I NĂM 2027", "2026-Q4"],
    ["BÁO CÁO TỔNG KẾT NĂM 2026 VÀ PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2027", "2026"],
    // The plan reported on, not the next period's: the title is read whole.
    ["BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH THÁNG 3/2026", "2026-03"],
  ])("a title with the next period's plan names the report's period first: %s", (title, key) => {
    const report = parse([[title], ["Đơn vị: Công an xã"], ...table]);
    expect(parsePeriodText(report.periodText!.value)).toBe(key);
    expect(report.periodText!.cell).toBe("A1");
  });

  test("“ĐƠN VỊ BÁO CÁO:”, and the period as “QUÝ I NĂM 2026” under the title", () => {
    const report = parse([["ĐƠN VỊ BÁO CÁO: TRƯỜNG THCS HÒA BÌNH"], ["BÁO CÁO KẾT QUẢ"], ["QUÝ I NĂM 2026"], ...table]);
    expect(report.unitName?.value).toBe("TRƯỜNG THCS HÒA BÌNH");
    expect(report.periodText).toEqual(at("QUÝ I NĂM 2026", "A3"));
    expect(report.issuer).toEqual([]);
  });

  test("the document number, the motto and a data-window note are never the unit, the period or the date", () => {
    const report = parse([["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], ["Độc lập - Tự do - Hạnh phúc"], ["Số: 04/2026/BC"], ["(Số liệu tính từ ngày 15/3/2026 đến ngày 14/4/2026)"], ...table]);
    expect([report.unitName, report.periodText, report.reportDate, report.issuer]).toEqual([null, null, null, []]);
  });
});

test("a document's rows are named by their place, every cell reference included", () => {
  const s: Sheet = { ...sheet([...HEADER_FIELDS, ["Mã", "Chỉ tiêu", "Kết quả", "Số hộ"], ["MH09", NAME.MH09, 4, 7]]), rowPlaces: [null, null, null, null, "Bảng 2, dòng 1", "Bảng 2, dòng 2"] };
  const report = parseReport(book(s), "bc.docx", catalogue);
  expect(report.unitName?.cell).toBe("A1");
  expect(report.rows[0].result?.cell).toBe("Bảng 2, dòng 2, cột C");
  expect(report.rows[0].stray[0].cell).toBe("Bảng 2, dòng 2, cột D");
});

test("a code typed with Cyrillic look-alike letters is read as Latin, with a warning naming them", () => {
  const { rows, findings } = parse([["Mã", "Chỉ tiêu", "Kết quả"], ["МН09", "Buổi học", 4]]);
  expect(rows[0].indicator).toBe("MH09");
  expect(findings).toMatchObject([{ code: "LOOKALIKE_CHARACTERS", severity: "warning", cell: "A2" }]);
  expect(findings[0].message).toContain("“М” (chữ Kirin, U+041C) đọc là “M”");
});

describe("a row whose code and name name different indicators", () => {
  test("a code of one and a name of another: matched to neither, its figures kept as strays, both indicators and cells recorded", () => {
    const { rows } = parse([...HEADER_FIELDS, ["Mã", "Chỉ tiêu", "Kết quả", "Kế hoạch"], ["MH05", NAME.MH06, 12, 40]]);
    expect(rows[0]).toMatchObject({ indicator: null, result: null, mismatch: { code: at("MH05", "A6"), name: at(NAME.MH06, "B6"), byCode: "MH05", byName: "MH06" } });
    expect(rows[0].stray.map((s) => s.cell)).toEqual(["C6", "D6"]);
  });

  test("a conflicting row with no figure is still reported, so the unit fixes its template", () => {
    const { rows } = parse([...HEADER_FIELDS, ["Mã", "Chỉ tiêu", "Kết quả"], ["MH05", NAME.MH06, null], ["MH09", NAME.MH09, 3]]);
    expect(rows.map((r) => [r.row, r.indicator, r.mismatch?.byCode])).toEqual([
      [6, null, "MH05"],
      [7, "MH09", undefined],
    ]);
  });

  test("an unknown code with a known name: taken by the name, the code recorded as naming nothing", () => {
    const { rows } = parse([...HEADER_FIELDS, ["Mã", "Chỉ tiêu", "Kết quả"], ["MH55", NAME.MH09.normalize("NFD"), 4]]);
    expect(rows[0]).toMatchObject({ indicator: "MH09", result: at(num(4), "C6"), mismatch: { byCode: null, byName: "MH09", code: at("MH55", "A6") } });
  });

  test("a row number in the code column, a shortened name beside a known code: no mismatch", () => {
    const { rows } = parse([...HEADER_FIELDS, ["Mã số", "Chỉ tiêu", "Kết quả"], ["01", NAME.MH09, 4], ["MH01", "Đại sứ số", 2], ["a)", NAME.MH16, 5]]);
    expect(rows.map((r) => [r.indicator, r.mismatch])).toEqual([
      ["MH09", null],
      ["MH01", null],
      ["MH16", null],
    ]);
  });
});
