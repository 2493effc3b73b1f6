// Reminders: who is chased, what each message says, and the combined message for the group chat.
import { importFiles } from "../src/core/import";
import { newMasterBook } from "../src/core/master-sheets";
import { groupReminder, reminderForUnit, unitsToRemind } from "../src/core/reminders";
import { consolidateBook } from "../src/core/period-consolidation";
import type { Unit } from "../src/core/types";
import { incoming, testUnit } from "./helpers/report-grid";

const AS_OF = new Date("2026-03-25T10:00:00Z"); // 25/03/2026, 17:00 in Vietnam
const units: Unit[] = [
  { ...testUnit("CA", "Công an xã", "Công an"), contact: "Đ/c Lan 0912 345 678" },
  { ...testUnit("T1", "Tổ công nghệ số cộng đồng thôn 1", "Tổ công nghệ số cộng đồng"), contact: "Anh Bình 0987 000 111" },
  testUnit("KT", "Phòng Kinh tế", "Phòng Kinh tế"),
  testUnit("VH", "Phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội"),
  testUnit("PN", "Hội Phụ nữ", "Đoàn thể", "quarter"),
];

function book() {
  const files = [
    // On time, clean: nobody chases it.
    incoming({ unit: "Phòng Văn hóa - Xã hội", period: "Tháng 3/2026", date: "10/03/2026", values: { CT01: { n: 20, d: 25 }, MH09: 1, MH10: 1, MH11: 1, MH12: 1, MH13: 1, MH14: 1, TT01: 1, TT02: 1, TT03: 1 } }),
    // Late by 3 days.
    incoming({ unit: "Phòng Kinh tế", period: "Tháng 3/2026", date: "22/03/2026", values: { CT05: { n: 10, d: 20 }, MH05: 1, MH06: 2 } }),
    // On time with errors to fix.
    incoming({ unit: "Tổ công nghệ số cộng đồng thôn 1", period: "Tháng 3/2026", date: "12/03/2026", values: { CT03: { n: 600, d: 500 }, MH01: 2, MH02: 12, MH03: 1, MH04: { n: 1, d: 2 }, MH07: 1, MH08: 3, MH09: "nhiều", MH10: 4 } }),
  ];
  return importFiles(newMasterBook({ bodyCode: "XHB", bodyName: "UBND xã Hòa Bình", year: 2026 }, units), files, { now: AS_OF }).book;
}

test("overdue units come first, then late ones, then reports with errors; clean and not-required units are left out", () => {
  const b = book();
  const reminders = unitsToRemind(b, consolidateBook(b, "2026-03", AS_OF));
  expect(reminders.map((r) => [r.unit, r.status, r.daysLate])).toEqual([
    ["CA", "overdue", 6],
    ["KT", "late", 3],
    ["T1", "on_time", 0],
  ]);
  expect(reminders[0]).toMatchObject({ contact: "Đ/c Lan 0912 345 678", deadline: "trước ngày 20/03/2026", missing: ["Tháng 3/2026"] });
  expect(reminders[2].findings.map((f) => f.code)).toEqual(["NUMERATOR_ABOVE_DENOMINATOR", "NOT_A_NUMBER"]);
});

test("an overdue unit is asked politely for the whole report, with the due date and the days overdue", () => {
  const b = book();
  const text = reminderForUnit(b, consolidateBook(b, "2026-03", AS_OF), "CA")!;
  expect(text).toContain("Kính gửi: Công an xã (liên hệ: Đ/c Lan 0912 345 678).");
  expect(text).toContain("Đến ngày 25/03/2026, UBND xã Hòa Bình chưa nhận được báo cáo");
  expect(text).toContain("Tháng 3/2026");
  expect(text).toContain("hạn nộp: trước ngày 20/03/2026; đã quá hạn 6 ngày");
  expect(text).toMatch(/Đề nghị đơn vị .* gửi báo cáo/);
});

test("a unit with errors is told each finding to fix; a late one is thanked and told how late", () => {
  const b = book();
  const c = consolidateBook(b, "2026-03", AS_OF);
  const team = reminderForUnit(b, c, "T1")!;
  expect(team).toContain("còn 2 lỗi cần sửa");
  expect(team).toContain("tử số 600 lớn hơn mẫu số 500");
  expect(team).toContain("\"nhiều\" không phải là số");
  expect(reminderForUnit(b, c, "KT")).toContain("trễ 3 ngày so với hạn nộp (trước ngày 20/03/2026)");
  expect(reminderForUnit(b, c, "VH")).toBeNull();
});

test("a quarter lists the months still missing, and the group message names everyone with contacts", () => {
  const b = book();
  const q = consolidateBook(b, "2026-Q1", AS_OF);
  const police = unitsToRemind(b, q).find((r) => r.unit === "CA")!;
  expect(police.missing).toEqual(["Tháng 1/2026", "Tháng 2/2026", "Tháng 3/2026"]);
  const group = groupReminder(b, consolidateBook(b, "2026-03", AS_OF));
  const lines = group.split("\n");
  expect(lines[1]).toContain("Tháng 3/2026, tính đến ngày 25/03/2026");
  expect(lines).toContain("Chưa nộp báo cáo (quá hạn):");
  expect(lines).toContain("1. Công an xã: quá hạn 6 ngày (hạn trước ngày 20/03/2026) – liên hệ: Đ/c Lan 0912 345 678");
  expect(lines).toContain("1. Phòng Kinh tế: trễ 3 ngày");
  expect(lines).toContain("1. Tổ công nghệ số cộng đồng thôn 1: 2 lỗi cần sửa – liên hệ: Anh Bình 0987 000 111");
});

test("nobody to chase gives no group message", () => {
  const b = book();
  expect(groupReminder(b, consolidateBook(b, "2026-03", new Date("2026-03-10T00:00:00Z")))).toBe("");
});
