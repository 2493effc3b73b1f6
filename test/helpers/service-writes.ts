// What the application service (src/app/master-service.ts) writes and reads, for a book held in memory
// rather than imported from files: the store tests and the benchmark start from such books.
import { MasterService } from "../../src/app/master-service";
import type { MasterStore } from "../../src/app/store";
import { SHEETS } from "../../src/core/master-sheets";
import { consolidationSheets, importSheets } from "../../src/core/outputs";
import { consolidateBook } from "../../src/core/period-consolidation";
import type { Finding, MasterBook } from "../../src/core/types";

export async function createMaster(store: MasterStore, book: MasterBook): Promise<void> {
  await MasterService.create(store, book.settings, { units: book.units, problems: [] });
}

export function saveImport(store: MasterStore, book: MasterBook): Promise<Finding[]> {
  return store.writeSheets(importSheets(book));
}

/** "Tổng hợp báo cáo" on `book`, written as MasterService.consolidate writes it; the outputs found edited. */
export function consolidateInto(store: MasterStore, book: MasterBook, periodKey: string, asOf: Date): Promise<Finding[]> {
  return store.writeSheets(consolidationSheets(book, consolidateBook(book, periodKey, asOf), asOf), SHEETS.consolidated, [SHEETS.consolidated, SHEETS.status]);
}

/** The master book as the service reads it, or null for a workbook without one. */
export async function openMaster(store: MasterStore): Promise<{ book: MasterBook; problems: Finding[] } | null> {
  const service = await MasterService.find(store);
  return service && { book: service.book, problems: service.problems };
}
