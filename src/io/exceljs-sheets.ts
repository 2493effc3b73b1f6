// SheetSpecs written into an exceljs workbook: the master workbook's store for the command line and the
// web page (workbook-store.ts). Sheets the product does not own are never touched.
import type ExcelJS from "exceljs";
import type { SheetSpec } from "../core/types";

// Any font exceljs writes must name its face, or LibreOffice falls back to a serif.
const FONT: Partial<ExcelJS.Font> = { name: "Calibri", size: 11 };

function argb(hex: string): string {
  return "FF" + hex.toUpperCase();
}

/** Replaces each named sheet by the spec (keeping its place among the tabs), or adds it. */
export function writeSheets(workbook: ExcelJS.Workbook, specs: SheetSpec[]): void {
  for (const spec of specs) {
    const old = workbook.worksheets.find((w) => w.name.normalize("NFC") === spec.name);
    const orderNo = old ? (old as unknown as { orderNo: number }).orderNo : undefined;
    if (old) workbook.removeWorksheet(old.id);
    const ws = workbook.addWorksheet(spec.name, {
      views: [{ state: "frozen", xSplit: spec.freeze.columns, ySplit: spec.freeze.rows }],
    });
    if (orderNo !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNo;
    writeSpec(ws, spec);
  }
}

/**
 * Readers decode "_x0041_" in cell text as "A" (OOXML's escape for characters XML cannot hold), and
 * exceljs writes text as it is: a literal "_x0041_" keeps its form only with its underscore escaped.
 */
function escapeXstring(text: string): string {
  return text.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1");
}

function writeSpec(ws: ExcelJS.Worksheet, spec: SheetSpec): void {
  if (spec.landscape) ws.pageSetup = { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 };
  spec.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const bold = new Set(spec.boldRows);
  spec.values.forEach((row, r) => {
    const xr = ws.getRow(r + 1);
    const formats = spec.numberFormats[r] ?? [];
    row.forEach((v, c) => {
      if (v === null || v === undefined) return;
      const cell = xr.getCell(c + 1);
      // exceljs writes a JS string as a string cell: text from reports can never become a formula here.
      cell.value = typeof v === "number" && !Number.isFinite(v) ? null : typeof v === "string" ? escapeXstring(v) : v;
      const fmt = formats[c];
      if (fmt) cell.numFmt = fmt;
    });
    if (bold.has(r)) xr.font = { ...FONT, bold: true };
  });
  for (const r of spec.wrapRows ?? []) {
    // Programs do not grow a row for wrapped text written by exceljs: give headers room for two lines.
    const row = ws.getRow(r + 1);
    row.alignment = { wrapText: true, vertical: "middle" };
    row.height = 32;
  }
  for (const fill of spec.fills) {
    for (let r = fill.range.top; r <= fill.range.bottom; r++) {
      for (let c = fill.range.left; c <= fill.range.right; c++) {
        const cell = ws.getCell(r + 1, c + 1);
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(fill.color) } };
        if (fill.fontColor) cell.font = { ...FONT, ...(cell.font ?? {}), color: { argb: argb(fill.fontColor) } };
      }
    }
  }
  if (spec.bars) {
    const { top, left, bottom, right } = spec.bars;
    ws.addConditionalFormatting({
      ref: `${ws.getCell(top + 1, left + 1).address}:${ws.getCell(bottom + 1, right + 1).address}`,
      rules: [{ type: "dataBar", priority: 1, minLength: 0, maxLength: 100, gradient: false, cfvo: [{ type: "num", value: 0 }, { type: "num", value: 1 }], color: { argb: "FF63BE7B" } } as unknown as ExcelJS.ConditionalFormattingRule],
    });
  }
}
