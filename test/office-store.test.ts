// The Office.js adapter against a fake Excel that counts round trips, measures request sizes and parses
// written strings the way Excel does. The specs come from the real engine: a master book, a
// consolidation, the output sheets.
import { MasterService, PRODUCT_SHEETS } from "../src/app/master-service";
import { newMasterBook, SHEETS } from "../src/core/master-sheets";
import { consolidationSheets, importSheets } from "../src/core/outputs";
import { consolidateBook } from "../src/core/period-consolidation";
import { instantToCell } from "../src/core/sheet-spec";
import type { Fact, MasterBook, SheetSpec, Submission, Unit } from "../src/core/types";
import { a1, dateToSerial } from "../src/office/cells";
import { CHART_NAME, createExcelStore, ExcelStoreOptions } from "../src/office/excel-store";
import { FakeWorkbook } from "./office-fake";

const EXCEL_ON_THE_WEB_LIMIT = 5 * 1024 * 1024;
const AS_OF = new Date("2026-04-25T03:00:00Z");
const supportsAll = () => true;

function store(wb: FakeWorkbook, options: ExcelStoreOptions = {}) {
  return createExcelStore(wb.run, { supports: supportsAll, ...options });
}

const REPORT_TEXTS = { formula: '=HYPERLINK("http://x")', phone: "+84 912", count: "-5 người", mention: "@abc" };

/** A commune of `units` units reporting every indicator for the first quarter; the last ten never sent March. */
function communeBook(units: number): MasterBook {
  const list: Unit[] = Array.from({ length: units }, (_, i) => ({
    code: `DV${String(i + 1).padStart(3, "0")}`,
    name: i === 1 ? REPORT_TEXTS.count : `Tổ công nghệ số cộng đồng thôn ${i + 1}`,
    type: "Tổ công nghệ số cộng đồng",
    parent: "XHB",
    frequency: "month",
    activeFrom: "",
    activeTo: "",
    contact: i === 0 ? REPORT_TEXTS.phone : `Nguyễn Văn ${i + 1} - 0912 ${String(i).padStart(6, "0")}`,
  }));
  const book = newMasterBook({ bodyCode: "XHB", bodyName: "UBND xã Hòa Bình" }, list);
  for (const month of ["2026-01", "2026-02", "2026-03"]) {
    const next = month === "2026-03" ? "2026-04" : `2026-0${Number(month.slice(5)) + 1}`;
    list.forEach((u, i) => {
      if (month === "2026-03" && i >= units - 10) return;
      const hash = `${u.code}${month}`.padEnd(64, "a");
      const file = `Bao cao ${u.code} ${month}.xlsx`;
      const received = `${next}-${i % 3 === 0 ? "22" : "15"}T02:00:00.000Z`;
      const sub: Submission = {
        period: month,
        unit: u.code,
        file,
        hash,
        receivedAt: received,
        receivedSource: "file",
        manualReceived: "",
        declaredDate: received.slice(0, 10),
        fileModified: received,
        importedAt: received,
        errors: 0,
        warnings: 0,
      };
      book.submissions.push(sub);
      for (const ind of book.catalogue) {
        const ratio = ind.kind === "ratio";
        const fact: Fact = {
          period: month,
          unit: u.code,
          indicator: ind.code,
          value: ratio ? 0.75 : i + 1,
          numerator: ratio ? 75 : null,
          denominator: ratio ? 100 : null,
          file,
          sheet: i === 2 ? REPORT_TEXTS.mention : "Báo cáo",
          cell: "E12",
          hash,
          importedAt: received,
        };
        book.data.push(fact);
      }
    });
  }
  book.findings.push({
    severity: "warning",
    code: "NOT_A_NUMBER",
    file: "DV001.xlsx",
    sheet: "Báo cáo",
    cell: "E14",
    unit: "DV001",
    indicator: "MH09",
    period: "2026-03",
    message: REPORT_TEXTS.formula,
  });
  return book;
}

function outputs(book: MasterBook): SheetSpec[] {
  return consolidationSheets(book, consolidateBook(book, "2026-Q1", AS_OF), AS_OF);
}

function specOf(specs: SheetSpec[], name: string): SheetSpec {
  return specs.find((s) => s.name === name)!;
}

describe("writing the outputs of a big consolidation (300 units × 25 indicators × 3 months)", () => {
  const book = communeBook(300);
  const specs = outputs(book);
  const wb = new FakeWorkbook();

  beforeAll(async () => {
    await store(wb).writeSheets(specs, SHEETS.consolidated);
  });

  test("takes at most 3 round trips, each under Excel on the web's request limit", () => {
    expect(book.data).toHaveLength(22_250);
    expect(wb.syncCount).toBeLessThanOrEqual(3);
    for (const s of wb.syncs) expect(s.bytes).toBeLessThan(EXCEL_ON_THE_WEB_LIMIT);
  });

  test("writes each sheet's values as one rectangle and its number formats as a few uniform rectangles, never cell by cell", () => {
    expect(wb.valueWrites).toHaveLength(specs.length);
    for (const w of wb.formatWrites) expect(w.data).toEqual([[expect.any(String)]]);
    expect(wb.formatWrites.filter((w) => w.sheet === SHEETS.data).length).toBeLessThanOrEqual(10);
    expect(wb.formatWrites.length).toBeLessThan(100);
    for (const spec of specs) {
      const width = Math.max(...spec.values.map((r) => r.length));
      const write = wb.valueWrites.find((w) => w.sheet === spec.name)!;
      expect(write.address).toBe(a1({ top: 0, left: 0, bottom: spec.values.length - 1, right: width - 1 }));
      expect(write.data).toHaveLength(spec.values.length);
      for (const row of write.data) expect(row).toHaveLength(width);
    }
  });

  test("every cell holds what the spec says", () => {
    const consolidated = specOf(specs, SHEETS.consolidated);
    const sheet = wb.sheet(SHEETS.consolidated)!;
    expect(sheet.cell("C8")?.value).toBe(consolidated.values[7][2]);
    const status = specOf(specs, SHEETS.status);
    expect(wb.sheet(SHEETS.status)!.grid().map((r) => r.slice(0, 4))).toEqual(status.values.map((r) => r.slice(0, 4).map((v) => v ?? "")));
  });

  test("report text that looks like a formula reaches the workbook as text", () => {
    const texts = Object.values(REPORT_TEXTS);
    const found = wb.sheets.flatMap((s) => [...s.cells.values()].filter((c) => texts.includes(c.value as string)));
    expect(new Set(found.map((c) => c.value))).toEqual(new Set(texts));
    for (const c of found) expect(c.formatAtWrite).toBe("@");
    const formulas = wb.sheets.flatMap((s) => [...s.cells.values()].filter((c) => c.formula !== null));
    expect(formulas).toEqual([]);
    // Escaped as well as text-formatted: sent with Excel's quote prefix, which is not part of the value.
    const sent = wb.valueWrites.flatMap((w) => w.data.flat());
    for (const text of texts) expect(sent).toContain(`'${text}`);
  });

  test("dates are written as day serials with their spec's format", () => {
    const data = wb.sheet(SHEETS.data)!;
    const first = [...book.data].sort((a, b) => a.period.localeCompare(b.period) || a.unit.localeCompare(b.unit) || a.indicator.localeCompare(b.indicator))[0];
    const importedAt = data.cell("K2")!;
    expect(importedAt.value).toBe(dateToSerial(instantToCell(first.importedAt)!));
    expect(importedAt.format).toBe("dd/mm/yyyy hh:mm");
  });

  test("draws achievement against target as a bar chart under the consolidated table", () => {
    const consolidated = specOf(specs, SHEETS.consolidated);
    const bars = consolidated.bars!;
    const [chart, ...others] = wb.sheet(SHEETS.consolidated)!.charts;
    expect(others).toEqual([]);
    expect(chart).toMatchObject({ name: CHART_NAME, type: "BarClustered", seriesBy: "Columns", source: a1(bars) });
    expect(chart.categories).toBe(a1({ ...bars, left: 1, right: 1 }));
    expect(chart.position).toBe(`A${consolidated.values.length + 2}`);
  });

  test("colours statuses, widens columns, freezes headers and shows the consolidated sheet", () => {
    const status = wb.sheet(SHEETS.status)!;
    const overdue = specOf(specs, SHEETS.status).fills.find((f) => f.range.left === 0)!;
    expect(status.formats).toContainEqual(expect.objectContaining({ fill: `#${overdue.color}` }));
    expect(status.frozen).toEqual({ rows: 3, columns: 2 });
    const widths = wb.sheet(SHEETS.consolidated)!.formats.filter((f) => f.columnWidth !== undefined);
    expect(widths.find((f) => f.address === "C:C")?.columnWidth).toBeGreaterThan(widths.find((f) => f.address === "A:A")!.columnWidth!);
    expect(wb.active).toBe(SHEETS.consolidated);
  });

  test("wraps long table headers and prints reports landscape, one page wide", () => {
    const consolidated = wb.sheet(SHEETS.consolidated)!;
    const headerRow = specOf(specs, SHEETS.consolidated).wrapRows![0];
    expect(consolidated.formats).toContainEqual(expect.objectContaining({ address: expect.stringMatching(new RegExp(`^A${headerRow + 1}:`)), wrapText: true }));
    expect([consolidated.orientation, consolidated.fitToPagesWide]).toEqual(["Landscape", 1]);
    expect(wb.sheet(SHEETS.data)!.orientation).toBe("Portrait");
  });

  test("suspends calculation and screen updating while writing", () => {
    expect(wb.calcSuspensions).toBeGreaterThanOrEqual(1);
    expect(wb.screenSuspensions).toBe(1);
  });
});

test("a write over the request budget is split into row blocks, each its own round trip, with the same cells", async () => {
  const specs = outputs(communeBook(40));
  const whole = new FakeWorkbook();
  await store(whole).writeSheets(specs, SHEETS.consolidated);
  const budget = 20_000;
  const split = new FakeWorkbook();
  await store(split, { maxRequestBytes: budget }).writeSheets(specs, SHEETS.consolidated);

  expect(whole.syncCount).toBe(3);
  expect(split.syncCount).toBeGreaterThan(10);
  for (const s of split.syncs) expect(s.cellBytes).toBeLessThanOrEqual(budget);
  for (const spec of specs) expect(split.sheet(spec.name)!.grid()).toEqual(whole.sheet(spec.name)!.grid());
  expect(split.valueWrites.length).toBeGreaterThan(specs.length);
  for (const spec of specs) {
    const formats = (wb: FakeWorkbook) => [...wb.sheet(spec.name)!.cells].map(([key, c]) => [key, c.format, c.formatAtWrite]).sort();
    expect(formats(split)).toEqual(formats(whole));
  }
  expect(split.sheet(SHEETS.consolidated)!.charts).toHaveLength(1);
});

test("a second consolidation replaces the chart and the old cells", async () => {
  const book = communeBook(12);
  const wb = new FakeWorkbook();
  wb.addSheet(SHEETS.consolidated, [["ô thừa"]], { at: "AZ90" });
  const s = store(wb);
  await s.writeSheets(outputs(book), SHEETS.consolidated);
  await s.writeSheets(outputs(book), SHEETS.consolidated);
  const sheet = wb.sheet(SHEETS.consolidated)!;
  expect(sheet.charts.filter((c) => c.name === CHART_NAME)).toHaveLength(1);
  expect([...sheet.cells.values()].map((c) => c.value)).not.toContain("ô thừa");
  expect(wb.sheets.filter((x) => x.name === SHEETS.consolidated)).toHaveLength(1);
});

test("without ExcelApi 1.6 / 1.9 nothing is suspended and the write still succeeds", async () => {
  const wb = new FakeWorkbook();
  await createExcelStore(wb.run, { supports: () => false }).writeSheets(importSheets(communeBook(3)));
  expect(wb.calcSuspensions).toBe(0);
  expect(wb.screenSuspensions).toBe(0);
  expect(wb.syncCount).toBe(2);
  expect(wb.sheet(SHEETS.data)!.grid().length).toBeGreaterThan(1);
});

describe("reading the master sheets", () => {
  test("takes one round trip, returns only the sheets that exist and anchors each grid at A1", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet(SHEETS.units, [["Mã đơn vị", "Tên đơn vị"], ["DV001", "Thôn 1"]], { at: "C3" });
    wb.addSheet(SHEETS.deadlines, [["Từ ngày"], [46082], [46082]], { formats: [["@"], ["dd/mm/yyyy"], ["#,##0"]] });
    wb.addSheet(SHEETS.findings);
    wb.addSheet("Sheet1", [["khác"]]);
    const grids = await store(wb).readSheets(PRODUCT_SHEETS);
    expect(wb.syncCount).toBe(1);
    expect(Object.keys(grids).sort()).toEqual([SHEETS.deadlines, SHEETS.findings, SHEETS.units].sort());
    expect(grids[SHEETS.units][2]).toEqual([null, null, "Mã đơn vị", "Tên đơn vị"]);
    expect(grids[SHEETS.units][3][3]).toBe("Thôn 1");
    expect(grids[SHEETS.units][0]).toEqual([]);
    expect(grids[SHEETS.deadlines][1][0]).toEqual(new Date("2026-03-01T00:00:00Z"));
    expect(grids[SHEETS.deadlines][2][0]).toBe(46082);
    expect(grids[SHEETS.findings]).toEqual([]);
  });

  test("what the pane writes it reads back: the master book round-trips through the workbook", async () => {
    const wb = new FakeWorkbook();
    const s = store(wb);
    const source = communeBook(5);
    await MasterService.create(s, source.settings, { units: source.units, problems: [] });
    const created = await MasterService.find(s, { rereads: true }); // as the pane in Excel: read again before each action
    expect(created?.problems).toEqual([]);
    expect(created?.book.units).toEqual(source.units);
    expect(created?.book.settings).toEqual(source.settings);
    expect(created?.book.targets).toEqual(source.targets);

    const book = { ...created!.book, data: source.data, submissions: source.submissions, findings: source.findings };
    await s.writeSheets(importSheets(book));
    await created!.consolidate({ periodKey: "2026-Q1", asOf: AS_OF, now: AS_OF });
    const reread = (await MasterService.find(s))!.book;
    const order = (a: Fact, b: Fact) => a.period.localeCompare(b.period) || a.unit.localeCompare(b.unit) || a.indicator.localeCompare(b.indicator);
    expect(reread.data).toEqual([...source.data].sort(order));
    expect(reread.submissions.map((x) => x.receivedAt).sort()).toEqual(source.submissions.map((x) => x.receivedAt).sort());
    expect(reread.findings.map((f) => f.message)).toEqual([REPORT_TEXTS.formula]);
  });

  test("an empty workbook has no master book", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Sheet1");
    expect(await MasterService.find(store(wb))).toBeNull();
    expect(wb.syncCount).toBe(1);
  });
});

describe("reading report sheets pasted into the workbook", () => {
  function workbookWithReport(): FakeWorkbook {
    const wb = new FakeWorkbook();
    wb.addSheet(SHEETS.units, [["Mã đơn vị"]]);
    const report = wb.addSheet("BC thôn 1", [["BÁO CÁO KẾT QUẢ"], ["Đơn vị:", "Thôn 1"]], { at: "B2" });
    report.merges.push({ top: 1, left: 1, bottom: 1, right: 5 });
    wb.addSheet("Ẩn", [["x"]], { visibility: "Hidden" });
    return wb;
  }

  test("returns every sheet that is not the product's, with visibility and merges, in two round trips", async () => {
    const wb = workbookWithReport();
    const sheets = await store(wb).readOtherSheets(PRODUCT_SHEETS);
    expect(wb.syncCount).toBe(2);
    expect(sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["BC thôn 1", false],
      ["Ẩn", true],
    ]);
    expect(sheets[0].rows[1]).toEqual([null, "BÁO CÁO KẾT QUẢ", null]);
    expect(sheets[0].rows[2][2]).toBe("Thôn 1");
    expect(sheets[0].merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 5 }]);
  });

  test("without ExcelApi 1.13 merges are not asked for", async () => {
    const wb = workbookWithReport();
    const sheets = await createExcelStore(wb.run, { supports: (v) => v !== "1.13" }).readOtherSheets(PRODUCT_SHEETS);
    expect(sheets[0].merges).toEqual([]);
  });
});

test("the fake itself turns unprotected text into formulas, so the text tests above can fail", async () => {
  const wb = new FakeWorkbook();
  wb.addSheet("S");
  await wb.run(async (context) => {
    context.workbook.worksheets.getItem("S").getRange("A1:B1").values = [["=1+1", "'=1+1"]];
    await context.sync();
  });
  expect(wb.sheet("S")!.cell("A1")!.formula).toBe("=1+1");
  expect(wb.sheet("S")!.cell("B1")).toMatchObject({ value: "=1+1", formula: null });
});

test("an output typed over in Excel is kept as a copy, checked within the same syncs", async () => {
  const wb = new FakeWorkbook();
  const s = store(wb);
  const book = communeBook(3);
  await s.writeSheets(outputs(book), SHEETS.consolidated, [SHEETS.consolidated, SHEETS.status]);
  wb.sheet(SHEETS.consolidated)!.at(6, 6).value = 999;
  const before = wb.syncs.length;
  const problems = await s.writeSheets(outputs(book), SHEETS.consolidated, [SHEETS.consolidated, SHEETS.status]);
  expect(wb.syncs.length - before).toBeLessThanOrEqual(3);
  expect(problems.map((p) => p.code)).toEqual(["OUTPUT_EDITED"]);
  expect(wb.sheet("Tổng hợp (sửa tay)")!.at(6, 6).value).toBe(999);
  expect(await s.writeSheets(outputs(book), SHEETS.consolidated, [SHEETS.consolidated, SHEETS.status])).toEqual([]);
});
