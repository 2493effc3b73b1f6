/// <reference types="office-js" />
// The master workbook as the workbook open in Excel, through Office.js: with read-blocks.ts, write.ts
// and write-plan.ts, the only code of the project that calls Excel's APIs. Every context.sync() is a
// round trip to Excel (over the network in Excel on the web, which refuses a request or a response over
// 5 MB), so each operation queues all it can and its syncs grow with the data, not with the rows:
//
//   readSheets       1 + ⌈R / 3 MB⌉ syncs, at most one more
//   readOtherSheets  2 + ⌈R / 3 MB⌉ syncs, at most one more
//   writeSheets      1 + E + ⌈W / 4 MB⌉ syncs
//   selectCell       1 sync
//
// R is the response's cell data: the values read, and the number formats of the columns holding dates
// (read-blocks.ts); "one more" is the sync whose blocks are samples sized by a guess, before a row's
// weight is known (and a response Excel refuses as too big, which only texts far longer than the
// product writes can cause, costs a sync more). The first sync learns the sheets and their sizes. W is the whole write as Microsoft's client
// serialises it (write-plan.ts: layout, values in the client's 1,500-cell chunks, number formats,
// references), in requests estimated under 4 MB; the replacement of the sheets and the finishing ride
// on the last one. E is the reads of the outputs checked for hand edits and of the clerk's sheets too long
// to read in the first sync (0 when there are none, else ⌈R / 3 MB⌉ and at most one more); the clerk's
// sheets that a write patches in place ("Cài đặt", "Đơn vị": in-place.ts) are read in that first sync when
// small. A write that fails part-way takes 2 or 3 syncs more (write.ts).
//
// Features newer than ExcelApi 1.7 (the manifest's minimum) are used only when the host supports them.
import type { MasterStore } from "../app/store";
import type { CellRange, CellValue, Sheet } from "../core/types";
import { parseRangeAddress } from "./cells";
import { DEFAULT_MAX_REQUEST_BYTES } from "./payload";
import { loadUsedBox, readBoxes, usedBox } from "./read-blocks";
import { backupName, isProductSheet } from "./sheet-names";
import { ExcelRun, writeSheets } from "./write";

export { CHART_NAME, type ExcelRun } from "./write";

export interface ExcelStoreOptions {
  /** What a write request is planned to stay under; default 4 MB. */
  maxRequestBytes?: number;
  /** Whether the host supports ExcelApi `version` ("1.9"); Office's requirement check by default. */
  supports?: (version: string) => boolean;
}

export function createExcelStore(run: ExcelRun = (batch) => Excel.run(batch), options: ExcelStoreOptions = {}): MasterStore {
  const maxRequestBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const supports = options.supports ?? ((version: string) => Office.context.requirements.isSetSupported("ExcelApi", version));
  return {
    readSheets: (names) => run((context) => readSheets(context, names)),
    writeSheets: (specs, activate, keepEdited = []) => writeSheets(run, specs, activate, keepEdited, { maxRequestBytes, supports }),
    readOtherSheets: (productSheets) => run((context) => readOtherSheets(context, productSheets, supports)),
    selectCell: (sheet, cell) => run((context) => selectCell(context, sheet, cell)),
  };
}

/**
 * Sync 1 asks for each sheet (and its "~cũ" copy, sheet-names.ts) as a null object with its used range's
 * size: a missing sheet comes back as a null object. Then the cells, in blocks.
 */
async function readSheets(context: Excel.RequestContext, names: readonly string[]): Promise<Record<string, CellValue[][]>> {
  const worksheets = context.workbook.worksheets;
  const probe = (name: string) => {
    const sheet = worksheets.getItemOrNullObject(name);
    sheet.load("name");
    return { sheet, used: loadUsedBox(sheet) };
  };
  const wanted = names.map((name) => ({ name, own: probe(name), backup: probe(backupName(name)) }));
  await context.sync();
  // A sheet whose write was interrupted at the moment it was being replaced is read from its "~cũ" copy.
  const found = wanted.flatMap(({ name, own, backup }) => {
    const chosen = !own.sheet.isNullObject ? own : !backup.sheet.isNullObject ? backup : null;
    return chosen ? [{ name, sheet: chosen.sheet, box: usedBox(chosen.used) }] : [];
  });
  const grids = await readBoxes(context, found);
  return Object.fromEntries(found.map((f, i) => [f.name, grids[i]]));
}

/** Sync 1 lists the sheets; sync 2 learns the others' sizes (and merges, from ExcelApi 1.13); then their cells. */
async function readOtherSheets(context: Excel.RequestContext, productSheets: readonly string[], supports: (v: string) => boolean): Promise<Sheet[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  await context.sync();
  const withMerges = supports("1.13");
  const others = worksheets.items
    .filter((ws) => !isProductSheet(ws.name, productSheets))
    .map((ws) => ({ ws, used: loadUsedBox(ws), merged: withMerges ? loadMerges(ws) : null }));
  if (others.length === 0) return [];
  await context.sync();
  const grids = await readBoxes(
    context,
    others.map((o) => ({ sheet: o.ws, box: usedBox(o.used) })),
  );
  return others.map(({ ws, merged }, i) => ({
    name: ws.name,
    hidden: ws.visibility !== "Visible",
    rows: grids[i],
    merges: merged ? mergesOf(merged) : [],
  }));
}

function loadMerges(ws: Excel.Worksheet): Excel.RangeAreas {
  const merged = ws.getRange().getMergedAreasOrNullObject();
  merged.load("areas/items/address");
  return merged;
}

function mergesOf(merged: Excel.RangeAreas): CellRange[] {
  if (merged.isNullObject) return [];
  return merged.areas.items.map((r) => parseRangeAddress(r.address)).filter((r): r is CellRange => r !== null);
}

async function selectCell(context: Excel.RequestContext, sheetName: string, cell: string): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(cell).select();
  await context.sync();
}
