// The consolidated period as one unit report of the consolidating body, for the next level up: the
// province reads it like any commune unit's report. Ratios travel as their summed numerator and
// denominator, so the province recomputes Σ num / Σ den instead of averaging rates.
import { InputError } from "./input-error";
import type { Consolidation } from "./period-consolidation";
import type { ReportDocument, ReportLine } from "./report-layout";
import { asciiFileName } from "./template-plan";
import type { ConsolidatedIndicator, Indicator, MasterBook, Period } from "./types";

export class UpwardReportError extends InputError {}

function line(indicator: Indicator, c: ConsolidatedIndicator): ReportLine {
  const reported = c.unitsReporting > 0;
  const ratio = indicator.kind === "ratio";
  return {
    indicator,
    value: reported && !ratio ? c.value : null,
    numerator: reported && ratio ? c.numerator : null,
    denominator: reported && ratio ? c.denominator : null,
    note: reported ? `Tổng hợp từ ${c.unitsReporting} đơn vị` : "",
  };
}

/** The body's report for the consolidated period, dated `reportDay` (YYYY-MM-DD). */
export function upwardReport(book: MasterBook, c: Consolidation, reportDay: string): ReportDocument {
  const { bodyCode, bodyName } = book.settings;
  if (!bodyCode.trim() && !bodyName.trim()) {
    throw new UpwardReportError(
      `Chưa có mã và tên đơn vị tổng hợp: điền "Mã đơn vị tổng hợp" và "Tên đơn vị tổng hợp" trong trang "Cài đặt" (hoặc tạo sổ bằng tonghop init --code MA --name TEN) trước khi xuất báo cáo lên cấp trên.`,
    );
  }
  const byCode = new Map(book.catalogue.map((i) => [i.code, i]));
  const lines = c.indicators.flatMap((ci) => {
    const indicator = byCode.get(ci.code);
    return indicator ? [line(indicator, ci)] : [];
  });
  return {
    parentName: "",
    unitName: bodyName.trim(),
    unitCode: bodyCode.trim(),
    periodLabel: c.period.label,
    deadline: "",
    reportDate: reportDay,
    lines,
    instructions: [],
  };
}

export function upwardFileName(book: MasterBook, period: Period): string {
  const body = book.settings.bodyName.trim() || book.settings.bodyCode.trim();
  return `${asciiFileName(`BC ${period.key} - ${body}`)}.xlsx`;
}
