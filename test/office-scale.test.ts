// The Office.js store under Excel on the web's real limits, through Microsoft's own client
// (excel-wire-fake: 5 MB per request and per response): a province's year read and consolidated, the
// number of syncs by the formula of excel-store.ts, the write's size estimate against the bytes the
// client really sends, and a fault at every action of a write, which must leave "Dữ liệu" as it was or
// fully written.
import { createWireExcel, Workbook, type WireExcel } from "../../shared/excel-wire-fake";
import { patchSettings } from "../src/core/master-schema/settings-sheet";
import { SHEETS } from "../src/core/master-sheets";
import { consolidationSheets } from "../src/core/outputs";
import { consolidateBook } from "../src/core/period-consolidation";
import type { Fact, MasterBook, SheetSpec } from "../src/core/types";
import { createExcelStore } from "../src/office/excel-store";
import { READ_BUDGET_BYTES } from "../src/office/payload";
import { planWrite } from "../src/office/write-plan";
import { withoutPrintRanges } from "./helpers/print-ranges";
import { masterBook } from "./helpers/province-book";
import { consolidateInto, createMaster, openMaster } from "./helpers/service-writes";
import { cloneWorkbook, excelCells, existingSheets, recordingStore, storeOn, syncs } from "./helpers/wire";

jest.setTimeout(120_000);

const LIMIT = 5_000_000;
const WRITE_BUDGET = 4 * 1024 * 1024;
const YEAR_END = new Date("2026-12-25T03:00:00Z");
const FEATURES = { suspendCalculation: true, suspendScreen: true, pageLayout: true };
const order = (a: Fact, b: Fact) => a.period.localeCompare(b.period) || a.unit.localeCompare(b.unit) || a.indicator.localeCompare(b.indicator);

/** The read formula of excel-store.ts: 1 + ⌈R / 3 MB⌉ syncs, at most one more. */
function expectReadSyncs(requests: { responseBytes: number }[]): void {
  const data = requests.slice(1).reduce((n, r) => n + r.responseBytes, 0);
  expect(requests.length).toBeGreaterThanOrEqual(1 + Math.ceil(data / LIMIT));
  expect(requests.length).toBeLessThanOrEqual(2 + Math.ceil(data / READ_BUDGET_BYTES));
}

describe("a province's year: 300 units × 12 months, 90,000 rows of “Dữ liệu”", () => {
  const book = masterBook(300, 12, { missingLast: 20 });
  const wire = createWireExcel();
  const store = recordingStore(storeOn(wire));
  const phases: Record<string, ReturnType<typeof syncs>> = {};
  const estimates: Record<string, number[]> = {};
  let reread: MasterBook;

  /** Runs a write, keeping its syncs and the planner's estimate of its requests. */
  async function write(label: string, step: () => Promise<unknown>): Promise<void> {
    const before = existingSheets(wire.workbook);
    wire.resetStats();
    await step();
    phases[label] = syncs(wire);
    estimates[label] = planWrite({ specs: store.lastSpecs().map(withoutPrintRanges), existing: before, copies: new Map(), maxRequestBytes: WRITE_BUDGET, features: FEATURES }).requests.map((r) => r.bytes);
  }

  beforeAll(async () => {
    await write("create", () => createMaster(store, book));
    // The year's data and every output at once: "Dữ liệu" alone is 15 MB of request.
    await write("consolidate", () => consolidateInto(store, book, "2026", YEAR_END));
    wire.resetStats();
    reread = (await openMaster(store))!.book;
    phases.read = syncs(wire);
  });

  test("nothing exceeds Excel on the web's 5 MB, in either direction", () => {
    expect(book.data).toHaveLength(89_500);
    for (const requests of Object.values(phases)) {
      for (const r of requests) {
        expect(r.error).toBeNull();
        expect(r.bytes).toBeLessThan(LIMIT);
        expect(r.responseBytes).toBeLessThan(LIMIT);
      }
    }
  });

  test("the whole year is read back, in syncs that follow its size", () => {
    expect(reread.data).toEqual([...book.data].sort(order));
    expect(reread.submissions).toHaveLength(book.submissions.length);
    expectReadSyncs(phases.read);
    // 20 MB of cells: several syncs, each well under the limit.
    expect(phases.read.length).toBeGreaterThan(6);
  });

  test("a write takes 1 + E + one sync per planned request, and each request is under its estimate, itself under 4 MB", () => {
    for (const label of ["create", "consolidate"]) {
      const requests = phases[label];
      const planned = estimates[label];
      const writes = requests.slice(requests.length - planned.length);
      writes.forEach((r, i) => {
        expect(r.bytes).toBeLessThanOrEqual(planned[i]);
        expect(planned[i]).toBeLessThanOrEqual(WRITE_BUDGET);
      });
      // The estimate is an upper bound, not a guess far above: the big requests are filled.
      for (const [i, r] of writes.entries()) if (i < writes.length - 1) expect(r.bytes).toBeGreaterThan(0.7 * planned[i]);
      // Before the writes: the sync that learns the sheets, then the reads of the outputs checked for hand edits.
      expectReadSyncs(requests.slice(0, requests.length - planned.length));
    }
    // No output existed yet to check for hand edits: 1 + the planned requests.
    expect(phases.consolidate.length).toBe(1 + estimates.consolidate.length);
    expect(estimates.consolidate.length).toBeGreaterThanOrEqual(5);
  });
});

test("the print areas and titles ride on the last request, under its estimate; refused by Excel, they cost a warning and nothing else", async () => {
  // Straight on the harness, without print-ranges.ts: it does not model setPrintArea, and Excel refusing
  // it (a fault injected before the harness would say so) is what is tested.
  const book = masterBook(40, 3);
  const wire = createWireExcel();
  const store = recordingStore(createExcelStore(wire.run, { supports: () => true }));
  await createMaster(store, book);
  const before = existingSheets(wire.workbook);
  wire.resetStats();
  wire.failAt((a) => a.name === "SetPrintArea");
  const problems = await consolidateInto(store, book, "2026-Q1", YEAR_END);
  const specs = store.lastSpecs();
  const plan = planWrite({ specs, existing: before, copies: new Map(), maxRequestBytes: WRITE_BUDGET, features: FEATURES });
  const methods = plan.finish.flatMap((op) => (op.kind === "printRange" ? [op.method] : []));
  expect(methods.filter((m) => m === "setPrintArea")).toHaveLength(3);
  expect(methods.filter((m) => m === "setPrintTitleRows")).toHaveLength(3);
  expect(plan.requests[plan.requests.length - 1].ops).toEqual(expect.arrayContaining(plan.finish));
  // The sync that learns the sheets, the planned requests (the last stopped at its first print area), then
  // the recovery: a look at the workbook, the replacing finished, the finishing tried again.
  const requests = syncs(wire);
  const writes = requests.slice(1, 1 + plan.requests.length);
  writes.forEach((r, i) => expect(r.bytes).toBeLessThanOrEqual(plan.requests[i].bytes));
  expect(writes.map((r) => r.error)).toEqual([...plan.requests.slice(1).map(() => null), "GeneralException"]);
  expect(requests).toHaveLength(1 + plan.requests.length + 3);
  expect(problems.map((p) => [p.severity, p.code])).toEqual([["warning", "EXCEL_LAYOUT_INCOMPLETE"]]);
  for (const spec of specs) expect(wire.workbook.sheet(spec.name)!.grid()).toEqual(excelCells(spec));
  // What comes before the page setup in the finishing is done: frozen panes, the chart.
  expect(wire.workbook.sheet(SHEETS.consolidated)!.charts).toHaveLength(1);
  expect(wire.workbook.sheet(SHEETS.status)!.frozen).toEqual(specs.find((s) => s.name === SHEETS.status)!.freeze);
});

describe("syncs grow with the data, not with the rows", () => {
  async function readSyncs(rows: number, text: string): Promise<number> {
    const workbook = new Workbook({ sheets: [{ name: SHEETS.log, rows: Array.from({ length: rows }, (_, i) => [`${text}${i}`, i, text]) }] });
    const wire = createWireExcel({ workbook });
    const grids = await storeOn(wire).readSheets([SHEETS.log]);
    expect(grids[SHEETS.log]).toHaveLength(rows);
    expect(wire.stats.exceeded).toEqual([]);
    expectReadSyncs(syncs(wire));
    return syncs(wire).length;
  }

  test("many short rows take fewer syncs than a tenth as many long ones", async () => {
    const short = await readSyncs(40_000, "x");
    const long = await readSyncs(4_000, "Nội dung dài của một dòng nhật ký ".repeat(30));
    expect(short).toBeLessThanOrEqual(3);
    expect(long).toBeGreaterThan(short);
  });

  test("a block Excel refuses as too big costs one sync and is read again in smaller blocks", async () => {
    const text = "Ghi chú rất dài ".repeat(125);
    const workbook = new Workbook({ sheets: [{ name: SHEETS.log, rows: Array.from({ length: 1500 }, (_, i) => [`${text}${i}`, text, text]) }] });
    const wire = createWireExcel({ workbook });
    const grids = await storeOn(wire).readSheets([SHEETS.log]);
    expect(grids[SHEETS.log].map((r) => r[0])).toEqual(Array.from({ length: 1500 }, (_, i) => `${text}${i}`));
    expect(wire.stats.exceeded.map((e) => e.kind)).toEqual(["response"]);
    expectReadSyncs(syncs(wire).filter((r) => r.error === null));
  });
});

describe("a fault at any action of a write leaves “Dữ liệu” as it was, or fully written, and “Cài đặt” with it", () => {
  const before = masterBook(2, 1);
  const after = masterBook(2, 2);
  let base: Workbook;
  let dataBefore: unknown[][];
  let dataAfter: unknown[][];
  let settingsBefore: string;
  let settingsAfter: string;
  let settingsId: string;
  let lastPeriod: SheetSpec;
  let actions: number;

  // As MasterService.consolidate writes it: the outputs and data replaced, the period patched into "Cài đặt".
  const consolidate = (wire: WireExcel) =>
    storeOn(wire).writeSheets([...consolidationSheets(after, consolidateBook(after, "2026-Q1", YEAR_END), YEAR_END), lastPeriod], SHEETS.consolidated, [SHEETS.consolidated, SHEETS.status]);
  const ownSheets = (wire: WireExcel) => wire.workbook.sheets.map((s) => s.name).filter((n) => /~(ghi|cũ)$/.test(n));
  const settingsOf = (wire: WireExcel) => JSON.stringify(wire.workbook.sheet(SHEETS.settings)!.grid());
  /** "Cài đặt" is the same sheet, its fill and formula kept, whatever the fault. */
  const expectSettingsSheet = (wire: WireExcel) => {
    const sheet = wire.workbook.sheet(SHEETS.settings)!;
    expect([sheet.id, sheet.cell("A2").fill, sheet.cell("E2").formula]).toEqual([settingsId, "#FFFF00", "=1+1"]);
  };

  beforeAll(async () => {
    const wire = createWireExcel();
    const store = storeOn(wire);
    await createMaster(store, before);
    await consolidateInto(store, before, "2026-01", YEAR_END);
    const settings = wire.workbook.sheet(SHEETS.settings)!;
    settings.styles.push({ box: { top: 1, left: 0, bottom: 1, right: 2 }, props: { fill: "#FFFF00" } });
    Object.assign(settings.at(1, 4), { value: 2, formula: "=1+1" });
    base = cloneWorkbook(wire.workbook);
    // A copy's sheets get their ids in the same order: each run's "Cài đặt" starts with this one.
    settingsId = base.sheet(SHEETS.settings)!.id;
    dataBefore = wire.workbook.sheet(SHEETS.data)!.grid();
    settingsBefore = settingsOf(wire);
    const grid = (await store.readSheets([SHEETS.settings]))[SHEETS.settings];
    lastPeriod = patchSettings(grid, { ...after.settings, lastPeriod: "2026-Q1" }, ["lastPeriod"]);
    const dry = createWireExcel({ workbook: cloneWorkbook(base) });
    await consolidate(dry);
    actions = dry.stats.actions;
    dataAfter = dry.workbook.sheet(SHEETS.data)!.grid();
    settingsAfter = settingsOf(dry);
    expect(dataAfter.length).toBeGreaterThan(dataBefore.length);
    expect(settingsAfter).not.toBe(settingsBefore);
  });

  test("each action failing in turn (Excel stops there and keeps what ran before it)", async () => {
    expect(actions).toBeGreaterThan(100);
    const outcomes = { before: 0, after: 0 };
    for (let i = 1; i <= actions; i++) {
      const wire = createWireExcel({ workbook: cloneWorkbook(base), failAt: { action: i } });
      const result = await consolidate(wire).then(
        () => "written",
        (e: Error) => e.message,
      );
      const data = wire.workbook.sheet(SHEETS.data)?.grid();
      const state = JSON.stringify(data) === JSON.stringify(dataBefore) ? "before" : JSON.stringify(data) === JSON.stringify(dataAfter) ? "after" : `neither (fault at action ${i}: ${result})`;
      expect(state).toMatch(/^(before|after)$/);
      // "Cài đặt", patched after every sheet is replaced, goes with the data: old with old, new with new.
      expect([i, settingsOf(wire)]).toEqual([i, state === "before" ? settingsBefore : settingsAfter]);
      expectSettingsSheet(wire);
      outcomes[state as "before" | "after"]++;
      // A failed write says so in Vietnamese and leaves the workbook as it was; a finished one leaves nothing of its own.
      if (result !== "written") expect([state, result]).toEqual(["before", expect.stringMatching(/Sổ (vẫn như trước khi ghi|chưa bị thay đổi)/)]);
      expect(ownSheets(wire)).toEqual([]);
    }
    expect(outcomes.before).toBeGreaterThan(0);
    expect(outcomes.after).toBeGreaterThan(0);
  });

  test("when the connection is lost for good at any action, the next read still gets the old data or the new, and the next write clears up", async () => {
    for (let i = 1; i <= actions; i += 5) {
      const wire = createWireExcel({ workbook: cloneWorkbook(base) });
      let seen = 0;
      // From the i-th action of this write on, every action fails: the recovery cannot run either.
      wire.failAt(() => ++seen >= i);
      await consolidate(wire).catch(() => undefined);
      wire.failAt(null);
      const store = storeOn(wire);
      const read = (await openMaster(store))!.book.data;
      const sorted = (b: MasterBook) => [...b.data].sort(order);
      expect([JSON.stringify(read) === JSON.stringify(sorted(before)), JSON.stringify(read) === JSON.stringify(sorted(after))]).toContainEqual(true);
      expect([settingsBefore, settingsAfter]).toContain(settingsOf(wire));
      expectSettingsSheet(wire);
      await consolidate(wire);
      expect(ownSheets(wire)).toEqual([]);
      expect(wire.workbook.sheet(SHEETS.data)!.grid()).toEqual(dataAfter);
      expect(settingsOf(wire)).toBe(settingsAfter);
      expectSettingsSheet(wire);
    }
  });
});
