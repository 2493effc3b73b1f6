// Random product sheets patched into random existing workbooks, written as different producers write
// them (Excel, openpyxl, the OpenXML SDK's "x:" prefixes, LibreOffice, WPS): the sheets read back as the
// specs say, and every part of the clerk's is the same bytes as before.
import fc from "fast-check";
import { unzipSync, zipSync, strToU8 } from "fflate";
import { columnName } from "../src/core/address";
import { SHEETS } from "../src/core/master-sheets";
import type { FillRange, OutValue, SheetSpec } from "../src/core/types";
import { readWorkbook } from "../src/io/xlsx";
import { patchMasterPackage, readMasterPackage } from "../src/io/xlsx-package";
import { sheetMismatches } from "./helpers/master-specs";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const T = "application/vnd.openxmlformats-officedocument.spreadsheetml";
const PRODUCT_NAMES = Object.values(SHEETS) as string[];

interface Producer {
  /** Element prefix for the SpreadsheetML namespace ("x:" as the OpenXML SDK writes it), "" for default. */
  prefix: "" | "x:";
  absoluteTargets: boolean;
  sharedStrings: boolean;
  /** Sheet part file names: sheetN.xml, or names of the producer's choosing. */
  partNames: "standard" | "odd";
  relIds: "rId" | "random";
  styles: "excel" | "minimal" | "none";
  calcChain: boolean;
  calcPr: boolean;
  bookViews: boolean;
  date1904: boolean;
  /** A name scoped to each sheet (a print area of the clerk's, a named cell). */
  sheetNames: boolean;
}

interface ExistingSheet {
  name: string;
  rows: (string | number | null)[][];
  hidden: boolean;
}

interface Existing {
  producer: Producer;
  sheets: ExistingSheet[];
  activeTab: number;
}

const producerArb: fc.Arbitrary<Producer> = fc.record({
  prefix: fc.constantFrom("" as const, "x:" as const),
  absoluteTargets: fc.boolean(),
  sharedStrings: fc.boolean(),
  partNames: fc.constantFrom("standard" as const, "odd" as const),
  relIds: fc.constantFrom("rId" as const, "random" as const),
  styles: fc.constantFrom("excel" as const, "minimal" as const, "none" as const),
  calcChain: fc.boolean(),
  calcPr: fc.boolean(),
  bookViews: fc.boolean(),
  sheetNames: fc.boolean(),
  date1904: fc.boolean(),
});

const clerkText = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("Ghi chú", "Xã Tân Lập", "=SUM(A1:A3)", "  lề  ", "a&b<c>"));
const clerkCell = fc.oneof(clerkText, fc.integer({ min: -1000, max: 100000 }), fc.constant(null));
const clerkSheetName = fc.constantFrom("Biểu đồ", "Ghi chú", "Sheet1", "Phân tích", "Theo dõi", "Báo cáo xã", "Nháp");

const existingArb: fc.Arbitrary<Existing> = fc
  .record({
    producer: producerArb,
    clerk: fc.uniqueArray(clerkSheetName, { minLength: 1, maxLength: 3 }),
    product: fc.subarray([SHEETS.data, SHEETS.log, SHEETS.consolidated, SHEETS.units] as string[]),
    rows: fc.array(fc.array(clerkCell, { maxLength: 4 }), { maxLength: 5 }),
    hiddenProduct: fc.boolean(),
    order: fc.nat(),
    active: fc.nat(),
  })
  .map(({ producer, clerk, product, rows, hiddenProduct, order, active }) => {
    const sheets: ExistingSheet[] = [...clerk.map((name) => ({ name, rows, hidden: false })), ...product.map((name, i) => ({ name, rows: [["cũ", i]], hidden: hiddenProduct && i === 0 }))];
    // Interleave the clerk's and the product's sheets in some order.
    const rotated = [...sheets.slice(order % sheets.length), ...sheets.slice(0, order % sheets.length)];
    return { producer, sheets: rotated, activeTab: active % rotated.length };
  });

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The existing workbook, written part by part as its producer would, and its sheets' part names. */
function existingPackage({ producer: p, sheets, activeTab }: Existing): { bytes: Uint8Array; sheetParts: string[] } {
  const x = p.prefix;
  const ns = x ? `xmlns:x="${MAIN}"` : `xmlns="${MAIN}"`;
  const strings: string[] = [];
  const parts: Record<string, string> = {};
  const id = (i: number) => (p.relIds === "rId" ? `rId${i + 1}` : `R${(i * 2654435761) % 65536}x${i}`);
  const part = (i: number) => (p.partNames === "standard" ? `xl/worksheets/sheet${i + 1}.xml` : `xl/worksheets/${["tong hop", "du-lieu", "Sheet_A", "x"][i % 4]}${i}.xml`);
  const target = (name: string) => (p.absoluteTargets ? `/${name}` : name.replace(/^xl\//, ""));
  sheets.forEach((sheet, i) => {
    const rows = sheet.rows
      .map((row, r) => {
        const cells = row
          .map((v, c) => {
            if (v === null) return "";
            const ref = `${columnName(c)}${r + 1}`;
            if (typeof v === "number") return `<${x}c r="${ref}"><${x}v>${v}</${x}v></${x}c>`;
            if (p.sharedStrings) return `<${x}c r="${ref}" t="s"><${x}v>${strings.push(v) - 1}</${x}v></${x}c>`;
            return `<${x}c r="${ref}" t="inlineStr"><${x}is><${x}t xml:space="preserve">${escape(v)}</${x}t></${x}is></${x}c>`;
          })
          .join("");
        return `<${x}row r="${r + 1}">${cells}</${x}row>`;
      })
      .join("");
    const view = `<${x}sheetViews><${x}sheetView${i === activeTab ? ' tabSelected="1"' : ""} workbookViewId="0"/></${x}sheetViews>`;
    parts[part(i)] = `<?xml version="1.0" encoding="UTF-8"?><${x}worksheet ${ns}>${view}<${x}sheetData>${rows}</${x}sheetData></${x}worksheet>`;
  });
  const rels = sheets.map((_, i) => [id(i), "worksheet", part(i)]);
  if (p.sharedStrings) {
    parts["xl/sharedStrings.xml"] = `<${x}sst ${ns} count="${strings.length}">${strings.map((s) => `<${x}si><${x}t xml:space="preserve">${escape(s)}</${x}t></${x}si>`).join("")}</${x}sst>`;
    rels.push([id(90), "sharedStrings", "xl/sharedStrings.xml"]);
  }
  if (p.styles !== "none") {
    parts["xl/styles.xml"] =
      p.styles === "minimal"
        ? `<${x}styleSheet ${ns}><${x}cellXfs count="1"><${x}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${x}cellXfs></${x}styleSheet>`
        : `<${x}styleSheet ${ns}><${x}numFmts count="1"><${x}numFmt numFmtId="168" formatCode="dd/mm/yyyy"/></${x}numFmts><${x}fonts count="1"><${x}font><${x}sz val="10"/><${x}name val="Arial"/></${x}font></${x}fonts>` +
          `<${x}fills count="2"><${x}fill><${x}patternFill patternType="none"/></${x}fill><${x}fill><${x}patternFill patternType="gray125"/></${x}fill></${x}fills><${x}borders count="1"><${x}border/></${x}borders>` +
          `<${x}cellStyleXfs count="1"><${x}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${x}cellStyleXfs><${x}cellXfs count="2"><${x}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><${x}xf numFmtId="168" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></${x}cellXfs></${x}styleSheet>`;
    rels.push([id(91), "styles", "xl/styles.xml"]);
  }
  if (p.calcChain) {
    parts["xl/calcChain.xml"] = `<${x}calcChain ${ns}><${x}c r="A1" i="1"/></${x}calcChain>`;
    rels.push([id(92), "calcChain", "xl/calcChain.xml"]);
  }
  const sheetList = sheets.map((s, i) => `<${x}sheet name="${escape(s.name)}" sheetId="${i + 3}"${s.hidden ? ' state="hidden"' : ""} r:id="${id(i)}"/>`).join("");
  parts["xl/workbook.xml"] =
    `<?xml version="1.0" encoding="UTF-8"?><${x}workbook ${ns} xmlns:r="${REL}"><${x}workbookPr${p.date1904 ? ' date1904="1"' : ""}/>` +
    (p.bookViews ? `<${x}bookViews><${x}workbookView activeTab="${activeTab}"/></${x}bookViews>` : "") +
    `<${x}sheets>${sheetList}</${x}sheets>` +
    (p.sheetNames ? `<${x}definedNames>${sheets.map((s, i) => `<${x}definedName name="${i % 2 ? "_xlnm.Print_Area" : `Vung${i}`}" localSheetId="${i}">'${escape(s.name)}'!$A$1:$B$2</${x}definedName>`).join("")}</${x}definedNames>` : "") +
    `${p.calcPr ? `<${x}calcPr calcId="122211"/>` : ""}</${x}workbook>`;
  parts["xl/_rels/workbook.xml.rels"] = `<Relationships xmlns="${PKG}">${rels.map(([i, type, to]) => `<Relationship Id="${i}" Type="${REL}/${type}" Target="${target(to)}"/>`).join("")}</Relationships>`;
  parts["_rels/.rels"] = `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${p.absoluteTargets ? "/" : ""}xl/workbook.xml"/></Relationships>`;
  const overrides = [
    ["xl/workbook.xml", `${T}.sheet.main+xml`],
    ...sheets.map((_, i) => [part(i), `${T}.worksheet+xml`]),
    ...(p.sharedStrings ? [["xl/sharedStrings.xml", `${T}.sharedStrings+xml`]] : []),
    ...(p.styles !== "none" ? [["xl/styles.xml", `${T}.styles+xml`]] : []),
    ...(p.calcChain ? [["xl/calcChain.xml", `${T}.calcChain+xml`]] : []),
  ];
  parts["[Content_Types].xml"] =
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    overrides.map(([n, t]) => `<Override PartName="/${n}" ContentType="${t}"/>`).join("") +
    `</Types>`;
  return { bytes: zipSync(Object.fromEntries(Object.entries(parts).map(([n, t]) => [n, strToU8(t)]))), sheetParts: sheets.map((_, i) => part(i)) };
}

const FORMATS_FOR_NUMBERS = ["", "0", "#,##0", "0.0%", "#,##0.####", "@"];
const DATE_FORMATS = ["dd/mm/yyyy", "dd/mm/yyyy hh:mm"];
const outValue: fc.Arbitrary<OutValue> = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 10 }),
  fc.constantFrom("=1+1", "+84 912", "-5", "@user", "_x0041_", "a\r\nb", "\u0001\u0008", " lề ", "Tổng hợp", "ầ\u0300"),
  fc.double({ noNaN: true }),
  fc.integer(),
  fc.boolean(),
  fc.date({ min: new Date("1904-01-02T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => new Date(Math.round(d.getTime() / 1000) * 1000)),
  fc.constant(null),
);

function formatFor(value: OutValue, pick: number): string {
  if (value instanceof Date) return [...DATE_FORMATS, ""][pick % 3];
  return FORMATS_FOR_NUMBERS[pick % FORMATS_FOR_NUMBERS.length];
}

const specArb = (name: string): fc.Arbitrary<SheetSpec> =>
  fc
    .record({
      values: fc.array(fc.array(outValue, { maxLength: 6 }), { maxLength: 8 }),
      picks: fc.array(fc.nat(), { minLength: 48, maxLength: 48 }),
      fills: fc.array(fc.record({ top: fc.nat(8), left: fc.nat(5), height: fc.nat(2), width: fc.nat(2), color: fc.constantFrom("C6EFCE", "FFEB9C", "ffc7ce"), font: fc.option(fc.constantFrom("006100", "9C0006")) }), { maxLength: 3 }),
      bold: fc.subarray([0, 1, 2, 5]),
      wrap: fc.subarray([0, 3]),
      widths: fc.array(fc.integer({ min: 0, max: 80 }), { maxLength: 6 }),
      freeze: fc.record({ rows: fc.nat(3), columns: fc.nat(2) }),
      bars: fc.option(fc.record({ top: fc.nat(4), left: fc.nat(4) })),
      print: fc.option(
        fc.record({
          fit: fc.nat(2),
          area: fc.option(fc.record({ bottom: fc.nat(8), right: fc.nat(5) })),
          titleRows: fc.option(fc.nat(3)),
          titleColumns: fc.option(fc.nat(2)),
          header: fc.option(fc.constantFrom("UBND xã A && B", "Tính đến &D", "")),
        }),
      ),
      leading: fc.boolean(),
      heights: fc.uniqueArray(fc.record({ row: fc.nat(9), points: fc.constantFrom(15, 30, 45.5) }), { selector: (h) => h.row, maxLength: 3 }),
      wrapColumns: fc.subarray([0, 1, 4]),
    })
    .map((r) => ({
      name,
      values: r.values,
      numberFormats: r.values.map((row, i) => row.map((v, c) => formatFor(v, r.picks[(i * 6 + c) % 48]))),
      fills: r.fills.map((f): FillRange => ({ range: { top: f.top, left: f.left, bottom: f.top + f.height, right: f.left + f.width }, color: f.color, fontColor: f.font ?? undefined })),
      boldRows: r.bold,
      wrapRows: r.wrap,
      columnWidths: r.widths,
      freeze: r.freeze,
      bars: r.bars ? { top: r.bars.top, left: r.bars.left, bottom: r.bars.top + 2, right: r.bars.left } : undefined,
      rowHeights: r.heights,
      wrapColumns: r.wrapColumns,
      leading: r.leading,
      print: r.print
        ? {
            paper: "A4" as const,
            orientation: r.print.fit ? ("landscape" as const) : ("portrait" as const),
            fitToWidth: r.print.fit,
            fitToHeight: 0,
            area: r.print.area ? { top: 0, left: 0, ...r.print.area } : undefined,
            titleRows: r.print.titleRows === null ? undefined : { first: r.print.titleRows, last: r.print.titleRows + 1 },
            titleColumns: r.print.titleColumns === null ? undefined : { first: 0, last: r.print.titleColumns },
            header: r.print.header === null ? undefined : { center: r.print.header },
          }
        : undefined,
    }));

const specsArb: fc.Arbitrary<SheetSpec[]> = fc
  .uniqueArray(fc.constantFrom(...PRODUCT_NAMES), { minLength: 1, maxLength: 4 })
  .chain((names) => fc.tuple(...names.map(specArb)));

test("random product sheets patched into random existing workbooks read back as specified, the clerk's parts untouched", () => {
  fc.assert(
    fc.property(existingArb, specsArb, fc.option(fc.nat()), (existing, specs, activate) => {
      const { bytes: original, sheetParts } = existingPackage(existing);
      const before = unzipSync(original);
      const patched = patchMasterPackage(original, specs, { activate: activate === null ? undefined : specs[activate % specs.length].name });
      const names = specs.map((s) => s.name);
      const read = readMasterPackage(patched.bytes, names);
      for (const spec of specs) expect(sheetMismatches(read.grids[spec.name], spec)).toEqual([]);

      // Every part that is neither a product sheet written now nor a shared entry is the same bytes.
      const after = unzipSync(patched.bytes);
      const owned = new Set(["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/calcChain.xml"]);
      existing.sheets.forEach((s, i) => names.includes(s.name) && owned.add(sheetParts[i]));
      for (const name of Object.keys(before)) if (!owned.has(name)) expect([name, after[name]]).toEqual([name, before[name]]);
      expect(after["xl/calcChain.xml"]).toBeUndefined();
      expect(new TextDecoder().decode(after["xl/workbook.xml"])).toMatch(/calcPr[^>]*fullCalcOnLoad="1"/);

      // The sheets there before keep their order and visibility (the clerk's their cells); a new sheet for
      // paper goes before the first of them that is not for paper, in the order of the specs, any other
      // new sheet after them all (types.ts, `leading`).
      const whole = readWorkbook(patched.bytes).sheets;
      const previous = readWorkbook(original).sheets;
      const there = previous.map((s) => s.name);
      const added = specs.filter((s) => !there.includes(s.name));
      const paper = new Set(specs.filter((s) => s.leading).map((s) => s.name));
      const at = there.findIndex((n) => !paper.has(n));
      const order = at < 0 ? [...there, ...added.map((s) => s.name)] : [...there.slice(0, at), ...added.filter((s) => s.leading).map((s) => s.name), ...there.slice(at), ...added.filter((s) => !s.leading).map((s) => s.name)];
      expect(whole.map((s) => s.name)).toEqual(order);
      expect(whole.filter((s) => there.includes(s.name)).map((s) => s.hidden)).toEqual(previous.map((s) => s.hidden));
      for (const sheet of previous.filter((s) => !names.includes(s.name))) expect(whole.find((s) => s.name === sheet.name)?.rows).toEqual(sheet.rows);

      // Every name scoped to a sheet is on the tab of the sheet its formula names; each print area and
      // title rows the specs ask for is there once.
      const workbook = new TextDecoder().decode(after["xl/workbook.xml"]);
      const scoped = [...workbook.matchAll(/definedName name="([^"]+)" localSheetId="(\d+)">'([^']+)'!/g)];
      for (const [, , tab, sheet] of scoped) expect([tab, whole[Number(tab)]?.name]).toEqual([tab, sheet]);
      for (const spec of specs) {
        const tab = String(order.indexOf(spec.name));
        const has = (name: string) => scoped.filter((m) => m[1] === name && m[2] === tab).length;
        if (spec.print?.area) expect([spec.name, has("_xlnm.Print_Area")]).toEqual([spec.name, 1]);
        if (spec.print?.titleRows || spec.print?.titleColumns) expect([spec.name, has("_xlnm.Print_Titles")]).toEqual([spec.name, 1]);
      }

      // Patching the result again with the same sheets writes the same bytes.
      expect(Buffer.compare(Buffer.from(patchMasterPackage(patched.bytes, specs).bytes), Buffer.from(patched.bytes))).toBe(0);
    }),
    { numRuns: 60 },
  );
});
