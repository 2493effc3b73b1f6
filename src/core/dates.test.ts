import fc from "fast-check";
import {
  addDays,
  daysBetween,
  excelSerialToDay,
  formatDayVi,
  formatInstantVi,
  isValidDay,
  parseDateCell,
  parseDayArg,
  parseInstantText,
  vnDay,
  vnMidnight,
} from "./dates";

describe("Vietnam days and instants", () => {
  test("an instant belongs to its Vietnam calendar day (UTC+7)", () => {
    expect(vnDay(new Date("2026-03-19T16:59:59Z"))).toBe("2026-03-19");
    expect(vnDay(new Date("2026-03-19T17:00:00Z"))).toBe("2026-03-20");
  });

  test("Vietnam midnight is 17:00 UTC of the day before", () => {
    expect(vnMidnight("2026-03-20").toISOString()).toBe("2026-03-19T17:00:00.000Z");
    expect(vnMidnight("2026-01-01").toISOString()).toBe("2025-12-31T17:00:00.000Z");
  });

  test("day arithmetic crosses months, years and leap days", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(daysBetween("2026-03-19", "2026-03-23")).toBe(4);
    expect(daysBetween("2026-03-23", "2026-03-19")).toBe(-4);
    expect(daysBetween("2025-12-31", "2026-01-01")).toBe(1);
  });

  test("only real calendar days are valid", () => {
    expect(isValidDay("2026-03-15")).toBe(true);
    expect(isValidDay("2028-02-29")).toBe(true);
    expect(isValidDay("2026-02-29")).toBe(false);
    expect(isValidDay("2026-02-31")).toBe(false);
    expect(isValidDay("2026-3-15")).toBe(false);
    expect(isValidDay("15/03/2026")).toBe(false);
  });

  test("vnDay(vnMidnight(day)) is the day itself", () => {
    const day = fc.integer({ min: 0, max: 40_000 }).map((n) => addDays("2000-01-01", n));
    fc.assert(fc.property(day, (d) => vnDay(vnMidnight(d)) === d && isValidDay(d)));
  });
});

describe("Excel serial dates", () => {
  test("serials of the 1900 date system, time of day ignored", () => {
    expect(excelSerialToDay(46096)).toBe("2026-03-15");
    expect(excelSerialToDay(46096.75)).toBe("2026-03-15");
    expect(excelSerialToDay(32874)).toBe("1990-01-01");
  });

  test("numbers that cannot be a report date are refused", () => {
    expect(excelSerialToDay(60)).toBeNull(); // the fictitious 1900-02-29
    expect(excelSerialToDay(12)).toBeNull();
    expect(excelSerialToDay(1_000_000)).toBeNull();
    expect(excelSerialToDay(NaN)).toBeNull();
    expect(excelSerialToDay(Infinity)).toBeNull();
  });
});

describe("parseDateCell reads 'Ngày báo cáo' as people write it", () => {
  test.each([
    ["15/3/2026", "2026-03-15"],
    ["15/03/2026", "2026-03-15"],
    ["15-03-2026", "2026-03-15"],
    ["15.3.2026", "2026-03-15"],
    ["2026-03-15", "2026-03-15"],
    ["ngày 15 tháng 3 năm 2026", "2026-03-15"],
    ["Dương Hưu, ngày 15 tháng 03 năm 2026", "2026-03-15"],
    ["DƯƠNG HƯU, NGÀY 15 THÁNG 3 NĂM 2026", "2026-03-15"],
    ["Dương Hưu, ngày 15 tháng 3 năm 2026".normalize("NFD"), "2026-03-15"],
    ["  ngày  5  tháng 3   năm 2026 ", "2026-03-05"],
    [" 5 / 3 / 2026 ", "2026-03-05"],
    ["01/12/2026", "2026-12-01"], // day first, never US month first
  ])("%s -> %s", (text, day) => {
    expect(parseDateCell(text)).toBe(day);
  });

  test("a date cell gives its wall-clock day, whatever the machine's time zone", () => {
    expect(parseDateCell(new Date(Date.UTC(2026, 2, 15)))).toBe("2026-03-15");
    expect(parseDateCell(new Date(Date.UTC(2026, 2, 15, 23, 30)))).toBe("2026-03-15");
  });

  test("an Excel serial number is a date", () => {
    expect(parseDateCell(46096)).toBe("2026-03-15");
  });

  test.each([["31/02/2026"], ["29/02/2026"], ["15/13/2026"], ["ngày 32 tháng 1 năm 2026"], ["chưa có"], [""], ["15/03/26x"]])(
    "%s is not a date",
    (text) => {
      expect(parseDateCell(text)).toBeNull();
    },
  );

  test("blank, boolean and invalid Date cells are not dates", () => {
    expect(parseDateCell(null)).toBeNull();
    expect(parseDateCell(true)).toBeNull();
    expect(parseDateCell(new Date(NaN))).toBeNull();
  });

  test("never throws, and anything it returns is a valid day", () => {
    const cell = fc.oneof(
      fc.string(),
      fc.string({ unit: "grapheme" }),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.date({ noInvalidDate: false }),
    );
    fc.assert(
      fc.property(cell, (value) => {
        const day = parseDateCell(value);
        return day === null || isValidDay(day);
      }),
    );
  });

  test("every formatted day reads back", () => {
    const day = fc.integer({ min: 0, max: 30_000 }).map((n) => addDays("1990-01-01", n));
    fc.assert(fc.property(day, (d) => parseDateCell(formatDayVi(d)) === d));
  });
});

describe("command-line days and typed instants", () => {
  test("--as-of takes ISO or day-first dates", () => {
    expect(parseDayArg("2026-03-25")).toBe("2026-03-25");
    expect(parseDayArg("25/03/2026")).toBe("2026-03-25");
    expect(parseDayArg("2026-02-30")).toBeNull();
    expect(parseDayArg("tomorrow")).toBeNull();
  });

  test("zoneless times are Vietnam wall clock; zoned ISO instants are kept", () => {
    expect(parseInstantText("19/03/2026 14:05")?.toISOString()).toBe("2026-03-19T07:05:00.000Z");
    expect(parseInstantText("2026-03-19 14:05")?.toISOString()).toBe("2026-03-19T07:05:00.000Z");
    expect(parseInstantText("2026-03-19")?.toISOString()).toBe("2026-03-18T17:00:00.000Z");
    expect(parseInstantText("2026-03-19T07:05:00Z")?.toISOString()).toBe("2026-03-19T07:05:00.000Z");
    expect(parseInstantText("2026-03-19T14:05:00+07:00")?.toISOString()).toBe("2026-03-19T07:05:00.000Z");
    expect(parseInstantText("19/03/2026 25:00")).toBeNull();
    expect(parseInstantText("")).toBeNull();
  });
});

describe("Vietnamese display", () => {
  test("days as dd/mm/yyyy", () => {
    expect(formatDayVi("2026-03-20")).toBe("20/03/2026");
  });

  test("instants in Vietnam time", () => {
    expect(formatInstantVi("2026-03-19T07:05:00Z")).toBe("19/03/2026 14:05");
    expect(formatInstantVi(new Date("2026-03-19T17:00:00Z"))).toBe("20/03/2026 00:00");
  });
});
