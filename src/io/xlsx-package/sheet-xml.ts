// A SheetSpec as worksheet XML, laid out as exceljs laid out the product's sheets when it wrote them:
// inline strings (never formulas), the spec's number formats, bold and wrapped rows, wrapped body
// columns aligned to the top, row heights, fills with their font colours, column widths, frozen panes,
// a solid data bar, and the page setup and header and footer of spec.print (types.ts, PrintSetup). The
// print area and print titles are defined names of the workbook, not of this part.
import { columnName, rangeAddress } from "../../core/address";
import { bandCodes } from "../../core/print-layout";
import type { FillRange, OutValue, PrintSetup, SheetSpec } from "../../core/types";
import { dateToSerial, isDateFormatCode } from "../xlsx/dates";
import { MAX_CELL_TEXT } from "../xlsx/limits";
import type { CellLook, StyleBook } from "./styles";
import { escapeAttribute, escapeText } from "./xml-edit";

/** What a rewritten sheet keeps of the sheet it replaces: settings of the clerk's that live in its XML. */
export interface SheetCarry {
  /** sheetPr codeName: the name the workbook's VBA project knows the sheet by. */
  codeName?: string;
  /** <tabColor .../> as written. */
  tabColor?: string;
  /** <sheetProtection .../> as written: a protection the clerk set stays set. */
  protection?: string;
  /** Relationship ids of the clerk's drawing (charts, shapes, pictures), notes and header/footer pictures. */
  drawing?: string;
  legacyDrawing?: string;
  legacyDrawingHF?: string;
  picture?: string;
}

export interface SheetNamespaces {
  main: string;
  relationships: string;
}

export interface RenderOptions {
  styles: StyleBook;
  date1904: boolean;
  /** The tab is selected: set on the sheet the workbook opens on. */
  selected: boolean;
  carry: SheetCarry;
  namespaces: SheetNamespaces;
}

const DAY_MS = 86_400_000;
/** Row height exceljs gave wrapped header rows: programs do not grow a row for wrapped text they did not lay out. */
const WRAPPED_ROW_HEIGHT = 32;
const BAR_COLOR = "FF63BE7B";
/** Identifies the bar's x14 extension to its rule; one bar per sheet, so one fixed id keeps the output repeatable. */
const BAR_ID = "{6E3B9C1D-2A4F-4B8E-9C7D-5F1A2B3C4D5E}";
const X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
const XM = "http://schemas.microsoft.com/office/excel/2006/main";
/** A date shown with a format that is not a date's would read back as a number. */
const DAY_FORMAT = "dd/mm/yyyy";
const INSTANT_FORMAT = "dd/mm/yyyy hh:mm";

const NO_VALUES: OutValue[] = [];
const NO_FORMATS: string[] = [];
const COLUMN_LETTERS: string[] = [];

/** Column letters, cached: every cell of a 30,000-row sheet needs them. */
function columnLetters(col: number): string {
  for (let c = COLUMN_LETTERS.length; c <= col; c++) COLUMN_LETTERS.push(columnName(c));
  return COLUMN_LETTERS[col];
}

function ref(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

// eslint-disable-next-line no-control-regex -- the control characters XML 1.0 cannot hold are what this finds
const INVALID_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\r]/g;
const ESCAPE_LOOKALIKE = /_x[0-9A-Fa-f]{4}_/g;
/** Text that needs none of the escapes below: most of a sheet's text, written as it is. */
// eslint-disable-next-line no-control-regex -- text with control characters is exactly what takes the slow path
const PLAIN_TEXT = /^[^\s\u0000-\u001F&<>_\uFFFE\uFFFF](?:[^\u0000-\u001F&<>_\uFFFE\uFFFF]*[^\s\u0000-\u001F&<>_\uFFFE\uFFFF])?$/;

/** Cell text as OOXML holds it: characters XML cannot carry as _xHHHH_, a literal "_x0041_" kept literal. */
export function cellTextXml(text: string): string {
  let t = text.length > MAX_CELL_TEXT ? text.slice(0, /[\uD800-\uDBFF]/.test(text[MAX_CELL_TEXT - 1]) ? MAX_CELL_TEXT - 1 : MAX_CELL_TEXT) : text;
  if (t.indexOf("_x") >= 0) t = t.replace(ESCAPE_LOOKALIKE, (m) => `_x005F${m}`);
  t = t.replace(INVALID_XML_CHAR, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
  return escapeText(t);
}

function inlineString(text: string): string {
  if (text.length <= MAX_CELL_TEXT && PLAIN_TEXT.test(text)) return `<is><t>${text}</t></is>`;
  const xml = cellTextXml(text);
  // Without xml:space="preserve" Excel drops leading and trailing spaces.
  return /^\s|\s$/.test(text) ? `<is><t xml:space="preserve">${xml}</t></is>` : `<is><t>${xml}</t></is>`;
}

/** Inline-string XML of the texts a sheet repeats (codes, periods, file names, hashes), made once each. */
class TextCache {
  private readonly map = new Map<string, string>();

  xml(text: string): string {
    let xml = this.map.get(text);
    if (xml === undefined) {
      xml = inlineString(text);
      if (text.length <= 256 && this.map.size < 200_000) this.map.set(text, xml);
    }
    return xml;
  }
}

function isDate(value: OutValue): value is Date {
  return value instanceof Date;
}

/** The format a value is written with: a Date under a format that does not show dates gets one that does. */
function formatFor(value: OutValue, format: string): string {
  if (!isDate(value) || isDateFormatCode(format)) return format;
  return value.getTime() % DAY_MS === 0 ? DAY_FORMAT : INSTANT_FORMAT;
}

/** ` s="3"` for style 3, made once per style. */
const STYLE_ATTRIBUTES: string[] = [""];

function styleAttribute(style: number): string {
  for (let s = STYLE_ATTRIBUTES.length; s <= style; s++) STYLE_ATTRIBUTES.push(` s="${s}"`);
  return STYLE_ATTRIBUTES[style];
}

/** The cell element for one value (`s` its style attribute, "" for style 0), or "" when it holds nothing and is not styled. */
function cellXml(ref: string, value: OutValue, s: string, date1904: boolean, texts: TextCache): string {
  // Empty text is written as a blank cell: what the clerk sees, and what every reader reads back alike.
  if (value === null || value === undefined || value === "" || (typeof value === "number" && !Number.isFinite(value))) return s ? '<c r="' + ref + '"' + s + "/>" : "";
  switch (typeof value) {
    case "string":
      return '<c r="' + ref + '"' + s + ' t="inlineStr">' + texts.xml(value) + "</c>";
    case "number":
      return '<c r="' + ref + '"' + s + "><v>" + value + "</v></c>";
    case "boolean":
      return '<c r="' + ref + '"' + s + ' t="b"><v>' + (value ? "1" : "0") + "</v></c>";
  }
  const serial = dateToSerial(value, date1904);
  if (serial !== null) return '<c r="' + ref + '"' + s + "><v>" + serial + "</v></c>";
  // A date Excel cannot show (before 1900, after 9999) is kept as its ISO text rather than lost.
  return Number.isNaN(value.getTime()) ? "" : '<c r="' + ref + '"' + s + ' t="inlineStr">' + inlineString(value.toISOString()) + "</c>";
}

/** Fills by row then column (the last fill over a cell wins, as with exceljs). */
function fillMap(fills: FillRange[]): Map<number, Map<number, FillRange>> {
  const byRow = new Map<number, Map<number, FillRange>>();
  for (const fill of fills) {
    const { top, left, bottom, right } = fill.range;
    for (let r = top; r <= bottom; r++) {
      let row = byRow.get(r);
      if (!row) byRow.set(r, (row = new Map()));
      for (let c = left; c <= right; c++) row.set(c, fill);
    }
  }
  return byRow;
}

function colsXml(widths: number[]): string {
  const cols: string[] = [];
  for (let c = 0; c < widths.length; c++) {
    const w = widths[c];
    if (!(w > 0)) continue;
    let last = c;
    while (last + 1 < widths.length && widths[last + 1] === w) last++;
    cols.push(`<col min="${c + 1}" max="${last + 1}" width="${w}" customWidth="1"/>`);
    c = last;
  }
  return cols.length ? `<cols>${cols.join("")}</cols>` : "";
}

function paneXml(rows: number, columns: number): string {
  if (rows <= 0 && columns <= 0) return "";
  const pane = rows > 0 && columns > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  const split = `${columns > 0 ? ` xSplit="${columns}"` : ""}${rows > 0 ? ` ySplit="${rows}"` : ""}`;
  return `<pane${split} topLeftCell="${ref(Math.max(rows, 0), Math.max(columns, 0))}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/>`;
}

function barXml(spec: SheetSpec): { rule: string; extension: string } {
  if (!spec.bars) return { rule: "", extension: "" };
  const { top, left, bottom, right } = spec.bars;
  const sqref = rangeAddress(top, left, bottom, right);
  // The 2007 rule draws a gradient bar; its x14 twin (which Excel and LibreOffice prefer) makes it solid and full length.
  const rule =
    `<conditionalFormatting sqref="${sqref}"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="num" val="0"/><cfvo type="num" val="1"/><color rgb="${BAR_COLOR}"/></dataBar>` +
    `<extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="${X14}"><x14:id>${BAR_ID}</x14:id></ext></extLst></cfRule></conditionalFormatting>`;
  const extension =
    `<ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${X14}"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="${XM}">` +
    `<x14:cfRule type="dataBar" id="${BAR_ID}"><x14:dataBar minLength="0" maxLength="100" gradient="0"><x14:cfvo type="num"><xm:f>0</xm:f></x14:cfvo><x14:cfvo type="num"><xm:f>1</xm:f></x14:cfvo>` +
    `<x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule><xm:sqref>${sqref}</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext>`;
  return { rule, extension };
}

const fits = (p: PrintSetup | undefined) => p !== undefined && (p.fitToWidth > 0 || p.fitToHeight > 0);

function sheetPrXml(spec: SheetSpec, carry: SheetCarry): string {
  const inner = `${carry.tabColor ?? ""}${fits(spec.print) ? `<pageSetUpPr fitToPage="1"/>` : ""}`;
  const codeName = carry.codeName !== undefined ? ` codeName="${escapeAttribute(carry.codeName)}"` : "";
  if (!inner && !codeName) return "";
  return inner ? `<sheetPr${codeName}>${inner}</sheetPr>` : `<sheetPr${codeName}/>`;
}

/** A4, the orientation, the fit (or 100%), and the header and footer of every page. */
function pageXml(p: PrintSetup | undefined): string {
  if (!p) return "";
  const size = fits(p) ? ` orientation="${p.orientation}" fitToWidth="${p.fitToWidth}" fitToHeight="${p.fitToHeight}"` : ` scale="100" orientation="${p.orientation}"`;
  const header = bandCodes(p.header);
  const footer = bandCodes(p.footer);
  const bands = (header ? `<oddHeader>${escapeText(header)}</oddHeader>` : "") + (footer ? `<oddFooter>${escapeText(footer)}</oddFooter>` : "");
  return `<pageSetup paperSize="9"${size}/>` + (bands ? `<headerFooter>${bands}</headerFooter>` : "");
}

function carriedParts(carry: SheetCarry): string {
  const rel = (element: string, id: string | undefined) => (id !== undefined ? `<${element} r:id="${escapeAttribute(id)}"/>` : "");
  return rel("drawing", carry.drawing) + rel("legacyDrawing", carry.legacyDrawing) + rel("legacyDrawingHF", carry.legacyDrawingHF) + rel("picture", carry.picture);
}

/** Rows per piece of text: big enough to keep the pieces few, small enough to never build one giant string. */
const ROWS_PER_PIECE = 512;

/** The worksheet part for a spec, as pieces of text to be encoded in order. */
export function renderSheet(spec: SheetSpec, options: RenderOptions): string[] {
  const { styles, date1904 } = options;
  const bold = new Set(spec.boldRows);
  const wrap = new Set(spec.wrapRows ?? []);
  const heights = new Map((spec.rowHeights ?? []).map((h) => [h.row, h.points]));
  const wrapColumns = new Set(spec.wrapColumns ?? []);
  // The table body (the rows under the frozen ones) of a sheet with wrapped columns is aligned to the top.
  const bodyTop = wrapColumns.size ? spec.freeze.rows : Infinity;
  const fills = fillMap(spec.fills);
  const texts = new TextCache();
  // tableSheet gives every data row the same formats array: its style attributes are looked up once.
  const plainStyles = new Map<readonly string[], string[]>();
  const attribute = (look: CellLook) => styleAttribute(styles.styleOf(look));
  const look = (numFmt: string, r: number, c: number, fill: FillRange | undefined): CellLook => ({
    numFmt,
    bold: bold.has(r),
    wrap: wrap.has(r) || (r >= bodyTop && wrapColumns.has(c)),
    top: r >= bodyTop,
    fill: fill?.color,
    fontColor: fill?.fontColor,
  });

  // Plain concatenation: V8 joins strings built with += cheaply, and a piece is flattened once, when encoded.
  const pieces: string[] = [];
  let piece = "";
  let rowsInPiece = 0;
  let lastRow = -1;
  let lastCol = -1;
  let rowCount = spec.values.length;
  for (const r of fills.keys()) rowCount = Math.max(rowCount, r + 1);
  for (const r of heights.keys()) rowCount = Math.max(rowCount, r + 1);
  for (let r = 0; r < rowCount; r++) {
    const values = spec.values[r] ?? NO_VALUES;
    const formats = spec.numberFormats[r] ?? NO_FORMATS;
    const rowFills = fills.get(r);
    const special = bold.has(r) || wrap.has(r);
    let plain: string[] | undefined;
    if (!rowFills && !special && r < bodyTop) {
      plain = plainStyles.get(formats);
      if (!plain) plainStyles.set(formats, (plain = []));
    }
    let width = values.length;
    if (rowFills) for (const c of rowFills.keys()) width = Math.max(width, c + 1);
    columnLetters(width);
    const rowNumber = String(r + 1);
    let cells = "";
    for (let c = 0; c < width; c++) {
      const value = values[c] ?? null;
      const fill = rowFills?.get(c);
      if (value === null && !fill) continue;
      const declared = formats[c] ?? "";
      // A date may take another format than its column's (formatFor): midnights and times get slots of their own.
      const slot = 3 * c + (value instanceof Date ? (value.getTime() % DAY_MS === 0 ? 1 : 2) : 0);
      const s = plain ? (plain[slot] ??= attribute(look(formatFor(value, declared), r, c, undefined))) : attribute(look(formatFor(value, declared), r, c, fill));
      const xml = cellXml(COLUMN_LETTERS[c] + rowNumber, value, s, date1904, texts);
      if (xml) {
        cells += xml;
        if (c > lastCol) lastCol = c;
      }
    }
    const points = heights.get(r) ?? (wrap.has(r) ? WRAPPED_ROW_HEIGHT : undefined);
    if (!cells && !special && points === undefined) continue;
    const height = points !== undefined ? ` ht="${points}" customHeight="1"` : "";
    const rowStyle = special ? ` s="${styles.styleOf(look("", r, -1, undefined))}" customFormat="1"` : "";
    piece += '<row r="' + rowNumber + '"' + height + rowStyle + ">" + cells + "</row>";
    lastRow = r;
    if (++rowsInPiece === ROWS_PER_PIECE) {
      pieces.push(piece);
      piece = "";
      rowsInPiece = 0;
    }
  }
  if (piece) pieces.push(piece);

  const { main, relationships } = options.namespaces;
  const bar = barXml(spec);
  const tabSelected = options.selected ? ` tabSelected="1"` : "";
  const head =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${main}" xmlns:r="${relationships}">` +
    sheetPrXml(spec, options.carry) +
    `<dimension ref="${lastRow >= 0 && lastCol >= 0 ? `A1:${ref(lastRow, lastCol)}` : "A1"}"/>` +
    `<sheetViews><sheetView${tabSelected} workbookViewId="0">${paneXml(spec.freeze.rows, spec.freeze.columns)}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    colsXml(spec.columnWidths) +
    `<sheetData>`;
  const tail =
    `</sheetData>` +
    (options.carry.protection ?? "") +
    bar.rule +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    pageXml(spec.print) +
    carriedParts(options.carry) +
    (bar.extension ? `<extLst>${bar.extension}</extLst>` : "") +
    `</worksheet>`;
  return [head, ...pieces, tail];
}
