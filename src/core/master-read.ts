// Reading the master workbook's sheets back into a MasterBook, each from its declaration in
// master-schema/. Columns are found by their header text, so a clerk may sort, reorder or add columns;
// rows that cannot be read are reported, never silently dropped.
import { INPUT_SHEETS, newMasterBook, OWNED_SHEETS, SHEETS } from "./master-sheets";
import { CATALOGUE } from "./master-schema/catalogue-sheet";
import { DATA } from "./master-schema/data-sheet";
import { deadlineSettings, DEADLINES } from "./master-schema/deadlines-sheet";
import { FINDINGS } from "./master-schema/findings-sheet";
import { LOG } from "./master-schema/log-sheet";
import { readSettings } from "./master-schema/settings-sheet";
import { SUBMISSIONS } from "./master-schema/submissions-sheet";
import { masterProblem, readTable, type TableSchema } from "./master-schema/table-schema";
import { TARGETS } from "./master-schema/targets-sheet";
import { UNIT_TYPES } from "./master-schema/unit-types-sheet";
import { UNITS } from "./master-schema/units-sheet";
import type { CellValue, Finding, MasterBook, Unit } from "./types";

const STORED_SHEETS = [...INPUT_SHEETS, ...OWNED_SHEETS];

export interface ReadMasterResult {
  book: MasterBook;
  /** Problems with the workbook itself: a missing sheet, a row or a cell that cannot be read. */
  problems: Finding[];
}

/**
 * The book the sheets hold; a sheet that is missing or lost its header keeps the new book's default.
 * Only the sheets named in `sheets` are read (by default every stored sheet): the others keep the
 * default too, and nothing is said about them. Whether an output sheet was edited by hand is the
 * store's question, asked when it rewrites the sheet.
 */
export function readMasterBook(grids: Record<string, CellValue[][]>, sheets: readonly string[] = STORED_SHEETS): ReadMasterResult {
  const problems: Finding[] = [];
  const book = newMasterBook();
  const wanted = new Set(sheets);
  const table = <R>(schema: TableSchema<R>): R[] | null => (wanted.has(schema.sheet) ? readTable(schema, grids[schema.sheet], problems) : null);
  const settings = wanted.has(SHEETS.settings) ? readSettings(grids[SHEETS.settings], problems) : {};
  const deadlines = table(DEADLINES);
  book.settings = { ...book.settings, ...settings, ...(deadlines && deadlineSettings(deadlines)) };
  book.units = table(UNITS) ?? book.units;
  book.catalogue = table(CATALOGUE) ?? book.catalogue;
  book.targets = table(TARGETS) ?? book.targets;
  book.unitTypes = table(UNIT_TYPES) ?? book.unitTypes;
  book.data = table(DATA) ?? [];
  book.submissions = table(SUBMISSIONS) ?? [];
  book.log = table(LOG) ?? [];
  book.findings = table(FINDINGS) ?? [];
  if ([SHEETS.units, SHEETS.catalogue, SHEETS.data].every((s) => wanted.has(s))) problems.push(...orphanProblems(book));
  return { book, problems };
}

/** Data kept for units or indicators the clerk removed: still kept and counted, but said out loud. */
function orphanProblems(book: MasterBook): Finding[] {
  const units = new Set(book.units.map((u) => u.code));
  const indicators = new Set(book.catalogue.map((i) => i.code));
  const missingUnits = new Set<string>();
  const missingIndicators = new Set<string>();
  for (const f of book.data) {
    if (!units.has(f.unit)) missingUnits.add(f.unit);
    if (!indicators.has(f.indicator)) missingIndicators.add(f.indicator);
  }
  const out: Finding[] = [];
  for (const code of missingUnits) {
    out.push(masterProblem(SHEETS.units, `Trang "${SHEETS.data}" có số liệu của đơn vị "${code}" nhưng trang "${SHEETS.units}" không còn đơn vị này: số liệu vẫn được giữ; hãy thêm lại dòng đơn vị để thấy tình trạng nộp của đơn vị.`));
  }
  for (const code of missingIndicators) {
    out.push(masterProblem(SHEETS.catalogue, `Trang "${SHEETS.data}" có số liệu chỉ tiêu "${code}" nhưng danh mục chỉ tiêu không còn chỉ tiêu này: số liệu vẫn được giữ nhưng không được tổng hợp.`));
  }
  return out;
}

/** Units from a grid whose header names "Mã đơn vị", "Tên đơn vị", ... (the units sheet, or a units file). */
export function readUnits(grid: CellValue[][], problems: Finding[], sheet: string): Unit[] {
  return readTable(UNITS, grid, problems, sheet) ?? [];
}
