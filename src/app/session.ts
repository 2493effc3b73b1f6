// What the pane does, without the pane: open or create the master book in a store, import files,
// consolidate and write the outputs. The same steps serve Excel (Office.js store) and the web page
// (exceljs store); tests drive them with an in-memory store.
import { importFiles, ImportOutcome, IncomingFile } from "../core/import";
import { INPUT_SHEETS, newMasterBook, OWNED_SHEETS, SHEETS } from "../core/master-sheets";
import { readMasterBook, ReadMasterResult } from "../core/master-read";
import { inputSheetSpecs } from "../core/master-write";
import { consolidationSheets, importSheets } from "../core/outputs";
import { consolidateBook, Consolidation } from "../core/period-consolidation";
import type { Finding, MasterBook, Settings, Unit } from "../core/types";
import { sha256Hex } from "../io/hash";
import { toIncomingFile } from "../io/incoming";
import type { MasterStore } from "./store";

export const PRODUCT_SHEETS: readonly string[] = [...INPUT_SHEETS, ...OWNED_SHEETS];

/** The master book in the store, or null when the workbook has no master sheets yet. */
export async function openMaster(store: MasterStore): Promise<ReadMasterResult | null> {
  const grids = await store.readSheets(PRODUCT_SHEETS);
  if (!grids[SHEETS.units] && !grids[SHEETS.data]) return null;
  return readMasterBook(grids);
}

export async function createMaster(store: MasterStore, settings: Partial<Settings> = {}, units: Unit[] = []): Promise<MasterBook> {
  const book = newMasterBook(settings, units);
  await store.writeSheets([...inputSheetSpecs(book), ...importSheets(book)], SHEETS.units);
  return book;
}

/** A browser File (or anything with a name, bytes and a modified time) -> IncomingFile. */
export async function readReportFile(name: string, bytes: Uint8Array, lastModified: number | null): Promise<IncomingFile> {
  return toIncomingFile(name, bytes, await sha256Hex(bytes), lastModified ? new Date(lastModified) : null);
}

export function importInto(book: MasterBook, files: IncomingFile[], periodKey: string | undefined, now: Date): ImportOutcome {
  return importFiles(book, files, { periodKey, now });
}

/** After an import: the data, submissions, log and findings sheets. */
export async function saveImport(store: MasterStore, book: MasterBook): Promise<void> {
  await store.writeSheets(importSheets(book));
}

/** "Tổng hợp báo cáo": writes the data and every output sheet, and shows the consolidated sheet. */
export async function consolidateInto(store: MasterStore, book: MasterBook, periodKey: string, asOf: Date): Promise<Consolidation & { editedOutputs: Finding[] }> {
  const c = consolidateBook(book, periodKey, asOf);
  // The outputs are checked for hand edits as they are rewritten: the clerk may have typed into them since.
  const editedOutputs = await store.writeSheets(consolidationSheets(book, c, asOf), SHEETS.consolidated, [SHEETS.consolidated, SHEETS.status]);
  return { ...c, editedOutputs };
}
