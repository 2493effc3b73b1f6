/// <reference types="office-js" />
// The master workbook as the workbook open in Excel, through Office.js: the only module of the project
// that calls Excel's APIs. Every context.sync() is a round trip to Excel (over the network in Excel on
// the web), so each operation queues all of its work and syncs a fixed number of times:
//   readSheets       1 sync
//   writeSheets      2 syncs, 3 with the chart; more only when the cell data exceeds maxRequestBytes (the
//                    check of outputs for hand edits rides on the first)
//   readOtherSheets  2 syncs (the sheet list, then their cells)
//   selectCell       1 sync
// Features newer than ExcelApi 1.7 (the manifest's minimum) are used only when the host supports them.
import type { MasterStore } from "../app/store";
import { cellAddress, columnName } from "../core/address";
import { keepEditedOutputs } from "../core/output-seal";
import type { CellRange, CellValue, Finding, Sheet, SheetSpec } from "../core/types";
import { a1, ExcelGrid, excelGrid, gridFromRange, parseRangeAddress } from "./cells";
import { coalesceFills, columnWidthPoints, formatRectangles, widthRuns } from "./layout";
import { DEFAULT_MAX_REQUEST_BYTES, planBatches, RowBlock } from "./payload";

/** Excel.run, or a stand-in with the same shape in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelStoreOptions {
  /** Budget for the cell data (values and number formats as JSON) of one request; default 4 MB. */
  maxRequestBytes?: number;
  /** Whether the host supports ExcelApi `version` ("1.9"); Office's requirement check by default. */
  supports?: (version: string) => boolean;
}

/** The achievement chart's name on the consolidated sheet: the next consolidation replaces it. */
export const CHART_NAME = "BieuDoDatKeHoach";
const CHART_TITLE = "Tỷ lệ đạt so với kế hoạch";

export function createExcelStore(run: ExcelRun = (batch) => Excel.run(batch), options: ExcelStoreOptions = {}): MasterStore {
  const maxBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const supports = options.supports ?? ((version: string) => Office.context.requirements.isSetSupported("ExcelApi", version));
  return {
    readSheets: (names) => run((context) => readSheets(context, names)),
    writeSheets: (specs, activate, keepEdited = []) => run((context) => writeSheets(context, specs, activate, keepEdited, maxBytes, supports)),
    readOtherSheets: (productSheets) => run((context) => readOtherSheets(context, productSheets, supports)),
    selectCell: (sheet, cell) => run((context) => selectCell(context, sheet, cell)),
  };
}

/** Excel compares sheet names without regard to case; the engine's names are NFC. */
function sheetKey(name: string): string {
  return name.normalize("NFC").toLowerCase();
}

// ---------------------------------------------------------------------------------------------------
// Reading

/**
 * One sync. Whether a sheet exists is known only after a sync, so each wanted sheet is asked for as a
 * null object together with its used range: for a missing sheet both come back as null objects.
 */
async function readSheets(context: Excel.RequestContext, names: readonly string[]): Promise<Record<string, CellValue[][]>> {
  const wanted = names.map((name) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    sheet.load("name");
    return { name, sheet, used: loadUsedRange(sheet) };
  });
  await context.sync();
  const grids: Record<string, CellValue[][]> = {};
  for (const { name, sheet, used } of wanted) if (!sheet.isNullObject) grids[name] = usedGrid(used);
  return grids;
}

function loadUsedRange(sheet: Excel.Worksheet): Excel.Range {
  // valuesOnly: cells that are only formatted (a coloured empty row) do not stretch the grid.
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load(["address", "values", "numberFormat"]);
  return used;
}

/** An empty sheet has no used range: an empty grid. */
function usedGrid(used: Excel.Range): CellValue[][] {
  return used.isNullObject ? [] : gridFromRange(used.address, used.values, used.numberFormat);
}

/** Two syncs: which sheets there are, then the cells (and merges, from ExcelApi 1.13) of the others. */
async function readOtherSheets(context: Excel.RequestContext, productSheets: readonly string[], supports: (v: string) => boolean): Promise<Sheet[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  await context.sync();
  const product = new Set(productSheets.map(sheetKey));
  const withMerges = supports("1.13");
  const others = worksheets.items
    .filter((ws) => !product.has(sheetKey(ws.name)))
    .map((ws) => ({ ws, used: loadUsedRange(ws), merged: withMerges ? loadMerges(ws) : null }));
  if (others.length === 0) return [];
  await context.sync();
  return others.map(({ ws, used, merged }) => ({
    name: ws.name,
    hidden: ws.visibility !== "Visible",
    rows: usedGrid(used),
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

// ---------------------------------------------------------------------------------------------------
// Writing

/**
 * Sync 1 learns which sheets exist. Then everything is queued: each sheet cleared and laid out, its cell
 * data written (number formats first, so text lands in text-formatted cells, then the values as one
 * rectangle), and synced once (sync 2). Only cell data over the request budget adds syncs, one per
 * extra batch. The chart needs the names of the charts already there, loaded with sync 2, so it goes
 * with the last sync (3, or the last batch's when there are several).
 */
async function writeSheets(
  context: Excel.RequestContext,
  requested: SheetSpec[],
  activate: string | undefined,
  keepEdited: readonly string[],
  maxBytes: number,
  supports: (v: string) => boolean,
): Promise<Finding[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const guarded = keepEdited.map((name) => {
    const sheet = worksheets.getItemOrNullObject(name);
    return { name, sheet, used: loadUsedRange(sheet) };
  });
  await context.sync();
  const current: Record<string, CellValue[][]> = {};
  for (const { name, sheet, used } of guarded) if (!sheet.isNullObject) current[name] = usedGrid(used);
  const { backups, problems } = keepEditedOutputs(current, keepEdited);
  const specs = [...backups, ...requested];
  const existing = new Map(worksheets.items.map((ws) => [sheetKey(ws.name), ws]));
  const sheets = specs.map((spec) => existing.get(sheetKey(spec.name)) ?? worksheets.add(spec.name));
  placeLeading(specs, sheets, existing, worksheets.items);
  const grids = specs.map(excelGrid);
  const charts = specs.map((spec, i) => (spec.bars ? loadCharts(sheets[i]) : null));

  suspendWork(context, supports, true);
  specs.forEach((spec, i) => {
    layOut(sheets[i], spec, grids[i]);
    printSetup(sheets[i], spec, supports);
  });
  const batches = planBatches(grids, maxBytes);
  for (const [b, batch] of batches.entries()) {
    if (b > 0) {
      await context.sync();
      suspendWork(context, supports, false);
    }
    for (const block of batch) writeRows(sheets[block.sheet], grids[block.sheet], block);
  }

  if (charts.some((c) => c !== null)) {
    if (batches.length === 1) await context.sync();
    specs.forEach((spec, i) => {
      const old = charts[i];
      if (spec.bars && old) replaceChart(sheets[i], old, spec.bars, grids[i]);
    });
  }
  if (activate !== undefined) {
    const key = sheetKey(activate);
    (sheets[specs.findIndex((s) => sheetKey(s.name) === key)] ?? existing.get(key))?.activate();
  }
  await context.sync();
  return problems;
}

/**
 * Recalculating after every write and repainting are most of the time a big write takes. Both resume by
 * themselves at the next sync; the screen is suspended once only, as repeated calls make Excel flicker.
 */
function suspendWork(context: Excel.RequestContext, supports: (v: string) => boolean, screen: boolean): void {
  if (supports("1.6")) context.application.suspendApiCalculationUntilNextSync();
  if (screen && supports("1.9")) context.application.suspendScreenUpdatingUntilNextSync();
}

/** Everything but the cell data: the sheet emptied, then widths, fills, bold rows and frozen panes. */
function layOut(sheet: Excel.Worksheet, spec: SheetSpec, grid: ExcelGrid): void {
  sheet.getRange().clear();
  for (const run of widthRuns(spec.columnWidths)) {
    sheet.getRange(`${columnName(run.first)}:${columnName(run.last)}`).format.columnWidth = columnWidthPoints(run.width);
  }
  for (const fill of coalesceFills(spec.fills)) {
    const format = sheet.getRange(a1(fill.range)).format;
    format.fill.color = `#${fill.color}`;
    if (fill.fontColor) format.font.color = `#${fill.fontColor}`;
  }
  if (grid.width > 0) {
    for (const row of spec.boldRows) sheet.getRange(a1({ top: row, left: 0, bottom: row, right: grid.width - 1 })).format.font.bold = true;
    for (const row of spec.wrapRows ?? []) {
      const format = sheet.getRange(a1({ top: row, left: 0, bottom: row, right: grid.width - 1 })).format;
      format.wrapText = true;
      format.rowHeight = 32; // two lines of an 11-point font at least: long headers wrap instead of being cut
    }
    for (const run of heightRuns(spec.rowHeights ?? [])) sheet.getRange(a1({ top: run.first, left: 0, bottom: run.last, right: grid.width - 1 })).format.rowHeight = run.points;
    const body = { top: spec.freeze.rows, bottom: Math.max(spec.freeze.rows, grid.values.length - 1) };
    if (spec.wrapColumns?.length && body.top < grid.values.length) {
      sheet.getRange(a1({ ...body, left: 0, right: grid.width - 1 })).format.verticalAlignment = "Top";
      for (const c of spec.wrapColumns) sheet.getRange(a1({ ...body, left: c, right: c })).format.wrapText = true;
    }
  }
  freeze(sheet, spec.freeze);
}

/** Rows of one height next to each other, set in one call each. */
function heightRuns(heights: NonNullable<SheetSpec["rowHeights"]>): { first: number; last: number; points: number }[] {
  const runs: { first: number; last: number; points: number }[] = [];
  for (const { row, points } of [...heights].sort((a, b) => a.row - b.row)) {
    const last = runs[runs.length - 1];
    if (last && last.last === row - 1 && last.points === points) last.last = row;
    else runs.push({ first: row, last: row, points });
  }
  return runs;
}

/** A new `leading` sheet goes before the first existing sheet that is not one (types.ts); others stay where they are. */
function placeLeading(specs: SheetSpec[], sheets: Excel.Worksheet[], existing: Map<string, Excel.Worksheet>, before: Excel.Worksheet[]): void {
  const leading = new Set(specs.filter((s) => s.leading).map((s) => sheetKey(s.name)));
  let position = before.findIndex((ws) => !leading.has(sheetKey(ws.name)));
  if (position < 0) return;
  specs.forEach((spec, i) => {
    if (spec.leading && !existing.has(sheetKey(spec.name))) sheets[i].position = position++;
  });
}

/** Reports the clerk prints, as spec.print says (types.ts); page layout is ExcelApi 1.9. */
function printSetup(sheet: Excel.Worksheet, spec: SheetSpec, supports: (v: string) => boolean): void {
  const p = spec.print;
  if (!p || !supports("1.9")) return;
  const layout = sheet.pageLayout;
  layout.paperSize = "A4";
  layout.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
  const fit = { horizontalFitToPages: p.fitToWidth || undefined, verticalFitToPages: p.fitToHeight || undefined };
  layout.zoom = p.fitToWidth || p.fitToHeight ? fit : { scale: 100 };
  if (p.area) layout.setPrintArea(a1(p.area));
  if (p.titleRows) layout.setPrintTitleRows(`$${p.titleRows.first + 1}:$${p.titleRows.last + 1}`);
  if (p.titleColumns) layout.setPrintTitleColumns(`$${columnName(p.titleColumns.first)}:$${columnName(p.titleColumns.last)}`);
  const pages = layout.headersFooters.defaultForAllPages;
  pages.leftHeader = p.header?.left ?? "";
  pages.centerHeader = p.header?.center ?? "";
  pages.rightHeader = p.header?.right ?? "";
  pages.leftFooter = p.footer?.left ?? "";
  pages.centerFooter = p.footer?.center ?? "";
  pages.rightFooter = p.footer?.right ?? "";
}

function freeze(sheet: Excel.Worksheet, { rows, columns }: SheetSpec["freeze"]): void {
  const panes = sheet.freezePanes;
  if (rows > 0 && columns > 0) panes.freezeAt(sheet.getRange(a1({ top: 0, left: 0, bottom: rows - 1, right: columns - 1 })));
  else if (rows > 0) panes.freezeRows(rows);
  else if (columns > 0) panes.freezeColumns(columns);
  else panes.unfreeze();
}

/** A block of rows: its number formats first, so text lands in text-formatted cells, then its values as one rectangle. */
function writeRows(sheet: Excel.Worksheet, grid: ExcelGrid, block: RowBlock): void {
  if (grid.width === 0) return;
  for (const { range, format } of formatRectangles(grid.formats, block.top, block.bottom)) sheet.getRange(a1(range)).numberFormat = [[format]];
  sheet.getRange(a1({ top: block.top, left: 0, bottom: block.bottom - 1, right: grid.width - 1 })).values = grid.values.slice(block.top, block.bottom);
}

function loadCharts(sheet: Excel.Worksheet): Excel.ChartCollection {
  const charts = sheet.charts;
  charts.load("items/name");
  return charts;
}

/** Achievement by indicator as horizontal bars under the table, replacing the previous consolidation's. */
function replaceChart(sheet: Excel.Worksheet, old: Excel.ChartCollection, bars: CellRange, grid: ExcelGrid): void {
  for (const chart of old.items) if (chart.name === CHART_NAME) chart.delete();
  const chart = sheet.charts.add("BarClustered", sheet.getRange(a1(bars)), "Columns");
  chart.name = CHART_NAME;
  chart.title.text = CHART_TITLE;
  chart.legend.visible = false;
  chart.dataLabels.showValue = true;
  // Bars are drawn bottom-up: reversed, the first indicator is on top as in the table.
  chart.axes.categoryAxis.reversePlotOrder = true;
  const labels = labelColumn(grid, bars);
  if (labels !== null) chart.series.getItemAt(0).setXAxisValues(sheet.getRange(a1({ top: bars.top, left: labels, bottom: bars.bottom, right: labels })));
  chart.setPosition(cellAddress(grid.values.length + 1, 0));
  chart.width = 640;
  chart.height = Math.max(240, 60 + 24 * (bars.bottom - bars.top + 1));
}

/** The first column left of the bars holding text on every bar row (the indicator codes), if any. */
function labelColumn(grid: ExcelGrid, bars: CellRange): number | null {
  for (let c = 0; c < bars.left; c++) {
    let text = true;
    for (let r = bars.top; r <= bars.bottom && text; r++) text = typeof grid.values[r]?.[c] === "string" && grid.values[r][c] !== "";
    if (text) return c;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Navigation

async function selectCell(context: Excel.RequestContext, sheetName: string, cell: string): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(cell).select();
  await context.sync();
}
