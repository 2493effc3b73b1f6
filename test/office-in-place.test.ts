// The clerk's sheets "Đơn vị" and "Cài đặt" in Excel, through Microsoft's own client (excel-wire-fake):
// once the book exists the product only patches them, writing the cells it changes (units added, the
// body saved, the period consolidated) and nothing else: the clerk's formulas, number formats, fills,
// fonts, column widths and own column stay, and the sheet stays the same sheet, so that the clerk's
// formulas on other sheets still point at it. Faults at every action of such a write: office-scale.test.ts
// and below.
import { createWireExcel, type Sheet, type WireExcel } from "../../shared/excel-wire-fake";
import { MasterService } from "../src/app/master-service";
import { appendRows } from "../src/core/master-schema/kept-sheet";
import { UNITS } from "../src/core/master-schema/units-sheet";
import { SHEETS } from "../src/core/master-sheets";
import type { Unit } from "../src/core/types";
import { cloneWorkbook, storeOn, syncs, wireStore } from "./helpers/wire";

const AS_OF = new Date("2026-02-25T03:00:00Z");
const unit = (code: string, name: string, extra: Partial<Unit> = {}): Unit => ({ code, name, type: "", parent: "XHB", frequency: "month", contact: "", activeFrom: "", activeTo: "", ...extra });

/** Every cell of a sheet that holds something, by address, as the harness stores it. */
function cells(sheet: Sheet): Map<string, string> {
  const out = new Map<string, string>();
  sheet.rows.forEach((row, r) => row.forEach((cell, c) => cell && (cell.value !== "" || cell.formula !== null || cell.format !== "General") && out.set(`${r},${c}`, JSON.stringify(cell))));
  return out;
}

/** The cells that differ between two states of a sheet, as "row,column". */
function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k)).sort();
}

/** What is the clerk's on a sheet apart from its cells: styles, widths, heights, frozen panes, merges. */
function dressing(sheet: Sheet): string {
  const { styles, merges, frozen, columnWidths, rowHeights, visibility } = sheet;
  return JSON.stringify({ styles, merges, frozen, columnWidths: [...columnWidths], rowHeights: [...rowHeights], visibility });
}

const find = (sheet: Sheet, label: string) => sheet.grid().findIndex((row) => row[0] === label);

describe("the clerk's “Đơn vị” and “Cài đặt”, formatted and extended by hand, through addUnits, saveBody and a consolidation", () => {
  let wire: WireExcel;
  let service: MasterService;
  let units: Sheet;
  let settings: Sheet;
  let unitsWidth: number;

  beforeAll(async () => {
    ({ wire } = wireStore());
    const store = storeOn(wire);
    await MasterService.create(store, { bodyName: "UBND xã Hòa Bình", bodyCode: "XHB", year: 2026 }, { units: [unit("T1", "Thôn 1"), unit("T2", "Thôn 2")], problems: [] });
    units = wire.workbook.sheet(SHEETS.units)!;
    settings = wire.workbook.sheet(SHEETS.settings)!;
    // The clerk's own column with a formula and a number format, a coloured bold header, a wide column.
    unitsWidth = units.grid()[0].length;
    Object.assign(units.at(0, unitsWidth), { value: "Số hộ", format: "@" });
    Object.assign(units.at(1, unitsWidth), { value: 2, formula: "=1+1" });
    Object.assign(units.at(2, unitsWidth), { value: 1234.5, format: "#,##0.00" });
    units.styles.push({ box: { top: 0, left: 0, bottom: 0, right: unitsWidth }, props: { fill: "#FFFF00", fontColor: "#C00000", bold: true } });
    units.columnWidths.set(1, 210);
    units.columnWidths.set(unitsWidth, 55);
    // "Cài đặt": a column of the clerk's, a formula pointing at "Đơn vị", a percentage, a filled cell, a width.
    const width = settings.grid()[0].length;
    Object.assign(settings.at(0, width), { value: "Người sửa", format: "@" });
    Object.assign(settings.at(1, width), { value: "#NAME?", formula: "='Đơn vị'!B2" });
    Object.assign(settings.at(2, width), { value: 0.5, format: "0%" });
    settings.styles.push({ box: { top: 1, left: 1, bottom: 1, right: 1 }, props: { fill: "#DDEBF7", italic: true } });
    settings.columnWidths.set(0, 260);
    // Another sheet of the clerk's refers into both.
    const lookup = wire.workbook.addSheet("Tra cứu");
    Object.assign(lookup.at(0, 0), { formula: "='Đơn vị'!B2", value: "" });
    Object.assign(lookup.at(0, 1), { formula: "='Cài đặt'!B2", value: "" });
    service = (await MasterService.find(store, { rereads: true }))!;
  });

  /** Runs a step and returns the cells it changed on each sheet, checking that nothing else of theirs did. */
  async function step(run: () => Promise<unknown>): Promise<{ units: string[]; settings: string[] }> {
    const before = { units: cells(units), settings: cells(settings), dressing: [dressing(units), dressing(settings)], ids: [units.id, settings.id], lookup: JSON.stringify(wire.workbook.sheet("Tra cứu")!.snapshot()) };
    await run();
    // The same sheet objects, under the same ids and names: nothing was deleted and added again.
    expect(wire.workbook.sheet(SHEETS.units)).toBe(units);
    expect(wire.workbook.sheet(SHEETS.settings)).toBe(settings);
    expect([units.id, settings.id]).toEqual(before.ids);
    expect([dressing(units), dressing(settings)]).toEqual(before.dressing);
    expect(JSON.stringify(wire.workbook.sheet("Tra cứu")!.snapshot())).toBe(before.lookup);
    expect(wire.workbook.sheets.map((s) => s.name).filter((n) => /~(ghi|cũ)$/.test(n))).toEqual([]);
    expect(wire.stats.exceeded).toEqual([]);
    return { units: changed(before.units, cells(units)), settings: changed(before.settings, cells(settings)) };
  }

  test("addUnits writes the new rows only, each cell with the spec's number format, the clerk's column left blank", async () => {
    wire.resetStats();
    const diff = await step(() => service.addUnits([unit("HTX", "=HYPERLINK(\"http://x\")", { contact: "+84 912 000 111" }), unit("0123", "Tổ 5")]));
    const width = unitsWidth + 1;
    expect(diff.units).toEqual([3, 4].flatMap((r) => Array.from({ length: width }, (_, c) => `${r},${c}`)).sort());
    expect(diff.settings).toEqual([]);
    const grid = units.grid();
    const header = grid[0];
    expect(grid[3][header.indexOf("Tên đơn vị")]).toBe("=HYPERLINK(\"http://x\")");
    expect(grid[3][header.indexOf("Liên hệ")]).toBe("+84 912 000 111");
    expect(grid[4][header.indexOf("Mã đơn vị")]).toBe("0123");
    expect(units.at(4, header.indexOf("Mã đơn vị")).format).toBe("@");
    expect(units.rows.flat().filter((c) => c?.formula).map((c) => c.formula)).toEqual(["=1+1"]);
    // The clerk's cells: exactly as they were.
    expect(units.at(1, unitsWidth)).toMatchObject({ formula: "=1+1" });
    expect(units.at(2, unitsWidth)).toMatchObject({ value: 1234.5, format: "#,##0.00" });
    expect(units.cell("A1")).toMatchObject({ fill: "#FFFF00", fontColor: "#C00000", bold: true });
    expect(units.columnWidths.get(1)).toBe(210);
    expect(wire.workbook.active?.name).toBe(SHEETS.units);
    // The read before (2 syncs), the write (the sheets with "Đơn vị"'s cells, one request), the read after (2).
    expect(syncs(wire)).toHaveLength(2 + 2 + 2);
  });

  test("saveBody writes the two values it changes", async () => {
    const code = find(settings, "Mã đơn vị tổng hợp");
    const name = find(settings, "Tên đơn vị tổng hợp");
    expect([code, name].every((r) => r > 0)).toBe(true);
    const diff = await step(() => service.saveBody({ bodyCode: "XHB-2", bodyName: "UBND xã Hòa Bình (mới)" }));
    expect(diff).toEqual({ units: [], settings: [`${code},1`, `${name},1`].sort() });
    expect([settings.grid()[code][1], settings.grid()[name][1]]).toEqual(["XHB-2", "UBND xã Hòa Bình (mới)"]);
    expect(settings.cell("B2")).toMatchObject({ fill: "#DDEBF7", italic: true });
  });

  test("a consolidation writes “Kỳ tổng hợp gần nhất” and nothing else of either sheet", async () => {
    const row = find(settings, "Kỳ tổng hợp gần nhất");
    const diff = await step(() => service.consolidate({ periodKey: "2026-01", asOf: AS_OF, now: AS_OF }));
    expect(diff).toEqual({ units: [], settings: [`${row},1`] });
    expect(settings.grid()[row][1]).toBe("2026-01");
    expect(settings.at(row, 1)).toMatchObject({ format: "@", formula: null });
    expect(wire.workbook.sheet(SHEETS.consolidated)).not.toBeNull();
    // Read the book back: the product finds what it wrote.
    const reopened = (await MasterService.find(storeOn(wire)))!;
    expect(reopened.book.settings).toMatchObject({ bodyCode: "XHB-2", bodyName: "UBND xã Hòa Bình (mới)", lastPeriod: "2026-01" });
    expect(reopened.book.units.map((u) => u.code)).toEqual(["T1", "T2", "HTX", "0123"]);
  });
});

describe("a fault at any action of a write that only patches “Đơn vị” leaves it as it was or fully written", () => {
  test("each action failing in turn, and the connection lost for good from each action on", async () => {
    const { wire, store } = wireStore();
    await MasterService.create(store, { bodyName: "UBND xã Hòa Bình", bodyCode: "XHB", year: 2026 }, { units: [unit("T1", "Thôn 1")], problems: [] });
    const sheet = wire.workbook.sheet(SHEETS.units)!;
    sheet.styles.push({ box: { top: 1, left: 0, bottom: 1, right: 3 }, props: { fill: "#FFFF00" } });
    const base = cloneWorkbook(wire.workbook);
    const spec = appendRows(UNITS, (await store.readSheets([SHEETS.units]))[SHEETS.units], [unit("HTX", "=1+1"), unit("0123", "Tổ 5")])!;
    const gridOf = (w: WireExcel) => JSON.stringify(w.workbook.sheet(SHEETS.units)!.grid());
    const before = gridOf(wire);
    const dry = createWireExcel({ workbook: cloneWorkbook(base) });
    await storeOn(dry).writeSheets([spec]);
    const after = gridOf(dry);
    const actions = dry.stats.actions;
    expect(after).not.toBe(before);
    const outcomes = { before: 0, after: 0 };
    for (let i = 1; i <= actions; i++) {
      for (const lost of [false, true]) {
        const w = createWireExcel({ workbook: cloneWorkbook(base) });
        let seen = 0;
        w.failAt(lost ? () => ++seen >= i : { action: i });
        const result = await storeOn(w)
          .writeSheets([spec])
          .then(
            () => "written",
            (e: Error) => e.message,
          );
        w.failAt(null);
        const now = gridOf(w);
        const state = now === before ? "before" : now === after ? "after" : `neither (fault at action ${i}${lost ? ", for good" : ""}: ${result})`;
        expect(state).toMatch(/^(before|after)$/);
        // One fault is rolled forward (or, in the sync that reads the sheets, nothing is written); the sheet
        // stays the same sheet with its fill, and no formula was made.
        if (!lost) expect([state, result]).toEqual(result === "written" ? ["after", "written"] : ["before", expect.stringMatching(/Sổ chưa bị thay đổi/)]);
        expect(w.workbook.sheet(SHEETS.units)!.id).toBe(sheet.id);
        expect(w.workbook.sheet(SHEETS.units)!.cell("A2").fill).toBe("#FFFF00");
        expect(w.workbook.sheet(SHEETS.units)!.rows.flat().some((c) => c?.formula)).toBe(false);
        if (!lost) outcomes[state as "before" | "after"]++;
      }
    }
    expect(outcomes.after).toBeGreaterThan(0);
  });
});

test("units added by the thousand are patched in requests under the budget; a long “Đơn vị” is then read in blocks", async () => {
  const budget = 300_000;
  const { wire, store } = wireStore({ store: { maxRequestBytes: budget } });
  await MasterService.create(store, { bodyName: "UBND tỉnh", bodyCode: "T", year: 2026 }, { units: [unit("X0", "Xã 0")], problems: [] });
  const service = (await MasterService.find(store, { rereads: true }))!;
  const sheet = wire.workbook.sheet(SHEETS.units)!;
  const many = Array.from({ length: 5000 }, (_, i) => unit(`X${i + 1}`, `Xã ${i + 1} — thôn, tổ dân phố ${"ở xa ".repeat(50)}`, { contact: `+84 9${String(i).padStart(8, "0")}` }));
  wire.resetStats();
  const { book } = await service.addUnits(many);
  expect(book.units).toHaveLength(5001);
  expect(wire.workbook.sheet(SHEETS.units)).toBe(sheet);
  // 5,000 rows of about 400 bytes: requests filled close to the budget, none over it.
  expect(syncs(wire).filter((r) => r.bytes > budget / 2).length).toBeGreaterThanOrEqual(3);
  for (const r of syncs(wire)) expect([r.error, r.bytes <= budget]).toEqual([null, true]);
  expect(wire.stats.exceeded).toEqual([]);
  // Now too long to read in the first sync beside the sheets' list: the write reads it in blocks, then
  // adds the unit in one small request.
  const before = cells(sheet);
  wire.resetStats();
  const { book: after } = await service.addUnits([unit("MOI", "Xã mới")]);
  expect(after.units.map((u) => u.code).slice(-2)).toEqual(["X5000", "MOI"]);
  expect(changed(before, cells(sheet)).every((k) => k.startsWith("5002,"))).toBe(true);
  expect(wire.stats.exceeded).toEqual([]);
  // The read before (3 syncs: sizes, a 1,000-row sample, the rest), the write (the sheets and sizes,
  // "Đơn vị" in two blocks, one request), the read after (3).
  expect(syncs(wire).map((r) => r.responseBytes > 400_000)).toEqual([false, true, true, false, true, true, false, false, true, true]);
});
