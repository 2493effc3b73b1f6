// Where each field and figure of a unit report sits on the sheet, for the blank templates and the upward
// report alike. One layout, in the form the report parser reads, so what is written is what is read.
import { clampCellText, dayToCell } from "./sheet-spec";
import type { CellValue, Indicator } from "./types";

export const REPORT_SHEET = "Báo cáo";
export const REPORT_TITLE = "BÁO CÁO KẾT QUẢ THỰC HIỆN PHONG TRÀO “BÌNH DÂN HỌC VỤ SỐ”";

/** 0-based columns of the indicator table. */
export const COL = { stt: 0, code: 1, name: 2, uom: 3, result: 4, numerator: 5, denominator: 6, note: 7 } as const;
export const TABLE_HEADERS = ["STT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Kết quả", "Tử số", "Mẫu số", "Ghi chú"];
export const WIDTH = TABLE_HEADERS.length;

/** One indicator row: a count in `value`, or a ratio's two parts; null = left blank. */
export interface ReportLine {
  indicator: Indicator;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  note: string;
}

export interface ReportDocument {
  /** The body the report is addressed within, top left ("UBND xã Hòa Bình"); "" for none. */
  parentName: string;
  unitName: string;
  unitCode: string;
  /** "Tháng 3/2026", "Quý I/2026": a spelling the parser reads back to the period key. */
  periodLabel: string;
  /** "trước ngày 20/03/2026"; "" to leave the line out. */
  deadline: string;
  /** YYYY-MM-DD, or "" for a blank the unit fills in. */
  reportDate: string;
  lines: ReportLine[];
  /** Numbered guidance printed under the table; none for a filled report. */
  instructions: string[];
}

export interface Position {
  row: number;
  col: number;
}

export interface LaidOutLine {
  row: number;
  indicator: Indicator;
  /** Columns the unit fills on this row: Tử số and Mẫu số for a ratio, Kết quả otherwise. */
  inputs: number[];
  /** Value columns that stay empty on this row. */
  unused: number[];
}

export interface ReportLayout {
  rows: CellValue[][];
  parentRow: number;
  titleRow: number;
  /** Rows of the "label: value" header fields (label in column A, value in column B). */
  fieldRows: number[];
  reportDate: Position;
  headerRow: number;
  lines: LaidOutLine[];
  /** First row of the instructions block, or -1 without one. */
  instructionsRow: number;
  /** First row of the signature block. */
  footerRow: number;
}

function lineCells(line: ReportLine, stt: number): { cells: CellValue[]; inputs: number[]; unused: number[] } {
  const cells: CellValue[] = new Array(WIDTH).fill(null);
  cells[COL.stt] = stt;
  cells[COL.code] = line.indicator.code;
  cells[COL.name] = line.indicator.name;
  cells[COL.uom] = line.indicator.uom;
  cells[COL.note] = line.note || null;
  if (line.indicator.kind === "ratio") {
    cells[COL.numerator] = line.numerator;
    cells[COL.denominator] = line.denominator;
    // The rate beside its parts, for the reader's eye; the parser takes the parts.
    if (line.numerator !== null && line.denominator !== null && line.denominator > 0) cells[COL.result] = line.numerator / line.denominator;
    return { cells, inputs: [COL.numerator, COL.denominator], unused: [COL.result] };
  }
  cells[COL.result] = line.value;
  return { cells, inputs: [COL.result], unused: [COL.numerator, COL.denominator] };
}

export function layoutReport(doc: ReportDocument): ReportLayout {
  const rows: CellValue[][] = [];
  const put = (cells: CellValue[]) => rows.push(cells) - 1;
  const parentRow = put([doc.parentName.toUpperCase() || null]);
  const titleRow = put([REPORT_TITLE]);
  put([]);
  const fields: [string, CellValue][] = [
    ["Đơn vị:", doc.unitName],
    ["Mã đơn vị:", doc.unitCode || null],
    ["Kỳ báo cáo:", doc.periodLabel],
  ];
  if (doc.deadline) fields.push(["Hạn nộp:", doc.deadline]);
  const fieldRows = fields.map(([label, value]) => put([label, value]));
  const reportDateRow = put(["Ngày báo cáo:", dayToCell(doc.reportDate)]);
  fieldRows.push(reportDateRow);
  put([]);
  const headerRow = put([...TABLE_HEADERS]);
  const lines = doc.lines.map((line, i) => {
    const { cells, inputs, unused } = lineCells(line, i + 1);
    return { row: put(cells), indicator: line.indicator, inputs, unused };
  });
  put([]);
  let instructionsRow = -1;
  if (doc.instructions.length > 0) {
    instructionsRow = put(["Hướng dẫn:"]);
    doc.instructions.forEach((text, i) => put([`${i + 1}. ${text}`]));
    put([]);
  }
  const footerRow = put([null, "Người lập biểu", null, null, null, "Thủ trưởng đơn vị"]);
  put([null, "(Ký, ghi rõ họ tên)", null, null, null, "(Ký tên, đóng dấu)"]);
  // A unit's or body's name is whatever its units file held: every cell fits Excel's limit.
  const within = rows.map((r) => r.map((v) => (typeof v === "string" ? clampCellText(v) : v)));
  return { rows: within, parentRow, titleRow, fieldRows, reportDate: { row: reportDateRow, col: 1 }, headerRow, lines, instructionsRow, footerRow };
}
