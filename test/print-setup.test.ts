// The print setup the core describes (types.ts, PrintSetup and `leading`), as each writer applies it:
// the exceljs store (web page and command line) in the .xlsx it saves, the Office.js store in Excel.
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { INPUT_SHEETS, newMasterBook, SHEETS } from "../src/core/master-sheets";
import { inputSheetSpecs } from "../src/core/master-write";
import { consolidationSheets, importSheets } from "../src/core/outputs";
import { consolidateBook } from "../src/core/period-consolidation";
import type { MasterBook, SheetSpec, Unit } from "../src/core/types";
import { WorkbookStore } from "../src/io/workbook-store";
import { parseRangeAddress } from "../src/office/cells";
import { createExcelStore } from "../src/office/excel-store";
import { FakeWorkbook } from "./office-fake";

const AS_OF = new Date("2026-03-25T02:00:00Z");

function book(units: number): MasterBook {
  const list: Unit[] = Array.from({ length: units }, (_, i) => ({ code: `T${i + 1}`, name: `Tổ công nghệ số cộng đồng thôn ${i + 1}`, type: "", parent: "", frequency: "month", activeFrom: "", activeTo: "", contact: "" }));
  return newMasterBook({ bodyName: "UBND xã Hòa Bình", bodyCode: "XHB" }, list);
}

function outputs(b: MasterBook): SheetSpec[] {
  return consolidationSheets(b, consolidateBook(b, "2026-03", AS_OF), AS_OF);
}

const PAPER = [SHEETS.consolidated, SHEETS.byUnit, SHEETS.status];

/** The attributes of a sheet's <pageSetup>. */
function pageSetup(sheet: string): Record<string, string> {
  const tag = /<pageSetup ([^>]*)\/>/.exec(sheet)?.[1] ?? "";
  return Object.fromEntries([...tag.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

describe("the exceljs store", () => {
  async function saved(units: number) {
    const store = WorkbookStore.empty();
    const b = book(units);
    await store.writeSheets([...inputSheetSpecs(b), ...importSheets(b)]);
    await store.writeSheets(outputs(b), SHEETS.consolidated);
    return { store, bytes: await store.toBytes(), b };
  }
  // Writers differ in how they escape an apostrophe in text ("&apos;" or "'"): compared as read.
  const xml = (bytes: Uint8Array, part: string) => strFromU8(unzipSync(bytes)[part]).replace(/&apos;/g, "'");
  /** The XML of the named sheet, found through the workbook's relationships (parts are numbered by sheet id). */
  const sheetXml = (bytes: Uint8Array, name: string) => {
    const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(rId\\d+)"`).exec(xml(bytes, "xl/workbook.xml"))![1];
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(xml(bytes, "xl/_rels/workbook.xml.rels"))![1];
    return xml(bytes, `xl/${target.replace(/^\/?xl\//, "")}`);
  };

  it("adds the sheets for paper before the others, and keeps the tab order on the next write", async () => {
    const { store, bytes, b } = await saved(3);
    const names = async (data: Uint8Array) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(data as unknown as ArrayBuffer);
      return wb.worksheets.map((w) => w.name.normalize("NFC"));
    };
    const first = await names(bytes);
    expect(first.slice(0, 3)).toEqual(PAPER);
    expect(first.slice(3, 3 + INPUT_SHEETS.length)).toEqual(INPUT_SHEETS);
    await store.writeSheets(outputs(b), SHEETS.consolidated);
    expect(await names(await store.toBytes())).toEqual(first);
    // The sheet shown on opening, which Excel prints by default, is the report.
    // (activeTab is 0 when the workbook view leaves it out.)
    expect(xml(bytes, "xl/workbook.xml").match(/activeTab="(\d+)"/)?.[1] ?? "0").toBe("0");
    expect(sheetXml(bytes, SHEETS.consolidated)).toMatch(/tabSelected="1"/);
  });

  it("writes A4, the orientation, the fit, the print area, the repeated rows and the header and footer", async () => {
    const { bytes } = await saved(3);
    const workbook = xml(bytes, "xl/workbook.xml");
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="0">'Tổng hợp'!$A$1:$L$32</definedName>`);
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'Tổng hợp'!$7:$7</definedName>`);
    // The per-unit sheet of three units fits one page wide; no columns need repeating.
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="1">'Tổng hợp theo đơn vị'!$5:$6</definedName>`);
    const sheet = sheetXml(bytes, SHEETS.consolidated);
    expect(sheet).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(pageSetup(sheet)).toMatchObject({ paperSize: "9", orientation: "landscape", fitToWidth: "1", fitToHeight: "0" });
    expect(sheet).toContain("<oddHeader>&amp;LUBND xã Hòa Bình&amp;CBáo cáo tổng hợp – Tháng 3/2026&amp;RTính đến 25/03/2026 09:00</oddHeader>");
    expect(sheet).toContain("<oddFooter>&amp;LTổng hợp báo cáo Bình dân học vụ số&amp;RTrang &amp;P/&amp;N</oddFooter>");
  });

  it("prints a wide per-unit sheet at full size, its label columns repeated on every page", async () => {
    const { bytes } = await saved(30);
    const workbook = xml(bytes, "xl/workbook.xml");
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="1">'Tổng hợp theo đơn vị'!$A:$B,'Tổng hợp theo đơn vị'!$5:$6</definedName>`);
    const sheet = sheetXml(bytes, SHEETS.byUnit);
    expect(sheet).not.toContain("fitToPage");
    expect(pageSetup(sheet)).toMatchObject({ paperSize: "9", orientation: "landscape", scale: "100" });
  });

  it("keeps one print area per sheet through a save, an open and another save", async () => {
    const { bytes, b } = await saved(3);
    const reopened = await WorkbookStore.fromBytes(bytes);
    await reopened.writeSheets(outputs(b), SHEETS.consolidated);
    const workbook = xml(await reopened.toBytes(), "xl/workbook.xml");
    expect(workbook.match(/_xlnm\.Print_Area/g)).toHaveLength(3);
    expect(workbook.match(/_xlnm\.Print_Titles/g)).toHaveLength(3);
  });
});

describe("the Office.js store", () => {
  it("adds the sheets for paper before the others and lays each out for A4 as its spec says", async () => {
    const wb = new FakeWorkbook();
    const store = createExcelStore(wb.run, { supports: () => true });
    const b = book(30);
    await store.writeSheets([...inputSheetSpecs(b), ...importSheets(b)]);
    const specs = outputs(b);
    await store.writeSheets(specs, SHEETS.consolidated);
    expect(wb.sheets.slice(0, 3).map((s) => s.name)).toEqual(PAPER);
    expect(wb.sheets[3].name).toBe(SHEETS.settings);

    const report = wb.sheet(SHEETS.consolidated)!;
    // One page wide, as many tall as the rows need (0: automatic); only the parts of the bands given are set.
    expect(report.page).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printArea: "A1:L32",
      printTitleRows: "$7:$7",
      headersFooters: {
        leftHeader: "UBND xã Hòa Bình",
        centerHeader: "Báo cáo tổng hợp – Tháng 3/2026",
        rightHeader: "Tính đến 25/03/2026 09:00",
        leftFooter: "Tổng hợp báo cáo Bình dân học vụ số",
        rightFooter: "Trang &P/&N",
      },
    });
    const byUnit = wb.sheet(SHEETS.byUnit)!;
    expect(byUnit.page).toMatchObject({ zoom: { scale: 100 }, printTitleColumns: "$A:$B", printTitleRows: "$5:$6" });
    // Names, units and kinds wrap in their narrow columns, every cell of the table body aligned to the top.
    expect(report.formats).toContainEqual({ address: "C8:E34", wrapText: true });
    expect(report.formats).toContainEqual({ address: "A8:L34", verticalAlignment: "Top" });
    // Every row the core measured gets its height, the header row's with its wrapping.
    const heights = specs.find((s) => s.name === SHEETS.consolidated)!.rowHeights!;
    expect(heights.length).toBeGreaterThan(1);
    const set = report.formats.flatMap((f) => {
      const box = parseRangeAddress(f.address);
      return box && typeof f.rowHeight === "number" ? Array.from({ length: box.bottom - box.top + 1 }, (_, k) => ({ row: box.top + k, points: f.rowHeight })) : [];
    });
    expect(set).toEqual(expect.arrayContaining(heights));
    expect(set).toHaveLength(heights.length);
    // Sheets not for paper get no page setup at all.
    expect(wb.sheet(SHEETS.data)!.page).toEqual({ headersFooters: {} });

    await store.writeSheets(specs, SHEETS.consolidated);
    expect(wb.sheets.slice(0, 4).map((s) => s.name)).toEqual([...PAPER, SHEETS.settings]);
  });
});
