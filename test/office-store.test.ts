// The Office.js store through Microsoft's own client (excel-wire-fake): what lands in the workbook, what
// the pane reads back, text that stays text, protection and hand edits. The specs come from the real
// engine: a master book, its import sheets and a consolidation. Scale and faults: office-scale.test.ts.
import { Workbook } from "../../shared/excel-wire-fake";
import { MasterService, PRODUCT_SHEETS } from "../src/app/master-service";
import { SHEETS } from "../src/core/master-sheets";
import { importSheets } from "../src/core/outputs";
import { isEditedOutput } from "../src/core/output-seal";
import type { Fact, MasterBook } from "../src/core/types";
import { a1, dateToSerial } from "../src/office/cells";
import { CHART_NAME } from "../src/office/excel-store";
import { FakeWorkbook } from "./office-fake";
import { createExcelStore } from "../src/office/excel-store";
import { masterBook, REPORT_TEXTS } from "./helpers/province-book";
import { consolidateInto, createMaster, openMaster, saveImport } from "./helpers/service-writes";
import { excelCells, recordingStore, syncs, wireStore, type Behaviour } from "./helpers/wire";

const AS_OF = new Date("2026-04-25T03:00:00Z");
const order = (a: Fact, b: Fact) => a.period.localeCompare(b.period) || a.unit.localeCompare(b.unit) || a.indicator.localeCompare(b.indicator);

/** Every spec the pane writes for a book: created, imported, consolidated; the specs of the last write. */
async function consolidated(book: MasterBook, behaviour?: Behaviour) {
  const { wire, store } = wireStore({ behaviour });
  await createMaster(store, book);
  await saveImport(store, book);
  const recording = recordingStore(store);
  await consolidateInto(recording, book, "2026-Q1", AS_OF);
  const specs = recording.lastSpecs();
  return { wire, store, specs, spec: (name: string) => specs.find((s) => s.name === name)! };
}

describe("a consolidation written through Microsoft's client (40 units × 3 months)", () => {
  const book = masterBook(40, 3, { missingLast: 5 });
  let run: Awaited<ReturnType<typeof consolidated>>;
  beforeAll(async () => {
    run = await consolidated(book);
  });

  test("every sheet holds exactly its spec's cells, with its number formats", () => {
    for (const spec of run.specs) expect(run.wire.workbook.sheet(spec.name)!.grid()).toEqual(excelCells(spec));
    const data = run.wire.workbook.sheet(SHEETS.data)!;
    const first = [...book.data].sort(order)[0];
    expect(data.cell("K2")).toMatchObject({ value: dateToSerial(new Date(Date.parse(first.importedAt) + 7 * 3600_000)), format: "dd/mm/yyyy hh:mm" });
    expect(data.cell("D2").format).toBe("#,##0.####");
    expect(data.cell("A2").format).toBe("@");
  });

  test("stays within Excel on the web's limits, and leaves no sheet of its own behind", () => {
    expect(run.wire.stats.exceeded).toEqual([]);
    expect(run.wire.workbook.sheets.map((s) => s.name).filter((n) => /~(ghi|cũ)$/.test(n))).toEqual([]);
  });

  test("report text that Excel would take for a formula, a number or a quote stays that text", () => {
    const texts = Object.values(REPORT_TEXTS);
    const cells = run.wire.workbook.sheets.flatMap((s) => s.rows.flatMap((row) => row.filter(Boolean)));
    expect(cells.filter((c) => c.formula !== null)).toEqual([]);
    expect(new Set(cells.map((c) => c.value).filter((v) => texts.includes(v as string)))).toEqual(new Set(texts));
  });

  test("draws achievement against target as bars under the consolidated table", () => {
    const spec = run.spec(SHEETS.consolidated);
    const bars = spec.bars!;
    const [chart, ...others] = run.wire.workbook.sheet(SHEETS.consolidated)!.charts;
    expect(others).toEqual([]);
    expect(chart).toMatchObject({ name: CHART_NAME, chartType: "BarClustered", seriesBy: "Columns", source: `'${SHEETS.consolidated}'!${a1(bars)}` });
    expect(chart.series[0].xAxisValues).toBe(`'${SHEETS.consolidated}'!${a1({ ...bars, left: 1, right: 1 })}`);
    expect(chart.position).toMatchObject({ start: `A${spec.values.length + 2}` });
  });

  test("colours statuses, widens columns, freezes headers, prints reports on A4 one page wide, and shows the consolidated sheet", () => {
    const status = run.wire.workbook.sheet(SHEETS.status)!;
    const overdue = run.spec(SHEETS.status).fills.find((f) => f.range.left === 0)!;
    expect(status.cell(a1(overdue.range).split(":")[0]).fill).toBe(`#${overdue.color}`);
    expect(status.frozen).toEqual({ rows: 3, columns: 2 });
    const sheet = run.wire.workbook.sheet(SHEETS.consolidated)!;
    expect(sheet.columnWidths.get(2)).toBeGreaterThan(sheet.columnWidths.get(0)!);
    expect(sheet.pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    expect(run.wire.workbook.sheet(SHEETS.data)!.pageLayout).toEqual({ orientation: "Portrait" });
    expect(run.wire.workbook.active?.name).toBe(SHEETS.consolidated);
  });

  test("lays the reports out for paper: first among the tabs, wrapped names in rows as tall as they need, A4 with the body's header and footer", () => {
    const paper = [SHEETS.consolidated, SHEETS.byUnit, SHEETS.status];
    expect(run.wire.workbook.sheets.slice(0, 3).map((s) => s.name)).toEqual(paper);
    for (const name of paper) {
      const spec = run.spec(name);
      const sheet = run.wire.workbook.sheet(name)!;
      expect(spec.rowHeights!.length).toBeGreaterThan(0);
      for (const { row, points } of spec.rowHeights!) expect([row, sheet.rowHeights.get(row)]).toEqual([row, points]);
      const body = spec.freeze.rows;
      for (const c of spec.wrapColumns!) expect(sheet.cell(a1({ top: body, left: c, bottom: body, right: c }))).toMatchObject({ wrapText: true, verticalAlignment: "Top" });
      const p = spec.print!;
      const bands = { leftHeader: p.header!.left, centerHeader: p.header!.center, rightHeader: p.header!.right, leftFooter: p.footer!.left, rightFooter: p.footer!.right };
      const zoom = p.fitToWidth ? { horizontalFitToPages: p.fitToWidth, verticalFitToPages: 0 } : { scale: 100 };
      expect(sheet.pageLayout).toEqual({ orientation: "Landscape", paperSize: "A4", zoom, $headersFooters: { $defaultForAllPages: bands } });
    }
    expect(run.spec(SHEETS.consolidated).print!.header!.left).toBe("UBND xã Hòa Bình");
  });

  test("reads back what it wrote: the master book round-trips through the workbook", async () => {
    const reread = (await openMaster(run.store))!;
    expect(reread.problems).toEqual([]);
    expect(reread.book.units).toEqual(book.units);
    expect(reread.book.settings).toEqual(book.settings);
    expect(reread.book.data).toEqual([...book.data].sort(order));
    expect(reread.book.findings.map((f) => f.message)).toEqual([REPORT_TEXTS.formula]);
  });
});

describe.each<["strip" | "keep"]>([["strip"], ["keep"]])("text round trips with apostropheInTextCell: %s", (apostropheInTextCell) => {
  test("write → read → write → read gives the same strings, and the outputs' seals still match", async () => {
    const book = masterBook(12, 2);
    const { wire, store } = await consolidated(book, { apostropheInTextCell });
    const first = (await openMaster(store))!;
    const grids1 = await store.readSheets(PRODUCT_SHEETS);
    expect(isEditedOutput(grids1[SHEETS.consolidated])).toBe(false);
    expect(isEditedOutput(grids1[SHEETS.status])).toBe(false);
    // The book as read is written again (a clerk's second consolidation), then read again.
    const again = await consolidateInto(store, first.book, "2026-Q1", AS_OF);
    expect(again).toEqual([]);
    await saveImport(store, first.book);
    const grids2 = await store.readSheets(PRODUCT_SHEETS);
    expect(grids2).toEqual(grids1);
    const strings = Object.values(grids2).flatMap((g) => g.flat()).filter((v): v is string => typeof v === "string");
    expect(strings.filter((s) => s.startsWith("''"))).toEqual([]);
    expect(strings).toContain(REPORT_TEXTS.quote);
    expect((await openMaster(store))!.book.units).toEqual(book.units);
    expect(wire.workbook.sheets.flatMap((s) => s.rows.flatMap((r) => r.filter((c) => c?.formula)))).toEqual([]);
  });
});

test("number formats go as one value per rectangle, never cell by cell, and values as the range's own 2-D array", async () => {
  const { wire } = await consolidated(masterBook(30, 3));
  const counts = wire.stats.byAction;
  // 11 columns of "Dữ liệu" and a handful of columns elsewhere: a few rectangles per sheet and block.
  expect(counts["SetProperty NumberFormat"]).toBeLessThan(200);
  expect(counts["SetProperty NumberFormat"]).toBeLessThan(counts["SetProperty Values"] * 3);
});

test("an output the clerk typed over is kept whole as its copy, and an earlier copy is never written over", async () => {
  const book = masterBook(5, 1);
  const { wire, store } = wireStore();
  await createMaster(store, book);
  await consolidateInto(store, book, "2026-01", AS_OF);
  wire.workbook.sheet(SHEETS.consolidated)!.at(6, 6).value = 999;
  wire.workbook.addSheet("Tổng hợp (sửa tay)", { rows: [["bản sửa trước"]] });
  wire.resetStats();
  const editedOutputs = await consolidateInto(store, book, "2026-01", AS_OF);
  expect(editedOutputs.map((p) => [p.code, p.sheet])).toEqual([["OUTPUT_EDITED", SHEETS.consolidated]]);
  expect(editedOutputs[0].message).toContain('"Tổng hợp (sửa tay 2)"');
  expect(wire.workbook.sheet("Tổng hợp (sửa tay 2)")!.at(6, 6).value).toBe(999);
  expect(wire.workbook.sheet("Tổng hợp (sửa tay 2)")!.charts.map((c) => c.name)).toEqual([CHART_NAME]);
  expect(wire.workbook.sheet("Tổng hợp (sửa tay)")!.cell("A1").value).toBe("bản sửa trước");
  expect(isEditedOutput(wire.workbook.sheet(SHEETS.consolidated)!.grid())).toBe(false);
  // Learn the sheets, read the two outputs, write: three syncs.
  expect(syncs(wire)).toHaveLength(3);
  expect(await consolidateInto(store, book, "2026-01", AS_OF)).toEqual([]);
});

test("a protected product sheet is refused in Vietnamese in the first sync, before anything changes", async () => {
  const book = masterBook(5, 1);
  const { wire, store } = wireStore();
  await createMaster(store, book);
  await saveImport(store, book);
  wire.workbook.sheet(SHEETS.data)!.protected = true;
  const before = JSON.stringify(wire.workbook.snapshot());
  wire.resetStats();
  await expect(saveImport(store, { ...book, data: [] })).rejects.toThrow(/Trang “Dữ liệu” đang được bảo vệ .*Sổ chưa bị thay đổi/);
  expect(syncs(wire)).toHaveLength(1);
  expect(JSON.stringify(wire.workbook.snapshot())).toBe(before);
});

test("a failing finishing step (freeze panes) costs nothing but a warning", async () => {
  const book = masterBook(5, 1);
  const { wire, store } = wireStore();
  await createMaster(store, book);
  wire.failAt((a) => a.name === "FreezeRows");
  const problems = await store.writeSheets(importSheets(book));
  wire.failAt(null);
  expect(problems.map((p) => [p.severity, p.code])).toEqual([["warning", "EXCEL_LAYOUT_INCOMPLETE"]]);
  expect(wire.workbook.sheet(SHEETS.data)!.grid()).toEqual(excelCells(importSheets(book)[0]));
});

test("the achievement chart is drawn only when some achievement is not blank", async () => {
  const empty = masterBook(5, 1);
  empty.data = [];
  empty.submissions = [];
  const { wire, store } = wireStore();
  await createMaster(store, empty);
  await consolidateInto(store, empty, "2026-01", AS_OF);
  expect(wire.workbook.sheet(SHEETS.consolidated)!.charts).toEqual([]);
  expect(wire.stats.exceeded).toEqual([]);
});

test("without ExcelApi 1.6 / 1.9 nothing is suspended, no page is set up, and the write still succeeds", async () => {
  const book = masterBook(3, 1);
  const { wire, store } = wireStore({ store: { supports: () => false } });
  await createMaster(store, book);
  await consolidateInto(store, book, "2026-01", AS_OF);
  expect(Object.keys(wire.stats.byAction).filter((k) => /Suspend|PaperSize|Orientation|Zoom|Header|Footer|Print/.test(k))).toEqual([]);
  expect(wire.workbook.sheet(SHEETS.data)!.grid().length).toBeGreaterThan(1);
});

describe("reading the master sheets", () => {
  test("learns the sizes, then reads: only the sheets that exist, each anchored at A1, dates by their format", async () => {
    const workbook = new Workbook({
      sheets: [
        { name: SHEETS.units, rows: [["Mã đơn vị", "Tên đơn vị"], ["DV001", "Thôn 1"]], at: "C3" },
        { name: SHEETS.deadlines, rows: [["Từ ngày"], [46082], [46082]], formats: [["@"], ["dd/mm/yyyy"], ["#,##0"]] },
        { name: SHEETS.findings },
        { name: "Sheet1", rows: [["khác"]] },
      ],
    });
    const { wire, store } = wireStore({ workbook });
    const grids = await store.readSheets(PRODUCT_SHEETS);
    expect(syncs(wire)).toHaveLength(2);
    expect(Object.keys(grids).sort()).toEqual([SHEETS.deadlines, SHEETS.findings, SHEETS.units].sort());
    expect(grids[SHEETS.units][2]).toEqual([null, null, "Mã đơn vị", "Tên đơn vị"]);
    expect(grids[SHEETS.units][3][3]).toBe("Thôn 1");
    expect(grids[SHEETS.units][0]).toEqual([]);
    expect(grids[SHEETS.deadlines][1][0]).toEqual(new Date("2026-03-01T00:00:00Z"));
    expect(grids[SHEETS.deadlines][2][0]).toBe(46082);
    expect(grids[SHEETS.findings]).toEqual([]);
  });

  test("a sheet whose write was cut off while it was being replaced is read from its '~cũ' copy", async () => {
    const workbook = new Workbook({ sheets: [{ name: SHEETS.units, rows: [["Mã đơn vị"], ["DV001"]] }, { name: `${SHEETS.data} ~cũ`, rows: [["Kỳ"], ["2026-03"]] }] });
    const { store } = wireStore({ workbook });
    expect((await store.readSheets([SHEETS.data]))[SHEETS.data]).toEqual([["Kỳ"], ["2026-03"]]);
  });

  test("an empty workbook has no master book", async () => {
    const { wire, store } = wireStore();
    expect(await openMaster(store)).toBeNull();
    expect(syncs(wire)).toHaveLength(1);
  });
});

describe("reading report sheets pasted into the workbook", () => {
  function workbookWithReport(): Workbook {
    const workbook = new Workbook({
      sheets: [
        { name: SHEETS.units, rows: [["Mã đơn vị"]] },
        { name: "BC thôn 1", rows: [["BÁO CÁO KẾT QUẢ"], ["Đơn vị:", "Thôn 1"]], at: "B2" },
        { name: "Ẩn", rows: [["x"]], visibility: "Hidden" },
        { name: "Tổng hợp (sửa tay)", rows: [["bản sửa"]] },
        { name: "Tình trạng nộp (sửa tay 3)", rows: [["bản sửa"]] },
        { name: "Dữ liệu ~cũ", rows: [["Kỳ"]] },
        { name: "Dữ liệu ~ghi", rows: [["Kỳ"]], visibility: "Hidden" },
      ],
    });
    workbook.sheet("BC thôn 1")!.merges.push({ top: 1, left: 1, bottom: 1, right: 5 });
    return workbook;
  }

  test("returns every sheet that is not the product's (nor a copy of one, nor left by a write), with visibility and merges", async () => {
    const { store } = wireStore({ workbook: workbookWithReport() });
    const sheets = await store.readOtherSheets(PRODUCT_SHEETS);
    expect(sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["BC thôn 1", false],
      ["Ẩn", true],
    ]);
    expect(sheets[0].rows[1]).toEqual([null, "BÁO CÁO KẾT QUẢ", null]);
    expect(sheets[0].rows[2][2]).toBe("Thôn 1");
    expect(sheets[0].merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 5 }]);
  });

  test("without ExcelApi 1.13 merges are not asked for", async () => {
    const { store } = wireStore({ workbook: workbookWithReport(), store: { supports: (v) => v !== "1.13" } });
    expect((await store.readOtherSheets(PRODUCT_SHEETS))[0].merges).toEqual([]);
  });
});

test("units added from the pane land under the clerk's rows of “Đơn vị”: their column, note and typed text kept, nothing made a formula", async () => {
  const { wire, store } = wireStore();
  const created = await MasterService.create(store, { bodyName: "UBND xã Hòa Bình", bodyCode: "XHB", year: 2026 }, undefined, { rereads: true });
  expect(created.book.units).toEqual([]);
  // With the pane open, the clerk writes a note above the table, adds a column, and types a unit whose code looks like a number.
  const sheet = wire.workbook.sheet(SHEETS.units)!;
  const header = sheet.grid()[0].map(String);
  const col = (h: string) => header.indexOf(h);
  const type = (r: number, c: number, value: string) => Object.assign(sheet.at(r, c), { value, format: "@" });
  sheet.rows = [];
  type(0, 0, "Danh sách đơn vị 2026 (văn thư)");
  [...header, "Ghi chú riêng"].forEach((h, c) => type(1, c, h));
  for (const [c, v] of [[col("Mã đơn vị"), "0123"], [col("Tên đơn vị"), "Thôn 1"], [col("Tần suất"), "tháng"], [header.length, "gọi trước ngày 18"]] as const) type(2, c, v);
  const formulaLike = "=HYPERLINK(\"http://x\")";
  const { added, skipped, book } = await created.addUnits([
    { code: "0123", name: "Thôn 1 (lần 2)", type: "", parent: "XHB", frequency: "month", contact: "", activeFrom: "", activeTo: "" },
    { code: "HTX", name: formulaLike, type: "", parent: "XHB", frequency: "quarter", contact: "+84 912 000 111", activeFrom: "", activeTo: "" },
  ]);
  expect([added.map((u) => u.code), skipped]).toEqual([["HTX"], ["0123"]]);
  expect(book.units.map((u) => [u.code, u.name, u.contact])).toEqual([["0123", "Thôn 1", ""], ["HTX", formulaLike, "+84 912 000 111"]]);
  const grid = wire.workbook.sheet(SHEETS.units)!.grid();
  expect(grid[0][0]).toBe("Danh sách đơn vị 2026 (văn thư)");
  expect(grid[1].at(-1)).toBe("Ghi chú riêng");
  expect([grid[2][col("Mã đơn vị")], grid[2].at(-1)]).toEqual(["0123", "gọi trước ngày 18"]);
  expect(grid[3][col("Mã đơn vị")]).toBe("HTX");
  expect(wire.workbook.sheets.flatMap((s) => s.rows.flat().filter((c) => c?.formula))).toEqual([]);
  expect(wire.workbook.active?.name).toBe(SHEETS.units);
  expect(wire.stats.exceeded).toEqual([]);
});

test("selectCell shows the sheet and selects the cell in one sync", async () => {
  const { wire, store } = wireStore({ workbook: new Workbook({ sheets: [{ name: "Sheet1" }, { name: "BC thôn 1" }] }) });
  await store.selectCell("BC thôn 1", "E12");
  expect(wire.workbook.selection).toEqual({ sheet: "BC thôn 1", address: "E12" });
  expect(syncs(wire)).toHaveLength(1);
});

test("the object fake the pane's browser test uses round-trips a master book like Excel", async () => {
  const fake = new FakeWorkbook();
  const store = createExcelStore(fake.run, { supports: () => true });
  const book = masterBook(6, 2);
  await createMaster(store, book);
  await consolidateInto(store, book, "2026-Q1", AS_OF);
  const reread = (await openMaster(store))!;
  expect(reread.book.data).toEqual([...book.data].sort(order));
  expect(reread.book.units).toEqual(book.units);
  expect(await consolidateInto(store, reread.book, "2026-Q1", AS_OF)).toEqual([]);
  expect(fake.sheets.flatMap((s) => [...s.cells.values()].filter((c) => c.formula !== null))).toEqual([]);
});
