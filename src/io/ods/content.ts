// content.xml of an OpenDocument spreadsheet -> its sheets' grids and merged ranges.
//
// ODF compresses runs of equal cells and rows into one element with a repeat count
// (table:number-columns-repeated / table:number-rows-repeated): LibreOffice ends every row with the empty
// cells up to column 16,384 and every sheet with the empty rows up to row 1,048,576. Empty repeats only
// move the position; repeats that hold values are written out one by one into the grid, whose row and
// cell limits stop a repeated-row bomb as they stop a million-row sheet. Merged cells are a cell with
// table:number-columns-spanned / -rows-spanned followed by covered cells, whose content is hidden.
import type { CellRange, CellValue, Sheet } from "../../core/types";
import { parseIsoWallClock } from "../xlsx/dates";
import { readErrors } from "../xlsx/errors";
import { GridBuilder } from "../xlsx/grid";
import { MAX_CELL_TEXT, MAX_COLUMNS, type ReadLimits } from "../xlsx/limits";
import { XmlScanner } from "../xlsx/xml";

const TIME_EPOCH = Date.UTC(1899, 11, 30);

/** One cell element of a row, kept until the row's own repeat count is known (it comes first, but rows are replayed whole). */
interface RowCell {
  col: number;
  repeat: number;
  value: CellValue;
  colSpan: number;
  rowSpan: number;
}

function clip(text: string): string {
  return text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT) : text;
}

function positive(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/** "PT12H30M00S" (an ODF duration) -> the time on Excel's day zero, as the .xlsx reader gives a time. */
function timeValue(duration: string): Date | null {
  const m = /^(-)?P(?:(\d+)D)?T?(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(duration.trim());
  if (!m) return null;
  const ms = (((+(m[2] ?? 0) * 24 + +(m[3] ?? 0)) * 60 + +(m[4] ?? 0)) * 60 + +(m[5] ?? 0)) * 1000;
  return new Date(TIME_EPOCH + (m[1] ? -ms : ms));
}

/** A cell's value from its office:value-type and value attributes, or its text when they say nothing. */
function typedValue(type: string | null, value: string | null, text: () => string): CellValue {
  switch (type) {
    case "float":
    case "percentage":
    case "currency": {
      const n = Number(value);
      return value !== null && value.trim() !== "" && Number.isFinite(n) ? n : clip(text()) || null;
    }
    case "date":
      return (value !== null && parseIsoWallClock(value)) || clip(text()) || null;
    case "time":
      return (value !== null && timeValue(value)) || clip(text()) || null;
    case "boolean":
      return value === "true" || value === "1";
    case "string":
      return value !== null ? clip(value) || null : clip(text()) || null;
    default:
      return clip(text()) || null;
  }
}

/** Inside a paragraph: comments, notes and drawings anchored in the text, which are not its text. */
const NOT_TEXT = new Set(["annotation", "note", "frame", "custom-shape", "rect", "ellipse", "line", "g", "control"]);

/**
 * The text of a cell's paragraphs, called on the cell's start tag and leaving the scanner past its end
 * tag; only the cell's own paragraphs count (not shapes or comments anchored in it).
 */
function readCellText(scanner: XmlScanner): string {
  if (scanner.selfClosing) return "";
  const literal = scanner.literalContent("<text:p>", "</text:p></table:table-cell>");
  if (literal !== null) return literal;
  const inside = scanner.depth;
  const paragraphs: string[] = [];
  while (scanner.next() && scanner.depth >= inside) {
    if (scanner.closing) continue;
    if (scanner.name === "p" || scanner.name === "h") paragraphs.push(readParagraph(scanner));
    else scanner.skipElement();
  }
  return paragraphs.join("\n");
}

/** Mixed content: spans and links as their text, text:s as its spaces, tabs and line breaks as characters. */
function readParagraph(scanner: XmlScanner): string {
  if (scanner.selfClosing) return "";
  const inside = scanner.depth;
  let text = scanner.text();
  while (scanner.next() && scanner.depth >= inside) {
    // Past Excel's cell limit the rest is cut anyway; text:s text:c="1000000" must not build gigabytes.
    if (text.length > MAX_CELL_TEXT) continue;
    if (!scanner.closing) {
      const { name } = scanner;
      if (name === "s") text += " ".repeat(Math.min(positive(scanner.attr("c")), MAX_CELL_TEXT));
      else if (name === "tab") text += "\t";
      else if (name === "line-break") text += "\n";
      else if (NOT_TEXT.has(name)) scanner.skipElement();
    }
    text += scanner.textAfterTag();
  }
  return text;
}

class SheetReader {
  readonly grid: GridBuilder;
  readonly merges: CellRange[] = [];
  private row = 0;
  private cells: RowCell[] = [];
  private col = 0;
  private rowRepeat = 1;

  constructor(
    readonly name: string,
    private readonly limits: ReadLimits,
  ) {
    this.grid = new GridBuilder(name, limits);
  }

  startRow(repeat: number): void {
    this.cells = [];
    this.col = 0;
    this.rowRepeat = repeat;
  }

  /** A cell or covered cell: only cells with a value or a span are kept; the rest just move along. */
  cell(repeat: number, value: CellValue, colSpan: number, rowSpan: number): void {
    if (value !== null || colSpan > 1 || rowSpan > 1) this.cells.push({ col: this.col, repeat, value, colSpan, rowSpan });
    this.col += repeat;
  }

  endRow(): void {
    if (this.cells.length === 0) {
      this.row += this.rowRepeat;
      return;
    }
    for (let copy = 0; copy < this.rowRepeat; copy++, this.row++) {
      for (const cell of this.cells) {
        for (let k = 0; k < cell.repeat; k++) this.place(this.row, cell.col + k, cell);
      }
    }
  }

  private place(row: number, col: number, cell: RowCell): void {
    if (cell.value !== null) this.grid.set(row, col, cell.value);
    if (cell.colSpan === 1 && cell.rowSpan === 1) return;
    const bottom = row + cell.rowSpan - 1;
    const right = col + cell.colSpan - 1;
    if (bottom >= this.limits.maxRows || right >= MAX_COLUMNS) throw readErrors.tooManyRows(this.name, this.limits.maxRows);
    // Each merge costs a cell slot: repeated spans without values must not grow the list past the limit.
    if (this.merges.length >= this.limits.maxCells) throw readErrors.tooManyCells(this.name, this.limits.maxCells);
    this.merges.push({ top: row, left: col, bottom, right });
  }
}

/** Names of the table styles that hide a sheet (style:table-properties table:display="false"). */
function hidingStyle(scanner: XmlScanner, hidden: Set<string>): void {
  const name = scanner.attr("name");
  if (scanner.attr("family") !== "table" || name === null || scanner.selfClosing) return;
  const inside = scanner.depth;
  while (scanner.next() && scanner.depth >= inside) {
    if (scanner.name === "table-properties" && !scanner.closing && scanner.attr("display") === "false") hidden.add(name);
  }
}

export function readContent(xml: string, limits: ReadLimits): Sheet[] {
  const scanner = new XmlScanner(xml);
  const hiddenStyles = new Set<string>();
  const sheets: Sheet[] = [];
  let tables = 0;
  let sheet: SheetReader | null = null;
  let hidden = false;
  while (scanner.next()) {
    const { name } = scanner;
    if (scanner.closing) {
      if (name === "table-row") sheet?.endRow();
      else if (name === "table" && sheet) {
        sheets.push({ name: sheet.name, hidden, rows: sheet.grid.rows, merges: sheet.merges });
        sheet = null;
      }
      continue;
    }
    switch (name) {
      case "style":
        hidingStyle(scanner, hiddenStyles);
        break;
      case "table":
        // A table inside a cell (an old ODF feature) is not a sheet of the workbook.
        if (sheet || ++tables > limits.maxSheets) {
          scanner.skipElement();
        } else if (!scanner.selfClosing) {
          const tableName = scanner.attr("name") ?? `Sheet${tables}`;
          hidden = hiddenStyles.has(scanner.attr("style-name") ?? "");
          sheet = new SheetReader(tableName, limits);
        }
        break;
      case "table-row":
        if (!sheet) break;
        sheet.startRow(positive(scanner.attr("number-rows-repeated")));
        if (scanner.selfClosing) sheet.endRow();
        break;
      case "table-cell":
      case "covered-table-cell":
        if (sheet) readCell(scanner, sheet, name === "covered-table-cell");
        break;
      case "shapes":
      case "named-expressions":
      case "forms":
        scanner.skipElement();
        break;
    }
  }
  scanner.finish();
  if (tables > limits.maxSheets) throw readErrors.tooManySheets(tables, limits.maxSheets);
  return sheets;
}

function readCell(scanner: XmlScanner, sheet: SheetReader, covered: boolean): void {
  // One pass over the attributes. office:value-type and calcext:value-type share a local name; LibreOffice
  // marks error results (#DIV/0!) only in the latter, so an "error" from either wins.
  let type: string | null = null;
  let error = false;
  let value: string | null = null;
  let repeat = 1;
  let colSpan = 1;
  let rowSpan = 1;
  while (scanner.nextAttr()) {
    if (scanner.attrIs("value-type")) {
      const v = scanner.attrValue();
      if (v === "error") error = true;
      else type ??= v;
    } else if (scanner.attrIs("value") || scanner.attrIs("date-value") || scanner.attrIs("time-value") || scanner.attrIs("boolean-value") || scanner.attrIs("string-value")) {
      value ??= scanner.attrValue();
    } else if (scanner.attrIs("number-columns-repeated")) repeat = positive(scanner.attrValue());
    else if (scanner.attrIs("number-columns-spanned")) colSpan = positive(scanner.attrValue());
    else if (scanner.attrIs("number-rows-spanned")) rowSpan = positive(scanner.attrValue());
  }
  let text: string | null = null;
  const content = () => (text ??= readCellText(scanner));
  const cellValue = covered ? null : error ? clip(content()) || null : typedValue(type, value, content);
  if (text === null) scanner.skipElement();
  sheet.cell(repeat, cellValue, covered ? 1 : colSpan, covered ? 1 : rowSpan);
}
