// Writing the master workbook's stored sheets as SheetSpecs, each from its declaration in master-schema/:
// the clerk's sheets (settings, units, catalogue, targets) once when a book is created, the product's
// (data, submissions, log) after every import.
import { CATALOGUE } from "./master-schema/catalogue-sheet";
import { DATA } from "./master-schema/data-sheet";
import { deadlineRows, DEADLINES } from "./master-schema/deadlines-sheet";
import { LOG } from "./master-schema/log-sheet";
import { settingsSheet } from "./master-schema/settings-sheet";
import { SUBMISSIONS } from "./master-schema/submissions-sheet";
import { writeTable } from "./master-schema/table-schema";
import { TARGETS } from "./master-schema/targets-sheet";
import { UNIT_TYPES } from "./master-schema/unit-types-sheet";
import { UNITS } from "./master-schema/units-sheet";
import type { Fact, LogEntry, MasterBook, SheetSpec, Submission } from "./types";

export function inputSheetSpecs(book: MasterBook): SheetSpec[] {
  return [
    settingsSheet(book.settings),
    writeTable(DEADLINES, deadlineRows(book.settings)),
    writeTable(UNITS, book.units),
    writeTable(CATALOGUE, book.catalogue),
    writeTable(TARGETS, book.targets),
    writeTable(UNIT_TYPES, book.unitTypes),
  ];
}

export function dataSheetSpec(data: Fact[]): SheetSpec {
  return writeTable(DATA, data);
}

export function submissionsSheetSpec(subs: Submission[]): SheetSpec {
  return writeTable(SUBMISSIONS, subs);
}

export function logSheetSpec(log: LogEntry[]): SheetSpec {
  return writeTable(LOG, log);
}
