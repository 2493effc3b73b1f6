// Reading stored sheets a clerk has retyped: what is understood, and what is said about what is not.
import { readMasterBook, readUnits } from "./master-read";
import { newMasterBook, SHEETS } from "./master-sheets";
import { inputSheetSpecs, submissionsSheetSpec } from "./master-write";
import { importSheets } from "./outputs";
import type { CellValue, Finding, SheetSpec } from "./types";

const asGrid = (spec: SheetSpec): CellValue[][] => spec.values.map((r) => r.map((v) => (v === "" ? null : v)));
const messages = (problems: Finding[]) => problems.map((p) => p.message);

/** The grids of a new book's every stored sheet. */
function bookGrids(): Record<string, CellValue[][]> {
  const book = newMasterBook({ year: 2026 });
  return Object.fromEntries([...inputSheetSpecs(book), ...importSheets(book)].map((s) => [s.name, asGrid(s)]));
}

describe("units", () => {
  const header = ["Mã đơn vị", "Tên đơn vị", "Loại", "Tần suất"];

  test("a row without code or name, a repeated code and an unknown frequency are each reported; the rest is read", () => {
    const problems: Finding[] = [];
    const units = readUnits(
      [["DANH SÁCH ĐƠN VỊ"], header, ["CA", "Công an xã", "Công an", "Quý"], [null, "Không mã", null, null], ["CA", "Công an xã (lặp)", null, null], ["T1", "Thôn 1", null, "hai tuần"]],
      problems,
      "don-vi.xlsx",
    );
    expect(units.map((u) => [u.code, u.frequency])).toEqual([
      ["CA", "quarter"],
      ["T1", "month"],
    ]);
    expect(messages(problems)).toEqual([
      'Dòng 4 của "don-vi.xlsx" thiếu mã hoặc tên đơn vị: bỏ qua.',
      'Mã đơn vị "CA" bị trùng (dòng 5): chỉ dùng dòng đầu.',
      'Tần suất "hai tuần" của T1 không rõ (tháng, quý, 6 tháng, năm): coi là tháng.',
    ]);
    expect(problems.map((p) => p.cell)).toEqual(["A4", "A5", "D6"]);
  });

  test("a grid without the header row says which header it looks for", () => {
    const problems: Finding[] = [];
    expect(readUnits([["CA", "Công an xã"]], problems, "don-vi.csv")).toEqual([]);
    expect(messages(problems)).toEqual(['Không thấy dòng tiêu đề "Mã đơn vị, Tên đơn vị, Loại, Đơn vị cấp trên, Tần suất" trong "don-vi.csv".']);
  });

  test("codes typed as text keep their leading zeros; NFD names read composed", () => {
    const problems: Finding[] = [];
    const [u] = readUnits([header, ["0123", "Tho\u0302n 1 ", null, null]], problems, SHEETS.units);
    expect([u.code, u.name]).toEqual(["0123", "Thôn 1"]);
  });
});

describe("the clerk's sheets", () => {
  test("each missing sheet is named, and the new book's default is kept", () => {
    const { book, problems } = readMasterBook({});
    expect(book.catalogue).toEqual(newMasterBook().catalogue);
    expect(messages(problems)).toEqual([
      ...[SHEETS.settings, SHEETS.deadlines, SHEETS.units, SHEETS.catalogue, SHEETS.targets, SHEETS.unitTypes].map(
        (s) => `Sổ tổng hợp thiếu trang "${s}" (hoặc trang đã bị đổi tên/sửa tiêu đề cột): dùng giá trị mặc định.`,
      ),
      `Sổ tổng hợp không có trang "${SHEETS.data}": chưa đọc được số liệu đã nhập. Nếu trang đã bị đổi tên, hãy đổi lại đúng tên "${SHEETS.data}" trước khi nhập hoặc tổng hợp tiếp.`,
    ]);
  });

  test("a setting that is not a number is reported and keeps its default; a blank one keeps its default", () => {
    const grids = bookGrids();
    const settings = grids[SHEETS.settings];
    settings.find((r) => r[0] === "Hạn nộp (ngày trong tháng)")![1] = "hai mươi";
    settings.find((r) => r[0] === "Năm")![1] = null;
    settings.find((r) => r[0] === "Tính cả ngày hạn")![1] = "có";
    const { book, problems } = readMasterBook(grids);
    expect(book.settings).toMatchObject({ deadlineDay: 20, year: 2026, deadlineInclusive: true });
    expect(messages(problems)).toContain('"Hạn nộp (ngày trong tháng)" phải là số (đang ghi "hai mươi").');
  });

  test("targets typed by hand: 80 in a \"%\" row is 80%, \"85%\" is a percentage whatever the row says, \">\" is strict", () => {
    const grids = bookGrids();
    grids[SHEETS.targets] = [
      ["Mã chỉ tiêu", "Năm", "So sánh", "Giá trị", "Dạng"],
      ["CT01", 2026, "≥", 80, "%"],
      ["CT03", "2026", ">=", "85%", "số"],
      ["CT04", 2026, ">", "4.500", null],
      ["CT05", null, "≥", 1, "%"],
    ];
    const { book, problems } = readMasterBook(grids);
    expect(book.targets).toEqual([
      { indicator: "CT01", year: 2026, op: ">=", value: 0.8, isPercent: true },
      { indicator: "CT03", year: 2026, op: ">=", value: 0.85, isPercent: true },
      { indicator: "CT04", year: 2026, op: ">", value: 4500, isPercent: false },
    ]);
    expect(messages(problems)).toEqual(["Dòng 5: chỉ tiêu kế hoạch thiếu mã, năm hoặc giá trị: bỏ qua."]);
  });

  test("deadlines: an exception for every unit, an ad-hoc period named by its key, a row without due day reported", () => {
    const grids = bookGrids();
    grids[SHEETS.deadlines] = [
      ["Loại", "Kỳ báo cáo", "Tên kỳ", "Từ ngày", "Đến ngày", "Hạn nộp (trước ngày)", "Mã đơn vị"],
      ["Ngoại lệ", "2026-03", null, null, null, "25/03/2026", null],
      ["Kỳ đột xuất", "2026-CD", null, "2026-04-01", "2026-04-30", new Date(Date.UTC(2026, 3, 25)), null],
      ["Ngoại lệ", "2026-04", null, null, null, null, "CA"],
    ];
    const { book, problems } = readMasterBook(grids);
    expect(book.settings.exceptions).toEqual([{ period: "2026-03", unit: "", dueDay: "2026-03-25" }]);
    expect(book.settings.adhocPeriods).toEqual([{ key: "2026-CD", name: "2026-CD", start: "2026-04-01", end: "2026-04-30", dueDay: "2026-04-25" }]);
    expect(messages(problems)).toEqual(["Dòng 4 thiếu kỳ báo cáo hoặc hạn nộp: bỏ qua dòng này."]);
  });

  test("a unit type without its type is reported rather than dropped", () => {
    const grids = bookGrids();
    grids[SHEETS.unitTypes] = [["Loại đơn vị", "Chỉ tiêu phải báo cáo"], ["Trường học", "ct02; MH01"], [null, "CT01"]];
    const { book, problems } = readMasterBook(grids);
    expect(book.unitTypes).toEqual([{ type: "Trường học", indicators: ["CT02", "MH01"] }]);
    expect(messages(problems)).toEqual(["Dòng 3: thiếu loại đơn vị: bỏ qua dòng này."]);
  });
});

describe("the product's sheets", () => {
  const sub = {
    period: "2026-03",
    unit: "CA",
    file: "ca.xlsx",
    hash: "h",
    receivedAt: "2026-03-15T03:00:00.000Z",
    receivedSource: "declared" as const,
    manualReceived: "",
    declaredDate: "2026-03-15",
    fileModified: "",
    importedAt: "2026-03-25T02:00:00.000Z",
    errors: 0,
    warnings: 1,
  };

  function withManual(...cells: CellValue[]) {
    const grid = asGrid(submissionsSheetSpec(cells.map(() => sub)));
    const column = grid[0].indexOf("Ngày nhận (nhập tay)");
    cells.forEach((c, i) => (grid[i + 1][column] = c));
    return readMasterBook({ ...bookGrids(), [SHEETS.submissions]: grid });
  }

  test("the clerk's received date, typed as a day, a day and time, a date cell with or without time", () => {
    const { book, problems } = withManual("20/03/2026", "20/03/2026 14:05", new Date(Date.UTC(2026, 2, 19)), new Date(Date.UTC(2026, 2, 19, 8, 30)));
    expect(book.submissions.map((s) => s.manualReceived)).toEqual(["2026-03-20", "2026-03-20T07:05:00.000Z", "2026-03-19", "2026-03-19T01:30:00.000Z"]);
    expect(problems).toEqual([]);
  });

  test("a received date that is not a date is reported at its cell, and the other dates decide", () => {
    const { book, problems } = withManual("hôm qua");
    expect(book.submissions[0].manualReceived).toBe("");
    expect(messages(problems)).toEqual([
      'Dòng 2 của trang "Nộp báo cáo": ô D2 (cột "Ngày nhận (nhập tay)") phải là một ngày (ngày/tháng/năm, có thể kèm giờ:phút), đang ghi "hôm qua": coi như để trống.',
    ]);
  });

  test("a submission row without its period is reported, not dropped silently", () => {
    const grid = asGrid(submissionsSheetSpec([sub, sub]));
    grid[2][0] = null;
    const { book, problems } = readMasterBook({ ...bookGrids(), [SHEETS.submissions]: grid });
    expect(book.submissions).toHaveLength(1);
    expect(messages(problems)).toEqual(['Dòng 3 của trang "Nộp báo cáo" thiếu kỳ hoặc mã đơn vị: bỏ qua dòng này.']);
  });

  test("a figure retyped as words in the data sheet is reported at its cell", () => {
    const grids = bookGrids();
    grids[SHEETS.data] = [
      ["Kỳ", "Mã đơn vị", "Mã chỉ tiêu", "Giá trị"],
      ["2026-03", "CA", "MH16", "năm mươi"],
      ["2026-03", "CA", null, 3],
    ];
    grids[SHEETS.units] = [["Mã đơn vị", "Tên đơn vị"], ["CA", "Công an xã"]];
    const { book, problems } = readMasterBook(grids);
    expect(book.data.map((f) => [f.indicator, f.value])).toEqual([["MH16", null]]);
    expect(messages(problems)).toEqual([
      'Dòng 2 của trang "Dữ liệu": ô D2 (cột "Giá trị") phải là số, đang ghi "năm mươi": coi như để trống.',
      'Dòng 3 của trang "Dữ liệu" thiếu kỳ, mã đơn vị hoặc mã chỉ tiêu: bỏ qua dòng này.',
    ]);
  });
});
