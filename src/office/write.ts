/// <reference types="office-js" />
// writeSheets: the plan of write-plan.ts carried out through Office.js, and what happens when Excel
// fails part-way. Excel does not roll a request back: what ran before the failing action stays done. So
// after a failure the workbook is looked at again, in a new Excel.run:
// - if no sheet was replaced yet, the new hidden sheets are deleted and the workbook is as it was (the
//   patches of the clerk's sheets, sent after every replacement, had not begun);
// - if the replacing had begun, every new sheet is complete (they are all written before the first
//   replacement, in earlier requests or earlier in the same one): the replacing is finished, and the
//   patches are written again, whole (write-plan.ts); so too when the write was only patches;
// - the finishing (freeze panes, print setup, chart, showing a sheet) is retried on its own, and its
//   failure is returned as a warning: the data are written.
// If even that look fails (the connection is gone), the "~cũ" sheets that remain are read in place of the
// sheets they stand for (excel-store.ts), and the next write clears them away.
import { cellAddress, columnName } from "../core/address";
import { finding } from "../core/findings";
import { keepEditedOutputs } from "../core/output-seal";
import { MAX_CELL_TEXT } from "../core/sheet-spec";
import type { CellValue, Finding, SheetSpec } from "../core/types";
import { jsonBytes, READ_BUDGET_BYTES } from "./payload";
import { loadUsedBox, loadWindow, readBoxes, usedBox, windowGrid } from "./read-blocks";
import { writesInPlace } from "./in-place";
import { sheetKey } from "../core/sheet-names";
import { ExistingSheet, labelColumn, Op, opBytes, PlannedSheet, planWrite, SheetRef, WritePlan } from "./write-plan";

/** Excel.run, or a stand-in with the same shape in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface WriteOptions {
  maxRequestBytes: number;
  supports: (version: string) => boolean;
}

/** The achievement chart's name on the consolidated sheet. */
export const CHART_NAME = "BieuDoDatKeHoach";
const CHART_TITLE = "Tỷ lệ đạt so với kế hoạch";
/** Excel's limits on a sheet (a cell's text: MAX_CELL_TEXT). */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
/** What the first sync may read of the clerk's sheets to patch, beside the sheets' list and sizes. */
const SYNC_ONE_READ_BYTES = READ_BUDGET_BYTES / 2;
/** A cell's number format in a read: "General" and its comma. */
const FORMAT_BYTES = 10;

/** A write refused or undone: the message says what the clerk can do, and whether the workbook changed. */
export class WriteError extends Error {}

export async function writeSheets(run: ExcelRun, requested: SheetSpec[], activate: string | undefined, keepEdited: readonly string[], options: WriteOptions): Promise<Finding[]> {
  checkSpecs(requested);
  const done: { plan?: WritePlan; problems: Finding[] } = { problems: [] };
  try {
    return await run(async (context) => {
      const { existing, copies, current, problems } = await learnWorkbook(context, requested, keepEdited);
      done.problems = problems;
      const plan = planWrite({
        specs: requested,
        existing,
        copies,
        current,
        activate,
        maxRequestBytes: options.maxRequestBytes,
        features: { suspendCalculation: options.supports("1.6"), suspendScreen: options.supports("1.9"), pageLayout: options.supports("1.9") },
      });
      done.plan = plan;
      const sheets = new Sheets(context);
      for (const request of plan.requests) {
        for (const op of request.ops) queue(sheets, plan, op);
        await context.sync();
      }
      return done.problems;
    });
  } catch (e) {
    if (e instanceof WriteError) throw e;
    if (!done.plan) throw new WriteError(`Excel không đọc được sổ để ghi (${reason(e)}). Sổ chưa bị thay đổi; hãy thử lại.`);
    return recover(run, done.plan, done.problems, e, options.maxRequestBytes);
  }
}

/** What Excel cannot hold is refused before anything is sent. */
function checkSpecs(specs: SheetSpec[]): void {
  for (const spec of specs) {
    const columns = spec.values.reduce((w, r) => Math.max(w, r.length), 0);
    if (spec.values.length > MAX_ROWS || columns > MAX_COLUMNS) {
      throw new WriteError(`Trang “${spec.name}” cần ${spec.values.length} dòng × ${columns} cột, vượt giới hạn của một trang Excel (${MAX_ROWS} dòng, ${MAX_COLUMNS} cột). Sổ chưa bị thay đổi.`);
    }
    spec.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v === "string" && v.length > MAX_CELL_TEXT) {
          throw new WriteError(`Ô ${cellAddress(r, c)} của trang “${spec.name}” dài ${v.length} ký tự, quá ${MAX_CELL_TEXT} ký tự Excel cho phép trong một ô. Sổ chưa bị thay đổi.`);
        }
      }),
    );
  }
}

/**
 * Sync 1: every sheet (id, name, position, visibility, protection), the size of the outputs to check for
 * hand edits and of the clerk's sheets to write in place, and the cells of those clerk's sheets that are
 * small (the rectangle of their spec, which is what is compared: "Cài đặt" always, "Đơn vị" but for a
 * very long one); then the other sheets' cells, in blocks. Refuses a protected sheet before anything
 * changes.
 */
async function learnWorkbook(
  context: Excel.RequestContext,
  specs: SheetSpec[],
  keepEdited: readonly string[],
): Promise<{ existing: ExistingSheet[]; copies: Map<string, string>; current: Map<string, CellValue[][]>; problems: Finding[] }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/id,items/name,items/position,items/visibility,items/protection/protected");
  const probe = (name: string) => {
    const sheet = worksheets.getItemOrNullObject(name);
    return { name, sheet, used: loadUsedBox(sheet) };
  };
  const guarded = keepEdited.map(probe);
  let room = SYNC_ONE_READ_BYTES;
  const patched = specs
    .filter((s) => writesInPlace(s.name))
    .map((spec) => {
      const p = probe(spec.name);
      const columns = spec.values.reduce((w, r) => Math.max(w, r.length), 0);
      // The sheet holds about what its spec does: its values, and a number format for each cell.
      const bytes = jsonBytes(spec.values) + FORMAT_BYTES * spec.values.length * columns;
      const small = bytes <= room;
      if (small) room -= bytes;
      return { ...p, window: small ? loadWindow(p.sheet, spec.values.length, columns) : undefined };
    });
  await context.sync();
  const existing: ExistingSheet[] = worksheets.items.map((ws) => ({ id: ws.id, name: ws.name, position: ws.position, visible: ws.visibility === "Visible", protected: ws.protection.protected }));
  const byKey = new Map(existing.map((s) => [sheetKey(s.name), s]));
  for (const spec of specs) {
    if (byKey.get(sheetKey(spec.name))?.protected) {
      throw new WriteError(`Trang “${spec.name}” đang được bảo vệ (khóa) nên phần mềm không ghi được. Hãy bỏ bảo vệ trang (thẻ Xem lại › Bỏ bảo vệ trang tính) rồi làm lại. Sổ chưa bị thay đổi.`);
    }
  }
  const present = guarded.filter((g) => !g.sheet.isNullObject);
  const toPatch = patched.filter((p) => !p.sheet.isNullObject);
  const large = toPatch.filter((p) => p.window === undefined);
  const grids = await readBoxes(
    context,
    [...present, ...large].map((g) => ({ sheet: g.sheet, box: usedBox(g.used) })),
  );
  const outputs = Object.fromEntries(present.map((g, i) => [g.name, grids[i]]));
  const { backups, problems } = keepEditedOutputs(outputs, keepEdited, (n) => byKey.has(sheetKey(n)));
  // The edited sheet itself becomes the copy (its formats and formulas with it); an earlier copy stays.
  const copies = new Map(backups.map((copy, i) => [sheetKey(problems[i].sheet), copy.name]));
  const current = new Map(toPatch.map((p) => [sheetKey(p.name), p.window === undefined ? grids[present.length + large.indexOf(p)] : windowGrid(p.window, usedBox(p.used))]));
  return { existing, copies, current, problems };
}

/** The proxies of one Excel.run: existing sheets by id, and the sheets this write added. */
class Sheets {
  private added = new Map<number, Excel.Worksheet>();
  private byId = new Map<string, Excel.Worksheet>();
  constructor(readonly context: Excel.RequestContext) {}

  add(staged: number, name: string): Excel.Worksheet {
    const sheet = this.context.workbook.worksheets.add(name);
    this.added.set(staged, sheet);
    return sheet;
  }

  get(ref: SheetRef): Excel.Worksheet {
    if ("staged" in ref) {
      const sheet = this.added.get(ref.staged);
      if (!sheet) throw new Error(`sheet ${ref.staged} was not added in this run`);
      return sheet;
    }
    let sheet = this.byId.get(ref.id);
    if (!sheet) this.byId.set(ref.id, (sheet = this.context.workbook.worksheets.getItem(ref.id)));
    return sheet;
  }

  /** In a later run the added sheets are found by id. */
  adopt(staged: number, id: string): void {
    this.added.set(staged, this.get({ id }));
  }
}

function queue(sheets: Sheets, plan: WritePlan, op: Op): void {
  const context = sheets.context;
  const staged = (i: number) => sheets.get({ staged: i });
  switch (op.kind) {
    case "suspend":
      if (op.screen) context.application.suspendScreenUpdatingUntilNextSync();
      else context.application.suspendApiCalculationUntilNextSync();
      return;
    case "add":
      sheets.add(op.staged, op.name).visibility = "Hidden";
      return;
    case "delete":
      sheets.get(op.sheet).delete();
      return;
    case "rename":
      sheets.get(op.sheet).name = op.name;
      return;
    case "show":
      sheets.get(op.sheet).visibility = "Visible";
      return;
    case "move":
      sheets.get(op.sheet).position = op.position;
      return;
    case "width":
      staged(op.staged).getRange(`${columnName(op.first)}:${columnName(op.last)}`).untrack().format.columnWidth = op.points;
      return;
    case "fill": {
      const format = range(staged(op.staged), op.range).format;
      format.fill.color = `#${op.color}`;
      if (op.fontColor) format.font.color = `#${op.fontColor}`;
      return;
    }
    case "bold":
      range(staged(op.staged), op.range).format.font.bold = true;
      return;
    case "wrap": {
      const format = range(staged(op.staged), op.range).format;
      format.wrapText = true;
      if (op.points !== undefined) format.rowHeight = op.points;
      return;
    }
    case "height":
      range(staged(op.staged), { top: op.first, left: 0, bottom: op.last, right: plan.sheets[op.staged].grid.width - 1 }).format.rowHeight = op.points;
      return;
    case "alignTop":
      range(staged(op.staged), op.range).format.verticalAlignment = "Top";
      return;
    case "values": {
      const grid = plan.sheets[op.staged].grid;
      staged(op.staged).getRangeByIndexes(op.top, 0, op.bottom - op.top, grid.width).untrack().values = grid.values.slice(op.top, op.bottom);
      return;
    }
    case "format":
      setNumberFormat(range(staged(op.staged), op.range), op.format);
      return;
    case "activate":
      sheets.get(op.sheet).activate();
      return;
    case "freeze": {
      const sheet = sheets.get(op.sheet);
      if (op.rows > 0 && op.columns > 0) sheet.freezePanes.freezeAt(range(sheet, { top: 0, left: 0, bottom: op.rows - 1, right: op.columns - 1 }));
      else if (op.rows > 0) sheet.freezePanes.freezeRows(op.rows);
      else sheet.freezePanes.freezeColumns(op.columns);
      return;
    }
    case "page": {
      const layout = sheets.get(op.sheet).pageLayout;
      layout.paperSize = "A4";
      layout.orientation = op.orientation;
      layout.zoom = op.zoom;
      return;
    }
    case "bands": {
      const pages = sheets.get(op.sheet).pageLayout.headersFooters.defaultForAllPages;
      for (const { part, text } of op.parts) pages[part] = text;
      return;
    }
    case "printRange":
      sheets.get(op.sheet).pageLayout[op.method](op.address);
      return;
    case "chart":
      drawChart(sheets.get(op.sheet), plan.sheets[op.staged], op.replace);
      return;
    case "patch": {
      const sheet = sheets.get(op.sheet);
      const cells = range(sheet, op.range);
      setNumberFormat(cells, "General");
      cells.values = op.values;
      for (const f of op.formats) setNumberFormat(range(sheet, f.range), f.format);
      return;
    }
  }
}

/**
 * A range only written to: untracked, it needs no reference kept (Excel.run would add a _KeepReference
 * action, and its bytes, for every range).
 */
function range(sheet: Excel.Worksheet, r: { top: number; left: number; bottom: number; right: number }): Excel.Range {
  return sheet.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1).untrack();
}

/**
 * One format for every cell of the range, as the reference documents Range.numberFormat: "the argument
 * can be either a single value (string, number or boolean) or a two-dimensional array. If the argument is
 * a single value, it will be applied to all cells in the range" (office-js-docs-reference#578;
 * office-js-docs-pr#2013: the sample works as is, though the TypeScript type only names the array).
 */
function setNumberFormat(r: Excel.Range, format: string): void {
  (r as unknown as { numberFormat: string }).numberFormat = format;
}

/** Achievement by indicator as horizontal bars under the table. */
function drawChart(sheet: Excel.Worksheet, s: PlannedSheet, replace: string[]): void {
  const bars = s.spec.bars!;
  for (const name of replace) sheet.charts.getItem(name).delete();
  const chart = sheet.charts.add("BarClustered", range(sheet, bars), "Columns");
  chart.name = CHART_NAME;
  chart.title.text = CHART_TITLE;
  chart.legend.visible = false;
  chart.dataLabels.showValue = true;
  // Bars are drawn bottom-up: reversed, the first indicator is on top as in the table.
  chart.axes.categoryAxis.reversePlotOrder = true;
  const labels = labelColumn(s.grid, bars);
  if (labels !== null) chart.series.getItemAt(0).setXAxisValues(range(sheet, { ...bars, left: labels, right: labels }));
  chart.setPosition(cellAddress(s.grid.values.length + 1, 0));
  chart.width = 640;
  chart.height = Math.max(240, 60 + 24 * (bars.bottom - bars.top + 1));
}

// ---------------------------------------------------------------------------------------------------
// After a failure

async function recover(run: ExcelRun, plan: WritePlan, problems: Finding[], failure: unknown, budget: number): Promise<Finding[]> {
  try {
    return await run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/id,items/name");
      const charts = plan.sheets.map((s) => {
        if (!s.chart) return null;
        const c = worksheets.getItemOrNullObject(s.spec.name).charts;
        c.load("items/name");
        return c;
      });
      await context.sync();
      const now = new Map(worksheets.items.map((ws) => [sheetKey(ws.name), ws.id]));
      const idOf = (name: string) => now.get(sheetKey(name));
      const nameOf = new Map(worksheets.items.map((ws) => [ws.id, ws.name]));
      const swappedIn = (s: PlannedSheet) => idOf(s.spec.name) !== undefined && idOf(s.spec.name) !== s.old?.id;
      const setAside = (s: PlannedSheet) => s.old !== null && sheetKey(s.old.name) !== sheetKey(s.oldBecomes) && sheetKey(nameOf.get(s.old.id) ?? "") === sheetKey(s.oldBecomes);
      const sheets = new Sheets(context);

      if (plan.sheets.length > 0 && !plan.sheets.some((s) => swappedIn(s) || setAside(s))) {
        // Nothing was replaced: the new sheets go, and the workbook is as it was.
        for (const s of plan.sheets) {
          const id = idOf(s.staging);
          if (id !== undefined) sheets.get({ id }).delete();
        }
        await context.sync();
        throw new WriteError(`Excel không ghi được sổ (${reason(failure)}). Sổ vẫn như trước khi ghi; hãy thử lại.`);
      }

      // The replacing had begun, so every new sheet is complete: it is finished.
      const rest: Op[] = [];
      plan.sheets.forEach((s, i) => {
        const staged = idOf(s.staging);
        if (swappedIn(s)) sheets.adopt(i, idOf(s.spec.name)!);
        else if (staged !== undefined) sheets.adopt(i, staged);
        else throw new Error(`sheet ${s.staging} is missing`);
        if (!swappedIn(s)) {
          if (s.old && idOf(s.spec.name) === s.old.id) rest.push({ kind: "rename", sheet: { id: s.old.id }, name: s.oldBecomes });
          rest.push({ kind: "rename", sheet: { staged: i }, name: s.spec.name });
        }
        if (s.visible) rest.push({ kind: "show", sheet: { staged: i } });
        if (s.position !== null) rest.push({ kind: "move", sheet: { staged: i }, position: s.position });
        if (s.old && !s.keepOld && nameOf.has(s.old.id)) rest.push({ kind: "delete", sheet: { id: s.old.id } });
      });
      for (const op of rest) queue(sheets, plan, op);
      if (rest.length > 0) await context.sync();
      await sendPatches(context, sheets, plan, budget);

      // Charts a failed finishing may have left on the new sheets are drawn again, once.
      const finish = plan.finish.map((op): Op => {
        if (op.kind !== "chart") return op;
        const drawn = charts[op.staged];
        return { ...op, replace: drawn && !drawn.isNullObject && swappedIn(plan.sheets[op.staged]) ? drawn.items.map((c) => c.name) : [] };
      });
      return [...problems, ...(await finishing(context, sheets, plan, finish))];
    });
  } catch (e) {
    if (e instanceof WriteError) throw e;
    const patched = plan.inPlace.map((n) => `“${n}”`).join(", ");
    const partly = patched ? ` Các ô phần mềm ghi vào trang ${patched} có thể mới được ghi một phần: hãy xem lại sau khi làm lại.` : "";
    throw new WriteError(
      `Excel không ghi xong sổ (${reason(failure)}) và chưa dọn được (${reason(e)}). Số liệu cũ còn nguyên ở các trang có tên kết thúc bằng “~cũ” và được đọc thay cho trang gốc; lần ghi sau sẽ dọn các trang đó.${partly} Hãy thử lại.`,
    );
  }
}

/** Every patch again, in requests under the budget: they write the same cells whatever part of them ran. */
async function sendPatches(context: Excel.RequestContext, sheets: Sheets, plan: WritePlan, budget: number): Promise<void> {
  let bytes = 0;
  for (const op of plan.patch) {
    if (bytes > 0 && bytes + opBytes(op) > budget) {
      await context.sync();
      bytes = 0;
    }
    queue(sheets, plan, op);
    bytes += opBytes(op);
  }
  if (bytes > 0) await context.sync();
}

/** The finishing on its own: a failure is a warning, the data being written. */
async function finishing(context: Excel.RequestContext, sheets: Sheets, plan: WritePlan, ops: Op[]): Promise<Finding[]> {
  if (ops.length === 0) return [];
  try {
    for (const op of ops) queue(sheets, plan, op);
    await context.sync();
    return [];
  } catch (e) {
    return [
      finding(
        "EXCEL_LAYOUT_INCOMPLETE",
        `Số liệu đã được ghi đầy đủ, nhưng Excel không hoàn tất phần trình bày (cố định dòng tiêu đề, thiết lập trang in, biểu đồ): ${reason(e)}. Có thể làm các bước này bằng tay; số liệu không bị ảnh hưởng.`,
        { file: "Sổ tổng hợp" },
      ),
    ];
  }
}

/** Excel's error in words a clerk can pass on. */
function reason(e: unknown): string {
  const code = typeof e === "object" && e !== null ? (e as { code?: string }).code : undefined;
  if (code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded") return "vượt giới hạn 5 MB một lần gửi của Excel trên web";
  if (code === "AccessDenied") return "trang tính hoặc sổ đang được bảo vệ";
  const message = e instanceof Error ? e.message : String(e);
  return code ? `${code}: ${message}` : message;
}

