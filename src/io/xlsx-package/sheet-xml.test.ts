import type { OutValue, PrintSetup, SheetSpec } from "../../core/types";
import { DEFAULT_READ_LIMITS } from "../xlsx/limits";
import { readWorksheet } from "../xlsx/worksheet";
import { readDateStyles } from "../xlsx/styles";
import { dateToSerial } from "../xlsx/dates";
import { renderSheet } from "./sheet-xml";
import { EMPTY_STYLES_XML, StyleBook } from "./styles";

const NS = { main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main", relationships: "http://schemas.openxmlformats.org/officeDocument/2006/relationships" };

function spec(values: OutValue[][], extra: Partial<SheetSpec> = {}): SheetSpec {
  return { name: "Thử", values, numberFormats: values.map((r) => r.map(() => "")), fills: [], boldRows: [], columnWidths: [], freeze: { rows: 0, columns: 0 }, ...extra };
}

/** The sheet written, then read back with the project's reader (and the styles it needed). */
function roundTrip(s: SheetSpec, date1904 = false): { xml: string; rows: unknown[][] } {
  const styles = new StyleBook(EMPTY_STYLES_XML);
  const xml = renderSheet(s, { styles, date1904, selected: false, carry: {}, namespaces: NS }).join("");
  const dateStyles = readDateStyles(styles.toXml() ?? EMPTY_STYLES_XML);
  return { xml, rows: readWorksheet(xml, s.name, { sharedStrings: [], dateStyles, date1904, limits: DEFAULT_READ_LIMITS }).rows };
}

describe("cell values", () => {
  test("text that looks like a formula stays text: no cell ever gets a formula", () => {
    const texts = ["=SUM(A1:A9)", "+84912345678", "-5", "@user", '=HYPERLINK("http://x","y")'];
    const { xml, rows } = roundTrip(spec([texts]));
    expect(rows).toEqual([texts]);
    expect(xml).not.toMatch(/<f[ >]/);
  });

  test("characters XML cannot hold, OOXML escape look-alikes, markup and edge spaces come back as they were", () => {
    const texts = ["a\u0001b\u001fc", "dòng 1\r\ndòng 2", "_x0041_ giữ nguyên", "a & b < c > d", "  lề hai bên  ", "tab\there", "\uFFFE"];
    expect(roundTrip(spec([texts])).rows).toEqual([texts]);
  });

  test("numbers, booleans and blanks; empty text and non-finite numbers are blank cells", () => {
    const { rows } = roundTrip(spec([[0, -0, 1.5e-300, 123456789012345, true, false, null, "", Number.NaN, Infinity, 7]]));
    expect(rows).toEqual([[0, 0, 1.5e-300, 123456789012345, true, false, null, null, null, null, 7]]);
  });

  test("dates come back as the same wall-clock instant, in the 1900 and the 1904 date systems", () => {
    const dates = [new Date("2026-03-15T00:00:00Z"), new Date("2026-03-15T08:30:15Z"), new Date("1904-01-02T00:00:00Z"), new Date("9999-12-31T00:00:00Z")];
    const s = spec([dates], { numberFormats: [["dd/mm/yyyy", "dd/mm/yyyy hh:mm", "dd/mm/yyyy", "dd/mm/yyyy"]] });
    expect(roundTrip(s).rows).toEqual([dates]);
    expect(roundTrip(s, true).rows).toEqual([dates]);
  });

  test("a date under a format that shows no date still reads back as a date", () => {
    const day = new Date("2026-01-20T00:00:00Z");
    const instant = new Date("2026-01-20T07:45:00Z");
    expect(roundTrip(spec([[day, instant]], { numberFormats: [["", "#,##0"]] })).rows).toEqual([[day, instant]]);
  });

  test("a date Excel cannot show is kept as its ISO text", () => {
    expect(roundTrip(spec([[new Date("1899-01-01T00:00:00Z")]])).rows).toEqual([["1899-01-01T00:00:00.000Z"]]);
    // 1904 workbooks (old Mac masters) start four years later.
    expect(roundTrip(spec([[new Date("1900-03-01T00:00:00Z")]]), true).rows).toEqual([["1900-03-01T00:00:00.000Z"]]);
  });
});

test("serials are Excel's, phantom 29 February 1900 included", () => {
  expect(dateToSerial(new Date("1900-01-01T00:00:00Z"), false)).toBe(1);
  expect(dateToSerial(new Date("1900-02-28T00:00:00Z"), false)).toBe(59);
  expect(dateToSerial(new Date("1900-03-01T00:00:00Z"), false)).toBe(61);
  expect(dateToSerial(new Date("2026-03-15T12:00:00Z"), false)).toBe(46096.5);
  expect(dateToSerial(new Date("1904-01-01T00:00:00Z"), true)).toBe(0);
  expect(dateToSerial(new Date("1899-12-30T06:00:00Z"), false)).toBe(0.25);
  expect(dateToSerial(new Date("1899-12-29T00:00:00Z"), false)).toBeNull();
  expect(dateToSerial(new Date("+010000-01-01T00:00:00Z"), false)).toBeNull();
});

describe("layout", () => {
  const layout = (extra: Partial<SheetSpec>) => roundTrip(spec([["a", "b", "c"], [1, 2, 3]], extra)).xml;

  test("frozen panes: rows, columns, both, none", () => {
    expect(layout({ freeze: { rows: 1, columns: 0 } })).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(layout({ freeze: { rows: 0, columns: 2 } })).toContain('<pane xSplit="2" topLeftCell="C1" activePane="topRight" state="frozen"/>');
    expect(layout({ freeze: { rows: 5, columns: 3 } })).toContain('<pane xSplit="3" ySplit="5" topLeftCell="D6" activePane="bottomRight" state="frozen"/>');
    expect(layout({})).not.toContain("<pane");
  });

  const print: PrintSetup = { paper: "A4", orientation: "landscape", fitToWidth: 1, fitToHeight: 0, header: { left: "UBND xã A && B", right: "Tính đến 25/03" }, footer: { right: "Trang &P/&N" } };

  test("widths merge equal neighbours; a wrapped header row is taller; landscape A4 one page wide, with the header and footer", () => {
    const xml = layout({ columnWidths: [12, 12, 40], wrapRows: [0], print });
    expect(xml).toContain('<cols><col min="1" max="2" width="12" customWidth="1"/><col min="3" max="3" width="40" customWidth="1"/></cols>');
    expect(xml).toMatch(/<row r="1" ht="32" customHeight="1" s="\d+" customFormat="1">/);
    expect(xml).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(xml).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/><headerFooter><oddHeader>&amp;LUBND xã A &amp;&amp; B&amp;RTính đến 25/03</oddHeader><oddFooter>&amp;RTrang &amp;P/&amp;N</oddFooter></headerFooter>');
  });

  test("a sheet too wide to fit prints at 100%; a sheet not for paper has no page setup", () => {
    const xml = layout({ print: { ...print, fitToWidth: 0, header: undefined, footer: undefined } });
    expect(xml).not.toContain("<sheetPr>");
    expect(xml).toContain('<pageSetup paperSize="9" scale="100" orientation="landscape"/></worksheet>');
    expect(layout({})).not.toMatch(/<pageSetup|<headerFooter|fitToPage/);
  });

  test("rows get the heights the spec gives; the body under the frozen rows is aligned to the top, its wrapped columns wrap", () => {
    const styles = new StyleBook(EMPTY_STYLES_XML);
    const s = spec([["Tiêu đề"], ["Mã", "Tên"], ["A", "Một tên dài"], ["B", "Tên"]], { freeze: { rows: 2, columns: 0 }, wrapColumns: [1], rowHeights: [{ row: 2, points: 30 }, { row: 5, points: 45 }] });
    const xml = renderSheet(s, { styles, date1904: false, selected: false, carry: {}, namespaces: NS }).join("");
    expect(xml).toMatch(/<row r="3" ht="30" customHeight="1">/);
    expect(xml).toContain('<row r="6" ht="45" customHeight="1"></row>');
    const xfs = [...(styles.toXml() ?? "").matchAll(/<xf [^>]*?(?:\/>|>.*?<\/xf>)/g)].map((m) => m[0]);
    const styleOf = (cell: string) => xfs[Number(new RegExp(`<c r="${cell}" s="(\\d+)"`).exec(xml)?.[1] ?? 0) + 1] ?? "";
    expect(styleOf("B3")).toContain('<alignment vertical="top" wrapText="1"/>');
    expect(styleOf("A3")).toContain('<alignment vertical="top"/>');
    expect(styleOf("B2")).not.toContain("alignment");
  });

  test("a data bar over its range, solid as Excel's x14 extension draws it", () => {
    const xml = layout({ bars: { top: 1, left: 0, bottom: 1, right: 2 } });
    expect(xml).toContain('<conditionalFormatting sqref="A2:C2"><cfRule type="dataBar" priority="1">');
    expect(xml).toContain('<x14:dataBar minLength="0" maxLength="100" gradient="0">');
    expect(xml).toContain("<xm:sqref>A2:C2</xm:sqref>");
  });

  test("fills reach cells without a value, and the used range covers them", () => {
    const xml = layout({ fills: [{ range: { top: 3, left: 4, bottom: 3, right: 4 }, color: "FFC7CE", fontColor: "9C0006" }] });
    expect(xml).toMatch(/<row r="4"><c r="E4" s="\d+"\/><\/row>/);
    expect(xml).toContain('<dimension ref="A1:E4"/>');
  });

  test("what the clerk set on the old sheet is written back: code name, tab colour, protection, drawing, notes", () => {
    const styles = new StyleBook(EMPTY_STYLES_XML);
    const carry = { codeName: "Sheet2", tabColor: '<tabColor rgb="FFFFC000"/>', protection: '<sheetProtection sheet="1"/>', drawing: "rId1", legacyDrawing: "rId2" };
    const xml = renderSheet(spec([["a"]]), { styles, date1904: false, selected: true, carry, namespaces: NS }).join("");
    expect(xml).toContain('<sheetPr codeName="Sheet2"><tabColor rgb="FFFFC000"/></sheetPr>');
    expect(xml).toContain('<sheetView tabSelected="1" workbookViewId="0">');
    expect(xml).toMatch(/<\/sheetData><sheetProtection sheet="1"\/>.*<drawing r:id="rId1"\/><legacyDrawing r:id="rId2"\/><\/worksheet>$/);
  });
});
