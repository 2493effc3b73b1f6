// word/document.xml -> the document's blocks in reading order: paragraphs as their text, tables as rows of
// cells (with their spans and vertical merges), tables nested in cells kept where they sit.
//
// Word splits what looks like one word into many runs (spelling marks, revisions, bookmarks, content
// controls, smart tags, fields), so text is gathered from every w:t of a paragraph whatever wraps it.
// What a reader of the printed page does not see is left out: deleted revisions (w:del, w:moveFrom),
// field codes (w:instrText), runs marked hidden (w:vanish), the placeholder text of an empty content
// control, and text boxes and drawings (their text floats outside the reading order).
import { docxErrors } from "./errors";
import { XmlError, XmlScanner } from "../xlsx/xml";

export interface Paragraph {
  kind: "paragraph";
  /** Text with "\t" for tabs and "\n" for line breaks. */
  text: string;
}

export interface TableCell {
  /** Grid columns the cell spans (w:gridSpan). */
  span: number;
  /** w:vMerge: a cell that starts a vertical merge, or continues the one above it. */
  vMerge: "restart" | "continue" | null;
  blocks: Block[];
}

export interface TableRow {
  /** Grid columns left empty before the first cell (w:gridBefore). */
  gridBefore: number;
  cells: TableCell[];
}

export interface Table {
  kind: "table";
  rows: TableRow[];
}

export type Block = Paragraph | Table;

/** Word itself stops at a few levels; deeper nesting is a hostile file. */
export const MAX_TABLE_NESTING = 32;

/** Elements whose whole content is left out (see the header comment). */
const SKIPPED = new Set(["del", "moveFrom", "drawing", "pict", "object", "Fallback", "sdtEndPr", "pPr", "tblPr", "tblGrid", "tblPrEx", "sectPr", "footnoteReference", "endnoteReference", "commentReference"]);

/** Run content that stands for a character. */
// A soft hyphen stays: in a TCVN3 (".VnTime") document it is the letter "ư", which the report parser decodes.
const CHARACTERS: Readonly<Record<string, string>> = { tab: "\t", ptab: "\t", br: "\n", cr: "\n", noBreakHyphen: "-", softHyphen: "\u00ad" };

const OFF_VALUES = new Set(["0", "false", "off"]);

interface ContainerFrame {
  kind: "container";
  blocks: Block[];
}
interface TableFrame {
  kind: "table";
  table: Table;
}
interface RowFrame {
  kind: "row";
  row: TableRow;
  deleted: boolean;
}
interface CellFrame {
  kind: "cell";
  cell: TableCell;
  hMergeContinue: boolean;
}
type Frame = ContainerFrame | TableFrame | RowFrame | CellFrame;

/** A boolean property element (w:vanish, w:showingPlcHdr) is on unless its w:val says off. */
function isOn(scanner: XmlScanner): boolean {
  const val = scanner.attr("val");
  return val === null || !OFF_VALUES.has(val);
}

/** Calls `onChild` for each direct child of the current element, then leaves the scanner on its end tag. */
function eachChild(scanner: XmlScanner, onChild: (scanner: XmlScanner) => void): void {
  if (scanner.selfClosing) return;
  const inside = scanner.depth;
  // Each child is skipped whole after its start tag, so every start tag met here is a direct child.
  while (scanner.next() && scanner.depth >= inside) {
    onChild(scanner);
    scanner.skipElement();
  }
}

function symbol(scanner: XmlScanner): string {
  const code = parseInt(scanner.attr("char") ?? "", 16);
  return Number.isInteger(code) && code > 0 && code <= 0xffff ? String.fromCharCode(code) : "";
}

export function readDocumentBlocks(xml: string): Block[] {
  const scanner = new XmlScanner(xml);
  const body: ContainerFrame = { kind: "container", blocks: [] };
  const frames: Frame[] = [body];
  let tableDepth = 0;
  let paragraph: Paragraph | null = null;
  let hiddenRun = false;
  /** Depths of the content controls being read, and whether each shows only its placeholder. */
  const controls: { depth: number; placeholder: boolean }[] = [];
  let placeholders = 0;

  const top = () => frames[frames.length - 1];
  const container = (): Block[] | null => {
    const frame = top();
    return frame.kind === "container" ? frame.blocks : frame.kind === "cell" ? frame.cell.blocks : null;
  };
  const append = (text: string) => {
    if (paragraph && !hiddenRun && placeholders === 0) paragraph.text += text;
  };

  while (scanner.next()) {
    const { name } = scanner;
    if (scanner.closing) {
      const frame = top();
      if (name === "p" && paragraph) {
        container()?.push(paragraph);
        paragraph = null;
      } else if (name === "r") {
        hiddenRun = false;
      } else if (name === "tc" && frame.kind === "cell") {
        frames.pop();
        endCell(frame, top() as RowFrame);
      } else if (name === "tr" && frame.kind === "row") {
        frames.pop();
        if (!frame.deleted) (top() as TableFrame).table.rows.push(frame.row);
      } else if (name === "tbl" && frame.kind === "table") {
        frames.pop();
        tableDepth--;
        container()?.push(frame.table);
      } else if (name === "sdt" && controls.length && controls[controls.length - 1].depth === scanner.depth + 1) {
        if (controls.pop()!.placeholder) placeholders--;
      }
      continue;
    }
    switch (name) {
      case "t":
        append(scanner.text());
        break;
      case "sym":
        append(symbol(scanner));
        break;
      case "tab":
      case "ptab":
      case "br":
      case "cr":
      case "noBreakHyphen":
      case "softHyphen":
        append(CHARACTERS[name]);
        break;
      case "p":
        // A paragraph inside a paragraph sits in a text box: outside the reading order.
        if (paragraph || !container()) scanner.skipElement();
        else if (!scanner.selfClosing) paragraph = { kind: "paragraph", text: "" };
        break;
      case "rPr":
        eachChild(scanner, (child) => {
          if (child.name === "vanish" && isOn(child)) hiddenRun = true;
        });
        break;
      case "tbl":
        if (paragraph || !container()) {
          scanner.skipElement();
        } else if (!scanner.selfClosing) {
          if (++tableDepth > MAX_TABLE_NESTING) throw docxErrors.nestedTooDeep(MAX_TABLE_NESTING);
          frames.push({ kind: "table", table: { kind: "table", rows: [] } });
        }
        break;
      case "tr":
        if (top().kind !== "table") scanner.skipElement();
        else if (scanner.selfClosing) (top() as TableFrame).table.rows.push({ gridBefore: 0, cells: [] });
        else frames.push({ kind: "row", row: { gridBefore: 0, cells: [] }, deleted: false });
        break;
      case "trPr":
        if (top().kind === "row") readRowProperties(scanner, top() as RowFrame);
        else scanner.skipElement();
        break;
      case "tc": {
        const frame = top();
        if (frame.kind !== "row") scanner.skipElement();
        else if (scanner.selfClosing) frame.row.cells.push({ span: 1, vMerge: null, blocks: [] });
        else frames.push({ kind: "cell", cell: { span: 1, vMerge: null, blocks: [] }, hMergeContinue: false });
        break;
      }
      case "tcPr":
        if (top().kind === "cell") readCellProperties(scanner, top() as CellFrame);
        else scanner.skipElement();
        break;
      case "sdt":
        if (!scanner.selfClosing) controls.push({ depth: scanner.depth, placeholder: false });
        break;
      case "sdtPr": {
        const control = controls[controls.length - 1];
        eachChild(scanner, (child) => {
          if (child.name === "showingPlcHdr" && isOn(child) && control && !control.placeholder) {
            control.placeholder = true;
            placeholders++;
          }
        });
        break;
      }
      default:
        if (SKIPPED.has(name)) scanner.skipElement();
    }
  }
  scanner.finish();
  // End tags are matched by depth only: a table left open means the structure is broken, not finished.
  if (frames.length !== 1 || paragraph) throw new XmlError("unbalanced table structure");
  return body.blocks;
}

function readRowProperties(scanner: XmlScanner, frame: RowFrame): void {
  eachChild(scanner, (child) => {
    if (child.name === "gridBefore") frame.row.gridBefore = count(child.attr("val"), 0);
    else if (child.name === "del") frame.deleted = true;
  });
}

function readCellProperties(scanner: XmlScanner, frame: CellFrame): void {
  eachChild(scanner, (child) => {
    if (child.name === "gridSpan") frame.cell.span = Math.max(1, count(child.attr("val"), 1));
    else if (child.name === "vMerge") frame.cell.vMerge = child.attr("val") === "restart" ? "restart" : "continue";
    else if (child.name === "hMerge") frame.hMergeContinue = child.attr("val") !== "restart";
  });
}

/** A non-negative integer attribute; huge values stay huge for the grid to refuse. */
function count(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

/** A legacy horizontal merge (w:hMerge) widens the cell it continues instead of adding one. */
function endCell(frame: CellFrame, row: RowFrame): void {
  const previous = row.row.cells[row.row.cells.length - 1];
  if (frame.hMergeContinue && previous) previous.span += frame.cell.span;
  else row.row.cells.push(frame.cell);
}
