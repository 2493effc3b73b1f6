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

describe("which version of a unit's report is newer", () => {
  const version = (name: string, date: string, mh16: number, modifiedAt: Date | null = null): IncomingFile => ({
    ...incoming({ unit: "Công an xã", period: "Tháng 3/2026", date, values: { CT04: { n: 120, d: 1000 }, CT06: { n: 800, d: 900 }, MH16: mh16 } }, name),
    modifiedAt,
  });

  test("the later declared date wins whatever the order; the older is superseded, not received, and the log says so", () => {
    const older = version("CA 12-3.xlsx", "12/03/2026", 40, new Date("2026-03-20T02:00:00Z"));
    const newer = version("CA 16-3.xlsx", "16/03/2026", 45, new Date("2026-03-16T02:00:00Z"));
    for (const order of [[older, newer], [newer, older]]) {
      const { book, files } = importFiles(fresh(), order, { now: NOW });
      expect(files.find((f) => f.file === "CA 12-3.xlsx")).toMatchObject({ status: "superseded", findings: expect.arrayContaining([expect.objectContaining({ code: "SUPERSEDED" })]) });
      expect(files.find((f) => f.file === "CA 16-3.xlsx")?.status).toBe(order[0] === older ? "replaced" : "imported");
      expect(book.data.find((f) => f.unit === "CA" && f.indicator === "MH16")?.value).toBe(45);
      expect(book.submissions.filter((s) => s.unit === "CA").map((s) => s.file)).toEqual(["CA 16-3.xlsx"]);
      expect(book.log.filter((l) => l.file === "CA 12-3.xlsx").map((l) => l.status)).toEqual(["superseded"]);
    }
  });

  test("the same declared date: the file modified later wins, then the later import, never the hash", () => {
    const morning = version("CA sang.xlsx", "16/03/2026", 45, new Date("2026-03-16T02:00:00Z"));
    const evening = version("CA chieu.xlsx", "16/03/2026", 47, new Date("2026-03-16T10:00:00Z"));
    expect(importFiles(fresh(), [evening, morning], { now: NOW }).files.map((f) => f.status)).toEqual(["imported", "superseded"]);
    // Imported on two days, nothing else to tell them apart: the later import wins.
    const first = importFiles(fresh(), [version("CA a.xlsx", "16/03/2026", 45)], { now: NOW }).book;
    const second = importFiles(first, [version("CA b.xlsx", "16/03/2026", 47)], { now: new Date("2026-03-26T03:00:00Z") });
    expect(second.files[0].status).toBe("replaced");
    expect(second.book.log.map((l) => [l.file, l.status])).toEqual([["CA a.xlsx", "imported"], ["CA a.xlsx", "superseded"], ["CA b.xlsx", "replaced"]]);
    // Whatever their hashes, two versions nothing tells apart in one batch: the later one, with a warning.
    for (const [ha, hb] of [["0", "f"], ["f", "0"]]) {
      const a = { ...version("CA a.xlsx", "16/03/2026", 45), hash: ha };
      const b = { ...version("CA b.xlsx", "16/03/2026", 47), hash: hb };
      const { book, files } = importFiles(fresh(), [a, b], { now: NOW });
      expect(files.map((f) => f.status)).toEqual(["superseded", "replaced"]);
      expect(files[1].findings.map((f) => f.code)).toContain("VERSIONS_UNORDERED");
      expect(book.data.find((f) => f.indicator === "MH16")?.value).toBe(47);
    }
  });

  test("a file modified time in the future is not the received instant", () => {
    const { files } = importFiles(fresh(), [version("CA.xlsx", "", 45, new Date("2026-05-01T02:00:00Z"))], { now: NOW });
    expect(files[0]).toMatchObject({ receivedSource: "import", receivedAt: NOW.toISOString() });
    expect(files[0].findings.find((f) => f.code === "FILE_MODIFIED_FUTURE")?.message).toContain("01/05/2026");
  });
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
    // The same declared day: the file modified later is the newer version.
    { ...incoming({ unit: "Phòng Văn hóa - Xã hội", period: "Tháng 3/2026", date: "10/03/2026", values: { MH09: 4, TT01: 3, CT01: { n: 20, d: 25 } } }), modifiedAt: new Date("2026-03-10T02:00:00Z") },
    { ...incoming({ unit: "Phòng Văn hóa - Xã hội", period: "Tháng 3/2026", date: "10/03/2026", values: { MH09: 5, TT01: 3, CT01: { n: 20, d: 25 } } }, "VH same day.xlsx"), modifiedAt: new Date("2026-03-10T08:00:00Z") },
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
