// Unit report workbooks through exceljs, from the plain layout of src/core/report-layout.ts: the blank
// templates a commune sends its units (validated, protected, only the figures editable) and the upward
// report it sends to the province. No file system: the command line and the browser both call this.
import ExcelJS from "exceljs";
import { zipSync } from "fflate";
import { cellAddress } from "../core/address";
import type { MasterBook } from "../core/types";
import { consolidateBook } from "../core/period-consolidation";
import { COL, LaidOutLine, layoutReport, REPORT_SHEET, ReportDocument, ReportLayout, WIDTH } from "../core/report-layout";
import { templateDocument, templatePlans } from "../core/template-plan";
import { upwardFileName, upwardReport } from "../core/upward";
import { vnDay } from "../core/dates";

export interface OutputFile {
  fileName: string;
  bytes: Uint8Array;
}

const FONT: Partial<ExcelJS.Font> = { name: "Times New Roman", size: 12 };
const GREY = "FFD9D9D9";
const HEADER_FILL = "FFDDEBF7";
const THIN: Partial<ExcelJS.Borders> = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } };
const COLUMN_WIDTHS = [6, 13, 60, 11, 12, 12, 12, 24];

interface WriteOptions {
  /** A blank form: value cells validated and unlocked, everything else protected. */
  template: boolean;
}

export async function writeReportDocument(doc: ReportDocument, opts: WriteOptions): Promise<Uint8Array> {
  const layout = layoutReport(doc);
  const wb = new ExcelJS.Workbook();
  wb.creator = "Tổng hợp báo cáo Bình dân học vụ số";
  const ws = wb.addWorksheet(REPORT_SHEET, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  COLUMN_WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  writeCells(ws, layout);
  styleHeader(ws, layout);
  for (const line of layout.lines) styleLine(ws, line, opts.template);
  styleReportDate(ws, layout, opts.template);
  if (opts.template) {
    const note = (r: number) => ws.getCell(r + 1, COL.note + 1);
    for (const line of layout.lines) note(line.row).protection = { locked: false };
    // No password: the protection keeps the structure the parser reads, it is not a secret.
    await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function writeCells(ws: ExcelJS.Worksheet, layout: ReportLayout): void {
  layout.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      const cell = ws.getCell(r + 1, c + 1);
      cell.font = FONT;
      // exceljs writes a JS string as a string cell, never as a formula.
      if (v !== null) cell.value = v;
      if (v instanceof Date) cell.numFmt = "dd/mm/yyyy";
    }),
  );
  const banner = (r: number, font: Partial<ExcelJS.Font>) => {
    ws.mergeCells(r + 1, 1, r + 1, WIDTH);
    const cell = ws.getCell(r + 1, 1);
    cell.font = { ...FONT, ...font };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  };
  banner(layout.parentRow, { bold: true });
  banner(layout.titleRow, { bold: true, size: 14 });
  ws.getRow(layout.titleRow + 1).height = 36;
  for (const r of layout.fieldRows) {
    ws.getCell(r + 1, 1).font = { ...FONT, bold: true };
    ws.getCell(r + 1, 2).alignment = { horizontal: "left" };
  }
  if (layout.instructionsRow >= 0) {
    ws.getCell(layout.instructionsRow + 1, 1).font = { ...FONT, bold: true };
    for (let r = layout.instructionsRow + 1; r < layout.footerRow - 1; r++) {
      ws.mergeCells(r + 1, 1, r + 1, WIDTH);
      ws.getCell(r + 1, 1).font = { ...FONT, italic: true };
    }
  }
  for (const r of [layout.footerRow, layout.footerRow + 1]) {
    for (const c of [2, 6]) {
      ws.mergeCells(r + 1, c, r + 1, c + 2);
      ws.getCell(r + 1, c).alignment = { horizontal: "center" };
      ws.getCell(r + 1, c).font = { ...FONT, bold: r === layout.footerRow, italic: r !== layout.footerRow };
    }
  }
}

function styleHeader(ws: ExcelJS.Worksheet, layout: ReportLayout): void {
  const row = ws.getRow(layout.headerRow + 1);
  row.height = 32;
  for (let c = 1; c <= WIDTH; c++) {
    const cell = row.getCell(c);
    cell.font = { ...FONT, bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
    cell.border = THIN;
  }
}

function styleLine(ws: ExcelJS.Worksheet, line: LaidOutLine, template: boolean): void {
  const cell = (c: number) => ws.getCell(line.row + 1, c + 1);
  for (let c = 0; c < WIDTH; c++) cell(c).border = THIN;
  cell(COL.name).alignment = { wrapText: true, vertical: "middle" };
  for (const c of line.inputs) cell(c).numFmt = "#,##0";
  if (line.indicator.kind === "ratio") cell(COL.result).numFmt = "0.0%";
  if (!template) return;
  for (const c of line.unused) cell(c).fill = { type: "pattern", pattern: "solid", fgColor: { argb: GREY } };
  for (const c of line.inputs) {
    cell(c).protection = { locked: false };
    cell(c).dataValidation = validationFor(line, c);
  }
}

/** Whole numbers ≥ 0; a ratio's numerator never above its denominator (and the other way round). */
function validationFor(line: LaidOutLine, c: number): ExcelJS.DataValidation {
  const ind = line.indicator;
  const common = { allowBlank: true, showInputMessage: true, showErrorMessage: true, errorStyle: "stop" as const };
  if (c === COL.result) {
    return {
      ...common,
      type: "whole",
      operator: "greaterThanOrEqual",
      formulae: [0],
      promptTitle: `${ind.code}: Kết quả`,
      prompt: `Nhập số ${ind.uom} (số nguyên, không âm). Để trống nếu chưa có số liệu.`,
      errorTitle: "Số không hợp lệ",
      error: `Chỉ nhập số nguyên từ 0 trở lên (đơn vị tính: ${ind.uom}).`,
    };
  }
  const num = cellAddress(line.row, COL.numerator);
  const den = cellAddress(line.row, COL.denominator);
  const isNumerator = c === COL.numerator;
  const self = isNumerator ? num : den;
  const bound = isNumerator ? `OR(ISBLANK(${den}),${num}<=${den})` : `OR(ISBLANK(${num}),${num}<=${den})`;
  return {
    ...common,
    type: "custom",
    formulae: [`AND(ISNUMBER(${self}),INT(${self})=${self},${self}>=0,${bound})`],
    promptTitle: `${ind.code}: ${isNumerator ? "Tử số" : "Mẫu số"}`,
    prompt: isNumerator
      ? `Số ${ind.uom} đạt chỉ tiêu: số nguyên, không âm, không lớn hơn Mẫu số.`
      : `${ind.denominatorName || "Tổng số"}: số nguyên, không nhỏ hơn Tử số.`.slice(0, 255),
    errorTitle: "Số không hợp lệ",
    error: "Tử số và Mẫu số phải là số nguyên từ 0 trở lên, Tử số không lớn hơn Mẫu số.",
  };
}

function styleReportDate(ws: ExcelJS.Worksheet, layout: ReportLayout, template: boolean): void {
  const cell = ws.getCell(layout.reportDate.row + 1, layout.reportDate.col + 1);
  cell.numFmt = "dd/mm/yyyy";
  cell.alignment = { horizontal: "left" };
  if (!template) return;
  cell.protection = { locked: false };
  cell.border = THIN;
  cell.dataValidation = {
    type: "date",
    operator: "greaterThan",
    formulae: [new Date(Date.UTC(2000, 0, 1))],
    allowBlank: true,
    showInputMessage: true,
    showErrorMessage: true,
    promptTitle: "Ngày báo cáo",
    prompt: "Ghi ngày gửi báo cáo, dạng ngày/tháng/năm, ví dụ 15/03/2026.",
    errorTitle: "Ngày không hợp lệ",
    error: "Ghi ngày dạng ngày/tháng/năm, ví dụ 15/03/2026.",
  };
}

/** The blank templates of every unit that owes a report for the period (the pane's button and the CLI). */
export async function buildTemplates(book: MasterBook, periodKey: string): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  for (const plan of templatePlans(book, periodKey)) {
    files.push({ fileName: plan.fileName, bytes: await writeReportDocument(templateDocument(book, plan), { template: true }) });
  }
  return files;
}

/** "Mau bao cao 2026-03.zip": every unit's template for the period in one file, for a browser to save; null when no unit owes the period. */
export async function buildTemplatesZip(book: MasterBook, periodKey: string): Promise<{ file: OutputFile; count: number } | null> {
  const files = await buildTemplates(book, periodKey);
  if (files.length === 0) return null;
  const bytes = zipSync(Object.fromEntries(files.map((f) => [f.fileName, f.bytes])));
  return { file: { fileName: `Mau bao cao ${periodKey}.zip`, bytes }, count: files.length };
}

/** The consolidated period as the body's own report for the next level up, dated the day of `now`. */
export async function buildUpwardReport(book: MasterBook, periodKey: string, now: Date): Promise<OutputFile> {
  const c = consolidateBook(book, periodKey, now);
  const doc = upwardReport(book, c, vnDay(now));
  return { fileName: upwardFileName(book, c.period), bytes: await writeReportDocument(doc, { template: false }) };
}
