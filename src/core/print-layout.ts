// The page setup of the sheets a clerk prints: A4, fitted to the page width only while the 11-point text
// stays at 9 points or more; wider tables print at full size over several pages, their label columns and
// header rows repeated on each. The writers apply it as types.ts (PrintSetup) describes.
import type { CellRange, PageBand, PrintSetup } from "./types";

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

/** "Trang 2/3" at the foot of each page. */
export const PAGE_OF_PAGES = "Trang &P/&N";
