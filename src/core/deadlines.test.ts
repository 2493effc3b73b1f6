import { cutoffWindow, dataWindow, daysLate, dueDay, dueInstant, lastOnTimeDay } from "./deadlines";
import { parsePeriodKey } from "./periods";
import { vnMidnight } from "./dates";
import { DEFAULT_SETTINGS } from "./master-sheets";
import type { Settings } from "./types";

const settings = (over: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...over });

/** An instant given as Vietnam wall-clock time. */
const vn = (wall: string): Date => new Date(`${wall}+07:00`);

describe("due days (before the 20th)", () => {
  test.each([
    ["2026-03", "2026-03-20"],
    ["2026-Q1", "2026-03-20"],
    ["2026-Q2", "2026-06-20"],
    ["2026-Q3", "2026-09-20"],
    ["2026-Q4", "2026-12-20"],
    ["2026-H1", "2026-06-20"],
    ["2026-H2", "2026-12-20"],
    ["2026", "2026-12-20"],
    ["2025-10-CD30", "2025-10-20"],
  ])("%s is due before %s", (period, day) => {
    expect(dueDay(period, settings())).toBe(day);
  });

  test("the deadline day is clamped to the month's length", () => {
    expect(dueDay("2026-06", settings({ deadlineDay: 31 }))).toBe("2026-06-30");
    expect(dueDay("2026-02", settings({ deadlineDay: 31 }))).toBe("2026-02-28");
    expect(dueDay("2026-Q1", settings({ deadlineDay: 31 }))).toBe("2026-03-31");
  });

  test("exceptions: a unit-specific one beats one for all units, for that period only", () => {
    const s = settings({
      exceptions: [
        { unit: "", period: "2026-03", dueDay: "2026-03-25" },
        { unit: "THON1", period: "2026-03", dueDay: "2026-03-28" },
      ],
    });
    expect(dueDay("2026-03", s, "THON1")).toBe("2026-03-28");
    expect(dueDay("2026-03", s, "thon1")).toBe("2026-03-28");
    expect(dueDay("2026-03", s, "THON2")).toBe("2026-03-25");
    expect(dueDay("2026-03", s)).toBe("2026-03-25");
    expect(dueDay("2026-04", s, "THON1")).toBe("2026-04-20");
  });

  test("an unknown period is refused with a Vietnamese message", () => {
    expect(() => dueDay("2025-11-XYZ", settings())).toThrow("Kỳ báo cáo không hợp lệ");
  });
});

describe("the due instant", () => {
  test("exclusive by default: 00:00 Vietnam time on the due day", () => {
    expect(dueInstant("2026-03", settings()).toISOString()).toBe("2026-03-19T17:00:00.000Z");
    expect(lastOnTimeDay("2026-03", settings())).toBe("2026-03-19");
  });

  test("inclusive: 00:00 the day after", () => {
    const s = settings({ deadlineInclusive: true });
    expect(dueInstant("2026-03", s).toISOString()).toBe("2026-03-20T17:00:00.000Z");
    expect(lastOnTimeDay("2026-03", s)).toBe("2026-03-20");
    expect(lastOnTimeDay("2025-10-CD30", s)).toBe("2025-10-20");
  });

  test("the Vietnam midnight boundary", () => {
    const due = dueInstant("2026-03", settings());
    expect(daysLate(new Date("2026-03-19T16:59:59Z"), due)).toBe(0);
    expect(daysLate(new Date("2026-03-19T17:00:00Z"), due)).toBe(1);
  });
});

describe("days late and overdue", () => {
  const due = dueInstant("2026-03", settings());

  test("received before the 20th is on time", () => {
    expect(daysLate(vn("2026-03-19T23:59"), due)).toBe(0);
    expect(daysLate(vn("2026-03-01T08:00"), due)).toBe(0);
  });

  test("received on the 20th is 1 day late, on the 23rd 4 days late", () => {
    expect(daysLate(vn("2026-03-20T08:00"), due)).toBe(1);
    expect(daysLate(vn("2026-03-23T16:30"), due)).toBe(4);
  });

  test("still missing on the 25th is 6 days overdue", () => {
    expect(daysLate(vn("2026-03-25T09:00"), due)).toBe(6);
  });

  test("with an inclusive deadline the 20th is on time and the 21st is 1 day late", () => {
    const inclusive = dueInstant("2026-03", settings({ deadlineInclusive: true }));
    expect(daysLate(vn("2026-03-20T23:00"), inclusive)).toBe(0);
    expect(daysLate(vn("2026-03-21T00:00"), inclusive)).toBe(1);
  });

  test("counts across a month end", () => {
    const decDue = dueInstant("2026", settings());
    expect(daysLate(vnMidnight("2027-01-02"), decDue)).toBe(14);
  });
});

describe("the data cut-off window (Decree 09/2019)", () => {
  test("from the 15th of the previous month to the 14th", () => {
    expect(cutoffWindow("2026-03", settings())).toEqual({ start: "2026-02-15", end: "2026-03-14" });
    expect(cutoffWindow("2026-01", settings())).toEqual({ start: "2025-12-15", end: "2026-01-14" });
  });

  test("follows the setting", () => {
    expect(cutoffWindow("2026-03", settings({ cutoffDay: 20 }))).toEqual({ start: "2026-02-20", end: "2026-03-19" });
  });

  test("only for months", () => {
    expect(() => cutoffWindow("2026-Q1", settings())).toThrow("Không phải kỳ báo cáo tháng");
  });
});

test("a period's data window runs from its first month's cut-off to its last month's (15th to 14th)", () => {
  expect(dataWindow(parsePeriodKey("2026-03")!, settings())).toEqual({ start: "2026-02-15", end: "2026-03-14" });
  expect(dataWindow(parsePeriodKey("2026-Q1")!, settings())).toEqual({ start: "2025-12-15", end: "2026-03-14" });
  const campaign = parsePeriodKey("2025-10-CD30", settings().adhocPeriods)!;
  expect(dataWindow(campaign, settings())).toEqual({ start: "2025-09-30", end: "2025-10-30" });
});
