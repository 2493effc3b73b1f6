// The demo scenario: the files Xã Hòa Bình's clerk receives for January to March 2026 and the first
// quarter, each with what it exercises and what the product must make of it, and the consolidated
// totals those files imply, computed here without the engine so the demo and tests can compare.
import type { FindingCode } from "../core/findings";
import { asciiFileName } from "../core/template-plan";
import type { FileStatus, IndicatorKind } from "../core/types";
import { COMMUNE, findUnit, indicatorOf, periodMonths, sampleFigures, seededBytes, type Figure, type SampleUnit } from "./commune";
import { writeReport, type ReportDateStyle, type ReportSpec, type ReportValue } from "./report-writer";

export type ScenarioSource =
  | { kind: "report"; spec: ReportSpec }
  /** The exact bytes of another scenario file (the same file sent twice). */
  | { kind: "copy"; of: string }
  /** Bytes that are not a workbook at all. */
  | { kind: "random"; seed: string; size: number };

export interface ScenarioExpectation {
  status: FileStatus;
  /** Days late by the declared report date with "before the 20th"; 0 on time, null when not applicable. */
  daysLate: number | null;
  /** Finding codes the file must raise (errors, and the info codes of duplicates and replacements). */
  findings: FindingCode[];
  /** Whether the file's figures enter the consolidation (a later counted file of the same unit and period replaces it). */
  counts: boolean;
  /** Indicators whose values are errors and so are left out even though the file counts. */
  invalidIndicators: string[];
}

export interface ScenarioFile {
  /** The import batch (folder) and the period the clerk imports it as. */
  batch: string;
  fileName: string;
  /** The unit the file really comes from; null when it names no known unit or cannot be read. */
  unit: string | null;
  /** The period the file declares (its "Kỳ báo cáo"); null when unreadable. */
  declaredPeriod: string | null;
  source: ScenarioSource;
  /** What it exercises, for the README and the demo. */
  exercises: string;
  expect: ScenarioExpectation;
}

const MONTHLY_UNITS = ["VHXH", "VPUB", "PKT", "CAX", "DTN", "TTDV", "THHB", "THCS", "TCN01", "TCN02", "TCN03", "TCN04", "TCN05"];

/** How each unit habitually writes "Ngày báo cáo". */
const DATE_HABITS: Record<string, ReportDateStyle> = { PKT: "excel-date", CAX: "excel-date", DTN: "words", THCS: "words", TCN02: "excel-date" };

/** The day of the month each monthly unit usually reports on (all before the 20th). */
const USUAL_DAY: Record<string, number> = {
  VHXH: 12, VPUB: 14, PKT: 10, CAX: 13, DTN: 18, TTDV: 16, THHB: 11, THCS: 17,
  TCN01: 15, TCN02: 15, TCN03: 9, TCN04: 16, TCN05: 19,
};

function monthNumber(monthKey: string): number {
  return Number(monthKey.slice(5, 7));
}

function periodLabel(periodKey: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(periodKey);
  if (q) return `Quý ${["I", "II", "III", "IV"][Number(q[2]) - 1]}/${q[1]}`;
  return `Tháng ${monthNumber(periodKey)}/${periodKey.slice(0, 4)}`;
}

function dayOf(monthKey: string, day: number): string {
  return `${monthKey}-${String(day).padStart(2, "0")}`;
}

function baseSpec(unit: SampleUnit, periodKey: string, reportDate: string): ReportSpec {
  return {
    parentName: COMMUNE.name,
    unitName: unit.name,
    unitCode: unit.code,
    periodLabel: periodLabel(periodKey),
    reportDate,
    dateStyle: DATE_HABITS[unit.code] ?? "text",
    values: sampleFigures(unit.code, periodKey),
    place: COMMUNE.place,
    preparedBy: unit.contact.split(" - ")[0],
    headOfUnit: unit.headOfUnit,
  };
}

const ON_TIME: ScenarioExpectation = { status: "imported", daysLate: 0, findings: [], counts: true, invalidIndicators: [] };

function reportFile(
  batch: string,
  unitCode: string,
  exercises: string,
  tweak: (spec: ReportSpec) => ReportSpec = (s) => s,
  expect: Partial<ScenarioExpectation> = {},
  fileName?: string,
): ScenarioFile {
  const unit = findUnit(unitCode);
  // Quarterly units report in the quarter's last month, on the 18th.
  const lastMonth = periodMonths(batch)[periodMonths(batch).length - 1];
  const spec = tweak(baseSpec(unit, batch, dayOf(lastMonth, USUAL_DAY[unitCode] ?? 18)));
  const label = batch.includes("Q") ? `quy ${batch.slice(-1)}` : `thang ${monthNumber(batch)}`;
  return {
    batch,
    fileName: fileName ?? `BC ${label} - ${asciiFileName(unit.name)}.xlsx`,
    unit: unitCode,
    declaredPeriod: batch,
    source: { kind: "report", spec },
    exercises,
    expect: { ...ON_TIME, ...expect },
  };
}

/** January's and February's figures side by side with the year to date, for a February report by month. */
function withMonthColumns(spec: ReportSpec, unitCode: string): ReportSpec {
  const january = sampleFigures(unitCode, "2026-01");
  const yearToDate = Object.fromEntries(
    Object.entries(spec.values).map(([code, value]) => {
      const jan = january[code];
      return [code, indicatorOf(code).kind === "flow" && typeof value === "number" && typeof jan === "number" ? jan + value : value];
    }),
  );
  return { ...spec, layout: "month-columns", previous: { label: "Tháng 1/2026", values: january }, yearToDate };
}

/** February's new layouts: one unit each, as offices that never saw the template write them. */
const FEBRUARY_LAYOUTS: Record<string, { exercises: string; tweak: (spec: ReportSpec, unitCode: string) => ReportSpec }> = {
  VHXH: { exercises: "one value column “Tử số / Kết quả” for counts and ratio numerators alike", tweak: (s) => ({ ...s, layout: "value-column" }) },
  VPUB: {
    exercises: "administrative document: unit only in the issuing block, period only in the title, date only in the place-and-date line top right, “Số: …” and a data-window note",
    tweak: (s) => ({ ...s, layout: "administrative", periodLabel: "Tháng 02/2026" }),
  },
  PKT: { exercises: "plan, same period last year and a typed “Tỷ lệ (%)” beside Tử số / Mẫu số; section subtotals and a “Tổng cộng” row", tweak: (s) => ({ ...s, layout: "plan-and-rate" }) },
  TCN01: { exercises: "“Kết quả” merged over “Số lượng | Tử số | Mẫu số”, counts under Số lượng", tweak: (s) => ({ ...s, layout: "two-row-header" }) },
  TCN02: { exercises: "“Kết quả thực hiện” merged over “Tháng 1/2026 | Tháng 2/2026 | Lũy kế từ đầu năm”: only February's column counts", tweak: withMonthColumns },
  TCN03: {
    exercises: "“ĐƠN VỊ BÁO CÁO: …”, the period only on a line under the title, the date only above the signature",
    tweak: (s) => ({ ...s, layout: "signature-date", periodLabel: "Tháng 02 năm 2026" }),
  },
};

/** January and February: every monthly unit; Đoàn Thanh niên late in February, February's other layouts. */
function earlyMonths(): ScenarioFile[] {
  const files: ScenarioFile[] = [];
  for (const month of ["2026-01", "2026-02"]) {
    for (const code of MONTHLY_UNITS) {
      const layout = month === "2026-02" ? FEBRUARY_LAYOUTS[code] : undefined;
      if (layout) {
        files.push(reportFile(month, code, layout.exercises, (s) => layout.tweak(s, code)));
      } else if (month === "2026-02" && code === "DTN") {
        files.push(reportFile(month, code, "late report (25/02, due before 20/02)", (s) => ({ ...s, reportDate: "2026-02-25" }), { daysLate: 6 }));
      } else if (month === "2026-02" && code === "TTDV") {
        const instructions = {
          name: "Hướng dẫn",
          hidden: false,
          rows: [["Hướng dẫn điền biểu"], ["Điền số liệu vào trang “Báo cáo”; không sửa mã chỉ tiêu."]],
        };
        files.push(reportFile(month, code, "an instructions sheet before the report sheet", (s) => ({ ...s, extraSheetsBefore: [instructions] })));
      } else {
        files.push(reportFile(month, code, "standard report, on time"));
      }
    }
  }
  return files;
}

function withValues(spec: ReportSpec, changes: Record<string, ReportValue>): ReportSpec {
  return { ...spec, values: { ...spec.values, ...changes } };
}

function ratioOf(figure: Figure): { numerator: number; denominator: number } {
  if (typeof figure === "number") throw new Error("expected a ratio figure");
  return figure;
}

function countOf(figure: Figure): number {
  if (typeof figure !== "number") throw new Error("expected a count");
  return figure;
}

/** March: the batch where everything that goes wrong in real life happens once. */
function march(): ScenarioFile[] {
  const m = "2026-03";
  const vhxh = sampleFigures("VHXH", m);
  const tcn03 = sampleFigures("TCN03", m);
  const cax = reportFile(m, "CAX", "standard report with a real Excel date cell");
  const unknownSpec: ReportSpec = {
    ...baseSpec(findUnit("TCN05"), m, "2026-03-15"),
    unitName: "Tổ CNSCĐ thôn 9",
    unitCode: undefined,
    values: sampleFigures("TCN09", m, "Tổ công nghệ số cộng đồng"),
    preparedBy: "Nguyễn Văn Chín",
    headOfUnit: "Nguyễn Văn Chín",
  };
  return [
    reportFile(m, "VHXH", "first version of a report later corrected (12/03)", undefined, { status: "superseded", findings: ["SUPERSEDED"], counts: false }),
    reportFile(
      m,
      "VHXH",
      "corrected re-send (16/03): MH09 and MH10 changed; the newer file replaces the older",
      (s) => ({
        ...withValues(s, { MH09: (vhxh.MH09 as number) + 1, MH10: (vhxh.MH10 as number) + 15 }),
        reportDate: "2026-03-16",
        notes: { MH09: "Điều chỉnh số liệu", MH10: "Điều chỉnh số liệu" },
      }),
      { status: "replaced", findings: ["REPLACED"] },
      "BC thang 3 - Phong Van hoa - Xa hoi (sua lai).xlsx",
    ),
    reportFile(m, "VPUB", "columns in another order, a (1) (2) ... column-number row", (s) => ({ ...s, layout: "reordered" })),
    reportFile(m, "PKT", "late report (22/03, due before 20/03)", (s) => ({ ...s, reportDate: "2026-03-22" }), { daysLate: 3 }),
    cax,
    {
      batch: m,
      fileName: "Zalo 13-3 CA xa.xlsx",
      unit: "CAX",
      declaredPeriod: m,
      source: { kind: "copy", of: cax.fileName },
      exercises: "the same file sent twice under another name",
      expect: { status: "duplicate", daysLate: 0, findings: ["DUPLICATE_FILE"], counts: false, invalidIndicators: [] },
    },
    reportFile(m, "DTN", "report date written in words: “ngày 18 tháng 3 năm 2026”"),
    reportFile(m, "TTDV", "numbers typed as text (“1.234”), a hidden sheet first", (s) => ({
      ...s,
      valuesAsText: true,
      extraSheetsBefore: [{ name: "Data", hidden: true, rows: [["Danh mục"], ["CT01"], ["MH03"]] }],
    })),
    reportFile(m, "THHB", "two-row header: “Kết quả” merged over “Số lượng | Tử số | Mẫu số”", (s) => ({ ...s, layout: "two-row-header" })),
    reportFile(
      m,
      "THCS",
      "March figures under a header still saying “Tháng 2/2026”",
      (s) => ({ ...s, periodLabel: "Tháng 2/2026" }),
      { status: "period_mismatch", daysLate: null, findings: ["PERIOD_MISMATCH"], counts: false },
    ),
    reportFile(m, "TCN01", "all text decomposed (NFD), sheet name included", (s) => ({ ...s, nfd: true })),
    reportFile(m, "TCN02", "header labels in one cell, values in the next", (s) => ({ ...s, layout: "label-in-two-cells" })),
    reportFile(
      m,
      "TCN03",
      "invalid values: negative, “nhiều”, numerator above denominator, a bare “85%”",
      (s) => withValues(s, {
        MH09: -2,
        MH10: "nhiều",
        CT03: { numerator: ratioOf(tcn03.CT03).denominator + 57, denominator: ratioOf(tcn03.CT03).denominator },
        MH04: "85%",
      }),
      {
        findings: ["NEGATIVE", "NOT_A_NUMBER", "NUMERATOR_ABOVE_DENOMINATOR", "PERCENT_WITHOUT_DENOMINATOR"],
        invalidIndicators: ["MH09", "MH10", "CT03", "MH04"],
      },
    ),
    reportFile(m, "TCN04", "indicators by name only, no codes, unit by name only", (s) => ({ ...s, layout: "no-codes", unitCode: undefined })),
    // TCN05 sends nothing for March.
    {
      batch: m,
      fileName: "BC thang 3 - To CNSCD thon 9.xlsx",
      unit: null,
      declaredPeriod: m,
      source: { kind: "report", spec: unknownSpec },
      exercises: "a unit that is not in the list (“Tổ CNSCĐ thôn 9”)",
      expect: { status: "refused", daysLate: null, findings: ["UNKNOWN_UNIT"], counts: false, invalidIndicators: [] },
    },
    {
      batch: m,
      fileName: "Bao cao T3 (1).xlsx",
      unit: null,
      declaredPeriod: null,
      source: { kind: "random", seed: "broken-march", size: 4096 },
      exercises: "random bytes named .xlsx (a damaged download)",
      expect: { status: "refused", daysLate: null, findings: ["FILE_FORMAT"], counts: false, invalidIndicators: [] },
    },
  ];
}

/** First quarter: the two quarterly units. */
function firstQuarter(): ScenarioFile[] {
  const q = "2026-Q1";
  return [
    reportFile(q, "HPN", "quarterly unit, “Quý I/2026”"),
    reportFile(q, "MTTQ", "quarterly unit, period written “Quý 1 năm 2026”", (s) => ({ ...s, periodLabel: "Quý 1 năm 2026", reportDate: "2026-03-19" })),
  ];
}

/** Every file of the demo, in the order the clerk imports them. */
export function demoScenario(): ScenarioFile[] {
  return [...earlyMonths(), ...march(), ...firstQuarter()];
}

/** The units that send nothing at all for a period they must report. */
export const MISSING_UNITS: Record<string, string[]> = { "2026-03": ["TCN05"] };

/** The bytes of one scenario file. */
export async function scenarioFileBytes(file: ScenarioFile, scenario: readonly ScenarioFile[]): Promise<Uint8Array> {
  const source = file.source;
  switch (source.kind) {
    case "report":
      return writeReport(source.spec);
    case "random":
      return seededBytes(source.seed, source.size);
    case "copy": {
      const original = scenario.find((f) => f.fileName === source.of && f.batch === file.batch);
      if (!original) throw new Error(`No scenario file ${source.of}`);
      return scenarioFileBytes(original, scenario);
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Expected totals

export interface ExpectedTotal {
  code: string;
  kind: IndicatorKind;
  /** Flows and stocks: the total; ratios: Σ numerators / Σ denominators as a fraction. */
  value: number;
  numerator: number | null;
  denominator: number | null;
  unitsReporting: number;
}

interface SampleFact {
  unit: string;
  period: string;
  indicator: string;
  figure: Figure;
}

function asFigure(value: ReportValue, where: string): Figure {
  if (typeof value === "number") return value;
  if (typeof value === "object" && typeof value.numerator === "number" && typeof value.denominator === "number") {
    return { numerator: value.numerator, denominator: value.denominator };
  }
  throw new Error(`${where}: a counted value must be numeric or listed as invalid`);
}

/**
 * The figures that enter the data: counted files only, the last counted file of a unit and period
 * replacing earlier ones, without the values listed as invalid.
 */
function countedFacts(scenario: readonly ScenarioFile[]): SampleFact[] {
  const latest = new Map<string, ScenarioFile>();
  for (const file of scenario) {
    if (file.expect.counts && file.unit && file.declaredPeriod) latest.set(`${file.unit}|${file.declaredPeriod}`, file);
  }
  return [...latest.values()].flatMap((file) => {
    if (file.source.kind !== "report") throw new Error(`${file.fileName}: only report files can count`);
    return Object.entries(file.source.spec.values)
      .filter(([indicator]) => !file.expect.invalidIndicators.includes(indicator))
      .map(([indicator, value]) => ({
        unit: file.unit as string,
        period: file.declaredPeriod as string,
        indicator,
        figure: asFigure(value, `${file.fileName} ${indicator}`),
      }));
  });
}

/** One unit's figure for an indicator over a period: flows summed over months, else the latest month's. */
function unitFigure(kind: IndicatorKind, facts: SampleFact[]): Figure {
  if (kind === "flow") return facts.reduce((sum, f) => sum + countOf(f.figure), 0);
  return [...facts].sort((a, b) => a.period.localeCompare(b.period))[facts.length - 1].figure;
}

/**
 * Consolidated totals for a month ("2026-03") or a quarter ("2026-Q1"): for a quarter, monthly units'
 * months roll up and quarterly units' own quarter reports add in. A monthly unit's stock or ratio for the
 * quarter is its latest month that has a valid value.
 */
export function expectedTotals(periodKey: string, scenario: readonly ScenarioFile[] = demoScenario()): Record<string, ExpectedTotal> {
  const months = periodMonths(periodKey);
  const facts = countedFacts(scenario).filter((f) => f.period === periodKey || months.includes(f.period));
  const byIndicatorUnit = new Map<string, Map<string, SampleFact[]>>();
  for (const f of facts) {
    const units = byIndicatorUnit.get(f.indicator) ?? new Map<string, SampleFact[]>();
    units.set(f.unit, [...(units.get(f.unit) ?? []), f]);
    byIndicatorUnit.set(f.indicator, units);
  }
  const totals: Record<string, ExpectedTotal> = {};
  for (const [code, units] of [...byIndicatorUnit].sort(([a], [b]) => a.localeCompare(b))) {
    const kind = indicatorOf(code).kind;
    const figures = [...units.values()].map((unitFacts) => unitFigure(kind, unitFacts));
    const unitsReporting = units.size;
    if (kind === "ratio") {
      const parts = figures.map(ratioOf);
      const numerator = parts.reduce((sum, p) => sum + p.numerator, 0);
      const denominator = parts.reduce((sum, p) => sum + p.denominator, 0);
      totals[code] = { code, kind, value: numerator / denominator, numerator, denominator, unitsReporting };
    } else {
      const value = figures.map(countOf).reduce((sum, v) => sum + v, 0);
      totals[code] = { code, kind, value, numerator: null, denominator: null, unitsReporting };
    }
  }
  return totals;
}
