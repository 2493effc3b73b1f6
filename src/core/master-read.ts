// Reading the master workbook's sheets back into a MasterBook, each from its declaration in
// master-schema/. Columns are found by their header text, so a clerk may sort, reorder or add columns;
// rows that cannot be read are reported, never silently dropped.
import { newMasterBook, SHEETS } from "./master-sheets";
import { CATALOGUE } from "./master-schema/catalogue-sheet";
import { DATA } from "./master-schema/data-sheet";
import { deadlineSettings, DEADLINES } from "./master-schema/deadlines-sheet";
import { FINDINGS } from "./master-schema/findings-sheet";
import { LOG } from "./master-schema/log-sheet";
import { readSettings } from "./master-schema/settings-sheet";
import { SUBMISSIONS } from "./master-schema/submissions-sheet";
import { masterProblem, readTable } from "./master-schema/table-schema";
import { TARGETS } from "./master-schema/targets-sheet";
import { UNIT_TYPES } from "./master-schema/unit-types-sheet";
import { UNITS } from "./master-schema/units-sheet";
import type { CellValue, Finding, MasterBook, Unit } from "./types";

export interface ReadMasterResult {
  book: MasterBook;
  /** Problems with the workbook itself: a missing sheet, a row or a cell that cannot be read. */
  problems: Finding[];
}

/**
 * The book the sheets hold; a sheet that is missing or lost its header keeps the new book's default.
 * Whether an output sheet was edited by hand is the store's question, asked when it rewrites the sheet.
 */
export function readMasterBook(grids: Record<string, CellValue[][]>): ReadMasterResult {
  const problems: Finding[] = [];
  const book = newMasterBook();
  const settings = readSettings(grids[SHEETS.settings], problems);
  const deadlines = readTable(DEADLINES, grids[SHEETS.deadlines], problems);
  book.settings = { ...book.settings, ...settings, ...(deadlines && deadlineSettings(deadlines)) };
  book.units = readTable(UNITS, grids[SHEETS.units], problems) ?? book.units;
  book.catalogue = readTable(CATALOGUE, grids[SHEETS.catalogue], problems) ?? book.catalogue;
  book.targets = readTable(TARGETS, grids[SHEETS.targets], problems) ?? book.targets;
  book.unitTypes = readTable(UNIT_TYPES, grids[SHEETS.unitTypes], problems) ?? book.unitTypes;
  book.data = readTable(DATA, grids[SHEETS.data], problems) ?? [];
  book.submissions = readTable(SUBMISSIONS, grids[SHEETS.submissions], problems) ?? [];
  book.log = readTable(LOG, grids[SHEETS.log], problems) ?? [];
  book.findings = readTable(FINDINGS, grids[SHEETS.findings], problems) ?? [];
  problems.push(...orphanProblems(book));
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
