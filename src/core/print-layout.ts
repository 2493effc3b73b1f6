// The page setup of the sheets a clerk prints: A4, fitted to the page width only while the 11-point text
// stays at 9 points or more; wider tables print at full size over several pages, their label columns and
// header rows repeated on each. The writers apply it as types.ts (PrintSetup) describes.
import type { CellRange, OutValue, PageBand, PrintSetup } from "./types";

/** The size cells are written in, and the smallest a printed figure may shrink to. */
export const BODY_POINTS = 11;
export const MIN_PRINT_POINTS = 9;

const PAGE_WIDTH_MM = { portrait: 210, landscape: 297 } as const;
/** Excel's default left and right margins (0.7 inch each), which the writers leave as they are. */
const SIDE_MARGINS_MM = 2 * 0.7 * 25.4;
const MM_PER_PX = 25.4 / 96;

/** A column `width` characters wide, in pixels, as Excel draws it in 11-point Calibri (7-pixel digits, 5 of padding). */
function columnPx(width: number): number {
  return Math.trunc(width * 7 + 5);
}

/** The scale at which these columns exactly fill an A4 page's printable width (above 1: they fit as they are). */
export function widthScale(widths: readonly number[], orientation: PrintSetup["orientation"]): number {
  const mm = widths.reduce((sum, w) => sum + columnPx(w), 0) * MM_PER_PX;
  return mm === 0 ? 1 : (PAGE_WIDTH_MM[orientation] - SIDE_MARGINS_MM) / mm;
}

export interface PaperOptions {
  orientation: PrintSetup["orientation"];
  /** The cells printed (the table without the seal below it). */
  area: CellRange;
  /** The header rows, repeated on every page. */
  titleRows: { first: number; last: number };
  /** The label columns, repeated on every page when the table is printed over several pages across. */
  titleColumns: { first: number; last: number };
  header: PageBand;
  footer: PageBand;
}

/** One page wide when that keeps text at MIN_PRINT_POINTS or more; else full size, label columns repeated. */
export function paperLayout(widths: readonly number[], o: PaperOptions): PrintSetup {
  const printed = widths.slice(o.area.left, o.area.right + 1);
  const fits = Math.min(1, widthScale(printed, o.orientation)) * BODY_POINTS >= MIN_PRINT_POINTS;
  return {
    paper: "A4",
    orientation: o.orientation,
    fitToWidth: fits ? 1 : 0,
    fitToHeight: 0,
    area: o.area,
    titleRows: o.titleRows,
    titleColumns: fits ? undefined : o.titleColumns,
    header: o.header,
    footer: o.footer,
  };
}

/** Excel draws at most 255 characters of header or footer codes: each part of text from the book is kept short. */
const MAX_PART = 80;

/** Text from the book as a header or footer part: "&" would start a code, so it is doubled. */
export function headerText(text: string): string {
  const short = text.length > MAX_PART ? `${text.slice(0, MAX_PART - 1)}…` : text;
  return short.replace(/&/g, "&&");
}

/** One header or footer line as Excel stores it (OOXML `oddHeader`): "&L…&C…&R…", the parts given; "" for none. */
export function bandCodes(band: PageBand | undefined): string {
  if (!band) return "";
  return ([["&L", band.left], ["&C", band.center], ["&R", band.right]] as const).map(([code, part]) => (part ? `${code}${part}` : "")).join("");
}

/** "Trang 2/3" at the foot of each page. */
export const PAGE_OF_PAGES = "Trang &P/&N";

/** One line of 11-point text, in points, as Excel's default row height. */
export const LINE_POINTS = 15;

/**
 * Lines a text takes wrapped word by word in `width` characters; a longer word breaks. A column's width
 * counts digit widths, and most letters are narrower: a regular text line holds about 1.1 letters per
 * digit width in DejaVu Sans (what LibreOffice draws where Calibri is missing), more in Calibri; bold
 * headers about 1. Callers pass those capacities, so the count errs towards a line too many, not too few.
 */
export function wrappedLines(text: string, width: number): number {
  let lines = 0;
  let used = width;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (used + 1 + word.length <= width) {
      used += 1 + word.length;
      continue;
    }
    lines += Math.ceil(word.length / width);
    used = word.length % width || width;
  }
  return Math.max(1, lines);
}

const cellLines = (v: OutValue, width: number) => (typeof v === "string" && v !== "" ? wrappedLines(v, width) : 1);

/** Letters a line of regular 11-point text holds per digit width of its column. */
const LETTERS_PER_WIDTH = 1.1;

/** The height of a row whose cells in `columns` wrap: as many lines as its longest one takes. */
function wrappedRowHeight(row: readonly OutValue[], capacity: (column: number) => number, columns: readonly number[], minLines = 1): number {
  return LINE_POINTS * Math.max(minLines, ...columns.map((c) => cellLines(row[c] ?? null, capacity(c))));
}

/**
 * Heights of the header row (every cell wraps, at least two lines) and of the body rows from `first` to
 * `last` that need more than one line for a cell of `columns`.
 */
export function tableRowHeights(values: readonly (readonly OutValue[])[], widths: readonly number[], header: number, body: { first: number; last: number; columns: readonly number[] }): { row: number; points: number }[] {
  const all = widths.map((_, i) => i);
  const bold = (c: number) => widths[c] ?? 10;
  const regular = (c: number) => Math.floor((widths[c] ?? 10) * LETTERS_PER_WIDTH);
  const heights = [{ row: header, points: wrappedRowHeight(values[header] ?? [], bold, all, 2) }];
  for (let r = body.first; r <= body.last; r++) {
    const points = wrappedRowHeight(values[r] ?? [], regular, body.columns);
    if (points > LINE_POINTS) heights.push({ row: r, points });
  }
  return heights;
}
