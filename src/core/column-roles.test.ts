import { parsePeriodKey } from "./periods";
import { columnMeaning, headerLabel, isOwnPeriod, periodMention } from "./column-roles";

const meaning = (...labels: string[]) => columnMeaning(labels.map((l) => headerLabel(l)!));
const own = (key: string) => parsePeriodKey(key)!;

describe("what a header says", () => {
  test.each([
    ["Kết quả", "value"],
    ["Kết quả thực hiện", "value"],
    ["Thực hiện", "value"],
    ["Số liệu", "value"],
    ["Số lượng", "value"],
    ["Tử số / Kết quả", "value"],
    ["Số lượng / Tử số", "value"],
    ["Tử số (1)", "numerator"],
    ["Mẫu số", "denominator"],
    ["Tổng số", "total"],
    ["Tỷ lệ (%)", "rate"],
    ["%", "rate"],
    ["Lũy kế từ đầu năm", "cumulative"],
    ["Lưu kế", "cumulative"],
    ["Kế hoạch năm 2026", "plan"],
    ["Chỉ tiêu giao", "plan"],
    ["Cùng kỳ năm trước", "lastYear"],
    ["% so với kế hoạch", "compare"],
    ["Mã chỉ tiêu", "code"],
    ["Nội dung", "name"],
    ["ĐVT", "uom"],
    ["Ghi chú", "note"],
    ["STT", "number"],
  ])("%s is %s", (text, role) => {
    expect(headerLabel(text)?.role).toBe(role);
  });

  test("whole words only: “cộng đồng” is no “cộng dồn”, an indicator's name is no header", () => {
    expect(headerLabel("Buổi học cộng đồng đã tổ chức")?.role).toBeNull();
    expect(headerLabel("Số liệu cộng dồn")?.role).toBe("cumulative");
    expect(headerLabel("Tân Lập, ngày 15 tháng 4 năm 2026")).toBeNull();
  });

  test("periods a header names, with or without the year", () => {
    expect(periodMention("thang 3/2026")).toEqual({ kind: "month", index: 3, year: 2026 });
    expect(periodMention("thang 03 nam 2026")).toEqual({ kind: "month", index: 3, year: 2026 });
    expect(periodMention("t4")).toEqual({ kind: "month", index: 4, year: null });
    expect(periodMention("quy ii")).toEqual({ kind: "quarter", index: 2, year: null });
    expect(periodMention("6 thang dau nam 2026")).toEqual({ kind: "half", index: 1, year: 2026 });
    expect(periodMention("ky nay")).toEqual({ kind: "own" });
    expect(periodMention("thang truoc")).toEqual({ kind: "previous" });
    expect(periodMention("ca quy")).toEqual({ kind: "quarter", index: 0, year: null });
  });

  test("the report's own period: the year left out is the report's", () => {
    expect(isOwnPeriod(periodMention("thang 4")!, own("2026-04"))).toBe(true);
    expect(isOwnPeriod(periodMention("thang 4/2025")!, own("2026-04"))).toBe(false);
    expect(isOwnPeriod(periodMention("thang 3")!, own("2026-04"))).toBe(false);
    expect(isOwnPeriod(periodMention("ca quy")!, own("2026-Q1"))).toBe(true);
    // "Quý I | Quý II | Cả 6 tháng": the whole half-year beside its quarters.
    expect(isOwnPeriod(periodMention("ca 6 thang")!, own("2026-H2"))).toBe(true);
    expect(isOwnPeriod(periodMention("ca sau thang")!, own("2026-Q2"))).toBe(false);
    expect(isOwnPeriod(periodMention("quy i")!, own("2026-03"))).toBe(false);
    // "Năm nay | Năm trước": this year is a year report's own column, another period's in a month's.
    expect(isOwnPeriod(periodMention("nam nay")!, own("2026"))).toBe(true);
    expect(isOwnPeriod(periodMention("nam nay")!, own("2026-04"))).toBe(false);
    expect(headerLabel("Năm trước")?.role).toBe("lastYear");
  });
});

describe("a column from its path of labels", () => {
  test("the lowest label naming a figure decides; a group gives its period", () => {
    expect(meaning("Kết quả thực hiện", "Tháng 3/2026", "Tử số")).toEqual({ role: "numerator", cumulative: false, period: { kind: "month", index: 3, year: 2026 } });
    expect(meaning("Kết quả thực hiện", "Tháng 4")).toEqual({ role: "value", cumulative: false, period: { kind: "month", index: 4, year: null } });
    expect(meaning("Kết quả", "Số lượng")).toMatchObject({ role: "value", period: null });
  });

  test("under “Lũy kế” a figure is cumulative; its own dates are not a period", () => {
    expect(meaning("Lũy kế từ đầu năm 2026")).toEqual({ role: "value", cumulative: true, period: null });
    expect(meaning("Lũy kế", "Tử số")).toEqual({ role: "numerator", cumulative: true, period: null });
  });

  test("plans and last year own everything under them; identity headers merge down", () => {
    expect(meaning("Kế hoạch", "Số lượng").role).toBe("plan");
    expect(meaning("Cùng kỳ năm trước", "Tử số").role).toBe("lastYear");
    expect(meaning("Chỉ tiêu", "").role).toBe("name");
  });

  test("a sub-header nobody knows leaves the column unknown, “Tổng số” under a value is the value", () => {
    expect(meaning("Kết quả", "Nam").role).toBe("unknown");
    expect(meaning("Kết quả", "Tổng số").role).toBe("value");
  });
});
