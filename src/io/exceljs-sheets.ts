// SheetSpecs written into an exceljs workbook: the master workbook's store for the command line and the
// web page (workbook-store.ts). Sheets the product does not own are never touched.
import type ExcelJS from "exceljs";
import { columnName } from "../core/address";
import { bandCodes } from "../core/print-layout";
import type { SheetSpec } from "../core/types";

// Any font exceljs writes must name its face, or LibreOffice falls back to a serif.
const FONT: Partial<ExcelJS.Font> = { name: "Calibri", size: 11 };

function argb(hex: string): string {
  return "FF" + hex.toUpperCase();
}

type Ordered = { orderNo: number };
const orderOf = (ws: ExcelJS.Worksheet) => (ws as unknown as Ordered).orderNo;

/**
 * Replaces each named sheet by the spec (keeping its place among the tabs), or adds it: at the end, or
 * for a `leading` spec before the first sheet that is not one (types.ts).
 */
export function writeSheets(workbook: ExcelJS.Workbook, specs: SheetSpec[]): void {
  const leading = new Set(specs.filter((s) => s.leading).map((s) => s.name));
  for (const spec of specs) {
    const old = workbook.worksheets.find((w) => w.name.normalize("NFC") === spec.name);
    const orderNo = old ? orderOf(old) : spec.leading ? leadingSlot(workbook, leading) : undefined;
    if (old) workbook.removeWorksheet(old.id);
    const ws = workbook.addWorksheet(spec.name, {
      views: [{ state: "frozen", xSplit: spec.freeze.columns, ySplit: spec.freeze.rows }],
    });
    if (orderNo !== undefined) (ws as unknown as Ordered).orderNo = orderNo;
    writeSpec(ws, spec);
  }
}

/** The place of a new leading sheet: just before the first sheet that is not leading, the others moved one along. */
function leadingSlot(workbook: ExcelJS.Workbook, leading: Set<string>): number | undefined {
  const sheets = workbook.worksheets;
  const at = sheets.findIndex((w) => !leading.has(w.name.normalize("NFC")));
  if (at < 0) return undefined;
  const slot = orderOf(sheets[at]);
  for (const w of sheets.slice(at)) (w as unknown as Ordered).orderNo = orderOf(w) + 1;
  return slot;
}

/**
 * Readers decode "_x0041_" in cell text as "A" (OOXML's escape for characters XML cannot hold), and
 * exceljs writes text as it is: a literal "_x0041_" keeps its form only with its underscore escaped.
 */
function escapeXstring(text: string): string {
  return text.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1");
}

const absoluteRow = (row: number, col: number) => `${columnName(col)}$${row + 1}`;

/** A4, orientation, fit, print area, repeated titles, header and footer: exactly what spec.print says. */
function printSetup(ws: ExcelJS.Worksheet, spec: SheetSpec): void {
  const p = spec.print;
  if (!p) return;
  const fit = p.fitToWidth > 0 || p.fitToHeight > 0;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: p.orientation,
    fitToPage: fit,
    fitToWidth: p.fitToWidth,
    fitToHeight: p.fitToHeight,
    scale: 100,
    // exceljs puts "$" before each end of the area as given: "A$1" comes out as Excel's absolute "$A$1".
    printArea: p.area ? `${absoluteRow(p.area.top, p.area.left)}:${absoluteRow(p.area.bottom, p.area.right)}` : undefined,
    printTitlesRow: p.titleRows ? `${p.titleRows.first + 1}:${p.titleRows.last + 1}` : undefined,
    printTitlesColumn: p.titleColumns ? `${columnName(p.titleColumns.first)}:${columnName(p.titleColumns.last)}` : undefined,
  };
  ws.headerFooter = { ...ws.headerFooter, oddHeader: bandCodes(p.header) || undefined, oddFooter: bandCodes(p.footer) || undefined };
}

function writeSpec(ws: ExcelJS.Worksheet, spec: SheetSpec): void {
  printSetup(ws, spec);
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
    // Programs do not grow a row for wrapped text in a file they open: headers get two lines' room at least.
    const row = ws.getRow(r + 1);
    row.alignment = { wrapText: true, vertical: "middle" };
    row.height = 32;
  }
  for (const { row, points } of spec.rowHeights ?? []) ws.getRow(row + 1).height = points;
  if (spec.wrapColumns?.length) {
    const wrapped = new Set(spec.wrapColumns.map((c) => c + 1));
    for (let r = spec.freeze.rows + 1; r <= spec.values.length; r++) {
      ws.getRow(r).eachCell({ includeEmpty: false }, (cell, c) => {
        cell.alignment = wrapped.has(c) ? { wrapText: true, vertical: "top" } : { vertical: "top" };
      });
    }
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
