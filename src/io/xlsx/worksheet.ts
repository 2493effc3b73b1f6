// One worksheet part (<worksheet><sheetData>...) -> its grid of values and its merged ranges.
import type { CellRange, CellValue } from "../../core/types";
import { parseIsoWallClock, serialToDate } from "./dates";
import { GridBuilder } from "./grid";
import type { ReadLimits } from "./limits";
import { decodeCellText, readStringItem } from "./rich-text";
import { XmlScanner } from "./xml";

export interface SheetContext {
  sharedStrings: string[];
  dateStyles: boolean[];
  date1904: boolean;
  limits: ReadLimits;
}

export interface SheetContent {
  rows: CellValue[][];
  merges: CellRange[];
}

/** A parsed cell reference; -1 for a part that is missing ("A" alone, "12" alone) or malformed. */
interface CellRef {
  row: number;
  col: number;
}

/** "AB12" -> {row: 11, col: 27}, accepting "$" anchors. Digits or letters past Excel's width give huge numbers the grid refuses. */
export function parseCellRef(ref: string): CellRef {
  let col = 0;
  let row = 0;
  let i = 0;
  let ch: number;
  while (i < ref.length && ((ch = ref.charCodeAt(i) | 32), ch === (36 | 32) || (ch >= 97 && ch <= 122))) {
    if (ch !== (36 | 32)) col = Math.min(col * 26 + (ch - 96), Number.MAX_SAFE_INTEGER);
    i++;
  }
  const lettersEnd = i;
  while (i < ref.length && (ch = ref.charCodeAt(i)) >= 48 && ch <= 57) {
    row = Math.min(row * 10 + (ch - 48), Number.MAX_SAFE_INTEGER);
    i++;
  }
  if (i !== ref.length) return { row: -1, col: -1 };
  return { row: i > lettersEnd ? row - 1 : -1, col: col - 1 };
}

export function parseRangeRef(ref: string): CellRange | null {
  const [from, to = from] = ref.split(":");
  const a = parseCellRef(from);
  const b = parseCellRef(to);
  if (a.row < 0 || a.col < 0 || b.row < 0 || b.col < 0) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

function numberValue(raw: string, style: number, context: SheetContext): CellValue {
  if (raw.trim() === "") return null;
  const n = Number(raw);
  if (Number.isNaN(n)) return raw;
  return (context.dateStyles[style] && serialToDate(n, context.date1904)) || n;
}

/** The value of a cell from its type attribute and the text of its <v> or <is>. */
function cellValue(type: string | null, v: string | null, inline: string | null, style: number, context: SheetContext): CellValue {
  if (type === "inlineStr" || (inline !== null && v === null)) return inline ?? decodeCellText(v ?? "");
  if (v === null) return null;
  switch (type) {
    case "s":
      return context.sharedStrings[Number(v)] ?? null;
    case "str":
      return decodeCellText(v);
    case "b":
      return v === "1" || v === "true";
    case "e":
      return v;
    case "d":
      return parseIsoWallClock(v) ?? v;
    default:
      return numberValue(v, style, context);
  }
}

export function readWorksheet(xml: string, sheetName: string, context: SheetContext): SheetContent {
  const scanner = new XmlScanner(xml);
  const grid = new GridBuilder(sheetName, context.limits);
  const merges: CellRange[] = [];
  let row = -1;
  let col = -1;
  while (scanner.next()) {
    if (scanner.closing) continue;
    switch (scanner.name) {
      case "row": {
        const r = Number(scanner.attr("r"));
        row = Number.isInteger(r) && r >= 1 ? r - 1 : row + 1;
        col = -1;
        break;
      }
      case "c": {
        // One pass over the tag's attributes; the first of a repeated name counts, as with attr().
        let ref: string | null = null;
        let type: string | null = null;
        let style: string | null = null;
        while (scanner.nextAttr()) {
          if (ref === null && scanner.attrIs("r")) ref = scanner.attrValue();
          else if (type === null && scanner.attrIs("t")) type = scanner.attrValue();
          else if (style === null && scanner.attrIs("s")) style = scanner.attrValue();
        }
        const at = parseCellRef(ref ?? "");
        if (at.row >= 0) row = at.row;
        else if (row < 0) row = 0;
        col = at.col >= 0 ? at.col : col + 1;
        const value = readCell(scanner, type, Number(style ?? 0), context);
        if (value !== null) grid.set(row, col, value);
        break;
      }
      case "mergeCell": {
        const range = parseRangeRef(scanner.attr("ref") ?? "");
        if (range) merges.push(range);
        break;
      }
    }
  }
  scanner.finish();
  return { rows: grid.rows, merges };
}

/** Called on a <c> start tag; reads its children up to </c>. */
function readCell(scanner: XmlScanner, type: string | null, style: number, context: SheetContext): CellValue {
  if (scanner.selfClosing) return null;
  const literal = scanner.literalContent("<v>", "</v></c>");
  if (literal !== null) return cellValue(type, literal, null, style, context);
  // The master workbook's own sheets hold their text as inline strings: the same fast path for those.
  const inlineLiteral = type === "inlineStr" ? scanner.literalContent("<is><t>", "</t></is></c>") : null;
  if (inlineLiteral !== null) return decodeCellText(inlineLiteral);
  const inside = scanner.depth;
  let v: string | null = null;
  let inline: string | null = null;
  while (scanner.next() && scanner.depth >= inside) {
    if (scanner.closing || scanner.depth !== inside + 1) continue;
    if (scanner.name === "v") v = scanner.text();
    else if (scanner.name === "is") inline = readStringItem(scanner);
    else scanner.skipElement();
  }
  return cellValue(type, v, inline, style, context);
}
