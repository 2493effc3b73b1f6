// Which units owe a report for a period and which indicators each one reports: the plan behind the blank
// templates the commune sends out. Pure: the writer (src/io/template-writer.ts) turns it into files.
import { unitTypeMapping } from "./catalogue";
import { formatDayVi } from "./dates";
import { dueDay } from "./deadlines";
import { owedReportKeys } from "./periods";
import type { ReportDocument } from "./report-layout";
import { resolvePeriod } from "./period-consolidation";
import type { Indicator, MasterBook, Period, Settings, Unit } from "./types";

export interface TemplatePlan {
  unit: Unit;
  period: Period;
  /** YYYY-MM-DD the unit's report is due (before it, or on it when the deadline is inclusive). */
  dueDay: string;
  indicators: Indicator[];
  fileName: string;
}

/** "trước ngày 20/03/2026", or "chậm nhất ngày 20/03/2026" when the due day itself is still on time. */
export function deadlinePhrase(day: string, settings: Pick<Settings, "deadlineInclusive">): string {
  return `${settings.deadlineInclusive ? "chậm nhất" : "trước"} ngày ${formatDayVi(day)}`;
}

/**
 * A unit owes a report of its own for the period when the period is one of its own reporting periods
 * (a quarterly unit owes "2026-Q1", a monthly unit owes the months instead) and it is active then.
 */
export function owesReport(unit: Unit, period: Period, settings: Settings): boolean {
  return owedReportKeys(unit, period.key, settings.adhocPeriods).includes(period.key);
}

/** The unit type's indicators from the mapping sheet, in catalogue order; the whole catalogue without a mapping. */
export function unitIndicators(book: Pick<MasterBook, "catalogue" | "unitTypes">, unit: Unit): Indicator[] {
  const mapping = unitTypeMapping(book.unitTypes, unit.type);
  if (!mapping || mapping.indicators.length === 0) return [...book.catalogue];
  const wanted = new Set(mapping.indicators);
  return book.catalogue.filter((i) => wanted.has(i.code));
}

/** Vietnamese text as a file name every system accepts: no diacritics, no reserved characters. */
export function asciiFileName(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7e]/g, "")
    .replace(/[\\/:*?"<>|]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

export function templateFileName(unit: Unit, period: Period): string {
  return `${asciiFileName(`Mau BC ${period.key} - ${unit.name}`)}.xlsx`;
}

/** One plan per unit that owes a report for the period, in the units sheet's order. */
export function templatePlans(book: MasterBook, periodKey: string): TemplatePlan[] {
  const period = resolvePeriod(book, periodKey);
  const taken = new Set<string>();
  return book.units
    .filter((unit) => owesReport(unit, period, book.settings))
    .map((unit) => {
      // Names that differ only by diacritics or case would overwrite each other's file: add the code.
      let fileName = templateFileName(unit, period);
      if (taken.has(fileName.toLowerCase())) fileName = fileName.replace(/\.xlsx$/, ` (${asciiFileName(unit.code)}).xlsx`);
      taken.add(fileName.toLowerCase());
      return { unit, period, dueDay: dueDay(period.key, book.settings, unit.code), indicators: unitIndicators(book, unit), fileName };
    });
}

/** The blank form of one plan: the unit's header fields filled, every figure blank, the guidance below. */
export function templateDocument(book: MasterBook, plan: TemplatePlan): ReportDocument {
  const deadline = deadlinePhrase(plan.dueDay, book.settings);
  const receiver = book.settings.bodyName.trim() || "cơ quan tổng hợp";
  return {
    parentName: book.settings.bodyName,
    unitName: plan.unit.name,
    unitCode: plan.unit.code,
    periodLabel: plan.period.label,
    deadline,
    reportDate: "",
    lines: plan.indicators.map((indicator) => ({ indicator, value: null, numerator: null, denominator: null, note: "" })),
    instructions: [
      "Chỉ nhập số (số nguyên, không âm) vào các ô trắng của cột Kết quả, Tử số, Mẫu số; ô màu xám không phải nhập.",
      "Chỉ tiêu tỷ lệ cần ghi cả Tử số (số đạt) và Mẫu số (tổng số); không ghi tỷ lệ phần trăm.",
      "Ô chưa có số liệu thì để trống; giải thích (nếu có) ghi ở cột Ghi chú.",
      "Ghi Ngày báo cáo (ngày/tháng/năm); không sửa tên đơn vị, mã đơn vị, kỳ báo cáo và mã chỉ tiêu.",
      `Gửi lại tệp này (định dạng .xlsx) cho ${receiver} ${deadline}.`,
    ],
  };
}
