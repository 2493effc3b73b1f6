// Writes a unit report workbook the way a commune unit sends one, in the layout variants units actually
// use. Runs in Node and in the browser (no fs): the demo, the tests and the benchmarks all build files here.
import { Workbook, type Worksheet, type Borders, type Font } from "exceljs";
import { unzipSync, zipSync } from "fflate";
import { DEFAULT_CATALOGUE } from "../core/catalogue";
import type { Indicator } from "../core/types";

/** A figure as the unit typed it: a number, a ratio's two parts, or any text (valid or not). */
export type ReportValue = number | string | { numerator: number | string; denominator: number | string };

/**
 * - standard: STT | Mã chỉ tiêu | Chỉ tiêu | Đơn vị tính | Kết quả | Tử số | Mẫu số | Ghi chú
 * - reordered: STT | Chỉ tiêu | Mã chỉ tiêu | Tử số | Mẫu số | Kết quả | Đơn vị tính | Ghi chú, with the
 *   "(1) (2) ..." column-number row forms often carry under the header
 * - two-row-header: "Kết quả" merged over "Số lượng | Tử số | Mẫu số", the other headers merged down
 * - label-in-two-cells: header fields as "Đơn vị:" in one cell and the value in the next
 * - no-codes: no "Mã chỉ tiêu" column, indicators known by name only
 * - value-column: one "Tử số / Kết quả" column for counts and ratio numerators alike, "Mẫu số" beside it
 * - month-columns: "Kết quả thực hiện" merged over the previous month, the report's month and "Lũy kế từ
 *   đầu năm", "Mẫu số" beside it (needs `previous` and `yearToDate`)
 * - plan-and-rate: "Kế hoạch năm", "Thực hiện", "Tử số", "Mẫu số", a typed "Tỷ lệ (%)" and "Cùng kỳ năm
 *   trước", section subtotals and a "Tổng cộng" row
 * - administrative: Nghị định 30/2020 layout: the unit only in the issuing block, the document number,
 *   the place-and-date line top right, the period only in the title, a data-window note, no header fields
 * - signature-date: "ĐƠN VỊ BÁO CÁO: …", the period only on a line under the title, the date only in the
 *   place-and-date line above the signature
 */
export type SampleLayout =
  | "standard"
  | "reordered"
  | "two-row-header"
  | "label-in-two-cells"
  | "no-codes"
  | "value-column"
  | "month-columns"
  | "plan-and-rate"
  | "administrative"
  | "signature-date";

/** "15/03/2026" as text, a real Excel date cell, or "ngày 15 tháng 3 năm 2026". */
export type ReportDateStyle = "text" | "excel-date" | "words";

export interface ExtraSheet {
  name: string;
  hidden: boolean;
  rows: string[][];
}

export interface ReportSpec {
  /** The body above the unit, top left: "UBND xã Hòa Bình". */
  parentName?: string;
  unitName: string;
  /** Omitted: the file has no "Mã đơn vị" line and the unit is known by name only. */
  unitCode?: string;
  /** "Kỳ báo cáo" exactly as written: "Tháng 3/2026", "Quý I/2026". */
  periodLabel: string;
  /** "Ngày báo cáo", YYYY-MM-DD. */
  reportDate: string;
  dateStyle?: ReportDateStyle;
  /** Keyed by indicator code; rows follow the catalogue's order. */
  values: Record<string, ReportValue>;
  notes?: Record<string, string>;
  /** Place in the signature block's date line: "Hòa Bình, ngày ...". */
  place?: string;
  preparedBy?: string;
  headOfUnit?: string;
  layout?: SampleLayout;
  /** For month-columns: the previous month, as "Tháng 1/2026", and its figures. */
  previous?: { label: string; values: Record<string, ReportValue> };
  /** For month-columns: the year to date (flows summed, stocks and ratios as now). */
  yearToDate?: Record<string, ReportValue>;
  /** Every text decomposed (NFD), as files typed on some Mac and phone keyboards arrive. */
  nfd?: boolean;
  /** Numbers typed as Vietnamese text: "1.234" (dot = thousands), "12,5" (comma = decimal). */
  valuesAsText?: boolean;
  sheetName?: string;
  extraSheetsBefore?: ExtraSheet[];
  /** docProps/core.xml modified (and created) instant; default: the report day at 09:00 Vietnam time. */
  modified?: Date;
  catalogue?: readonly Indicator[];
}

export const REPORT_TITLE = "BÁO CÁO KẾT QUẢ THỰC HIỆN PHONG TRÀO “BÌNH DÂN HỌC VỤ SỐ”";

type Column = "stt" | "code" | "name" | "uom" | "result" | "numerator" | "denominator" | "note" | "previous" | "ytd" | "plan" | "rate" | "lastYear";

const COLUMN_LABELS: Record<Column, string> = {
  stt: "STT",
  code: "Mã chỉ tiêu",
  name: "Chỉ tiêu",
  uom: "Đơn vị tính",
  result: "Kết quả",
  numerator: "Tử số",
  denominator: "Mẫu số",
  note: "Ghi chú",
  previous: "",
  ytd: "Lũy kế từ đầu năm",
  plan: "Kế hoạch năm 2026",
  rate: "Tỷ lệ (%)",
  lastYear: "Cùng kỳ năm trước",
};

const COLUMN_WIDTHS: Record<Column, number> = {
  stt: 6,
  code: 11,
  name: 60,
  uom: 11,
  result: 11,
  numerator: 11,
  denominator: 11,
  note: 18,
  previous: 11,
  ytd: 14,
  plan: 11,
  rate: 9,
  lastYear: 11,
};

const STANDARD_COLUMNS: Column[] = ["stt", "code", "name", "uom", "result", "numerator", "denominator", "note"];

function columnsOf(layout: SampleLayout): Column[] {
  switch (layout) {
    case "reordered":
      return ["stt", "name", "code", "numerator", "denominator", "result", "uom", "note"];
    case "no-codes":
      return STANDARD_COLUMNS.filter((c) => c !== "code");
    case "value-column":
      return ["stt", "code", "name", "uom", "result", "denominator", "note"];
    case "month-columns":
      return ["stt", "code", "name", "uom", "previous", "result", "ytd", "denominator", "note"];
    case "plan-and-rate":
      return ["stt", "code", "name", "uom", "plan", "result", "numerator", "denominator", "rate", "lastYear", "note"];
    default:
      return STANDARD_COLUMNS;
  }
}

/** A column's header as the layout words it. */
function columnLabel(col: Column, spec: ReportSpec, layout: SampleLayout): string {
  if (col === "result" && layout === "value-column") return "Tử số / Kết quả";
  if (col === "result" && layout === "plan-and-rate") return "Thực hiện";
  if (col === "result" && layout === "month-columns") return spec.periodLabel;
  if (col === "previous") return spec.previous?.label ?? "";
  return COLUMN_LABELS[col];
}

/** Layouts where a ratio's numerator sits in the one value column. */
const NUMERATOR_IN_RESULT: ReadonlySet<SampleLayout> = new Set(["value-column", "month-columns"]);

/** Section headings forms put between indicator groups (decorative rows without values). */
const GROUPS: { prefix: string; numeral: string; title: string }[] = [
  { prefix: "CT", numeral: "I", title: "CÁC CHỈ TIÊU CỐT LÕI" },
  { prefix: "MH", numeral: "II", title: "CÁC MÔ HÌNH, HOẠT ĐỘNG" },
  { prefix: "TT", numeral: "III", title: "CÔNG TÁC TUYÊN TRUYỀN" },
];

/** "1.234", "12,5", "-3": how a Vietnamese clerk types a number as text. */
export function vietnameseNumberText(n: number): string {
  const [whole, fraction] = Math.abs(n).toString().split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return (n < 0 ? "-" : "") + grouped + (fraction ? "," + fraction : "");
}

function dayParts(isoDay: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!m) throw new Error(`reportDate must be YYYY-MM-DD: ${isoDay}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

function reportDateCell(isoDay: string, style: ReportDateStyle): string | Date {
  const { year, month, day } = dayParts(isoDay);
  switch (style) {
    case "excel-date":
      // Excel dates carry no zone: the UTC fields are the day typed.
      return new Date(Date.UTC(year, month - 1, day));
    case "words":
      return `ngày ${day} tháng ${month} năm ${year}`;
    case "text":
      return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
  }
}

/** 09:00 on the report day in Vietnam (UTC+7). */
function defaultModified(isoDay: string): Date {
  const { year, month, day } = dayParts(isoDay);
  return new Date(Date.UTC(year, month - 1, day, 2));
}

const FONT: Partial<Font> = { name: "Times New Roman", size: 12 };
const THIN: Partial<Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

/** Writes cells through one place so NFD, fonts and numbers-as-text apply everywhere alike. */
class SheetPen {
  constructor(
    readonly ws: Worksheet,
    private readonly nfd: boolean,
    private readonly valuesAsText: boolean,
  ) {}

  text(s: string): string {
    return this.nfd ? s.normalize("NFD") : s.normalize("NFC");
  }

  put(row: number, col: number, value: string | number | Date | null, font: Partial<Font> = {}): void {
    const cell = this.ws.getCell(row, col);
    if (typeof value === "string") cell.value = this.text(value);
    else if (typeof value === "number" && this.valuesAsText) cell.value = vietnameseNumberText(value);
    else cell.value = value;
    if (typeof value === "number" && !this.valuesAsText) cell.numFmt = Number.isInteger(value) ? "#,##0" : "#,##0.0";
    if (value instanceof Date) cell.numFmt = "dd/mm/yyyy";
    cell.font = { ...FONT, ...font };
  }

  /** A cell centred across columns [from, to] of one row. */
  banner(row: number, from: number, to: number, value: string, font: Partial<Font> = {}): void {
    if (to > from) this.ws.mergeCells(row, from, row, to);
    this.put(row, from, value, font);
    this.ws.getCell(row, from).alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  }

  box(row: number, col: number): void {
    this.ws.getCell(row, col).border = THIN;
  }
}

function placeDateLine(spec: ReportSpec): string {
  const { year, month, day } = dayParts(spec.reportDate);
  return `${spec.place ? `${spec.place}, ` : ""}ngày ${day} tháng ${month} năm ${year}`;
}

/** The issuing block and the motto, then the title; returns the next free row. */
function writeTitleBlock(pen: SheetPen, spec: ReportSpec, width: number, layout: SampleLayout): number {
  const left = Math.min(3, width - 4);
  pen.banner(1, 1, left, (spec.parentName ?? "").toUpperCase(), { bold: false });
  pen.banner(2, 1, left, spec.unitName.toUpperCase(), { bold: true });
  pen.banner(1, left + 1, width, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true });
  pen.banner(2, left + 1, width, "Độc lập - Tự do - Hạnh phúc", { bold: true, underline: true });
  if (layout === "administrative") {
    // Nghị định 30/2020: the number under the issuer, the place and date under the motto, the period in the title.
    const { year, month } = dayParts(spec.reportDate);
    pen.banner(3, 1, left, `Số: 15/BC-${spec.unitCode ?? "DV"}`);
    pen.banner(3, left + 1, width, placeDateLine(spec), { italic: true });
    pen.banner(4, 1, width, `${REPORT_TITLE} ${spec.periodLabel.toUpperCase()}`, { bold: true, size: 14 });
    pen.banner(5, 1, width, `(Số liệu tính từ 15/${month === 1 ? 12 : month - 1} đến 14/${month}/${year})`, { italic: true });
  } else {
    pen.banner(4, 1, width, REPORT_TITLE, { bold: true, size: 14 });
    if (layout === "signature-date") pen.banner(5, 1, width, spec.periodLabel, { bold: true });
  }
  pen.ws.getRow(4).height = 36;
  return 6 + (layout === "administrative" || layout === "signature-date" ? 1 : 0);
}

/** "Đơn vị: ..." lines; returns the next free row. */
function writeHeaderFields(pen: SheetPen, spec: ReportSpec, row: number, layout: SampleLayout): number {
  if (layout === "administrative") return row;
  if (layout === "signature-date") {
    pen.put(row, 1, `ĐƠN VỊ BÁO CÁO: ${spec.unitName.toUpperCase()}`, { bold: true });
    return row + 2;
  }
  const split = layout === "label-in-two-cells";
  const fields: [string, string | Date][] = [["Đơn vị", spec.unitName]];
  if (spec.unitCode !== undefined) fields.push(["Mã đơn vị", spec.unitCode]);
  fields.push(["Kỳ báo cáo", spec.periodLabel]);
  fields.push(["Ngày báo cáo", reportDateCell(spec.reportDate, spec.dateStyle ?? "text")]);
  for (const [label, value] of fields) {
    // A real date cannot share a cell with its label, so it always sits in the next cell.
    if (split || value instanceof Date) {
      pen.put(row, 1, `${label}:`, { bold: true });
      pen.put(row, 2, value);
      pen.ws.getCell(row, 2).alignment = { horizontal: "left" };
    } else {
      pen.put(row, 1, `${label}: ${value}`);
    }
    row++;
  }
  return row + 1;
}

function writeTableHeader(pen: SheetPen, spec: ReportSpec, columns: Column[], layout: SampleLayout, row: number): number {
  const bold = { bold: true };
  const headerCell = (r: number, c: number, label: string) => {
    pen.put(r, c, label, bold);
    pen.ws.getCell(r, c).alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    pen.box(r, c);
  };
  // A group header over sub-headers: "Kết quả" over its parts, "Kết quả thực hiện" over the months.
  const group =
    layout === "two-row-header"
      ? { label: COLUMN_LABELS.result, under: new Map<Column, string>([["result", "Số lượng"], ["numerator", "Tử số"], ["denominator", "Mẫu số"]]) }
      : layout === "month-columns"
        ? { label: "Kết quả thực hiện", under: new Map<Column, string>(["previous", "result", "ytd"].map((c) => [c as Column, columnLabel(c as Column, spec, layout)])) }
        : null;
  if (group) {
    columns.forEach((col, i) => {
      const c = i + 1;
      const sub = group.under.get(col);
      if (sub !== undefined) headerCell(row + 1, c, sub);
      else {
        pen.ws.mergeCells(row, c, row + 1, c);
        headerCell(row, c, columnLabel(col, spec, layout));
      }
    });
    const first = columns.findIndex((c) => group.under.has(c)) + 1;
    pen.ws.mergeCells(row, first, row, first + group.under.size - 1);
    headerCell(row, first, group.label);
    return row + 2;
  }
  columns.forEach((col, i) => headerCell(row, i + 1, columnLabel(col, spec, layout)));
  if (layout === "reordered") {
    columns.forEach((_, i) => {
      pen.put(row + 1, i + 1, `(${i + 1})`, { italic: true });
      pen.ws.getCell(row + 1, i + 1).alignment = { horizontal: "center" };
      pen.box(row + 1, i + 1);
    });
    return row + 2;
  }
  return row + 1;
}

/** Which cells of a row a figure fills: a ratio's two parts, or the single result. */
function figureCells(indicator: Indicator, value: ReportValue | undefined, layout: SampleLayout): Partial<Record<Column, number | string>> {
  if (value === undefined) return {};
  if (typeof value === "object") {
    if (indicator.kind !== "ratio") throw new Error(`${indicator.code} is a ${indicator.kind}, not a ratio`);
    return NUMERATOR_IN_RESULT.has(layout) ? { result: value.numerator, denominator: value.denominator } : { numerator: value.numerator, denominator: value.denominator };
  }
  return { result: value };
}

/** The number a column of another period shows for a figure: a count, or a ratio's numerator. */
function headline(value: ReportValue | undefined): number | string | undefined {
  return typeof value === "object" ? value.numerator : value;
}

/** The figures beside the report's own: another month, the year to date, the plan, last year, the rate. */
function besideCells(spec: ReportSpec, code: string, layout: SampleLayout): Partial<Record<Column, number | string>> {
  const value = spec.values[code];
  if (layout === "month-columns") return { previous: headline(spec.previous?.values[code]), ytd: headline(spec.yearToDate?.[code]) };
  if (layout !== "plan-and-rate") return {};
  const main = headline(value);
  if (typeof main !== "number") return {};
  const cells: Partial<Record<Column, number | string>> = { plan: Math.ceil(main * 1.25) + 2, lastYear: Math.floor(main * 0.8) };
  if (typeof value === "object" && typeof value.denominator === "number" && value.denominator > 0) {
    cells.plan = value.denominator;
    cells.rate = Math.round((main / value.denominator) * 1000) / 10;
  }
  return cells;
}

const sumOfCounts = (spec: ReportSpec, indicators: Indicator[]) =>
  indicators.reduce((sum, i) => {
    const v = spec.values[i.code];
    return sum + (i.kind !== "ratio" && typeof v === "number" ? v : 0);
  }, 0);

function writeIndicatorRows(pen: SheetPen, spec: ReportSpec, columns: Column[], layout: SampleLayout, row: number): number {
  const catalogue = spec.catalogue ?? DEFAULT_CATALOGUE;
  for (const code of Object.keys(spec.values)) {
    if (!catalogue.some((i) => i.code === code)) throw new Error(`Unknown indicator code ${code}`);
  }
  const at = (col: Column) => columns.indexOf(col) + 1;
  for (const group of GROUPS) {
    const rows = catalogue.filter((i) => i.code.startsWith(group.prefix) && i.code in spec.values);
    if (rows.length === 0) continue;
    pen.put(row, at("stt"), group.numeral, { bold: true });
    pen.put(row, at("name"), group.title, { bold: true });
    // Subtotals on section rows are the section's own sum: never an indicator's figure.
    if (layout === "plan-and-rate") pen.put(row, at("result"), sumOfCounts(spec, rows), { bold: true });
    columns.forEach((_, i) => pen.box(row, i + 1));
    row++;
    rows.forEach((indicator, n) => {
      const cells: Partial<Record<Column, string | number>> = {
        stt: n + 1,
        code: indicator.code,
        name: indicator.name,
        uom: indicator.uom,
        note: spec.notes?.[indicator.code],
        ...besideCells(spec, indicator.code, layout),
        ...figureCells(indicator, spec.values[indicator.code], layout),
      };
      columns.forEach((col, i) => {
        const value = cells[col];
        // STT is a row number, never a figure: it stays a number even when figures are typed as text.
        if (col === "stt") pen.ws.getCell(row, i + 1).value = value as number;
        else if (value !== undefined) pen.put(row, i + 1, value);
        pen.box(row, i + 1);
      });
      pen.ws.getCell(row, at("name")).alignment = { wrapText: true, vertical: "middle" };
      row++;
    });
  }
  if (layout === "plan-and-rate") {
    pen.put(row, at("name"), "Tổng cộng", { bold: true });
    pen.put(row, at("result"), sumOfCounts(spec, catalogue.filter((i) => i.code in spec.values)), { bold: true });
    columns.forEach((_, i) => pen.box(row, i + 1));
    row++;
  }
  return row;
}

function writeFooter(pen: SheetPen, spec: ReportSpec, row: number, width: number): void {
  const right = Math.max(width - 2, 4);
  pen.banner(row + 1, right, width, placeDateLine(spec), { italic: true });
  pen.banner(row + 2, 1, 3, "Người lập biểu", { bold: true });
  pen.banner(row + 2, right, width, "Thủ trưởng đơn vị", { bold: true });
  pen.banner(row + 3, 1, 3, "(Ký, ghi rõ họ tên)", { italic: true });
  pen.banner(row + 3, right, width, "(Ký tên, đóng dấu)", { italic: true });
  if (spec.preparedBy) pen.banner(row + 7, 1, 3, spec.preparedBy, { bold: true });
  if (spec.headOfUnit) pen.banner(row + 7, right, width, spec.headOfUnit, { bold: true });
}

function writeExtraSheet(wb: Workbook, nfd: boolean, sheet: ExtraSheet): void {
  const pen = new SheetPen(wb.addWorksheet(nfd ? sheet.name.normalize("NFD") : sheet.name), nfd, false);
  if (sheet.hidden) pen.ws.state = "hidden";
  sheet.rows.forEach((cells, r) => cells.forEach((v, c) => pen.put(r + 1, c + 1, v)));
}

/** The wall-clock fields of an instant in Vietnam, as a local Date: zip entry times are local fields. */
function vietnamWallClock(instant: Date): Date {
  const t = new Date(instant.getTime() + 7 * 3600_000);
  return new Date(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes());
}

/**
 * exceljs stamps every zip entry with the current time, so two runs differ. Re-packing with the
 * report's own time makes a spec always give the same bytes (stable hashes, stable committed samples).
 */
function repackDeterministic(bytes: Uint8Array, modified: Date): Uint8Array {
  const entries = unzipSync(bytes);
  return zipSync(entries, { level: 6, mtime: vietnamWallClock(modified) });
}

export async function writeReport(spec: ReportSpec): Promise<Uint8Array> {
  const layout = spec.layout ?? "standard";
  const nfd = spec.nfd ?? false;
  const modified = spec.modified ?? defaultModified(spec.reportDate);
  const wb = new Workbook();
  wb.creator = spec.preparedBy ?? "";
  wb.lastModifiedBy = spec.preparedBy ?? "";
  wb.created = modified;
  wb.modified = modified;
  for (const extra of spec.extraSheetsBefore ?? []) writeExtraSheet(wb, nfd, extra);

  const sheetName = spec.sheetName ?? "Báo cáo";
  const ws = wb.addWorksheet(nfd ? sheetName.normalize("NFD") : sheetName, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const pen = new SheetPen(ws, nfd, spec.valuesAsText ?? false);
  const columns = columnsOf(layout);
  ws.columns = columns.map((c) => ({ width: COLUMN_WIDTHS[c] }));

  let row = writeTitleBlock(pen, spec, columns.length, layout);
  row = writeHeaderFields(pen, spec, row, layout);
  row = writeTableHeader(pen, spec, columns, layout, row);
  row = writeIndicatorRows(pen, spec, columns, layout, row);
  writeFooter(pen, spec, row, columns.length);

  const buffer = await wb.xlsx.writeBuffer();
  return repackDeterministic(new Uint8Array(buffer as ArrayBuffer), modified);
}
