// Figure 5: consolidating 1,000 units through the Office.js adapter, against the counting fake Excel
// of the adapter's tests: how many context.sync() round trips, and the largest request.
import { MasterService } from "../src/app/master-service";
import { importSheets } from "../src/core/outputs";
import type { MasterBook } from "../src/core/types";
import { createExcelStore } from "../src/office/excel-store";
import { FakeWorkbook } from "../test/office-fake";
import { IMPORT_NOW, PERIOD_KEY } from "./corpus";
import { round } from "./timing";

export interface OfficeFigures {
  units: number;
  facts: number;
  /** The consolidation alone (the master book already written and imported). */
  syncs: number;
  largestRequestBytes: number;
  totalRequestBytes: number;
  ms: number;
}

/** `book` already holds the imported data of every unit. */
export async function officeConsolidation(book: MasterBook): Promise<OfficeFigures> {
  const excel = new FakeWorkbook();
  const store = createExcelStore(excel.run, { supports: () => true });
  const master = await MasterService.create(store, book.settings, { units: book.units, problems: [] }, { rereads: true });
  await store.writeSheets(importSheets(book));
  const before = excel.syncs.length;
  const start = performance.now();
  // As the pane does it: the master sheets read again, then every sheet written.
  await master.consolidate({ periodKey: PERIOD_KEY, asOf: IMPORT_NOW, now: IMPORT_NOW });
  const ms = performance.now() - start;
  const syncs = excel.syncs.slice(before);
  return {
    units: book.units.length,
    facts: book.data.length,
    syncs: syncs.length,
    largestRequestBytes: Math.max(...syncs.map((s) => s.bytes)),
    totalRequestBytes: syncs.reduce((sum, s) => sum + s.bytes, 0),
    ms: round(ms),
  };
}
