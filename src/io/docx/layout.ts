// The document's blocks -> the grid the report parser reads, in reading order, each grid row named by
// where it sits in the document:
// - a paragraph is one row per line (w:br), its text split at tabs into columns A, B, ... (offices lay
//   "Đơn vị: ...<tab>Mã đơn vị: ..." out with tabs), blank paragraphs left out; named "Đoạn N", counting
//   the non-blank paragraphs outside tables;
// - a table row is one grid row from column A, each cell in the columns it spans, a cell's paragraphs
//   joined by line breaks; named "Bảng N, dòng R", counting the document's tables and each table's rows;
//   gridSpan and vMerge become merged ranges, as merged cells of a sheet;
// - a table row holding another table is page layout (Word nests the real table inside one): its cells'
//   paragraphs and tables follow one another as in the body, named after that row, and the nested
//   tables "Bảng N.1", "Bảng N.2".
import type { CellRange, Sheet } from "../../core/types";
import { GridBuilder } from "../xlsx/grid";
import { MAX_CELL_TEXT, MAX_COLUMNS, type ReadLimits } from "../xlsx/limits";
import { readErrors } from "../xlsx/errors";
import type { Block, Paragraph, Table, TableCell, TableRow } from "./document";

/** The one grid sheet a Word document becomes. */
export const DOCUMENT_SHEET = "Văn bản";

function clip(text: string): string {
  return text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT) : text;
}

function cellText(cell: TableCell): string {
  const lines: string[] = [];
  for (const block of cell.blocks) {
    if (block.kind !== "paragraph") continue;
    const line = block.text.replace(/\t/g, " ").trim();
    if (line) lines.push(line);
  }
  return clip(lines.join("\n"));
}

function holdsTable(row: TableRow): boolean {
  return row.cells.some((cell) => cell.blocks.some((b) => b.kind === "table"));
}

class DocumentGrid {
  private readonly grid: GridBuilder;
  private readonly places: (string | null)[] = [];
  private readonly merges: CellRange[] = [];
  private paragraphs = 0;
  private tables = 0;

  constructor(private readonly limits: ReadLimits) {
    this.grid = new GridBuilder(DOCUMENT_SHEET, limits);
  }

  sheet(blocks: Block[]): Sheet {
    this.blocks(blocks, () => `Đoạn ${++this.paragraphs}`, () => `Bảng ${++this.tables}`);
    const merges = this.merges.filter((m) => m.bottom > m.top || m.right > m.left);
    return { name: DOCUMENT_SHEET, hidden: false, rows: this.grid.rows, merges, rowPlaces: this.places };
  }

  private blocks(blocks: Block[], paragraphPlace: () => string, tableName: () => string): void {
    for (const block of blocks) {
      if (block.kind === "paragraph") this.paragraph(block, paragraphPlace);
      else this.table(block, tableName());
    }
  }

  /** A new grid row named `place`; its index. */
  private newRow(place: string): number {
    const row = this.places.length;
    if (row >= this.limits.maxRows) throw readErrors.tooManyRows(DOCUMENT_SHEET, this.limits.maxRows);
    this.places.push(place);
    return row;
  }

  private paragraph(paragraph: Paragraph, place: () => string): void {
    const lines = paragraph.text.split("\n").map((line) => line.split("\t").filter((part) => part.trim() !== ""));
    if (!lines.some((parts) => parts.length > 0)) return;
    const name = place();
    for (const parts of lines) {
      if (parts.length === 0) continue;
      const row = this.newRow(name);
      parts.forEach((part, col) => this.grid.set(row, col, clip(part)));
    }
  }

  private table(table: Table, name: string): void {
    let nested = 0;
    /** Vertical merges still open, by their left column. */
    const open = new Map<number, CellRange>();
    table.rows.forEach((tableRow, i) => {
      const place = `${name}, dòng ${i + 1}`;
      if (holdsTable(tableRow)) {
        open.clear();
        for (const cell of tableRow.cells) this.blocks(cell.blocks, () => place, () => `${name}.${++nested}`);
        return;
      }
      const row = this.newRow(place);
      let col = tableRow.gridBefore;
      for (const cell of tableRow.cells) {
        const span = cell.span;
        if (col + span > MAX_COLUMNS) throw readErrors.tooManyRows(DOCUMENT_SHEET, this.limits.maxRows);
        const above = open.get(col);
        if (cell.vMerge === "continue" && above) {
          above.bottom = row;
        } else {
          const text = cellText(cell);
          if (text) this.grid.set(row, col, text);
          open.delete(col);
          if (cell.vMerge === "restart" || span > 1) this.merge({ top: row, left: col, bottom: row, right: col + span - 1 }, cell.vMerge === "restart" ? open : null);
        }
        col += span;
      }
    });
  }

  private merge(range: CellRange, open: Map<number, CellRange> | null): void {
    // Each merge costs a cell slot: spans without values must not grow the list past the cell limit.
    if (this.merges.length >= this.limits.maxCells) throw readErrors.tooManyCells(DOCUMENT_SHEET, this.limits.maxCells);
    this.merges.push(range);
    open?.set(range.left, range);
  }
}

export function documentSheet(blocks: Block[], limits: ReadLimits): Sheet {
  return new DocumentGrid(limits).sheet(blocks);
}
