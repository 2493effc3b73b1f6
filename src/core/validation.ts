// Unit report -> findings and facts. Every rule of PRODUCT.md "Rules the data must pass" lives here: an
// error keeps the value out of the consolidation, a warning lets it in with a flag.
import { unitTypeMapping } from "./catalogue";
import { parseDateCell } from "./dates";
import { finding, FindingCode, FindingPlace } from "./findings";
import { matchUnit } from "./matching";
import { parsePeriodText } from "./periods";
import type { Finding, Indicator, Located, ParsedValue, ReportRow, Settings, Unit, UnitReport, UnitTypeIndicators } from "./types";

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
  /** YYYY-MM-DD declared in "Ngày báo cáo", "" when none or unreadable. */
  declaredDate: string;
  figures: ReportFigure[];
  findings: Finding[];
  /** True when the file cannot be attributed to a unit and period: nothing of it is imported. */
  fatal: boolean;
}

const MENTOR = "MH01";
const MENTEE = "MH02";
const CERTIFIED = "CT04";

// One formatter for the module: toLocaleString builds a new one on every call.
const VI_NUMBER = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });

function fmt(n: number): string {
  return VI_NUMBER.format(n);
}

export function validateReport(report: UnitReport, ctx: ValidationContext): ValidatedReport {
  const findings: Finding[] = [...report.findings];
  const base: FindingPlace = { file: report.file, sheet: report.sheet };
  const out: ValidatedReport = { unit: null, periodKey: null, declaredDate: "", figures: [], findings, fatal: false };
  if (findings.some((f) => f.severity === "error" && (f.code === "NO_REPORT_SHEET" || f.code === "NO_INDICATOR_TABLE"))) {
    out.fatal = true;
  }

  // Unit
  const codeText = report.unitCode?.value ?? null;
  const nameText = report.unitName?.value ?? null;
  const unitCell = report.unitCode?.cell ?? report.unitName?.cell ?? "";
  if (!codeText && !nameText) {
    findings.push(finding("UNIT_MISSING", "Báo cáo không ghi \"Đơn vị\" hoặc \"Mã đơn vị\" ở phần đầu: không biết báo cáo của đơn vị nào.", base));
    out.fatal = true;
  } else {
    const match = matchUnit(codeText, nameText, ctx.units);
    if (!match.unit) {
      const shown = [codeText, nameText].filter(Boolean).join(" - ");
      const hint = match.suggestions.length ? ` Có phải là: ${match.suggestions.join("; ")}?` : " Hãy thêm đơn vị vào trang \"Đơn vị\" hoặc sửa tên trong báo cáo.";
      findings.push(finding("UNKNOWN_UNIT", `Đơn vị "${shown}" không có trong danh sách đơn vị.${hint}`, { ...base, cell: unitCell, unit: shown }));
      out.fatal = true;
    } else {
      out.unit = match.unit;
    }
  }
  const unitCode = out.unit?.code ?? "";

  // Period
  if (!report.periodText || !report.periodText.value.trim()) {
    findings.push(finding("PERIOD_MISSING", "Báo cáo không ghi \"Kỳ báo cáo\" (ví dụ: Tháng 3/2026, Quý I/2026).", { ...base, unit: unitCode }));
    out.fatal = true;
  } else {
    out.periodKey = parsePeriodText(report.periodText.value, ctx.settings.adhocPeriods);
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
  const place: FindingPlace = { ...base, unit: unitCode, period: periodKey };

  // Report date
  if (report.reportDate && report.reportDate.value !== null && report.reportDate.value !== "") {
    const day = parseDateCell(report.reportDate.value);
    if (!day) {
      findings.push(finding("REPORT_DATE_UNREADABLE", `Không đọc được ngày báo cáo "${String(report.reportDate.value)}" (ghi dạng 15/03/2026).`, { ...place, cell: report.reportDate.cell }));
    } else if (day > ctx.today) {
      findings.push(finding("REPORT_DATE_FUTURE", `Ngày báo cáo ${day.split("-").reverse().join("/")} nằm trong tương lai: dùng ngày sửa tệp hoặc ngày nhập thay thế.`, { ...place, cell: report.reportDate.cell }));
    } else {
      out.declaredDate = day;
    }
  }
  if (out.fatal) return out;

  out.figures = validateRows(report.rows, ctx.catalogue, place, findings);
  crossChecks(out.figures, place, findings);
  if (out.unit) {
    requiredChecks(out.unit, out.figures, report.rows, ctx, place, findings);
    const previous = ctx.previous(out.unit.code, periodKey);
    if (previous) againstPrevious(out.figures, previous, ctx.catalogue, place, findings);
  }
  return out;
}

function validateRows(rows: ReportRow[], catalogue: Indicator[], place: FindingPlace, findings: Finding[]): ReportFigure[] {
  const byCode = new Map(catalogue.map((i) => [i.code, i]));
  const seen = new Map<string, number>();
  const figures: ReportFigure[] = [];
  for (const row of rows) {
    const rowPlace = { ...place, cell: firstCell(row) };
    if (!row.indicator) {
      if (hasAnyNumber(row)) {
        const label = [row.code, row.name].filter(Boolean).join(" - ");
        findings.push(finding("UNKNOWN_INDICATOR", `Dòng ${row.row}: chỉ tiêu "${label}" không có trong danh mục chỉ tiêu; số liệu dòng này không được tổng hợp.`, rowPlace));
      }
      continue;
    }
    const ind = byCode.get(row.indicator)!;
    const at = { ...rowPlace, indicator: ind.code };
    if (seen.has(ind.code)) {
      findings.push(finding("DUPLICATE_ROW", `Chỉ tiêu ${ind.code} xuất hiện hai lần (dòng ${seen.get(ind.code)} và dòng ${row.row}); chỉ lấy dòng đầu.`, at));
      continue;
    }
    seen.set(ind.code, row.row);
    const figure = ind.kind === "ratio" ? ratioFigure(row, ind, at, findings) : countFigure(row, ind, at, findings);
    if (figure) figures.push(figure);
  }
  return figures;
}

function firstCell(row: ReportRow): string {
  return (row.result ?? row.numerator ?? row.denominator ?? row.cumulative)?.cell ?? "";
}

function hasAnyNumber(row: ReportRow): boolean {
  return [row.result, row.numerator, row.denominator, row.cumulative].some((c) => c && c.value.kind === "number");
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
  // A stock may be given only in the "Lũy kế" column.
  const source = isPresent(row.result) ? row.result : ind.kind === "stock" && isPresent(row.cumulative) ? row.cumulative : null;
  if (!source) return null;
  const value = checkCount(source, ind, "kết quả", place, findings);
  if (value === null) return null;
  return { indicator: ind.code, value, numerator: null, denominator: null, sheet: place.sheet ?? "", cell: source.cell };
}

function ratioFigure(row: ReportRow, ind: Indicator, place: FindingPlace, findings: Finding[]): ReportFigure | null {
  const numSource = isPresent(row.numerator) ? row.numerator : isPresent(row.result) ? row.result : null;
  const denSource = isPresent(row.denominator) ? row.denominator : null;
  if (!numSource && !denSource) return null;
  if (numSource?.value.kind === "na" || denSource?.value.kind === "na") return null;
  const num = numSource?.value;
  if (num && num.kind === "number" && num.percent) {
    const at = { ...place, cell: numSource!.cell };
    if (num.value < 0 || num.value > 1) {
      findings.push(finding("PERCENT_OUT_OF_RANGE", `${ind.code} ô ${numSource!.cell}: tỷ lệ ${fmt(num.value * 100)}% nằm ngoài khoảng 0–100%.`, at));
      return null;
    }
    findings.push(
      finding(
        "PERCENT_WITHOUT_DENOMINATOR",
        `${ind.code} ô ${numSource!.cell}: chỉ ghi tỷ lệ ${fmt(num.value * 100)}%, không tổng hợp được. Đề nghị đơn vị ghi cả Tử số (số ${ind.uom} đạt) và Mẫu số (${ind.denominatorName || "tổng số"}).`,
        at,
      ),
    );
    return null;
  }
  if (!numSource || !denSource) {
    const missing = numSource ? "Mẫu số" : "Tử số";
    const cell = (numSource ?? denSource)!.cell;
    findings.push(finding("RATIO_MISSING_PART", `${ind.code}: thiếu ${missing}; chỉ tiêu tỷ lệ cần cả Tử số và Mẫu số.`, { ...place, cell }));
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
  return {
    indicator: ind.code,
    value: denominator > 0 ? numerator / denominator : null,
    numerator,
    denominator,
    sheet: place.sheet ?? "",
    cell: numSource.cell,
  };
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
  const notApplicable = new Set(
    rows.filter((r) => r.indicator && [r.result, r.numerator, r.denominator, r.cumulative].some((c) => c?.value.kind === "na")).map((r) => r.indicator!),
  );
  for (const code of required) {
    if (reported.has(code) || explained.has(code) || notApplicable.has(code)) continue;
    const ind = ctx.catalogue.find((i) => i.code === code);
    const row = rows.find((r) => r.indicator === code);
    findings.push(
      finding("REQUIRED_BLANK", `Chỉ tiêu bắt buộc ${code}${ind ? ` (${ind.name})` : ""} chưa có số liệu.`, {
        ...place,
        cell: row ? firstCell(row) : "",
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
