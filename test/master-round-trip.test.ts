// Any master book written to its stored sheets and read back is the same book: through the grid a store
// reads back, after a clerk sorts rows, moves columns and adds their own, and through a real xlsx file.
import fc from "fast-check";
import { readMasterBook } from "../src/core/master-read";
import { INPUT_SHEETS, OWNED_SHEETS } from "../src/core/master-sheets";
import { inputSheetSpecs } from "../src/core/master-write";
import { importSheets } from "../src/core/outputs";
import type { CellValue, MasterBook, SheetSpec } from "../src/core/types";
import { masterXlsx, openXlsx } from "./helpers/master-xlsx";
import { readWorkbook } from "../src/io/xlsx";
import { anyText, expectedReadBack, masterBookArb, rowsInOneOrder, someText, storedGrid } from "./helpers/master-book";

function storedSheets(book: MasterBook): SheetSpec[] {
  return [...inputSheetSpecs(book), ...importSheets(book)];
}

function grids(specs: SheetSpec[], edit: (name: string, grid: CellValue[][]) => CellValue[][] = (_, g) => g): Record<string, CellValue[][]> {
  return Object.fromEntries(specs.map((s) => [s.name, edit(s.name, storedGrid(s))]));
}

test("every stored sheet is declared: a book writes exactly the input and owned sheets", () => {
  const names = storedSheets(fc.sample(masterBookArb, 1)[0]).map((s) => s.name);
  expect(names).toEqual([...INPUT_SHEETS, ...OWNED_SHEETS.slice(0, 4)]);
});

test("any master book written and read back is equal, without a single problem", () => {
  fc.assert(
    fc.property(masterBookArb, (book) => {
      const { book: back, problems } = readMasterBook(grids(storedSheets(book)));
      expect(problems).toEqual([]);
      expect(rowsInOneOrder(back)).toEqual(expectedReadBack(book));
    }),
    { numRuns: 150 },
  );
});

/** Sheets whose rows the product sorts when it writes them, so the clerk may sort them too. */
const SORTABLE = new Set(["Dữ liệu", "Nộp báo cáo", "Phát hiện"]);

interface ClerkEdit {
  /** A title row above the header. */
  title: boolean;
  /** A permutation seed for the columns and one for the rows. */
  columnSeed: number;
  rowSeed: number;
  /** The clerk's own column, with its values. */
  extra: string[];
  /** A note below the table, in the clerk's column only. */
  note: string;
}

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function clerkEdits(edit: ClerkEdit) {
  return (name: string, grid: CellValue[][]): CellValue[][] => {
    const width = grid[0].length;
    const order = shuffled([...Array(width).keys()], edit.columnSeed);
    const insertAt = edit.columnSeed % (width + 1);
    const reorder = (row: CellValue[], extra: CellValue) => {
      const cells = order.map((c) => row[c] ?? null);
      cells.splice(insertAt, 0, extra);
      return cells;
    };
    const [header, ...rows] = grid;
    const body = SORTABLE.has(name) ? shuffled(rows, edit.rowSeed) : rows;
    return [
      ...(edit.title ? [["SỔ TỔNG HỢP – bản của văn phòng"]] : []),
      reorder(header, "Ghi chú của tôi"),
      ...body.map((row, i) => reorder(row, edit.extra[i % edit.extra.length] ?? null)),
      reorder([], edit.note),
    ];
  };
}

test("a clerk's title row, moved columns, own column, a note below and sorted rows read back the same", () => {
  const edit = fc.record({ title: fc.boolean(), columnSeed: fc.nat(), rowSeed: fc.nat(), extra: fc.array(anyText, { minLength: 1, maxLength: 4 }), note: someText });
  fc.assert(
    fc.property(masterBookArb, edit, (book, e) => {
      const { book: back, problems } = readMasterBook(grids(storedSheets(book), clerkEdits(e)));
      expect(problems).toEqual([]);
      expect(rowsInOneOrder(back)).toEqual(expectedReadBack(book));
    }),
    { numRuns: 100 },
  );
});

test("through a real xlsx file, read by exceljs and by the project's own reader, any book reads back equal", async () => {
  await fc.assert(
    fc.asyncProperty(masterBookArb, async (book) => {
      const bytes = await masterXlsx(book);
      const loaded = await openXlsx(bytes);
      expect(loaded.problems).toEqual([]);
      expect(rowsInOneOrder(loaded.book)).toEqual(expectedReadBack(book));

      const own = Object.fromEntries(readWorkbook(bytes).sheets.map((s) => [s.name, s.rows]));
      const read = readMasterBook(own);
      expect(read.problems).toEqual([]);
      expect(rowsInOneOrder(read.book)).toEqual(expectedReadBack(book));
    }),
    { numRuns: 12 },
  );
});
