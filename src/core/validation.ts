// Unit report -> findings and facts. Every rule of PRODUCT.md "Rules the data must pass" lives here: an
// error keeps the value out of the consolidation, a warning lets it in with a flag. Every figure the
// parser set apart as a stray is named here in a finding: nothing a unit sent is dropped silently.
import { unitTypeMapping } from "./catalogue";
import { formatDayVi, parseDateCell } from "./dates";
import { finding, FindingCode, FindingPlace } from "./findings";
import { describeForeign, latinCode } from "./lookalikes";
import { cellText } from "./numbers";
import { isUnitActive, parsePeriodKey, parsePeriodText } from "./periods";
import { identifyUnit } from "./report-unit";
import type { Finding, Indicator, IndicatorMismatch, Located, ParsedValue, Period, ReportRow, Settings, Unit, UnitReport, UnitTypeIndicators } from "./types";

/** A figure accepted from a report, before it becomes a data-sheet row. */
export interface ReportFigure {
  indicator: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  sheet: string;
  cell: string;
}

export interface ValidationContext {
  units: Unit[];
  catalogue: Indicator[];
  unitTypes: UnitTypeIndicators[];
  settings: Settings;
  /** When: declared report dates after this day are in the future. */
  today: string;
  /** The same unit's figures for the previous period, for the stock and jump rules. */
  previous: (unitCode: string, periodKey: string) => Map<string, ReportFigure> | null;
}

export interface ValidatedReport {
  unit: Unit | null;
  periodKey: string | null;
  /** YYYY-MM-DD the report declares and that can be its received day, "" when none. */
  declaredDate: string;
  figures: ReportFigure[];
  findings: Finding[];
  /** True when the file cannot be attributed to a unit and period: nothing of it is imported. */
  fatal: boolean;
}

const MENTOR = "MH01";
const MENTEE = "MH02";
const CERTIFIED = "CT04";

/** Parser findings after which nothing of the file can be imported. */
const FATAL_PARSER_FINDINGS: ReadonlySet<string> = new Set<FindingCode>(["NO_REPORT_SHEET", "NO_INDICATOR_TABLE", "PERIOD_COLUMN_MISSING"]);

// One formatter for the module: toLocaleString builds a new one on every call.
const VI_NUMBER = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });

function fmt(n: number): string {
  return VI_NUMBER.format(n);
}

export function validateReport(report: UnitReport, ctx: ValidationContext): ValidatedReport {
  const findings: Finding[] = [...report.findings];
  const base: FindingPlace = { file: report.file, sheet: report.sheet };
  const out: ValidatedReport = { unit: null, periodKey: null, declaredDate: "", figures: [], findings, fatal: false };
  if (findings.some((f) => f.severity === "error" && FATAL_PARSER_FINDINGS.has(f.code))) out.fatal = true;

  const unit = identifyUnit(report, ctx.units, base, findings);
  out.unit = unit;
  if (!unit) out.fatal = true;
  const unitCode = unit?.code ?? "";

  const adhoc = ctx.settings.adhocPeriods;
  if (!report.periodText || !report.periodText.value.trim()) {
    findings.push(finding("PERIOD_MISSING", "Báo cáo không ghi \"Kỳ báo cáo\" (ví dụ: Tháng 3/2026, Quý I/2026).", { ...base, unit: unitCode }));
    out.fatal = true;
  } else {
    out.periodKey = parsePeriodText(report.periodText.value, adhoc);
    if (!out.periodKey) {
      findings.push(
        finding("PERIOD_UNREADABLE", `Không hiểu kỳ báo cáo "${report.periodText.value}" (ví dụ cách ghi đúng: Tháng 3/2026, Quý I/2026, 6 tháng đầu năm 2026, Năm 2026).`, {
          ...base,
          cell: report.periodText.cell,
          unit: unitCode,
        }),
      );
      out.fatal = true;
    }
  }
  const periodKey = out.periodKey ?? "";
  const period = out.periodKey ? parsePeriodKey(out.periodKey, adhoc) : null;
  const place: FindingPlace = { ...base, unit: unitCode, period: periodKey };

  if (unit && period && !isUnitActive(unit, period.key, adhoc)) {
    inactive(unit, period, report.unitCode?.cell ?? report.unitName?.cell ?? "", place, findings);
    out.fatal = true;
  }
  out.declaredDate = declaredDay(report, period, ctx.today, place, findings);
  if (out.fatal) return out;

  out.figures = validateRows(report.rows, ctx.catalogue, place, findings);
  crossChecks(out.figures, place, findings);
  if (unit) {
    requiredChecks(unit, out.figures, report.rows, ctx, place, findings);
    const previous = ctx.previous(unit.code, periodKey);
    if (previous) againstPrevious(out.figures, previous, ctx.catalogue, place, findings);
  }
  return out;
}

/** A unit outside its "Hoạt động từ/đến": its report is not consolidated. */
function inactive(unit: Unit, period: Period, cell: string, place: FindingPlace, findings: Finding[]): void {
  const bound = (b: string) => parsePeriodKey(b)?.label ?? formatDayVi(b);
  const span = [unit.activeFrom && `từ ${bound(unit.activeFrom)}`, unit.activeTo && `đến ${bound(unit.activeTo)}`].filter(Boolean).join(" ");
  findings.push(
    finding(
      "UNIT_INACTIVE",
      `${unit.name}${cell ? ` (ô ${cell})` : ""} không hoạt động trong kỳ ${period.label} (hoạt động ${span}): báo cáo không được tổng hợp. Nếu đơn vị vẫn hoạt động, hãy sửa "Hoạt động từ" / "Hoạt động đến" ở trang "Đơn vị".`,
      { ...place, cell },
    ),
  );
}

/**
 * The report's declared day, when it can be its received day: not after the import day, not before the
 * period starts (an old file copied again keeps its old date). "" otherwise, with a warning.
 */
function declaredDay(report: UnitReport, period: Period | null, today: string, place: FindingPlace, findings: Finding[]): string {
  const declared = report.reportDate;
  if (!declared || declared.value === null || declared.value === "") return "";
  const at = { ...place, cell: declared.cell };
  const day = parseDateCell(declared.value);
  if (!day) {
    findings.push(finding("REPORT_DATE_UNREADABLE", `Không đọc được ngày báo cáo "${cellText(declared.value)}" (ghi dạng 15/03/2026).`, at));
    return "";
  }
  if (day > today) {
    findings.push(finding("REPORT_DATE_FUTURE", `Ngày báo cáo ${formatDayVi(day)} (ô ${declared.cell}) nằm trong tương lai: dùng ngày sửa tệp hoặc ngày nhập thay thế.`, at));
    return "";
  }
  if (period && day < period.start) {
    findings.push(
      finding(
        "REPORT_DATE_BEFORE_PERIOD",
        `Ngày báo cáo ${formatDayVi(day)} (ô ${declared.cell}) trước khi kỳ ${period.label} bắt đầu (${formatDayVi(period.start)}): có thể là tệp cũ được sao chép lại. Ngày này không được dùng làm ngày nhận; dùng ngày sửa tệp hoặc ngày nhập thay thế.`,
        at,
      ),
    );
    return "";
  }
  return day;
}

// ---------------------------------------------------------------------------------------------------
// The rows

function validateRows(rows: ReportRow[], catalogue: Indicator[], place: FindingPlace, findings: Finding[]): ReportFigure[] {
  const byCode = new Map(catalogue.map((i) => [i.code, i]));
  const seen = new Map<string, string>();
  const figures: ReportFigure[] = [];
  for (const row of rows) {
    const rowPlace = { ...place, cell: firstCell(row) };
    if (!row.indicator) {
      if (row.mismatch) {
        findings.push(indicatorConflict(row, row.mismatch, byCode, rowPlace));
      } else if (row.stray.length > 0) {
        const label = [row.code, row.name].filter(Boolean).join(" - ");
        findings.push(finding("UNKNOWN_INDICATOR", `${capitalised(row.place)}: chỉ tiêu "${label}" không có trong danh mục chỉ tiêu; số liệu dòng này (${cellList(row.stray)}) không được tổng hợp.`, rowPlace));
      }
      continue;
    }
    const ind = byCode.get(row.indicator)!;
    const at = { ...rowPlace, indicator: ind.code };
    if (row.mismatch) findings.push(indicatorCodeUnknown(row, row.mismatch, ind, at));
    if (seen.has(ind.code)) {
      const cells = figureCells(row);
      const listed = cells.length ? `; ${cellList(cells)} không được tổng hợp` : "";
      findings.push(finding("DUPLICATE_ROW", `Chỉ tiêu ${ind.code} xuất hiện hai lần (${seen.get(ind.code)} và ${row.place}); chỉ lấy dòng đầu${listed}.`, at));
      continue;
    }
    seen.set(ind.code, row.place);
    for (const s of row.stray) {
      const column = s.column ? ` (cột "${s.column}")` : "";
      findings.push(finding("UNUSED_FIGURE", `${ind.code} ô ${s.cell}${column}: số ${shownValue(s.value)} không được tổng hợp: ${s.reason}.`, { ...at, cell: s.cell }));
    }
    const figure = ind.kind === "ratio" ? ratioFigure(row, ind, at, findings) : countFigure(row, ind, at, findings);
    if (figure) figures.push(figure);
  }
  return figures;
}

// A row's code and name naming different indicators (report-rows.ts decides; these say it). Both name an
// indicator: the row is refused, as a figure moved into another indicator's total would go upward
// unnoticed (mentors and mentees are both "người"), and the unit is asked to fix one of them. The code
// names none: the catalogue's exact name is the stronger sign, the row is taken by it, with a warning.

/** "MH06 “Tài khoản ngân hàng số được hỗ trợ mở”": an indicator as a message names it. */
function indicatorLabel(code: string, catalogue: Map<string, Indicator>): string {
  const ind = catalogue.get(code);
  return ind ? `${ind.code} “${ind.name}”` : code;
}

function indicatorConflict(row: ReportRow, m: IndicatorMismatch, catalogue: Map<string, Indicator>, place: FindingPlace): Finding {
  const figures = row.stray.length ? `số liệu dòng này (${cellList(row.stray)}) không được tổng hợp vào chỉ tiêu nào` : "dòng này không được tổng hợp";
  return finding(
    "INDICATOR_CONFLICT",
    `${capitalised(row.place)}: mã chỉ tiêu "${m.code.value}" (ô ${m.code.cell}) là của ${indicatorLabel(m.byCode!, catalogue)}, còn tên "${m.name.value}" (ô ${m.name.cell}) là của ${indicatorLabel(m.byName, catalogue)}: không biết dòng này là chỉ tiêu nào, nên ${figures}. Đề nghị đơn vị sửa mã hoặc tên chỉ tiêu cho khớp rồi gửi lại.`,
    { ...place, cell: m.code.cell },
  );
}

function indicatorCodeUnknown(row: ReportRow, m: IndicatorMismatch, ind: Indicator, place: FindingPlace): Finding {
  const foreign = latinCode(m.code.value).foreign;
  const chars = foreign.length ? ` (có ký tự không dùng trong mã: ${describeForeign(foreign)})` : "";
  return finding(
    "INDICATOR_CODE_UNKNOWN",
    `${capitalised(row.place)}: mã chỉ tiêu "${m.code.value}" (ô ${m.code.cell}) không có trong danh mục chỉ tiêu${chars}; tên "${m.name.value}" (ô ${m.name.cell}) là của ${ind.code} “${ind.name}”: số liệu dòng này được tổng hợp vào ${ind.code}. Đề nghị đơn vị sửa lại mã.`,
    { ...place, cell: m.code.cell },
  );
}

function firstCell(row: ReportRow): string {
  return (row.result ?? row.numerator ?? row.denominator ?? row.rates[0] ?? row.stray[0] ?? row.skipped[0])?.cell ?? "";
}

/** The cells of a row that hold something, figures and strays alike. */
function figureCells(row: ReportRow): { cell: string }[] {
  return [row.result, row.numerator, row.denominator, ...row.rates, ...row.stray].filter((c): c is Located<ParsedValue> => c !== null && c.value.kind !== "blank");
}

/** A row's cells left to right, as the clerk reads them (the parser collects them role by role). */
function cellList(cells: readonly { cell: string }[]): string {
  const column = (cell: string) => /^[A-Z]+/.exec(cell)?.[0] ?? "";
  const byColumn = (a: string, b: string) => column(a).length - column(b).length || (column(a) < column(b) ? -1 : column(a) > column(b) ? 1 : 0);
  return `ô ${cells.map((c) => c.cell).sort(byColumn).join(", ")}`;
}

function shownValue(v: ParsedValue): string {
  switch (v.kind) {
    case "number":
      return v.percent ? `${fmt(v.value * 100)}%` : fmt(v.value);
    case "text":
      return `"${v.text}"`;
    case "na":
      return "“không áp dụng”";
    case "blank":
      return "trống";
  }
}

function isPresent(v: Located<ParsedValue> | null): v is Located<ParsedValue> {
  return v !== null && v.value.kind !== "blank";
}

/** Checks a count (people, classes, ...): whole, not negative, not a percentage. */
function checkCount(v: Located<ParsedValue>, ind: Indicator, what: string, place: FindingPlace, findings: Finding[]): number | null {
  const at = { ...place, cell: v.cell };
  const p = v.value;
  if (p.kind === "na" || p.kind === "blank") return null;
  const err = (code: FindingCode, msg: string) => {
    findings.push(finding(code, `${ind.code} (${what}) ô ${v.cell}: ${msg}`, at));
    return null;
  };
  if (p.kind === "text") return err("NOT_A_NUMBER", `"${p.text}" không phải là số.`);
  if (p.percent) return err("NOT_A_NUMBER", `${fmt(p.value * 100)}% là tỷ lệ, ở đây cần số ${ind.uom}.`);
  if (p.value < 0) return err("NEGATIVE", `số âm (${fmt(p.value)}) không hợp lệ.`);
  if (!Number.isInteger(p.value)) return err("NOT_WHOLE", `${fmt(p.value)} ${ind.uom} phải là số nguyên.`);
  return p.value;
}

function countFigure(row: ReportRow, ind: Indicator, place: FindingPlace, findings: Finding[]): ReportFigure | null {
  if (!isPresent(row.result)) return null;
  const value = checkCount(row.result, ind, "kết quả", place, findings);
  if (value === null) return null;
  return { indicator: ind.code, value, numerator: null, denominator: null, sheet: place.sheet ?? "", cell: row.result.cell };
}

function ratioFigure(row: ReportRow, ind: Indicator, place: FindingPlace, findings: Finding[]): ReportFigure | null {
  const numSource = isPresent(row.numerator) ? row.numerator : null;
  const denSource = isPresent(row.denominator) ? row.denominator : null;
  const rates = row.rates.filter(isPresent);
  if (!numSource && !denSource) {
    // A rate alone cannot be weighted into the total.
    if (rates.length > 0) bareRate(rates[0], ind, place, findings);
    return null;
  }
  if (numSource?.value.kind === "na" || denSource?.value.kind === "na") return null;
  const num = numSource?.value;
  if (num && num.kind === "number" && num.percent) {
    bareRate(numSource!, ind, place, findings);
    return null;
  }
  if (!numSource || !denSource) {
    const missing = numSource ? "Mẫu số" : "Tử số";
    const cell = (numSource ?? denSource)!.cell;
    const unchecked = rates.length ? ` Tỷ lệ ghi ở ${cellList(rates)} không thay được ${missing}.` : "";
    findings.push(finding("RATIO_MISSING_PART", `${ind.code}: thiếu ${missing}; chỉ tiêu tỷ lệ cần cả Tử số và Mẫu số.${unchecked}`, { ...place, cell }));
    return null;
  }
  const numerator = checkCount(numSource, ind, "tử số", place, findings);
  const denominator = checkCount(denSource, ind, "mẫu số", place, findings);
  if (numerator === null || denominator === null) return null;
  if (numerator > denominator) {
    // CT04's denominator is the adult population: the plans name this case on its own.
    const certified = ind.code === CERTIFIED;
    findings.push(
      certified
        ? finding("CERTIFIED_ABOVE_ADULTS", `${ind.code}: số người được xác nhận phổ cập kỹ năng số (${fmt(numerator)}) lớn hơn dân số trưởng thành (${fmt(denominator)}).`, { ...place, cell: numSource.cell })
        : finding("NUMERATOR_ABOVE_DENOMINATOR", `${ind.code}: tử số ${fmt(numerator)} lớn hơn mẫu số ${fmt(denominator)}.`, { ...place, cell: numSource.cell }),
    );
    return null;
  }
  if (denominator > 0) for (const rate of rates) checkRate(rate, numerator, denominator, ind, place, findings);
  return {
    indicator: ind.code,
    value: denominator > 0 ? numerator / denominator : null,
    numerator,
    denominator,
    sheet: place.sheet ?? "",
    cell: numSource.cell,
  };
}

/** A typed percentage in points: "85%" and a fraction 0.85 are 85, a plain 84.6 stays 84.6. */
function percentPoints(p: { value: number; percent: boolean }): number {
  return p.percent || p.value <= 1 ? p.value * 100 : p.value;
}

/** A percentage where a ratio's two parts belong: an error that asks for both. */
function bareRate(rate: Located<ParsedValue>, ind: Indicator, place: FindingPlace, findings: Finding[]): void {
  const at = { ...place, cell: rate.cell };
  const p = rate.value;
  if (p.kind !== "number") {
    findings.push(finding("NOT_A_NUMBER", `${ind.code} (tỷ lệ) ô ${rate.cell}: ${shownValue(p)} không phải là số; chỉ tiêu tỷ lệ cần Tử số và Mẫu số.`, at));
    return;
  }
  const points = percentPoints(p);
  if (points < 0 || points > 100) {
    findings.push(finding("PERCENT_OUT_OF_RANGE", `${ind.code} ô ${rate.cell}: tỷ lệ ${fmt(points)}% nằm ngoài khoảng 0–100%.`, at));
    return;
  }
  findings.push(
    finding(
      "PERCENT_WITHOUT_DENOMINATOR",
      `${ind.code} ô ${rate.cell}: chỉ ghi tỷ lệ ${fmt(points)}%, không tổng hợp được. Đề nghị đơn vị ghi cả Tử số (số ${ind.uom} đạt) và Mẫu số (${ind.denominatorName || "tổng số"}).`,
      at,
    ),
  );
}

/** Decimal places a typed percentage shows (at most 4): its own rounding. */
function decimalsOf(points: number): number {
  const text = points.toFixed(4).replace(/\.?0+$/, "");
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * A rate the unit typed beside its parts is checked, never used: a warning when it differs from
 * numerator / denominator by more than its own rounding. A plain number may be a fraction (84.6% shown
 * from 0.846) or percentage points (84.6); either reading that agrees is accepted.
 */
function checkRate(rate: Located<ParsedValue>, numerator: number, denominator: number, ind: Indicator, place: FindingPlace, findings: Finding[]): void {
  const actual = (numerator / denominator) * 100;
  const at = { ...place, cell: rate.cell };
  const p = rate.value;
  if (p.kind !== "number") {
    findings.push(finding("RATE_MISMATCH", `${ind.code} ô ${rate.cell}: tỷ lệ ghi ${shownValue(p)} không phải là số; tổng hợp theo tử số và mẫu số (${fmt(actual)}%).`, at));
    return;
  }
  const readings = p.percent ? [p.value * 100] : [p.value * 100, p.value];
  if (readings.some((points) => Math.abs(points - actual) <= 0.5 * 10 ** -decimalsOf(points) + 1e-9)) return;
  findings.push(
    finding(
      "RATE_MISMATCH",
      `${ind.code} ô ${rate.cell}: tỷ lệ ghi ${fmt(percentPoints(p))}% khác tỷ lệ tính từ tử số và mẫu số (${fmt(numerator)}/${fmt(denominator)} = ${fmt(actual)}%); tổng hợp theo tử số và mẫu số.`,
      at,
    ),
  );
}

function crossChecks(figures: ReportFigure[], place: FindingPlace, findings: Finding[]): void {
  const get = (code: string) => figures.find((f) => f.indicator === code);
  const mentors = get(MENTOR);
  const mentees = get(MENTEE);
  if (mentors?.value != null && mentees?.value != null && mentees.value < 5 * mentors.value) {
    findings.push(
      finding(
        "MENTEES_BELOW_FIVE_PER_MENTOR",
        `Số người học được hướng dẫn (${fmt(mentees.value)}) ít hơn 5 lần số Đại sứ số (${fmt(mentors.value)}): mỗi Đại sứ số cần hướng dẫn ít nhất 5 người.`,
        { ...place, cell: mentees.cell, indicator: MENTEE },
      ),
    );
  }
}

function requiredChecks(unit: Unit, figures: ReportFigure[], rows: ReportRow[], ctx: ValidationContext, place: FindingPlace, findings: Finding[]): void {
  // Without a mapping for its type, a unit has no required indicators (templates then offer them all).
  const required = unitTypeMapping(ctx.unitTypes, unit.type)?.indicators ?? [];
  const reported = new Set(figures.map((f) => f.indicator));
  // A value refused by an error is already reported; "-" and "x" say "not applicable" on purpose.
  const explained = new Set(findings.filter((f) => f.indicator).map((f) => f.indicator));
  const notApplicable = new Set(rows.filter((r) => r.indicator && [r.result, r.numerator, r.denominator].some((c) => c?.value.kind === "na")).map((r) => r.indicator!));
  for (const code of required) {
    if (reported.has(code) || explained.has(code) || notApplicable.has(code)) continue;
    const ind = ctx.catalogue.find((i) => i.code === code);
    const row = rows.find((r) => r.indicator === code);
    const cell = row ? firstCell(row) : "";
    findings.push(
      finding("REQUIRED_BLANK", `Chỉ tiêu bắt buộc ${code}${ind ? ` (${ind.name})` : ""} chưa có số liệu${cell ? ` (ô ${cell})` : ""}.`, {
        ...place,
        cell,
        indicator: code,
      }),
    );
  }
}

function againstPrevious(figures: ReportFigure[], previous: Map<string, ReportFigure>, catalogue: Indicator[], place: FindingPlace, findings: Finding[]): void {
  const kinds = new Map(catalogue.map((i) => [i.code, i.kind]));
  for (const f of figures) {
    const prev = previous.get(f.indicator);
    if (!prev) continue;
    const kind = kinds.get(f.indicator);
    const now = kind === "ratio" ? f.numerator : f.value;
    const before = kind === "ratio" ? prev.numerator : prev.value;
    if (now === null || before === null) continue;
    const at = { ...place, cell: f.cell, indicator: f.indicator };
    if (kind === "stock" && now < before) {
      findings.push(finding("STOCK_DECREASED", `${f.indicator}: số lũy kế giảm từ ${fmt(before)} (kỳ trước) xuống ${fmt(now)}.`, at));
    }
    if (before > 0 && now > 3 * before) {
      findings.push(finding("JUMP_OVER_3X", `${f.indicator}: ${fmt(now)} tăng hơn 3 lần so với kỳ trước (${fmt(before)}); đề nghị kiểm tra lại.`, at));
    }
  }
}

/** "dòng 12" at the start of a sentence. */
function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
