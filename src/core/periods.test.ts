import fc from "fast-check";
import {
  currentPeriodKey,
  isUnitActive,
  owedReportKeys,
  parsePeriodKey,
  parsePeriodText,
  periodContains,
  periodKeysOfKind,
  previousPeriodKey,
  requiredReportKeys,
} from "./periods";
import { testUnit } from "../../test/helpers/report-grid";
import type { AdhocPeriod, Frequency, Unit } from "./types";

const CAMPAIGN: AdhocPeriod = {
  key: "2025-10-CD30",
  name: "Chiến dịch 30 ngày cao điểm Bình dân học vụ số",
  start: "2025-09-30",
  end: "2025-10-30",
  dueDay: "2025-10-20",
};

const unit = (over: Partial<Unit> = {}): Unit => ({ ...testUnit("THON1", "Tổ công nghệ số cộng đồng thôn 1", "to_cnscd"), ...over });

describe("period keys", () => {
  test("a month", () => {
    expect(parsePeriodKey("2026-03")).toEqual({
      key: "2026-03",
      kind: "month",
      year: 2026,
      index: 3,
      start: "2026-03-01",
      end: "2026-03-31",
      months: ["2026-03"],
      label: "Tháng 3/2026",
    });
    expect(parsePeriodKey("2028-02")?.end).toBe("2028-02-29");
  });

  test("a quarter, a half-year, a year", () => {
    expect(parsePeriodKey("2026-Q1")).toMatchObject({
      kind: "quarter",
      index: 1,
      start: "2026-01-01",
      end: "2026-03-31",
      months: ["2026-01", "2026-02", "2026-03"],
      label: "Quý I/2026",
    });
    expect(parsePeriodKey("2026-Q4")?.label).toBe("Quý IV/2026");
    expect(parsePeriodKey("2026-H1")).toMatchObject({ start: "2026-01-01", end: "2026-06-30", label: "6 tháng đầu năm 2026" });
    expect(parsePeriodKey("2026-H2")).toMatchObject({ start: "2026-07-01", end: "2026-12-31", label: "6 tháng cuối năm 2026" });
    expect(parsePeriodKey("2026")).toMatchObject({ kind: "year", index: 0, start: "2026-01-01", end: "2026-12-31", label: "Năm 2026" });
    expect(parsePeriodKey("2026")?.months).toHaveLength(12);
  });

  test("an ad-hoc period declared in the settings", () => {
    expect(parsePeriodKey("2025-10-CD30", [CAMPAIGN])).toEqual({
      key: "2025-10-CD30",
      kind: "adhoc",
      year: 2025,
      index: 0,
      start: "2025-09-30",
      end: "2025-10-30",
      months: [],
      label: CAMPAIGN.name,
    });
    expect(parsePeriodKey("2025-10-CD30")).toBeNull();
  });

  test.each([["2026-13"], ["2026-00"], ["2026-Q5"], ["2026-H3"], ["1999"], ["2101-01"], ["2026-3"], [""], ["abc"]])(
    "%s is not a period",
    (key) => {
      expect(parsePeriodKey(key)).toBeNull();
    },
  );
});

describe("parsePeriodText reads 'Kỳ báo cáo' in every usual spelling", () => {
  test.each([
    ["Tháng 3/2026", "2026-03"],
    ["Tháng 03 năm 2026", "2026-03"],
    ["tháng 3-2026", "2026-03"],
    ["THÁNG 3 / 2026", "2026-03"],
    ["T3/2026", "2026-03"],
    ["T03.2026", "2026-03"],
    ["03/2026", "2026-03"],
    ["3/2026", "2026-03"],
    ["Tháng 12/2026", "2026-12"],
    ["Quý I/2026", "2026-Q1"],
    ["Quý 1 năm 2026", "2026-Q1"],
    ["Quý IV - 2026", "2026-Q4"],
    ["quý iii/2026", "2026-Q3"],
    ["Q1/2026", "2026-Q1"],
    ["Q1-2026", "2026-Q1"],
    ["6 tháng đầu năm 2026", "2026-H1"],
    ["6 tháng cuối năm 2026", "2026-H2"],
    ["Sáu tháng đầu năm 2026", "2026-H1"],
    ["Năm 2026", "2026"],
    ["năm 2026", "2026"],
    ["Báo cáo tháng 3 năm 2026", "2026-03"],
    ["2026-03", "2026-03"],
    ["2026-q1", "2026-Q1"],
    ["2026-H2", "2026-H2"],
    ["2026", "2026"],
    ["Quý I/2026".normalize("NFD"), "2026-Q1"],
    ["  Tháng   3/2026 . ", "2026-03"],
  ])("%s -> %s", (text, key) => {
    expect(parsePeriodText(text)).toBe(key);
  });

  test("an ad-hoc period by its name or key, whatever the case", () => {
    expect(parsePeriodText("Chiến dịch 30 ngày cao điểm Bình dân học vụ số", [CAMPAIGN])).toBe("2025-10-CD30");
    expect(parsePeriodText("CHIEN DICH 30 NGAY CAO DIEM BINH DAN HOC VU SO", [CAMPAIGN])).toBe("2025-10-CD30");
    expect(parsePeriodText("2025-10-cd30", [CAMPAIGN])).toBe("2025-10-CD30");
    expect(parsePeriodText("2025-10-CD30")).toBeNull();
  });

  test.each([["Tháng 13/2026"], ["Tháng 13 năm 2026"], ["Quý V/2026"], ["Quý 5/2026"], ["Năm 1999"], ["Tháng 3/2101"], ["15/03/2026"], ["chưa ghi"], [""]])(
    "%s is refused",
    (text) => {
      expect(parsePeriodText(text)).toBeNull();
    },
  );

  const validKey = fc.oneof(
    fc.tuple(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`),
    fc.tuple(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`),
    fc.tuple(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 2 })).map(([y, h]) => `${y}-H${h}`),
    fc.integer({ min: 2000, max: 2100 }).map(String),
    fc.constant(CAMPAIGN.key),
  );

  test("every key round-trips through its label and through itself", () => {
    fc.assert(
      fc.property(validKey, (key) => {
        const period = parsePeriodKey(key, [CAMPAIGN]);
        return (
          period !== null &&
          parsePeriodText(period.label, [CAMPAIGN]) === key &&
          parsePeriodText(period.label.toUpperCase().normalize("NFD"), [CAMPAIGN]) === key &&
          parsePeriodText(key, [CAMPAIGN]) === key
        );
      }),
    );
  });

  test("never throws, and what it returns is a valid key", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: fc.constantFrom(..."tháng quý năm 0123/-.QHTI ") })), (text) => {
        const key = parsePeriodText(text, [CAMPAIGN]);
        return key === null || parsePeriodKey(key, [CAMPAIGN]) !== null;
      }),
    );
  });
});

describe("relations between periods", () => {
  test("containment by days", () => {
    expect(periodContains("2026-Q1", "2026-03")).toBe(true);
    expect(periodContains("2026-Q1", "2026-04")).toBe(false);
    expect(periodContains("2026", "2026-H2")).toBe(true);
    expect(periodContains("2026-03", "2026-Q1")).toBe(false);
    expect(periodContains("2025", "2025-10-CD30", [CAMPAIGN])).toBe(true);
    expect(periodContains("2025-10", "2025-10-CD30", [CAMPAIGN])).toBe(false);
    expect(periodContains("2026-Q1", "nonsense")).toBe(false);
  });

  test("the previous period of the same kind", () => {
    expect(previousPeriodKey("2026-01")).toBe("2025-12");
    expect(previousPeriodKey("2026-03")).toBe("2026-02");
    expect(previousPeriodKey("2026-Q1")).toBe("2025-Q4");
    expect(previousPeriodKey("2026-Q3")).toBe("2026-Q2");
    expect(previousPeriodKey("2026-H1")).toBe("2025-H2");
    expect(previousPeriodKey("2026-H2")).toBe("2026-H1");
    expect(previousPeriodKey("2026")).toBe("2025");
    expect(previousPeriodKey("2025-10-CD30")).toBeNull();
    expect(previousPeriodKey("2000-01")).toBeNull();
  });

  test("keys of a kind in a year", () => {
    expect(periodKeysOfKind("quarter", 2026)).toEqual(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
    expect(periodKeysOfKind("month", 2026)).toHaveLength(12);
    expect(periodKeysOfKind("month", 2026)[0]).toBe("2026-01");
    expect(periodKeysOfKind("half", 2026)).toEqual(["2026-H1", "2026-H2"]);
    expect(periodKeysOfKind("year", 2026)).toEqual(["2026"]);
  });

  test("the current period is the month containing today", () => {
    expect(currentPeriodKey("2026-03-25")).toBe("2026-03");
  });
});

describe("which of a unit's own reports a span needs", () => {
  const cases: [Frequency, string, string[]][] = [
    ["month", "2026-03", ["2026-03"]],
    ["quarter", "2026-03", []],
    ["half", "2026-03", []],
    ["month", "2026-Q1", ["2026-01", "2026-02", "2026-03"]],
    ["quarter", "2026-Q1", ["2026-Q1"]],
    ["year", "2026-Q1", []],
    ["month", "2026-H2", ["2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"]],
    ["quarter", "2026-H1", ["2026-Q1", "2026-Q2"]],
    ["half", "2026-H1", ["2026-H1"]],
    ["quarter", "2026", ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]],
    ["half", "2026", ["2026-H1", "2026-H2"]],
    ["year", "2026", ["2026"]],
    ["quarter", "2025-10-CD30", ["2025-10-CD30"]],
  ];
  test.each(cases)("a %s unit in %s owes %j", (frequency, span, keys) => {
    expect(requiredReportKeys(frequency, span, [CAMPAIGN])).toEqual(keys);
  });

  test("a monthly unit owes all twelve months of a year", () => {
    expect(requiredReportKeys("month", "2026")).toEqual(periodKeysOfKind("month", 2026));
  });
});

describe("whether a unit is active in a period", () => {
  test("unbounded when both bounds are empty", () => {
    expect(isUnitActive(unit(), "2026-03")).toBe(true);
  });

  test("bounds given as period keys", () => {
    const u = unit({ activeFrom: "2026-04", activeTo: "2026-Q3" });
    expect(isUnitActive(u, "2026-03")).toBe(false);
    expect(isUnitActive(u, "2026-04")).toBe(true);
    expect(isUnitActive(u, "2026-09")).toBe(true);
    expect(isUnitActive(u, "2026-10")).toBe(false);
    expect(isUnitActive(u, "2026-Q1")).toBe(false);
    expect(isUnitActive(u, "2026")).toBe(true); // active in part of the year
  });

  test("bounds given as days, ISO or day-first", () => {
    const u = unit({ activeFrom: "2026-03-10", activeTo: "15/06/2026" });
    expect(isUnitActive(u, "2026-02")).toBe(false);
    expect(isUnitActive(u, "2026-03")).toBe(true);
    expect(isUnitActive(u, "2026-06")).toBe(true);
    expect(isUnitActive(u, "2026-07")).toBe(false);
  });

  test("an ad-hoc campaign by its days", () => {
    expect(isUnitActive(unit({ activeTo: "2025-09" }), "2025-10-CD30", [CAMPAIGN])).toBe(true);
    expect(isUnitActive(unit({ activeFrom: "2025-11" }), "2025-10-CD30", [CAMPAIGN])).toBe(false);
  });
});

describe("the reports a unit owes in a span", () => {
  test("a unit that starts in February and stops in August owes only its active months and quarters", () => {
    const monthly = unit({ activeFrom: "2026-02", activeTo: "2026-08" });
    expect(owedReportKeys(monthly, "2026-Q1")).toEqual(["2026-02", "2026-03"]);
    expect(owedReportKeys(monthly, "2026-H2")).toEqual(["2026-07", "2026-08"]);
    expect(owedReportKeys({ ...monthly, frequency: "quarter" }, "2026")).toEqual(["2026-Q1", "2026-Q2", "2026-Q3"]);
  });

  test("nothing in a span outside its active time or of another frequency", () => {
    expect(owedReportKeys(unit({ activeTo: "2025-12" }), "2026-Q1")).toEqual([]);
    expect(owedReportKeys({ ...unit(), frequency: "quarter" }, "2026-03")).toEqual([]);
  });
});
