// What a write queues, in which request, decided before anything is sent: pure, so that its request
// sizes can be checked against what Microsoft's client really sends.
//
// Every sheet is written to a new hidden sheet ("<name> ~ghi", sheet-names.ts); only when all of them
// are complete, in the last request, does each replace its sheet: the old one is renamed "<name> ~cũ"
// (or to the "(sửa tay)" copy when the clerk edited it), the new one takes the name, the old position
// and the old visibility, and the old one is deleted. The sheets are replaced in order, the data sheets
// ("Dữ liệu", "Nộp báo cáo", "Nhật ký nhập") last, each as a whole; a new sheet for paper (`leading`)
// goes before the first sheet that is not one. Then the finishing: showing the sheet asked for, frozen
// panes, the chart, the page setup (paper, fit, header and footer, print area and titles), none of which
// can lose data. Formatting that belongs to the cells (widths, fills, wrapping, row heights, alignment)
// is written to the new sheet with its values.
//
// The clerk's sheets that exist already are not replaced but patched (in-place.ts): only their changed
// cells are written, after every replacement, in the last request (more only when the cells do not fit
// in one). Excel keeps what ran before an action that fails, so a fault before the first replacement
// leaves the patches unsent (the workbook as it was), and a fault after it, or anywhere in a write made
// of patches only, is rolled forward: the recovery (write.ts) writes every patch again, which gives the
// same cells whatever part of them had been written. Only when that too fails may a clerk's sheet stay
// partly patched: whole rows of a patch or none (the client cuts a write by rows), with the message.
import { columnName } from "../core/address";
import { SHEETS } from "../core/master-sheets";
import type { CellRange, CellValue, PrintSetup, SheetSpec } from "../core/types";
import { a1, ExcelGrid, excelGrid, ExcelScalar } from "./cells";
import { changedRanges } from "./in-place";
import { coalesceFills, columnWidthPoints, formatRectangles, valueRuns } from "./layout";
import { chunkRows, CLIENT_CHUNK_CELLS, jsonBytes, REQUEST_COSTS } from "./payload";
import { sheetKey } from "../core/sheet-names";
import { backupName, stagingName } from "./sheet-names";

/** A sheet of the workbook as the first sync of a write sees it. */
export interface ExistingSheet {
  id: string;
  name: string;
  position: number;
  visible: boolean;
  protected: boolean;
}

/** A sheet that existed before the write (by id), or the new sheet this write added for spec `staged`. */
export type SheetRef = { id: string } | { staged: number };

export type Op =
  | { kind: "suspend"; screen: boolean }
  | { kind: "add"; staged: number; name: string }
  | { kind: "delete"; sheet: SheetRef }
  | { kind: "rename"; sheet: SheetRef; name: string }
  | { kind: "show"; sheet: SheetRef }
  | { kind: "move"; sheet: SheetRef; position: number }
  | { kind: "width"; staged: number; first: number; last: number; points: number }
  | { kind: "fill"; staged: number; range: CellRange; color: string; fontColor?: string }
  | { kind: "bold"; staged: number; range: CellRange }
  /** Text wraps in the range; `points`: the height of its rows too (a header row's). */
  | { kind: "wrap"; staged: number; range: CellRange; points?: number }
  | { kind: "height"; staged: number; first: number; last: number; points: number }
  | { kind: "alignTop"; staged: number; range: CellRange }
  | { kind: "values"; staged: number; top: number; bottom: number }
  | { kind: "format"; staged: number; range: CellRange; format: string }
  | { kind: "activate"; sheet: SheetRef }
  | { kind: "freeze"; sheet: SheetRef; rows: number; columns: number }
  | { kind: "page"; sheet: SheetRef; orientation: "Portrait" | "Landscape"; zoom: PageZoom }
  | { kind: "bands"; sheet: SheetRef; parts: { part: BandPart; text: string }[] }
  | { kind: "printRange"; sheet: SheetRef; method: "setPrintArea" | "setPrintTitleRows" | "setPrintTitleColumns"; address: string }
  | { kind: "chart"; sheet: SheetRef; staged: number; replace: string[] }
  /**
   * Changed cells of a clerk's sheet: the range set to General (cells.ts writes text with the quote
   * prefix into cells not formatted as text only), its values, then the spec's number formats.
   */
  | { kind: "patch"; sheet: { id: string }; range: CellRange; values: ExcelScalar[][]; formats: { range: CellRange; format: string }[] };

/** Office.js PageLayoutZoomOptions: pages across and down (0: as many as needed), or a percentage. */
export type PageZoom = { horizontalFitToPages: number; verticalFitToPages: number } | { scale: number };

/** The six parts of Office.js's HeaderFooter, as PrintSetup's header and footer give them. */
export type BandPart = "leftHeader" | "centerHeader" | "rightHeader" | "leftFooter" | "centerFooter" | "rightFooter";

export interface PlannedSheet {
  spec: SheetSpec;
  grid: ExcelGrid;
  staging: string;
  /** The sheet this one replaces: the sheet of that name, else the "~cũ" sheet an interrupted write left. */
  old: ExistingSheet | null;
  /** The name the old sheet takes when replaced: its "~cũ" name, or the copy of an output edited by hand. */
  oldBecomes: string;
  /** A copy of an edited output is kept; a "~cũ" sheet is deleted. */
  keepOld: boolean;
  /** Where the new sheet goes: the old one's place (null: last, where it was added). */
  position: number | null;
  visible: boolean;
  /** The achievement chart is drawn only when some achievement is not blank. */
  chart: boolean;
}

export interface PlannedRequest {
  ops: Op[];
  /** Upper bound of the request's bytes as the client serialises it. */
  bytes: number;
}

export interface WritePlan {
  sheets: PlannedSheet[];
  /** Sent in order, one sync each; the replacement of the sheets and the finishing ride on the last. */
  requests: PlannedRequest[];
  /** The ops of the last request that replace the sheets, patch the clerk's sheets, and finish them. */
  swap: Op[];
  patch: Op[];
  finish: Op[];
  /** The clerk's sheets written in place, patched (changed or not). */
  inPlace: string[];
}

export interface WriteInput {
  specs: SheetSpec[];
  existing: ExistingSheet[];
  /** Outputs the clerk edited (by sheet key): the copy name their current sheet becomes. */
  copies: ReadonlyMap<string, string>;
  /** The clerk's sheets written in place (in-place.ts), by sheet key: their cells as the write began. */
  current?: ReadonlyMap<string, CellValue[][]>;
  activate?: string;
  maxRequestBytes: number;
  features: { suspendCalculation: boolean; suspendScreen: boolean; pageLayout: boolean };
}

/** Written last, in this order: the product's state, which the outputs are derived from. */
const DATA_SHEETS: readonly string[] = [SHEETS.data, SHEETS.submissions, SHEETS.log];

/** Sheets of an interrupted write that this one clears away before it adds its own. */
function leftovers(specs: readonly SheetSpec[], existing: readonly ExistingSheet[]): ExistingSheet[] {
  const byKey = new Map(existing.map((s) => [sheetKey(s.name), s]));
  return specs.flatMap((spec) => {
    const staged = byKey.get(sheetKey(stagingName(spec.name)));
    const backup = byKey.get(sheetKey(backupName(spec.name)));
    // A "~cũ" sheet is kept while its sheet is missing: it is then the sheet this write replaces.
    const orphanBackup = backup && byKey.has(sheetKey(spec.name)) ? [backup] : [];
    return [...(staged ? [staged] : []), ...orphanBackup];
  });
}

export function planWrite(input: WriteInput): WritePlan {
  const byKey = new Map(input.existing.map((s) => [sheetKey(s.name), s]));
  const current = (spec: SheetSpec) => (byKey.has(sheetKey(spec.name)) ? input.current?.get(sheetKey(spec.name)) : undefined);
  const ordered = [...input.specs.filter((s) => !DATA_SHEETS.includes(s.name)), ...DATA_SHEETS.flatMap((name) => input.specs.filter((s) => s.name === name))];
  const specs = ordered.filter((s) => !current(s));
  const patch = ordered.flatMap((s) => {
    const cells = current(s);
    return cells ? patchOps(s, cells, byKey.get(sheetKey(s.name))!.id, input.maxRequestBytes) : [];
  });
  const sheets = specs.map((spec): PlannedSheet => {
    const old = byKey.get(sheetKey(spec.name)) ?? byKey.get(sheetKey(backupName(spec.name))) ?? null;
    const copy = input.copies.get(sheetKey(spec.name));
    const grid = excelGrid(spec);
    return {
      spec,
      grid,
      staging: stagingName(spec.name),
      old,
      oldBecomes: copy ?? backupName(spec.name),
      keepOld: copy !== undefined,
      position: null,
      visible: old?.visible ?? true,
      chart: spec.bars !== undefined && hasBars(grid, spec.bars),
    };
  });
  const cleared = leftovers(ordered, input.existing);
  placeSheets(sheets, input.existing.filter((s) => !cleared.includes(s)));

  const packer = new Packer(input.maxRequestBytes, input.features.suspendCalculation);
  packer.start(input.features.suspendScreen);
  for (const s of cleared) packer.add({ kind: "delete", sheet: { id: s.id } });
  sheets.forEach((s, i) => packer.add({ kind: "add", staged: i, name: s.staging }));
  sheets.forEach((s, i) => {
    for (const op of layoutOps(s, i)) packer.add(op);
    packer.addRows(s.grid, i);
  });
  const swap = sheets.flatMap(swapOps);
  const finish = finishOps(sheets, input);
  packer.addTail(swap, patch, finish);
  return { sheets, requests: packer.requests, swap, patch, finish, inPlace: ordered.filter((s) => current(s)).map((s) => s.name) };
}

/** Patches of a clerk's sheet, each of its changed ranges cut into row slices of at most a quarter of the budget. */
function patchOps(spec: SheetSpec, current: CellValue[][], id: string, budget: number): Op[] {
  const grid = excelGrid(spec);
  return changedRanges(spec.values, grid.width, current).flatMap((changed) => {
    const ops: Op[] = [];
    const perChunk = chunkRows(changed.right - changed.left + 1);
    let top = changed.top;
    while (top <= changed.bottom) {
      let bottom = top;
      let bytes = rowBytes(grid, top, true, changed);
      for (; bottom < changed.bottom; bottom++) {
        const add = rowBytes(grid, bottom + 1, false, changed) + ((bottom + 1 - top) % perChunk === 0 ? REQUEST_COSTS.chunk : 0);
        if (bytes + add > budget / 4) break;
        bytes += add;
      }
      ops.push(patchOp(grid, { ...changed, top, bottom }, id));
      top = bottom + 1;
    }
    return ops;
  });
}

function patchOp(grid: ExcelGrid, range: CellRange, id: string): Op {
  const rows = (g: readonly (readonly (ExcelScalar | string)[])[]) => g.slice(range.top, range.bottom + 1).map((row) => row.slice(range.left, range.right + 1));
  const formats = formatRectangles(rows(grid.formats) as string[][], 0, range.bottom - range.top + 1).map((f) => ({
    range: { top: f.range.top + range.top, left: f.range.left + range.left, bottom: f.range.bottom + range.top, right: f.range.right + range.left },
    format: f.format,
  }));
  return { kind: "patch", sheet: { id }, range, values: rows(grid.values), formats };
}

/** Some cell of the bars' column holds a number: a chart of blanks would be empty (and fail on some hosts). */
function hasBars(grid: ExcelGrid, bars: CellRange): boolean {
  for (let r = bars.top; r <= bars.bottom; r++) for (let c = bars.left; c <= bars.right; c++) if (typeof grid.values[r]?.[c] === "number") return true;
  return false;
}

/**
 * A new sheet takes its old sheet's place; one for paper that has none goes before the first sheet not
 * for paper (types.ts, `leading`), in the order of the specs; any other stays last, where it was added.
 * Places are counted as the sheets stand when each is moved: the new sheets are added after every
 * existing one (the leftovers of an interrupted write deleted), and each replaced sheet is deleted (or,
 * as a copy, stays after it).
 */
function placeSheets(sheets: PlannedSheet[], existing: readonly ExistingSheet[]): void {
  const order: string[] = [...existing].sort((a, b) => a.position - b.position).map((s) => s.id);
  sheets.forEach((_, i) => order.push(`staged:${i}`));
  const leading = new Set(sheets.flatMap((s, i) => (s.spec.leading ? [`staged:${i}`, ...(s.old ? [s.old.id] : [])] : [])));
  sheets.forEach((s, i) => {
    if (!s.old && !s.spec.leading) return;
    const staged = `staged:${i}`;
    order.splice(order.indexOf(staged), 1);
    const at = s.old ? order.indexOf(s.old.id) : order.findIndex((key) => !leading.has(key));
    if (at < 0) {
      order.push(staged);
      return;
    }
    order.splice(at, 0, staged);
    s.position = at;
    if (s.old && !s.keepOld) order.splice(order.indexOf(s.old.id), 1);
  });
}

/** Two lines of an 11-point font: a wrapped header row without a height of its own. */
const WRAPPED_ROW_POINTS = 32;

function layoutOps(s: PlannedSheet, staged: number): Op[] {
  const { spec, grid } = s;
  const ops: Op[] = valueRuns(spec.columnWidths.map((w, c) => [c, w] as const)).map((run) => ({ kind: "width", staged, first: run.first, last: run.last, points: columnWidthPoints(run.value) }));
  for (const fill of coalesceFills(spec.fills)) ops.push({ kind: "fill", staged, range: fill.range, color: fill.color, ...(fill.fontColor ? { fontColor: fill.fontColor } : {}) });
  if (grid.width === 0) return ops;
  const rows = (top: number, bottom: number): CellRange => ({ top, left: 0, bottom, right: grid.width - 1 });
  for (const r of spec.boldRows) ops.push({ kind: "bold", staged, range: rows(r, r) });
  // Each row's height is set once: a wrapped header row's with its wrapping, any other by runs.
  const heights = new Map((spec.rowHeights ?? []).map((h) => [h.row, h.points]));
  const wrapped = new Set(spec.wrapRows ?? []);
  for (const r of wrapped) ops.push({ kind: "wrap", staged, range: rows(r, r), points: heights.get(r) ?? WRAPPED_ROW_POINTS });
  const others = [...heights].filter(([r]) => !wrapped.has(r));
  for (const run of valueRuns(others)) ops.push({ kind: "height", staged, first: run.first, last: run.last, points: run.value });
  const top = spec.freeze.rows;
  if (spec.wrapColumns?.length && top < grid.values.length) {
    const bottom = grid.values.length - 1;
    ops.push({ kind: "alignTop", staged, range: rows(top, bottom) });
    for (const run of valueRuns(spec.wrapColumns.map((c) => [c, true] as const))) ops.push({ kind: "wrap", staged, range: { top, left: run.first, bottom, right: run.last } });
  }
  return ops;
}

/** Old sheet aside, new sheet in its name and place, old sheet deleted. */
function swapOps(s: PlannedSheet, staged: number): Op[] {
  const ops: Op[] = [];
  const newSheet = { staged };
  if (s.old && sheetKey(s.old.name) !== sheetKey(s.oldBecomes)) ops.push({ kind: "rename", sheet: { id: s.old.id }, name: s.oldBecomes });
  ops.push({ kind: "rename", sheet: newSheet, name: s.spec.name });
  if (s.visible) ops.push({ kind: "show", sheet: newSheet });
  if (s.position !== null) ops.push({ kind: "move", sheet: newSheet, position: s.position });
  if (s.old && !s.keepOld) ops.push({ kind: "delete", sheet: { id: s.old.id } });
  return ops;
}

function finishOps(sheets: PlannedSheet[], input: WriteInput): Op[] {
  const ops: Op[] = [];
  if (input.activate !== undefined) {
    const key = sheetKey(input.activate);
    const i = sheets.findIndex((s) => sheetKey(s.spec.name) === key);
    const other = input.existing.find((s) => sheetKey(s.name) === key);
    if (i >= 0 && sheets[i].visible) ops.push({ kind: "activate", sheet: { staged: i } });
    else if (i < 0 && other?.visible) ops.push({ kind: "activate", sheet: { id: other.id } });
  }
  // Excel stops a request at the action that fails: what the clerk sees on screen goes first, the page
  // setup, which only shows on paper, last.
  sheets.forEach((s, i) => {
    const { rows, columns } = s.spec.freeze;
    if (rows > 0 || columns > 0) ops.push({ kind: "freeze", sheet: { staged: i }, rows, columns });
  });
  sheets.forEach((s, i) => {
    if (s.chart) ops.push({ kind: "chart", sheet: { staged: i }, staged: i, replace: [] });
  });
  sheets.forEach((s, i) => {
    if (s.spec.print && input.features.pageLayout) ops.push(...pageOps(s.spec.print, { staged: i }));
  });
  return ops;
}

/** A report's page setup (types.ts, PrintSetup) as Office.js sets it (ExcelApi 1.9). */
function pageOps(p: PrintSetup, sheet: SheetRef): Op[] {
  // verticalFitToPages 0 is "automatic", as fitToHeight="0" is in the file format (ECMA-376 pageSetup):
  // given the width alone, Excel would also squeeze the height onto one page.
  const fit = p.fitToWidth > 0 || p.fitToHeight > 0;
  const zoom: PageZoom = fit ? { horizontalFitToPages: p.fitToWidth, verticalFitToPages: p.fitToHeight } : { scale: 100 };
  const ops: Op[] = [{ kind: "page", sheet, orientation: p.orientation === "landscape" ? "Landscape" : "Portrait", zoom }];
  // A new sheet has no header or footer: only the parts given are set.
  const parts = (["left", "center", "right"] as const).flatMap((side) => [
    ...(p.header?.[side] !== undefined ? [{ part: `${side}Header` as BandPart, text: p.header[side] }] : []),
    ...(p.footer?.[side] !== undefined ? [{ part: `${side}Footer` as BandPart, text: p.footer[side] }] : []),
  ]);
  if (parts.length > 0) ops.push({ kind: "bands", sheet, parts });
  if (p.area) ops.push({ kind: "printRange", sheet, method: "setPrintArea", address: a1(p.area) });
  if (p.titleRows) ops.push({ kind: "printRange", sheet, method: "setPrintTitleRows", address: `$${p.titleRows.first + 1}:$${p.titleRows.last + 1}` });
  if (p.titleColumns) ops.push({ kind: "printRange", sheet, method: "setPrintTitleColumns", address: `$${columnName(p.titleColumns.first)}:$${columnName(p.titleColumns.last)}` });
  return ops;
}

/** The estimated bytes an op adds beyond the sheet it addresses. */
export function opBytes(op: Op): number {
  const C = REQUEST_COSTS;
  switch (op.kind) {
    case "suspend":
    case "delete":
    case "show":
    case "move":
    case "activate":
      return C.sheetAction;
    case "rename":
      return C.sheetAction + jsonBytes(op.name);
    case "add":
      return C.addSheet + jsonBytes(op.name);
    case "freeze":
      return C.sheetAction + (op.rows > 0 && op.columns > 0 ? C.rangeWrite : 0);
    case "page":
      return C.print;
    case "bands":
      return C.bands + op.parts.reduce((n, p) => n + C.property + jsonBytes(p.text), 0);
    case "printRange":
      return C.pageMethod + jsonBytes(op.address);
    case "chart":
      return C.chart + op.replace.reduce((n, name) => n + C.sheetAction + C.nav + jsonBytes(name), 0);
    case "width":
      return C.rangeWrite + C.nav;
    case "fill":
      return C.rangeWrite + 2 * C.nav + (op.fontColor ? C.nav : 0);
    case "bold":
      return C.rangeWrite + 2 * C.nav;
    case "wrap":
      return C.rangeWrite + C.nav + (op.points !== undefined ? C.property : 0);
    case "height":
    case "alignTop":
      return C.rangeWrite + C.nav;
    case "format":
      return C.rangeWrite + jsonBytes(op.format);
    case "patch": {
      const rows = op.range.bottom - op.range.top + 1;
      const columns = op.range.right - op.range.left + 1;
      const chunks = rows * columns > CLIENT_CHUNK_CELLS ? C.validate + Math.ceil(rows / chunkRows(columns)) * C.chunk : 0;
      return 2 * C.rangeWrite + jsonBytes("General") + jsonBytes(op.values) + chunks + op.formats.reduce((n, f) => n + C.rangeWrite + jsonBytes(f.format), 0);
    }
    case "values":
      throw new Error("values are counted row by row");
  }
}

function refKey(op: Op): string | null {
  if ("staged" in op && op.kind !== "add" && op.kind !== "chart") return `staged:${op.staged}`;
  if ("sheet" in op) return "id" in op.sheet ? op.sheet.id : `staged:${op.sheet.staged}`;
  return null;
}

/** Ops into requests under the budget: a sheet addressed in a request costs its path once. */
class Packer {
  requests: PlannedRequest[] = [];
  private current: PlannedRequest = { ops: [], bytes: 0 };
  private sheets = new Set<string>();
  /** Ops every request starts with (calculation suspended until its sync). */
  private base = 0;

  constructor(
    private readonly budget: number,
    private readonly suspendCalculation: boolean,
  ) {}

  start(screen: boolean): void {
    this.open(screen);
  }

  add(op: Op): void {
    const bytes = this.cost(op);
    if (this.current.bytes + bytes > this.budget && this.current.ops.length > this.base) {
      this.flush();
      this.open(false);
    }
    this.push(op, this.cost(op));
  }

  /**
   * A grid's rows as blocks: values (cut by the client into chunks), then their number formats. A block
   * takes as many rows as fit by an upper bound of its formats' rectangles (rowBytes), then counts the
   * rectangles formatRectangles makes.
   */
  addRows(grid: ExcelGrid, staged: number): void {
    if (grid.width === 0) return;
    const key = `staged:${staged}`;
    const perChunk = chunkRows(grid.width);
    let top = 0;
    while (top < grid.values.length) {
      const room = this.budget - this.current.bytes - this.refCost(key);
      let bytes = REQUEST_COSTS.rangeWrite + REQUEST_COSTS.validate;
      let values = bytes;
      let bottom = top;
      while (bottom < grid.values.length) {
        const chunk = (bottom - top) % perChunk === 0 ? REQUEST_COSTS.chunk : 0;
        const add = rowBytes(grid, bottom, bottom === top) + chunk;
        if (bytes + add > room && bottom > top) break;
        bytes += add;
        values += jsonBytes(grid.values[bottom]) + 1 + chunk;
        bottom++;
      }
      if (bytes > room && this.current.ops.length > this.base) {
        this.flush();
        this.open(false);
        continue;
      }
      const formats = formatRectangles(grid.formats, top, bottom);
      this.push({ kind: "values", staged, top, bottom }, this.refCost(key) + values + formats.reduce((n, f) => n + REQUEST_COSTS.rangeWrite + jsonBytes(f.format), 0));
      for (const { range, format } of formats) this.push({ kind: "format", staged, range, format }, 0);
      top = bottom;
    }
  }

  /**
   * The last ops, in the last request: the replacements, the patches, the finishing. Patches too many
   * for one request go on in more, after the replacements, the finishing with the last.
   */
  addTail(swap: Op[], patch: Op[], finish: Op[]): void {
    const all = [...swap, ...patch, ...finish];
    if (this.bytes(all, true) <= this.budget - REQUEST_COSTS.request) this.together(all);
    else {
      this.together(swap);
      for (const op of patch) this.add(op);
      this.together(finish);
    }
    this.flush();
  }

  /** Ops in one request: the current one if they fit in it. */
  private together(ops: Op[]): void {
    if (this.current.bytes + this.bytes(ops) > this.budget && this.current.ops.length > this.base) {
      this.flush();
      this.open(false);
    }
    for (const op of ops) this.push(op, this.cost(op));
  }

  /** The ops' bytes in the current request, or in a new one (`fresh`). */
  private bytes(ops: Op[], fresh = false): number {
    const keys = new Set(ops.map(refKey).filter((k): k is string => k !== null));
    return ops.reduce((n, op) => n + opBytes(op), 0) + [...keys].filter((k) => fresh || !this.sheets.has(k)).length * REQUEST_COSTS.sheet;
  }

  private cost(op: Op): number {
    const key = refKey(op);
    return opBytes(op) + (key ? this.refCost(key) : 0);
  }

  private refCost(key: string): number {
    return this.sheets.has(key) ? 0 : REQUEST_COSTS.sheet;
  }

  private push(op: Op, bytes: number): void {
    const key = op.kind === "add" ? `staged:${op.staged}` : refKey(op);
    if (key) this.sheets.add(key);
    this.current.ops.push(op);
    this.current.bytes += bytes;
  }

  private open(screen: boolean): void {
    this.current = { ops: [], bytes: REQUEST_COSTS.request };
    this.sheets = new Set();
    this.base = 0;
    if (screen) this.base += this.pushBase({ kind: "suspend", screen: true });
    if (this.suspendCalculation) this.base += this.pushBase({ kind: "suspend", screen: false });
  }

  private pushBase(op: Op): number {
    this.push(op, opBytes(op));
    return 1;
  }

  private flush(): void {
    if (this.current.ops.length > this.base || this.requests.length === 0) this.requests.push(this.current);
  }
}

/**
 * The bytes one row (or its `columns`) adds to a values write: its values as JSON (UTF-8) and a comma, and a number-format
 * write for each cell that may start a new rectangle of formats: every cell on a block's first row, else
 * each cell whose format differs from the one above it (formatRectangles makes no more than that).
 */
function rowBytes(grid: ExcelGrid, r: number, firstOfBlock: boolean, columns?: CellRange): number {
  const row = grid.formats[r];
  const above = firstOfBlock ? null : grid.formats[r - 1];
  const [left, right] = columns ? [columns.left, columns.right] : [0, row.length - 1];
  let bytes = jsonBytes(columns ? grid.values[r].slice(left, right + 1) : grid.values[r]) + 1;
  for (let c = left; c <= right; c++) if (!above || above[c] !== row[c]) bytes += REQUEST_COSTS.rangeWrite + jsonBytes(row[c]);
  return bytes;
}

/** The first column left of the bars holding text on every bar row (the indicator codes), if any. */
export function labelColumn(grid: ExcelGrid, bars: CellRange): number | null {
  for (let c = 0; c < bars.left; c++) {
    let text = true;
    for (let r = bars.top; r <= bars.bottom && text; r++) text = typeof grid.values[r]?.[c] === "string" && grid.values[r][c] !== "";
    if (text) return c;
  }
  return null;
}

