// The .xls (Excel 97-2003, BIFF8) reader: every way a cell can be stored reads as the value it holds, the
// compound file is walked as written (mini stream, DIFAT), and what it does not read natively is refused
// with the reason.
import fc from "fast-check";
import type { CellValue } from "../src/core/types";
import { readXls } from "../src/io/xls";
import { WorkbookReadError } from "../src/io/xlsx";
import { biff5File, biffWorkbook, compoundFile, xlsFile, type XlsSheet } from "./helpers/xls";

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

function refusal(read: () => unknown): WorkbookReadError {
  try {
    read();
  } catch (e) {
    if (e instanceof WorkbookReadError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

/** The grid as a reader gives it: ragged rows, nulls only between values. */
function trimmed(rows: CellValue[][]): CellValue[][] {
  const out = rows.map((row) => {
    const copy = row.map((v) => (v === "" ? null : v));
    while (copy.length && copy[copy.length - 1] === null) copy.pop();
    return copy;
  });
  while (out.length && out[out.length - 1].length === 0) out.pop();
  return out;
}

const REPORT: XlsSheet = {
  name: "Báo cáo",
  rows: [
    ["UBND XÃ HÒA BÌNH", null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["Đơn vị: Công an xã Hòa Bình"],
    ["Ngày báo cáo:", day(2026, 3, 13)],
    ["STT", "Mã chỉ tiêu", "Chỉ tiêu", "Kết quả", "Tử số", "Mẫu số"],
    [1, "CT04", "Người dân trưởng thành…", null, 2228, 4777],
    [2, "MH16", "Người hoàn thành khóa học", 573.5, null, null],
    [3, "MH01", "Đại sứ số", -12, true, false],
    [4, "MH09", "Buổi học", "#DIV/0!", "#N/A", "#REF!"],
  ],
  merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
};

describe("readXls", () => {
  test("reads strings, numbers, dates, booleans, errors and merges however they are stored", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const wb = readXls(xlsFile([REPORT, { name: "Ẩn", hidden: true, rows: [["x"]] }], { seed, sstChunk: 40 + seed * 7 }));
      expect(wb.sheets.map((s) => [s.name, s.hidden])).toEqual([
        ["Báo cáo", false],
        ["Ẩn", true],
      ]);
      expect(wb.sheets[0].rows).toEqual(trimmed(REPORT.rows));
      expect(wb.sheets[0].merges).toEqual(REPORT.merges);
    }
  });

  test("the 1904 date system, the last-saved time, very hidden sheets", () => {
    const saved = new Date("2026-03-13T02:15:30.123Z");
    const wb = readXls(xlsFile([{ name: "A", rows: [[day(2026, 3, 20)]] }, { name: "Macro", hidden: "very", rows: [] }], { date1904: true, saved }));
    expect(wb.sheets[0].rows[0][0]).toEqual(day(2026, 3, 20));
    expect(wb.sheets[1].hidden).toBe(true);
    expect(wb.modifiedAt).toEqual(saved);
  });

  test("a long shared string cut across many CONTINUE records, storage switching between them", () => {
    const long = "Người dân trưởng thành được xác nhận đạt phổ cập kỹ năng số ".repeat(400) + "ABC ascii tail";
    const ascii = "x".repeat(9000);
    for (const seed of [3, 4, 5]) {
      const wb = readXls(xlsFile([{ name: "S", rows: [[long], [ascii], ["Đơn vị"]] }], { seed }));
      expect(wb.sheets[0].rows.map((r) => (r[0] as string).length)).toEqual([long.length, ascii.length, 6]);
      expect(wb.sheets[0].rows.map((r) => r[0])).toEqual([long, ascii, "Đơn vị"]);
    }
  });

  test("a workbook stream under 4,096 bytes lives in the mini stream; one over 109 FAT sectors needs the DIFAT", () => {
    const small = biffWorkbook([{ name: "S", rows: [["nhỏ", 1]] }]);
    expect(small.length).toBeLessThan(4096);
    expect(readXls(compoundFile([{ name: "Workbook", data: small }]).bytes).sheets[0].rows).toEqual([["nhỏ", 1]]);
    const big = compoundFile([{ name: "Workbook", data: small }], { padFatTo: 120 });
    expect(readXls(big.bytes).sheets[0].rows).toEqual([["nhỏ", 1]]);
  });

  test("text in a declared ANSI code page (Vietnamese Windows, 1258) is decoded with it", () => {
    // "Đơn vị" in windows-1258: Đ=D0, ơ=F5, n, space, v, i and a combining dot below (F2), one byte each.
    const typed = "Đơn vi\u0323";
    const cp1258 = new Map([[typed, [0xd0, 0xf5, 0x6e, 0x20, 0x76, 0x69, 0xf2]]]);
    const wb = readXls(xlsFile([{ name: "S", rows: [[typed]] }], { codePage: 1258, compress: (t) => (cp1258.has(t) ? Uint8Array.from(cp1258.get(t)!) : null), seed: 2 }));
    expect((wb.sheets[0].rows[0][0] as string).normalize("NFC")).toBe("Đơn vị");
  });

  test("encrypted and Excel 5.0/95 workbooks are refused with what to do", () => {
    const encrypted = refusal(() => readXls(xlsFile([REPORT], { encrypted: true })));
    expect(encrypted.code).toBe("FILE_ENCRYPTED");
    expect(encrypted.message).toMatch(/mật khẩu/);
    const old = refusal(() => readXls(biff5File([["Don vi:", "Cong an xa"]])));
    expect(old.code).toBe("FILE_FORMAT");
    expect(old.message).toMatch(/Excel 5\.0\/95/);
  });

  test("property: any grid of values reads back as written, whatever the storage chosen", () => {
    const text = fc.string({ unit: fc.constantFrom(..."aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẠẢÃàáạảãỹ 0123456789.,-%"), minLength: 1, maxLength: 30 });
    const value: fc.Arbitrary<CellValue> = fc.oneof(
      text,
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
      fc.integer({ min: 0, max: 99_999 }).map((n) => n / 100),
      fc.boolean(),
      fc.integer({ min: 1, max: 60_000 }).map((d) => new Date(Date.UTC(1901, 0, 1) + d * 86_400_000)),
      fc.constant(null),
    );
    const grid = fc.array(fc.array(value, { maxLength: 8 }), { maxLength: 12 });
    fc.assert(
      fc.property(grid, fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 12, max: 300 }), (rows, seed, sstChunk) => {
        const wb = readXls(xlsFile([{ name: "S", rows }], { seed, sstChunk }));
        expect(wb.sheets[0].rows).toEqual(trimmed(rows).map((r) => r.map((v) => (Object.is(v, -0) ? 0 : v))));
      }),
      { numRuns: 150 },
    );
  });
});
