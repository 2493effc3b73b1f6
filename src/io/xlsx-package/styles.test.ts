import { readDateStyles } from "../xlsx/styles";
import { EMPTY_STYLES_XML, StyleBook, type CellLook } from "./styles";

const CLERK_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
  `<numFmts count="1"><numFmt numFmtId="170" formatCode="dd/mm/yyyy"/></numFmts>` +
  `<fonts count="1"><font><sz val="10"/><name val="Arial"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="170" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

const LOOKS: CellLook[] = [
  { numFmt: "@", bold: false, wrap: false },
  { numFmt: "#,##0.####", bold: false, wrap: false },
  { numFmt: "dd/mm/yyyy", bold: false, wrap: false },
  { numFmt: "dd/mm/yyyy hh:mm", bold: true, wrap: true, fill: "DDEBF7" },
  { numFmt: "0.0%", bold: false, wrap: false, fill: "C6EFCE", fontColor: "006100" },
];

function section(xml: string, name: string): string {
  const open = xml.indexOf(`<${name}`);
  return xml.slice(xml.indexOf(">", open) + 1, xml.indexOf(`</${name}>`));
}

test("the clerk's entries keep their indices; the product's are appended, identical ones reused", () => {
  const book = new StyleBook(CLERK_STYLES);
  const ids = LOOKS.map((look) => book.styleOf(look));
  const xml = book.toXml()!;
  for (const name of ["numFmts", "fonts", "fills", "cellXfs"]) expect(section(xml, name).startsWith(section(CLERK_STYLES, name))).toBe(true);
  // A plain "dd/mm/yyyy" cell is exactly the clerk's cell format 1; the others are new.
  expect(ids[2]).toBe(1);
  expect(ids.filter((_, i) => i !== 2).every((id) => id >= 2)).toBe(true);
  // "dd/mm/yyyy" is the clerk's 170: no second entry for it.
  expect(xml.match(/formatCode="dd\/mm\/yyyy"/g)).toHaveLength(1);
  expect(xml).toMatch(/<cellXfs count="\d+">/);
  const dates = readDateStyles(xml);
  expect(ids.map((id) => dates[id])).toEqual([false, false, true, true, false]);
});

test("patching styles that already hold the product's entries adds nothing", () => {
  const first = new StyleBook(CLERK_STYLES);
  const ids = LOOKS.map((look) => first.styleOf(look));
  const again = new StyleBook(first.toXml()!);
  expect(LOOKS.map((look) => again.styleOf(look))).toEqual(ids);
  expect(again.toXml()).toBeNull();
});

test("styles written with an x: prefix get prefixed entries; missing sections are created in schema order", () => {
  const prefixed = `<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:cellXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></x:cellXfs></x:styleSheet>`;
  const book = new StyleBook(prefixed);
  book.styleOf({ numFmt: "0.0%", bold: true, wrap: false, fill: "FFEB9C" });
  const xml = book.toXml()!;
  expect(xml.indexOf("<x:numFmts")).toBeLessThan(xml.indexOf("<x:fonts"));
  expect(xml.indexOf("<x:fonts")).toBeLessThan(xml.indexOf("<x:fills"));
  expect(xml.indexOf("<x:borders")).toBeLessThan(xml.indexOf("<x:cellXfs"));
  expect(xml).not.toMatch(/<(font|fill|xf|numFmt)[ >]/);
  // The cell formats keep index 0 and gain the product's.
  expect(section(xml, "x:cellXfs").startsWith('<x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>')).toBe(true);
});

test("a new workbook's styles give index 0 its meaning: default font, the two reserved fills, no border", () => {
  const book = new StyleBook(EMPTY_STYLES_XML);
  expect(book.styleOf({ numFmt: "", bold: false, wrap: false })).toBe(0);
  expect(book.toXml()).toBeNull();
});

test.each([
  ["an empty <styleSheet/>", `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xml:space="preserve"/>`],
  ["empty sections written <fonts/>", `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="0"/><fills/><cellXfs count="0"/></styleSheet>`],
])("%s gets the sections it lacks, in schema order", (_, xml) => {
  const book = new StyleBook(xml);
  expect(book.styleOf({ numFmt: "dd/mm/yyyy hh:mm", bold: true, wrap: true, fill: "DDEBF7" })).toBeGreaterThan(0);
  const out = book.toXml()!;
  const order = ["<numFmts", "<fonts", "<fills", "<borders", "<cellStyleXfs", "<cellXfs"].map((tag) => out.indexOf(tag));
  expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]))).toBe(true);
  expect(readDateStyles(out).length).toBeGreaterThan(1);
});
