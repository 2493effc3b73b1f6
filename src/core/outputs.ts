// Consolidation -> output sheets, described as data (values, formats, fills) for any adapter to write.
// Outputs are re-derived from the data sheet every time and never typed over.
import { targetMet } from "./consolidation";
import { formatDayVi, formatInstantVi, formatReceivedVi } from "./dates";
import { dataWindow, dueDay } from "./deadlines";
import { frequencyLabel, kindLabel, receivedSourceLabel, SHEETS } from "./master-sheets";
import { FINDINGS } from "./master-schema/findings-sheet";
import { writeTable } from "./master-schema/table-schema";
import { dataSheetSpec, logSheetSpec, submissionsSheetSpec } from "./master-write";
import { sealSheet } from "./output-seal";
import { parsePeriodKey } from "./periods";
import { submissionsByUnit, type Consolidation } from "./period-consolidation";
import { COUNT, PERCENT, rectangular, TEXT } from "./sheet-spec";
import { HEADER_FILL, STATUS_COLORS, STATUS_FONT_COLORS, VERDICT_TONE } from "./palette";
import { unitStatus } from "./status";
import type { ConsolidatedIndicator, FillRange, Finding, MasterBook, OutValue, SheetSpec, Target } from "./types";

function fillRow(row: number, left: number, right: number, color: string, fontColor?: string): FillRange {
  return { range: { top: row, left, bottom: row, right }, color, fontColor };
}

export function targetText(t: Target | null): string {
  if (!t) return "";
  const op = t.op === ">" ? ">" : "≥";
  const v = t.isPercent ? `${(t.value * 100).toLocaleString("vi-VN", { maximumFractionDigits: 1 })}%` : t.value.toLocaleString("vi-VN");
  return `${op} ${v}`;
}

/** The consolidated report: indicators x (target, result, % of target, units reporting, one column per unit). */
export function consolidatedSheet(book: MasterBook, c: Consolidation): SheetSpec {
  const unitsWithData = book.units.filter((u) => c.indicators.some((i) => i.byUnit[u.code] !== undefined));
  const submitted = c.units.filter((u) => u.status === "on_time" || u.status === "late").length;
  const required = c.units.filter((u) => u.status !== "not_required").length;
  const count = (s: string) => c.units.filter((u) => u.status === s).length;
  const window = dataWindow(c.period, book.settings);
  const title = [
    [`BÁO CÁO TỔNG HỢP KẾT QUẢ PHONG TRÀO "BÌNH DÂN HỌC VỤ SỐ"`],
    [
      `Đơn vị tổng hợp: ${book.settings.bodyName || "(chưa đặt tên trong trang Cài đặt)"}   Kỳ báo cáo: ${c.period.label} (số liệu từ ${formatDayVi(window.start)} đến ${formatDayVi(window.end)})   Tình trạng nộp tính đến: ${formatInstantVi(c.asOf)}`,
    ],
    [
      `Đơn vị đã nộp: ${submitted}/${required} (đúng hạn ${count("on_time")}, trễ hạn ${count("late")}); quá hạn chưa nộp: ${count("overdue")}; chưa đến hạn: ${count("pending")}. Tỷ lệ = tổng tử số / tổng mẫu số, không lấy trung bình tỷ lệ của các đơn vị.`,
    ],
    [],
  ];
  const header = [
    "STT",
    "Mã chỉ tiêu",
    "Chỉ tiêu",
    "Đơn vị tính",
    "Loại",
    "Kế hoạch",
    "Kết quả",
    "Tử số",
    "Mẫu số",
    "% so với kế hoạch",
    "Đánh giá",
    "Số đơn vị báo cáo",
    ...unitsWithData.map((u) => u.name),
  ];
  const headerRow = title.length;
  const values: OutValue[][] = [...title, header];
  const formats: string[][] = values.map((r) => r.map(() => TEXT));
  const fills: FillRange[] = [fillRow(headerRow, 0, header.length - 1, HEADER_FILL)];
  c.indicators.forEach((ind, i) => {
    const ratio = ind.kind === "ratio";
    const met = targetMet(ind.value, ind.target);
    const verdict = met === null ? "" : met ? "Đạt" : "Chưa đạt";
    values.push([
      i + 1,
      ind.code,
      ind.name,
      ind.uom,
      kindLabel(ind.kind),
      targetText(ind.target),
      ind.value,
      ind.numerator,
      ind.denominator,
      ind.achievement,
      verdict,
      ind.unitsReporting,
      ...unitsWithData.map((u) => ind.byUnit[u.code] ?? null),
    ]);
    const valueFormat = ratio ? PERCENT : COUNT;
    formats.push(["0", TEXT, TEXT, TEXT, TEXT, TEXT, valueFormat, COUNT, COUNT, PERCENT, TEXT, "0", ...unitsWithData.map(() => valueFormat)]);
    if (met !== null) fills.push(fillRow(values.length - 1, 10, 10, STATUS_COLORS[met ? VERDICT_TONE.met : VERDICT_TONE.notMet]));
  });
  const first = headerRow + 1;
  const last = values.length - 1;
  return sealSheet({
    name: SHEETS.consolidated,
    values: rectangular(values, null),
    numberFormats: rectangular(formats, TEXT),
    fills,
    boldRows: [0, headerRow],
    wrapRows: [headerRow],
    columnWidths: [5, 12, 72, 10, 16, 12, 12, 12, 12, 14, 10, 10, ...unitsWithData.map(() => 14)],
    freeze: { rows: headerRow + 1, columns: 3 },
    bars: last >= first ? { top: first, left: 9, bottom: last, right: 9 } : undefined,
    landscape: true,
  });
}

/** Status matrix: units x the months of the span (and the span itself when it is longer), by colour. */
export function statusSheet(book: MasterBook, c: Consolidation, asOf: Date): SheetSpec {
  const adhoc = book.settings.adhocPeriods;
  const columns = statusColumns(c);
  const header = [
    "Mã đơn vị",
    "Tên đơn vị",
    "Tần suất",
    ...columns.map((k) => parsePeriodKey(k, adhoc)?.label ?? k),
    "Hạn nộp (trước ngày)",
    "Nhận lúc",
    "Nguồn ngày nhận",
    "Lỗi",
    "Cảnh báo",
    "Liên hệ",
  ];
  const title: OutValue[][] = [[`TÌNH TRẠNG NỘP BÁO CÁO – ${c.period.label.toUpperCase()} (tính đến ${formatInstantVi(c.asOf)})`], []];
  const headerRow = title.length;
  const values: OutValue[][] = [...title, header];
  const fills: FillRange[] = [fillRow(headerRow, 0, header.length - 1, HEADER_FILL)];
  const byUnit = new Map(c.units.map((s) => [s.unit, s]));
  const submissions = submissionsByUnit(book);
  for (const unit of book.units) {
    const span = byUnit.get(unit.code)!;
    const subs = submissions.get(unit.code) ?? [];
    const cells = columns.map((k) => (k === c.period.key ? span : unitStatus({ unit, periodKey: k, submissions: subs, asOf, settings: book.settings })));
    const r = values.length;
    values.push([
      unit.code,
      unit.name,
      frequencyLabel(unit.frequency),
      ...cells.map((s) => s.label),
      span.status === "not_required" ? "" : formatDayVi(dueDay(c.period.key, book.settings, unit.code)),
      span.receivedAt ? formatReceivedVi(span.receivedAt) : "",
      span.receivedSource ? receivedSourceLabel(span.receivedSource) : "",
      span.errors,
      span.warnings,
      unit.contact,
    ]);
    cells.forEach((s, i) => fills.push(fillRow(r, 3 + i, 3 + i, STATUS_COLORS[s.status], STATUS_FONT_COLORS[s.status])));
    if (span.status === "overdue" || span.status === "late") fills.push(fillRow(r, 0, 1, STATUS_COLORS[span.status], STATUS_FONT_COLORS[span.status]));
  }
  const countColumns = new Set([3 + columns.length + 3, 3 + columns.length + 4]);
  const formats = values.map((_row, r) => header.map((_, i) => (r > headerRow && countColumns.has(i) ? "0" : TEXT)));
  return sealSheet({
    name: SHEETS.status,
    values: rectangular(values, null),
    numberFormats: formats,
    fills,
    boldRows: [0, headerRow],
    wrapRows: [headerRow],
    columnWidths: [12, 40, 10, ...columns.map(() => 16), 20, 18, 16, 8, 10, 36],
    freeze: { rows: headerRow + 1, columns: 2 },
    landscape: true,
  });
}

function statusColumns(c: Consolidation): string[] {
  const months = c.period.months;
  if (c.period.kind === "month" || months.length === 0) return [c.period.key];
  return [...months, c.period.key];
}

export function findingsSheet(findings: Finding[]): SheetSpec {
  return writeTable(FINDINGS, findings);
}

/** The sheets an import rewrites: data, submissions, log and findings. Input sheets stay as the clerk left them. */
export function importSheets(book: MasterBook): SheetSpec[] {
  return [dataSheetSpec(book.data), submissionsSheetSpec(book.submissions), logSheetSpec(book.log), findingsSheet(book.findings)];
}

/** Every sheet a consolidation rewrites: what an import writes, plus the consolidated report and status matrix. */
export function consolidationSheets(book: MasterBook, c: Consolidation, asOf: Date): SheetSpec[] {
  return [...importSheets(book), consolidatedSheet(book, c), statusSheet(book, c, asOf)];
}

export function achievementSummary(ind: ConsolidatedIndicator): string {
  if (ind.achievement === null) return "";
  return `${(ind.achievement * 100).toLocaleString("vi-VN", { maximumFractionDigits: 1 })}%`;
}
