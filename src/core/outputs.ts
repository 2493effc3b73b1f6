// Consolidation -> output sheets, described as data (values, formats, fills, page setup) for any adapter
// to write. Outputs are re-derived from the data sheet every time and never typed over.
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
import { headerText, PAGE_OF_PAGES, paperLayout, tableRowHeights } from "./print-layout";
import { COUNT, PERCENT, rectangular, TEXT } from "./sheet-spec";
import { HEADER_FILL, STATUS_COLORS, STATUS_FONT_COLORS, VERDICT_TONE } from "./palette";
import { unitStatus } from "./status";
import type { CellRange, ConsolidatedIndicator, FillRange, Finding, MasterBook, OutValue, PageBand, Settings, SheetSpec, Target, Unit } from "./types";

function fillRow(row: number, left: number, right: number, color: string, fontColor?: string): FillRange {
  return { range: { top: row, left, bottom: row, right }, color, fontColor };
}

const number = (n: number, digits = 0) => n.toLocaleString("vi-VN", { maximumFractionDigits: digits });

export function targetText(t: Target | null): string {
  if (!t) return "";
  const op = t.op === ">" ? ">" : "≥";
  const v = t.isPercent ? `${number(t.value * 100, 1)}%` : number(t.value);
  return `${op} ${v}`;
}

/**
 * "Đạt" or "Chưa đạt"; against a count target ("≥ 1 per commune") also the figures, "Đạt (8/≥ 1)": a
 * percentage of such a target ("800%") says nothing a manager can use.
 */
export function verdictText(ind: ConsolidatedIndicator): string {
  const met = targetMet(ind.value, ind.target);
  if (met === null || !ind.target) return "";
  const word = met ? "Đạt" : "Chưa đạt";
  return ind.target.isPercent ? word : `${word} (${number(ind.value as number, 2)}/${targetText(ind.target)})`;
}

/** The pane's achievement: "84,1%" of a percentage target, the verdict with figures for a count target. */
export function achievementSummary(ind: ConsolidatedIndicator): string {
  if (ind.achievement === null) return "";
  if (ind.target && !ind.target.isPercent) return verdictText(ind);
  return `${number(ind.achievement * 100, 1)}%`;
}

/** The sheet's "% so với kế hoạch": a count target met counts as 100% (the verdict beside it gives the figures), so the bars stay comparable. */
function achievementCell(ind: ConsolidatedIndicator): number | null {
  if (ind.achievement === null) return null;
  return ind.target && !ind.target.isPercent ? Math.min(ind.achievement, 1) : ind.achievement;
}

/** "UBND xã Hòa Bình (mã XHB)", or what to do when the body has no name yet. */
export function bodyLine(settings: Pick<Settings, "bodyCode" | "bodyName">): string {
  const name = settings.bodyName || "(chưa đặt tên: nhập ở trang “Cài đặt” hoặc trong ngăn tác vụ)";
  return settings.bodyCode ? `${name} (mã ${settings.bodyCode})` : name;
}

/** Every printed page names the body, the report and its period, and the as-of instant. */
function pageBands(book: MasterBook, title: string, c: Consolidation): { header: PageBand; footer: PageBand } {
  return {
    header: { left: headerText(book.settings.bodyName), center: headerText(`${title} – ${c.period.label}`), right: headerText(`Tính đến ${formatInstantVi(c.asOf)}`) },
    footer: { left: headerText(SHEET_TITLE), right: PAGE_OF_PAGES },
  };
}

const SHEET_TITLE = "Tổng hợp báo cáo Bình dân học vụ số";

/**
 * The units shown one column each: every unit required in the period (an overdue one too, its cells
 * empty and its status above them), and any other unit whose figures count in it.
 */
export function reportingUnits(book: MasterBook, c: Consolidation): Unit[] {
  const required = new Set(c.units.filter((u) => u.status !== "not_required").map((u) => u.unit));
  return book.units.filter((u) => required.has(u.code) || c.indicators.some((i) => i.byUnit[u.code] !== undefined));
}

const CONSOLIDATED_HEADER = ["STT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Loại", "Kế hoạch", "Kết quả", "Tử số", "Mẫu số", "% so với kế hoạch", "Đánh giá", "Số đơn vị báo cáo"];
/** Narrow enough that the table prints one A4 page wide at full size; names wrap inside their column. */
const CONSOLIDATED_WIDTHS = [4, 8, 40, 8, 11, 9, 10, 10, 10, 9, 14, 7];
const ACHIEVEMENT_COLUMN = 9;
const VERDICT_COLUMN = 10;
/** Name, unit of measure, kind and verdict wrap in their narrow columns. */
const CONSOLIDATED_WRAPPED = [2, 3, 4, VERDICT_COLUMN];

/** The consolidated report: indicators x (target, result, % of target, units reporting). */
export function consolidatedSheet(book: MasterBook, c: Consolidation): SheetSpec {
  const submitted = c.units.filter((u) => u.status === "on_time" || u.status === "late").length;
  const required = c.units.filter((u) => u.status !== "not_required").length;
  const count = (s: string) => c.units.filter((u) => u.status === s).length;
  const window = dataWindow(c.period, book.settings);
  // Short lines: each fits the printed width of the table, where a long one would be cut.
  const title: OutValue[][] = [
    [`BÁO CÁO TỔNG HỢP KẾT QUẢ PHONG TRÀO "BÌNH DÂN HỌC VỤ SỐ"`],
    [`Đơn vị tổng hợp: ${bodyLine(book.settings)}`],
    [`Kỳ báo cáo: ${c.period.label} (số liệu từ ${formatDayVi(window.start)} đến ${formatDayVi(window.end)}). Tình trạng nộp tính đến: ${formatInstantVi(c.asOf)}`],
    [`Đơn vị đã nộp: ${submitted}/${required} (đúng hạn ${count("on_time")}, trễ hạn ${count("late")}); quá hạn chưa nộp: ${count("overdue")}; chưa đến hạn: ${count("pending")}.`],
    ["Tỷ lệ = tổng tử số / tổng mẫu số, không lấy trung bình tỷ lệ của các đơn vị. Số liệu từng đơn vị: trang “Tổng hợp theo đơn vị”."],
    [],
  ];
  const headerRow = title.length;
  const values: OutValue[][] = [...title, CONSOLIDATED_HEADER];
  const formats: string[][] = values.map((r) => r.map(() => TEXT));
  const fills: FillRange[] = [fillRow(headerRow, 0, CONSOLIDATED_HEADER.length - 1, HEADER_FILL)];
  c.indicators.forEach((ind, i) => {
    const met = targetMet(ind.value, ind.target);
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
      achievementCell(ind),
      verdictText(ind),
      ind.unitsReporting,
    ]);
    formats.push(["0", TEXT, TEXT, TEXT, TEXT, TEXT, ind.kind === "ratio" ? PERCENT : COUNT, COUNT, COUNT, PERCENT, TEXT, "0"]);
    if (met !== null) fills.push(fillRow(values.length - 1, VERDICT_COLUMN, VERDICT_COLUMN, STATUS_COLORS[met ? VERDICT_TONE.met : VERDICT_TONE.notMet]));
  });
  const first = headerRow + 1;
  const last = values.length - 1;
  return reportSheet(book, c, {
    name: SHEETS.consolidated,
    title: "Báo cáo tổng hợp",
    values,
    formats,
    fills,
    widths: CONSOLIDATED_WIDTHS,
    headerRow,
    bodyFirst: first,
    wrapColumns: CONSOLIDATED_WRAPPED,
    freezeColumns: 3,
    titleColumns: { first: 0, last: 2 },
    bars: last >= first ? { top: first, left: ACHIEVEMENT_COLUMN, bottom: last, right: ACHIEVEMENT_COLUMN } : undefined,
  });
}

interface ReportLayout {
  name: string;
  /** The report's name in the page header: "Báo cáo tổng hợp". */
  title: string;
  values: OutValue[][];
  formats: string[][];
  fills: FillRange[];
  widths: number[];
  headerRow: number;
  /** The first row under the header rows (which are frozen and repeated on every printed page). */
  bodyFirst: number;
  wrapColumns: number[];
  freezeColumns: number;
  /** The label columns, repeated on every page when the table prints over several pages across. */
  titleColumns: { first: number; last: number };
  bars?: CellRange;
}

/** A report for paper: header rows frozen and repeated, long texts wrapped, A4 landscape, sealed, placed first. */
function reportSheet(book: MasterBook, c: Consolidation, r: ReportLayout): SheetSpec {
  const last = r.values.length - 1;
  return sealSheet({
    name: r.name,
    values: rectangular(r.values, null),
    numberFormats: rectangular(r.formats, TEXT),
    fills: r.fills,
    boldRows: [0, r.headerRow],
    wrapRows: [r.headerRow],
    wrapColumns: r.wrapColumns,
    rowHeights: tableRowHeights(r.values, r.widths, r.headerRow, { first: r.bodyFirst, last, columns: r.wrapColumns }),
    columnWidths: r.widths,
    freeze: { rows: r.bodyFirst, columns: r.freezeColumns },
    bars: r.bars,
    print: paperLayout(r.widths, {
      orientation: "landscape",
      area: { top: 0, left: 0, bottom: last, right: r.widths.length - 1 },
      titleRows: { first: r.headerRow, last: r.bodyFirst - 1 },
      titleColumns: r.titleColumns,
      ...pageBands(book, r.title, c),
    }),
    leading: true,
  });
}

const UNIT_COLUMN_WIDTH = 12;

/** Each unit's figures, one column per unit, under its status: the per-unit columns, printed apart from the report. */
export function byUnitSheet(book: MasterBook, c: Consolidation): SheetSpec {
  const units = reportingUnits(book, c);
  const status = new Map(c.units.map((s) => [s.unit, s]));
  const title: OutValue[][] = [
    [`SỐ LIỆU TỪNG ĐƠN VỊ – ${c.period.label.toUpperCase()}`],
    [`Đơn vị tổng hợp: ${bodyLine(book.settings)}. Tình trạng nộp tính đến: ${formatInstantVi(c.asOf)}`],
    ["Ô trống: đơn vị chưa nộp báo cáo kỳ này, hoặc không báo cáo chỉ tiêu đó. Tổng của các cột: trang “Tổng hợp”."],
    [],
  ];
  const headerRow = title.length;
  const statusRow = headerRow + 1;
  const header = ["Mã chỉ tiêu", "Chỉ tiêu", ...units.map((u) => u.name)];
  const values: OutValue[][] = [...title, header, ["", "Tình trạng nộp", ...units.map((u) => status.get(u.code)?.label ?? "")]];
  const formats: string[][] = values.map((r) => r.map(() => TEXT));
  const fills: FillRange[] = [fillRow(headerRow, 0, header.length - 1, HEADER_FILL)];
  units.forEach((u, i) => {
    const s = status.get(u.code);
    if (s) fills.push(fillRow(statusRow, 2 + i, 2 + i, STATUS_COLORS[s.status], STATUS_FONT_COLORS[s.status]));
  });
  for (const ind of c.indicators) {
    values.push([ind.code, ind.name, ...units.map((u) => ind.byUnit[u.code] ?? null)]);
    const format = ind.kind === "ratio" ? PERCENT : COUNT;
    formats.push([TEXT, TEXT, ...units.map(() => format)]);
  }
  const widths = [8, 30, ...units.map(() => UNIT_COLUMN_WIDTH)];
  return reportSheet(book, c, {
    name: SHEETS.byUnit,
    title: "Số liệu từng đơn vị",
    values,
    formats,
    fills,
    widths,
    headerRow,
    bodyFirst: statusRow + 1,
    wrapColumns: [1],
    freezeColumns: 2,
    titleColumns: { first: 0, last: 1 },
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
  const title: OutValue[][] = [[`TÌNH TRẠNG NỘP BÁO CÁO – ${c.period.label.toUpperCase()} – ${bodyLine(book.settings)} (tính đến ${formatInstantVi(c.asOf)})`], []];
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
  // Every header fits its column in at most two lines: "Nguồn ngày nhận" no longer runs into "Lỗi".
  const widths = [9, 30, 8, ...columns.map(() => 14), 12, 15, 12, 6, 8, 32];
  return reportSheet(book, c, {
    name: SHEETS.status,
    title: "Tình trạng nộp báo cáo",
    values,
    formats,
    fills,
    widths,
    headerRow,
    bodyFirst: headerRow + 1,
    wrapColumns: [1, header.length - 1],
    freezeColumns: 2,
    titleColumns: { first: 0, last: 1 },
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

/**
 * Every sheet a consolidation rewrites: what an import writes, plus the reports for paper (consolidated
 * report, per-unit figures, status matrix), which come first in the workbook when they are new.
 */
export function consolidationSheets(book: MasterBook, c: Consolidation, asOf: Date): SheetSpec[] {
  return [consolidatedSheet(book, c), byUnitSheet(book, c), statusSheet(book, c, asOf), ...importSheets(book)];
}
