import fc from "fast-check";
import { importFiles, IncomingFile } from "../src/core/import";
import { newMasterBook } from "../src/core/master-sheets";
import { consolidateBook } from "../src/core/period-consolidation";
import { incoming, testUnit } from "./helpers/report-grid";

const units = [
  testUnit("CA", "Công an xã", "Công an"),
  testUnit("T1", "Tổ công nghệ số cộng đồng thôn 1", "Tổ công nghệ số cộng đồng"),
  testUnit("VH", "Phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội"),
];
const fresh = () => newMasterBook({ bodyCode: "XHB", bodyName: "UBND xã Hòa Bình", year: 2026 }, units);
const NOW = new Date("2026-03-25T03:00:00Z");

const police = incoming({ unit: "Công an xã", period: "Tháng 3/2026", date: "15/03/2026", values: { CT04: { n: 120, d: 1000 }, CT06: { n: 800, d: 900 }, MH16: 50 } });
const team = incoming({ unit: "Tổ công nghệ số cộng đồng thôn 1", period: "Tháng 3/2026", date: "22/03/2026", values: { MH01: 2, MH02: 12, MH09: 3, MH10: 45, CT03: { n: 300, d: 500 } } });

test("imports reports, keeps the source of every figure and the received date", () => {
  const { book, files } = importFiles(fresh(), [police, team], { now: NOW });
  expect(files.map((f) => f.status)).toEqual(["imported", "imported"]);
  const mh16 = book.data.find((f) => f.unit === "CA" && f.indicator === "MH16")!;
  expect(mh16).toMatchObject({ period: "2026-03", value: 50, file: police.name, sheet: "Báo cáo", cell: "E11" });
  const sub = book.submissions.find((s) => s.unit === "T1")!;
  expect(sub.receivedSource).toBe("declared");
  expect(sub.declaredDate).toBe("2026-03-22");
  const c = consolidateBook(book, "2026-03", NOW);
  expect(c.units.find((u) => u.unit === "CA")).toMatchObject({ status: "on_time", daysLate: 0 });
  expect(c.units.find((u) => u.unit === "T1")).toMatchObject({ status: "late", daysLate: 3, label: "Trễ 3 ngày" });
  expect(c.units.find((u) => u.unit === "VH")).toMatchObject({ status: "overdue", daysLate: 6, label: "Quá hạn 6 ngày" });
});

test("the same file twice changes nothing", () => {
  const once = importFiles(fresh(), [police, team], { now: NOW }).book;
  const twice = importFiles(once, [police, team], { now: NOW });
  expect(twice.files.map((f) => f.status)).toEqual(["duplicate", "duplicate"]);
  expect(twice.book.data).toEqual(once.data);
  expect(twice.book.submissions).toEqual(once.submissions);
});

test("a newer version replaces the older one and the log says so", () => {
  const first = importFiles(fresh(), [police], { now: NOW }).book;
  const corrected = incoming({ unit: "Công an xã", period: "Tháng 3/2026", date: "18/03/2026", values: { CT04: { n: 130, d: 1000 }, CT06: { n: 800, d: 900 }, MH16: 50 } }, "CA T3 sua.xlsx");
  const { book, files } = importFiles(first, [corrected], { now: NOW });
  expect(files[0].status).toBe("replaced");
  expect(book.data.filter((f) => f.unit === "CA" && f.indicator === "CT04")).toHaveLength(1);
  expect(book.data.find((f) => f.unit === "CA" && f.indicator === "CT04")!.numerator).toBe(130);
  expect(book.log.at(-1)).toMatchObject({ status: "replaced", file: "CA T3 sua.xlsx" });
  expect(book.log.at(-1)!.message).toContain(police.name);
});

test("a broken file is refused with a message and costs nothing to the others", () => {
  const broken: IncomingFile = { name: "hong.xlsx", hash: "x", modifiedAt: null, workbook: null, readError: { code: "FILE_UNREADABLE", message: "Tệp hỏng." } };
  const unknown = incoming({ unit: "Tổ công nghệ số thôn 9", period: "Tháng 3/2026", values: { MH09: 1 } });
  const { book, files } = importFiles(fresh(), [broken, police, unknown], { now: NOW });
  expect(files.map((f) => f.status)).toEqual(["refused", "imported", "refused"]);
  expect(files[2].findings[0]).toMatchObject({ code: "UNKNOWN_UNIT", severity: "error", file: unknown.name });
  expect(book.data.filter((f) => f.unit === "CA")).toHaveLength(3);
});

test("a file for another period is set aside with a finding", () => {
  const feb = incoming({ unit: "Công an xã", period: "Tháng 2/2026", values: { MH16: 40 } });
  const { book, files } = importFiles(fresh(), [feb], { now: NOW, periodKey: "2026-03" });
  expect(files[0].status).toBe("period_mismatch");
  expect(book.data).toHaveLength(0);
  expect(book.findings.some((f) => f.code === "PERIOD_MISMATCH" && f.file === feb.name)).toBe(true);
});

test("property: import order and repetition never change the consolidation", () => {
  const versions = [
    police,
    team,
    incoming({ unit: "Công an xã", period: "Tháng 3/2026", date: "19/03/2026", values: { CT04: { n: 140, d: 1000 }, MH16: 55 } }, "CA v2.xlsx"),
    incoming({ unit: "Phòng Văn hóa - Xã hội", period: "Tháng 3/2026", date: "10/03/2026", values: { MH09: 4, TT01: 3, CT01: { n: 20, d: 25 } } }),
    incoming({ unit: "Phòng Văn hóa - Xã hội", period: "Tháng 3/2026", date: "10/03/2026", values: { MH09: 5, TT01: 3, CT01: { n: 20, d: 25 } } }, "VH same day.xlsx"),
  ];
  const reference = consolidateBook(importFiles(fresh(), versions, { now: NOW }).book, "2026-03", NOW);
  fc.assert(
    fc.property(fc.shuffledSubarray(versions, { minLength: versions.length, maxLength: versions.length }), fc.array(fc.nat(versions.length - 1), { maxLength: 4 }), (order, repeats) => {
      const files = [...order, ...repeats.map((i) => versions[i])];
      const c = consolidateBook(importFiles(fresh(), files, { now: NOW }).book, "2026-03", NOW);
      expect(c.indicators).toEqual(reference.indicators);
      expect(c.units).toEqual(reference.units);
    }),
    { numRuns: 60 },
  );
});
