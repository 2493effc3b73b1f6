// Patching a clerk's master workbook: the product's sheets are rewritten and read back as specified,
// and everything of the clerk's is carried over byte for byte.
import { unzipSync, zipSync } from "fflate";
import { SHEETS } from "../src/core/master-sheets";
import { importSheets } from "../src/core/outputs";
import { readWorkbook } from "../src/io/xlsx";
import { readWorkbookWithExceljs } from "../src/io/xlsx/exceljs-grid";
import { MasterPackage, patchMasterPackage, readMasterPackage } from "../src/io/xlsx-package";
import { CLERK_SHEETS, clerkMaster, PRINTER_SETTINGS, productOwnedParts, sheetPart, VBA_PROJECT } from "./helpers/clerk-master";
import { consolidationSpecs, sheetMismatches, smallBook } from "./helpers/master-specs";

const decoder = new TextDecoder();
const specs = consolidationSpecs();
/** Sheets the fixture already has: rewritten in place, in the order of the specs. The others are appended. */
const REWRITTEN = specs.map((s) => s.name).filter((n) => [SHEETS.data, SHEETS.consolidated, SHEETS.status].includes(n as never));
const ADDED = specs.map((s) => s.name).filter((n) => !REWRITTEN.includes(n));

function text(parts: Record<string, Uint8Array>, name: string): string {
  return decoder.decode(parts[name]);
}

describe.each(["openpyxl", "excel"] as const)("a clerk's master in %s layout", (layout) => {
  const original = clerkMaster({ layout });
  const patched = patchMasterPackage(original, specs, { activate: SHEETS.consolidated });
  const before = unzipSync(original);
  const after = unzipSync(patched.bytes);
  const owned = productOwnedParts({ layout });

  test("every part the product does not own is carried over byte for byte", () => {
    const carried = Object.keys(before).filter((name) => !owned.includes(name));
    expect(carried.length).toBeGreaterThan(25);
    for (const name of carried) {
      expect({ name, bytes: after[name] ? Buffer.from(after[name]).toString("base64") : "missing" }).toEqual({ name, bytes: Buffer.from(before[name]).toString("base64") });
    }
    expect(after["xl/vbaProject.bin"]).toEqual(VBA_PROJECT);
    expect(after["xl/printerSettings/printerSettings1.bin"]).toEqual(PRINTER_SETTINGS);
  });

  test("the product's sheets read back as their specs, with the project's reader and with exceljs", async () => {
    const ours = readWorkbook(patched.bytes, { maxSheets: 50 });
    const theirs = layout === "excel" ? await readWorkbookWithExceljs(patched.bytes) : null;
    for (const spec of specs) {
      expect(sheetMismatches(ours.sheets.find((s) => s.name === spec.name)?.rows, spec)).toEqual([]);
      if (theirs) expect(sheetMismatches(theirs.sheets.find((s) => s.name === spec.name)?.rows, spec)).toEqual([]);
    }
    const read = readMasterPackage(patched.bytes, specs.map((s) => s.name));
    for (const spec of specs) expect(sheetMismatches(read.grids[spec.name], spec)).toEqual([]);
  });

  test("the clerk's sheets keep their cells and their order; a new report goes before them (types.ts, `leading`), other new sheets last", () => {
    const read = MasterPackage.open(patched.bytes);
    expect(ADDED[0]).toBe(SHEETS.byUnit);
    expect(read.sheets.map((s) => s.name)).toEqual([SHEETS.byUnit, ...CLERK_SHEETS, ...ADDED.slice(1)]);
    expect(read.find(SHEETS.status)?.visibility).toBe("hidden");
    expect(read.grids(["Đơn vị"])["Đơn vị"]).toEqual([["Mã đơn vị", "Tên đơn vị"], ["X01", "Xã Tân Lập"], ["X02", "Xã Hòa Bình"]]);
    expect(patched.replaced).toEqual(REWRITTEN);
    expect(patched.added).toEqual(ADDED);
  });

  test("the workbook is marked to recalculate on open and keeps its protection, names, pivot caches and extensions", () => {
    const workbook = text(after, "xl/workbook.xml");
    expect(workbook).toMatch(/<calcPr calcId="191029" fullCalcOnLoad="1"\/>/);
    expect(workbook).toContain('lockStructure="1"/>');
    expect(workbook).toContain("<mc:AlternateContent");
    expect(workbook).toContain('<pivotCaches><pivotCache cacheId="5" r:id="R2b"/></pivotCaches>');
    expect(workbook).toContain("<x15:workbookPr chartTrackingRefBase=\"1\"/>");
    expect(workbook).toContain(`<definedName name="TyLeMucTieu">0.8</definedName>`);
    expect(workbook).toContain(`<definedName name="DuLieuDong">OFFSET('Dữ liệu'!$A$1,0,0,COUNTA('Dữ liệu'!$A:$A),11)</definedName>`);
    expect(workbook).toContain(`<definedName name="CotKy">'Dữ liệu'!$A:$A</definedName>`);
    // Every name scoped to a sheet is on the tab of the sheet its formula names.
    const tabs = MasterPackage.open(patched.bytes).sheets.map((s) => s.name);
    const scoped = [...workbook.matchAll(/<definedName name="[^"]+" localSheetId="(\d+)"[^>]*>'([^']+)'!/g)];
    expect(scoped.length).toBeGreaterThan(6);
    for (const [, tab, sheet] of scoped) expect([tab, tabs[Number(tab)]]).toEqual([tab, sheet]);
    // The names scoped to a sheet follow it one tab along, past the report added before the clerk's sheets.
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="2">'Dữ liệu'!$1:$1</definedName>`);
    // The reports print their table and repeat their header rows (types.ts, PrintSetup): one name each.
    const tab = (name: string) => MasterPackage.open(patched.bytes).sheets.findIndex((s) => s.name === name);
    for (const name of [SHEETS.consolidated, SHEETS.byUnit, SHEETS.status]) {
      const p = specs.find((s) => s.name === name)!.print!;
      const names = [...workbook.matchAll(new RegExp(`<definedName name="(_xlnm\\.Print_\\w+)" localSheetId="${tab(name)}">([^<]*)<`, "g"))].map((m) => [m[1], m[2]]);
      expect(names).toEqual([
        ["_xlnm.Print_Area", `'${name}'!$A$1:$${String.fromCharCode(65 + p.area!.right)}$${p.area!.bottom + 1}`],
        ["_xlnm.Print_Titles", `'${name}'!$${p.titleRows!.first + 1}:$${p.titleRows!.last + 1}`],
      ]);
    }
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="1">'Biểu đồ'!$A$1:$H$30</definedName>`);
    expect(workbook).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="3" hidden="1">`);
    // The old data sheet's print area described its old cells.
    expect(workbook).not.toContain(`'Dữ liệu'!$A$1:$K$4`);
    // The workbook part outside the edited elements is the original text.
    const original = text(before, "xl/workbook.xml");
    expect(workbook.slice(0, workbook.indexOf("<bookViews>"))).toBe(original.slice(0, original.indexOf("<bookViews>")));
  });

  test("the calculation chain goes, with its relationship and content type; the .xlsm content type stays", () => {
    expect(after["xl/calcChain.xml"]).toBeUndefined();
    expect(text(after, "xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
    const types = text(after, "[Content_Types].xml");
    expect(types).not.toContain("calcChain");
    expect(types).toContain('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>');
    expect(types).toContain('<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>');
    for (const name of Object.keys(after).filter((n) => !before[n])) expect(types).toContain(`PartName="/${name}"`);
  });

  test("a rewritten sheet keeps the clerk's code name, tab colour, protection and notes, and drops what described its old cells", () => {
    const dataPart = sheetPart("data", { layout });
    const data = text(after, dataPart);
    expect(data).toContain('<sheetPr codeName="Sheet2"><tabColor rgb="FFFFC000"/></sheetPr>');
    expect(data).toContain('<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" autoFilter="0"/>');
    expect(data).toContain('<legacyDrawing r:id="rId2"/>');
    expect(data).not.toContain("conditionalFormatting");
    const rels = text(after, dataPart.replace("worksheets/", "worksheets/_rels/") + ".rels");
    expect(rels).toContain("comments1.xml");
    expect(rels).toContain("vmlDrawing1.vml");
    expect(rels).not.toContain("printerSettings");
  });

  test("the existing styles keep their indices and the product's formats are appended once", () => {
    const styles = text(after, "xl/styles.xml");
    const originalStyles = text(before, "xl/styles.xml");
    for (const section of ["numFmts", "fonts", "fills", "borders", "cellXfs"]) {
      const inner = (xml: string) => xml.slice(xml.indexOf(">", xml.indexOf(`<${section}`)) + 1, xml.indexOf(`</${section}>`));
      expect(inner(styles).startsWith(inner(originalStyles))).toBe(true);
    }
    // "0.0%" already has id 164 in this workbook: reused, not added twice.
    expect(styles.match(/formatCode="0\.0%"/g)).toHaveLength(1);
  });

  test("patching the patched workbook again changes nothing", () => {
    const again = patchMasterPackage(patched.bytes, specs, { activate: SHEETS.consolidated });
    expect(Buffer.compare(Buffer.from(again.bytes), Buffer.from(patched.bytes))).toBe(0);
  });
});

describe("the tab the workbook opens on", () => {
  function selectedSheets(bytes: Uint8Array): string[] {
    const parts = unzipSync(bytes);
    return Object.keys(parts).filter((n) => /worksheets\/[^/]+\.xml$/.test(n) && decoder.decode(parts[n]).includes('tabSelected="1"'));
  }

  test("stays on the clerk's sheet when that sheet is selected in its own XML: moving would group two tabs", () => {
    const patched = patchMasterPackage(clerkMaster({ activeTab: 0 }), specs, { activate: SHEETS.consolidated });
    expect(patched.activeSheet).toBe("Biểu đồ");
    expect(decoder.decode(unzipSync(patched.bytes)["xl/workbook.xml"])).toMatch(/activeTab="1"/);
    expect(selectedSheets(patched.bytes)).toEqual([sheetPart("clerk-chart")]);
  });

  test("moves to the requested sheet when the open tab is one the product rewrites", () => {
    const patched = patchMasterPackage(clerkMaster({ activeTab: 1 }), specs, { activate: SHEETS.consolidated });
    expect(patched.activeSheet).toBe(SHEETS.consolidated);
    // Tab 4 before, one along since the per-unit report went before the clerk's sheets.
    expect(decoder.decode(unzipSync(patched.bytes)["xl/workbook.xml"])).toMatch(/activeTab="5"/);
    expect(selectedSheets(patched.bytes)).toEqual([sheetPart("summary")]);
  });

  test("never moves to a hidden sheet", () => {
    const patched = patchMasterPackage(clerkMaster({ activeTab: 1 }), specs, { activate: SHEETS.status });
    expect(patched.activeSheet).toBe(SHEETS.data);
  });
});

describe("a new workbook", () => {
  const book = smallBook();
  const all = [...importSheets(book), ...specs.filter((s) => !importSheets(book).some((i) => i.name === s.name))];
  const created = patchMasterPackage(null, all, { activate: SHEETS.consolidated, now: new Date("2026-03-01T00:00:00Z") });

  test("holds the specs' sheets in order, opens on the requested one, and reads back with both readers", async () => {
    expect(created.activeSheet).toBe(SHEETS.consolidated);
    const ours = readWorkbook(created.bytes);
    const theirs = await readWorkbookWithExceljs(created.bytes);
    expect(ours.sheets.map((s) => s.name)).toEqual(all.map((s) => s.name));
    expect(theirs.sheets.map((s) => s.name)).toEqual(all.map((s) => s.name));
    for (const spec of all) {
      expect(sheetMismatches(ours.sheets.find((s) => s.name === spec.name)?.rows, spec)).toEqual([]);
      expect(sheetMismatches(theirs.sheets.find((s) => s.name === spec.name)?.rows, spec)).toEqual([]);
    }
    expect(ours.modifiedAt).toEqual(new Date("2026-03-01T00:00:00Z"));
  });

  test("text that looks like a formula stays text", () => {
    const parts = unzipSync(created.bytes);
    const xml = Object.keys(parts)
      .filter((n) => n.startsWith("xl/worksheets/"))
      .map((n) => decoder.decode(parts[n]))
      .join("");
    expect(xml).toContain("=HYPERLINK(&quot;http://x&quot;) X01.xlsx".replace(/&quot;/g, '"'));
    expect(xml).not.toMatch(/<f[ >]/);
  });
});

test("a master saved as Strict Open XML gets its new sheets in the strict namespaces", () => {
  const [first, ...rest] = specs;
  const transitional = unzipSync(patchMasterPackage(null, [first]).bytes);
  const strict: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(transitional)) {
    const xml = decoder
      .decode(bytes)
      .split("http://schemas.openxmlformats.org/spreadsheetml/2006/main").join("http://purl.oclc.org/ooxml/spreadsheetml/main")
      .split("http://schemas.openxmlformats.org/officeDocument/2006/relationships").join("http://purl.oclc.org/ooxml/officeDocument/relationships");
    strict[name] = new TextEncoder().encode(xml);
  }
  const patched = patchMasterPackage(zipSync(strict), specs);
  expect(patched.replaced).toEqual([first.name]);
  expect(patched.added).toEqual(rest.map((s) => s.name));
  const after = unzipSync(patched.bytes);
  const sheets = Object.keys(after).filter((n) => n.startsWith("xl/worksheets/sheet"));
  for (const name of sheets) expect(decoder.decode(after[name])).toContain('xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"');
  expect(decoder.decode(after["xl/_rels/workbook.xml.rels"])).not.toContain("schemas.openxmlformats.org/officeDocument");
  const read = readMasterPackage(patched.bytes, specs.map((s) => s.name));
  for (const spec of specs) expect(sheetMismatches(read.grids[spec.name], spec)).toEqual([]);
});
