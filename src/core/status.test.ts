import { STATUS_COLORS, STATUS_FONT_COLORS } from "./palette";
import { resolveReceived, statusLabel, unitStatus } from "./status";
import { testUnit } from "../../test/helpers/report-grid";
import { DEFAULT_SETTINGS } from "./master-sheets";
import type { Settings, Submission, Unit } from "./types";

const SETTINGS: Settings = DEFAULT_SETTINGS;

const UNIT: Unit = testUnit("THON1", "Tổ công nghệ số cộng đồng thôn 1", "to_cnscd");

/** A submission received (by import time) at a Vietnam wall-clock instant. */
const sub = (period: string, importedWall: string, over: Partial<Submission> = {}): Submission => ({
  period,
  unit: "THON1",
  file: `thon1-${period}.xlsx`,
  hash: period,
  receivedAt: "",
  receivedSource: "import",
  manualReceived: "",
  declaredDate: "",
  fileModified: "",
  importedAt: new Date(`${importedWall}+07:00`).toISOString(),
  errors: 0,
  warnings: 0,
  ...over,
});

const vn = (wall: string): Date => new Date(`${wall}+07:00`);

const statusOf = (periodKey: string, submissions: Submission[], asOfWall: string, unit: Unit = UNIT, settings = SETTINGS) =>
  unitStatus({ unit, periodKey, submissions, asOf: vn(asOfWall), settings });

describe("when a report counts as received", () => {
  const base = sub("2026-03", "2026-03-25T10:00", { fileModified: "2026-03-21T02:00:00Z" });

  test("the clerk's manual entry wins; a bare day is 00:00 Vietnam time", () => {
    expect(resolveReceived({ ...base, manualReceived: "2026-03-18", declaredDate: "2026-03-17" })).toEqual({
      at: "2026-03-17T17:00:00.000Z",
      source: "manual",
    });
    expect(resolveReceived({ ...base, manualReceived: "19/03/2026 14:05" })).toEqual({
      at: "2026-03-19T07:05:00.000Z",
      source: "manual",
    });
  });

  test("then the declared report date, as 00:00 of that day", () => {
    expect(resolveReceived({ ...base, declaredDate: "2026-03-19" })).toEqual({ at: "2026-03-18T17:00:00.000Z", source: "declared" });
  });

  test("a declared date after the import is ignored", () => {
    expect(resolveReceived({ ...base, declaredDate: "2026-03-26" })).toEqual({ at: "2026-03-21T02:00:00.000Z", source: "file" });
  });

  test("then the file's modified time, then the import time", () => {
    expect(resolveReceived(base)).toEqual({ at: "2026-03-21T02:00:00.000Z", source: "file" });
    expect(resolveReceived({ ...base, fileModified: "" })).toEqual({ at: "2026-03-25T03:00:00.000Z", source: "import" });
  });

  test("a file modified time in the future (the sender's clock) is not the received instant", () => {
    expect(resolveReceived({ ...base, fileModified: "2026-04-02T02:00:00Z" })).toEqual({ at: "2026-03-25T03:00:00.000Z", source: "import" });
  });

  test("an unreadable manual entry does not hide the other sources", () => {
    expect(resolveReceived({ ...base, manualReceived: "hôm qua" }).source).toBe("file");
  });
});

describe("a unit's status for a month (before the 20th)", () => {
  test("received on the 19th is on time", () => {
    const s = statusOf("2026-03", [sub("2026-03", "2026-03-19T16:00", { errors: 2, warnings: 1 })], "2026-03-25T09:00");
    expect(s).toMatchObject({
      unit: "THON1",
      name: UNIT.name,
      period: "2026-03",
      status: "on_time",
      daysLate: 0,
      label: "Đúng hạn",
      dueAt: "2026-03-19T17:00:00.000Z",
      receivedAt: "2026-03-19T09:00:00.000Z",
      receivedSource: "import",
      errors: 2,
      warnings: 1,
    });
  });

  test("a report declared on the 19th is on time though imported on the 23rd", () => {
    const s = statusOf("2026-03", [sub("2026-03", "2026-03-23T08:00", { declaredDate: "2026-03-19" })], "2026-03-25T09:00");
    expect(s).toMatchObject({ status: "on_time", receivedSource: "declared" });
  });

  test("received on the 20th is 1 day late, on the 23rd 4 days late", () => {
    expect(statusOf("2026-03", [sub("2026-03", "2026-03-20T08:00")], "2026-03-25T09:00")).toMatchObject({
      status: "late",
      daysLate: 1,
      label: "Trễ 1 ngày",
    });
    expect(statusOf("2026-03", [sub("2026-03", "2026-03-23T08:00")], "2026-03-25T09:00")).toMatchObject({
      status: "late",
      daysLate: 4,
      label: "Trễ 4 ngày",
    });
  });

  test("the Vietnam midnight boundary: 16:59Z on the 19th is on time, 17:00Z is late", () => {
    const at = (iso: string) => statusOf("2026-03", [{ ...sub("2026-03", "2026-03-01T00:00"), importedAt: iso }], "2026-03-25T09:00");
    expect(at("2026-03-19T16:59:00.000Z").status).toBe("on_time");
    expect(at("2026-03-19T17:00:00.000Z")).toMatchObject({ status: "late", daysLate: 1 });
  });

  test("still missing on the 25th is 6 days overdue; before the 20th it is not yet due", () => {
    expect(statusOf("2026-03", [], "2026-03-25T09:00")).toMatchObject({
      status: "overdue",
      daysLate: 6,
      label: "Quá hạn 6 ngày",
      receivedAt: null,
      receivedSource: null,
    });
    expect(statusOf("2026-03", [], "2026-03-19T23:59")).toMatchObject({ status: "pending", daysLate: 0, label: "Chưa đến hạn" });
    expect(statusOf("2026-03", [], "2026-03-20T00:00")).toMatchObject({ status: "overdue", daysLate: 1 });
  });

  test("only this unit's report for this period counts", () => {
    const others = [sub("2026-03", "2026-03-10T08:00", { unit: "THON2" }), sub("2026-02", "2026-02-10T08:00")];
    expect(statusOf("2026-03", others, "2026-03-25T09:00").status).toBe("overdue");
  });

  test("a re-imported report replaces the earlier one", () => {
    const first = sub("2026-03", "2026-03-10T08:00", { errors: 3 });
    const second = sub("2026-03", "2026-03-22T08:00", { errors: 0 });
    expect(statusOf("2026-03", [second, first], "2026-03-25T09:00")).toMatchObject({ status: "late", daysLate: 3, errors: 0 });
  });

  test("an inclusive deadline makes the 20th on time", () => {
    const inclusive = { ...SETTINGS, deadlineInclusive: true };
    expect(statusOf("2026-03", [sub("2026-03", "2026-03-20T08:00")], "2026-03-25T09:00", UNIT, inclusive).status).toBe("on_time");
  });

  test("a deadline exception for the unit moves its due instant", () => {
    const s = { ...SETTINGS, exceptions: [{ unit: "THON1", period: "2026-03", dueDay: "2026-03-28" }] };
    expect(statusOf("2026-03", [], "2026-03-25T09:00", UNIT, s)).toMatchObject({
      status: "pending",
      dueAt: "2026-03-27T17:00:00.000Z",
    });
  });
});

describe("not required", () => {
  test("a quarterly unit in a plain month", () => {
    const quarterly = { ...UNIT, frequency: "quarter" as const };
    expect(statusOf("2026-03", [], "2026-03-25T09:00", quarterly)).toMatchObject({
      status: "not_required",
      daysLate: 0,
      label: "Không phải nộp",
    });
  });

  test("an inactive unit", () => {
    const closed = { ...UNIT, activeTo: "2026-02" };
    expect(statusOf("2026-03", [], "2026-03-25T09:00", closed).status).toBe("not_required");
  });
});

describe("a span rolls up the unit's own reports: the worst counts", () => {
  test("a monthly unit in a quarter: one month late, one overdue -> overdue", () => {
    const subs = [sub("2026-01", "2026-01-10T08:00", { warnings: 1 }), sub("2026-02", "2026-02-23T08:00", { errors: 2 })];
    const s = statusOf("2026-Q1", subs, "2026-03-25T09:00");
    expect(s).toMatchObject({
      status: "overdue",
      daysLate: 6,
      dueAt: "2026-03-19T17:00:00.000Z",
      receivedAt: "2026-02-23T01:00:00.000Z",
      errors: 2,
      warnings: 1,
    });
  });

  test("all months received: the latest month's lateness shows", () => {
    const subs = [
      sub("2026-01", "2026-01-25T08:00"), // 6 days late
      sub("2026-02", "2026-02-21T08:00"), // 2 days late
      sub("2026-03", "2026-03-10T08:00"),
    ];
    expect(statusOf("2026-Q1", subs, "2026-04-01T09:00")).toMatchObject({
      status: "late",
      daysLate: 6,
      label: "Trễ 6 ngày",
      dueAt: "2026-01-19T17:00:00.000Z",
    });
  });

  test("overdue outranks late, late outranks pending, pending outranks on time", () => {
    const onTimeThenPending = statusOf("2026-Q1", [sub("2026-01", "2026-01-10T08:00"), sub("2026-02", "2026-02-10T08:00")], "2026-03-05T09:00");
    expect(onTimeThenPending.status).toBe("pending");
    const lateThenPending = statusOf("2026-Q1", [sub("2026-01", "2026-01-22T08:00"), sub("2026-02", "2026-02-10T08:00")], "2026-03-05T09:00");
    expect(lateThenPending).toMatchObject({ status: "late", daysLate: 3 });
  });

  test("a unit active from February owes February and March only", () => {
    const unit = { ...UNIT, activeFrom: "2026-02" };
    const subs = [sub("2026-02", "2026-02-10T08:00"), sub("2026-03", "2026-03-10T08:00")];
    expect(statusOf("2026-Q1", subs, "2026-04-01T09:00", unit).status).toBe("on_time");
  });

  test("every unit owes an ad-hoc campaign report, due before 20/10/2025", () => {
    const quarterly = { ...UNIT, frequency: "quarter" as const };
    expect(statusOf("2025-10-CD30", [sub("2025-10-CD30", "2025-10-19T20:00")], "2025-10-31T09:00", quarterly).status).toBe("on_time");
    expect(statusOf("2025-10-CD30", [sub("2025-10-CD30", "2025-10-20T07:00")], "2025-10-31T09:00", quarterly)).toMatchObject({
      status: "late",
      daysLate: 1,
    });
  });
});

describe("labels and colours", () => {
  test("Vietnamese labels", () => {
    expect(statusLabel("on_time", 0)).toBe("Đúng hạn");
    expect(statusLabel("late", 3)).toBe("Trễ 3 ngày");
    expect(statusLabel("overdue", 6)).toBe("Quá hạn 6 ngày");
    expect(statusLabel("pending", 0)).toBe("Chưa đến hạn");
    expect(statusLabel("not_required", 0)).toBe("Không phải nộp");
  });

  test("distinct fills, each with its own font colour", () => {
    expect(STATUS_COLORS).toEqual({ on_time: "C6EFCE", late: "FFEB9C", overdue: "FFC7CE", pending: "EDEDED", not_required: "F2F2F2" });
    expect(new Set(Object.values(STATUS_COLORS)).size).toBe(5);
    for (const code of Object.keys(STATUS_COLORS)) expect(STATUS_FONT_COLORS[code as keyof typeof STATUS_FONT_COLORS]).toMatch(/^[0-9A-F]{6}$/);
  });
});
