// The workbook reader on workbooks a unit could send: values, dates, merges, hidden sheets, and the
// odd shapes other generators produce (inline strings, missing cell references, prefixes, escapes).
import ExcelJS from "exceljs";
import fc from "fast-check";
import { strToU8, unzipSync, zipSync } from "fflate";
import type { CellValue } from "../src/core/types";
import { readWorkbook, sniffFormat } from "../src/io/xlsx";
import { readWorkbookWithExceljs } from "../src/io/xlsx/exceljs-grid";

async function xlsxBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const WORKBOOK_RELS = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/XL/Worksheets/Sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>`;

/** A hand-written package, the way non-Excel generators write them. */
function handMadeXlsx(sheetXml: string, options: { sharedStrings?: string; workbookPr?: string } = {}): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8("<Types/>"),
    "_rels/.rels": strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(
      `<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${options.workbookPr ?? ""}<x:sheets><x:sheet name="Báo cáo &amp; tổng hợp" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(WORKBOOK_RELS),
    "xl/worksheets/sheet1.xml": strToU8(sheetXml),
    ...(options.sharedStrings ? { "xl/sharedStrings.xml": strToU8(options.sharedStrings) } : {}),
  });
}

describe("readWorkbook on exceljs-written workbooks", () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await xlsxBytes((wb) => {
      wb.modified = new Date("2026-03-18T02:30:00Z");
      const ws = wb.addWorksheet("Báo cáo");
      ws.getCell("A1").value = "Đơn vị: Xã Tân Phú";
      ws.mergeCells("A1:D1");
      ws.getCell("A2").value = 4500;
      ws.getCell("B2").value = 0.855;
      ws.getCell("B2").numFmt = "0.0%";
      ws.getCell("C2").value = true;
      ws.getCell("D2").value = { error: "#DIV/0!" };
      ws.getCell("A3").value = new Date(Date.UTC(2026, 2, 15));
      ws.getCell("A3").numFmt = "dd/mm/yyyy";
      ws.getCell("B3").value = new Date(Date.UTC(2026, 2, 15, 8, 30));
      ws.getCell("B3").numFmt = '[$-42A]dd/mm/yyyy "lúc" hh:mm';
      ws.getCell("C3").value = 1234567;
      ws.getCell("C3").numFmt = '#,##0 "đ";[Red]-#,##0';
      ws.getCell("D3").value = 5000;
      ws.getCell("D3").numFmt = "[$₫-42A]#,##0";
      ws.getCell("A4").value = { formula: "A2*2", result: 9000 };
      ws.getCell("B4").value = { formula: "A2-A2", result: 0 };
      ws.getCell("C4").value = { formula: 'IF(1,"có","không")', result: "có" };
      ws.getCell("A5").value = { richText: [{ text: "Kết " }, { text: "quả", font: { bold: true } }] };
      ws.getCell("B5").value = { text: "Cổng thông tin", hyperlink: "https://example.vn" };
      ws.getCell("A7").value = "  hai dòng\ncuối  ";
      wb.addWorksheet("Ẩn", { state: "hidden" }).getCell("A1").value = 1;
      wb.addWorksheet("Rất ẩn", { state: "veryHidden" });
    });
  });

  it("reads values as the user sees them, sheets in order with their visibility", () => {
    const wb = readWorkbook(bytes);
    expect(wb.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["Báo cáo", false],
      ["Ẩn", true],
      ["Rất ẩn", true],
    ]);
    const rows = wb.sheets[0].rows;
    expect(rows[0]).toEqual(["Đơn vị: Xã Tân Phú"]);
    expect(rows[1]).toEqual([4500, 0.855, true, "#DIV/0!"]);
    expect(rows[2]).toEqual([new Date(Date.UTC(2026, 2, 15)), new Date(Date.UTC(2026, 2, 15, 8, 30)), 1234567, 5000]);
    expect(rows[3]).toEqual([9000, 0, "có"]);
    expect(rows[4]).toEqual(["Kết quả", "Cổng thông tin"]);
    expect(rows[5]).toEqual([]);
    expect(rows[6]).toEqual(["  hai dòng\ncuối  "]);
    expect(wb.sheets[0].merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
    expect(wb.modifiedAt).toEqual(new Date("2026-03-18T02:30:00Z"));
  });

  it("gives the same sheets as the exceljs reference reader", async () => {
    const ours = readWorkbook(bytes);
    const reference = await readWorkbookWithExceljs(bytes);
    expect(ours.sheets).toEqual(reference.sheets);
  });

  it("honours the 1904 date system", async () => {
    const day = new Date(Date.UTC(2026, 0, 31));
    const bytes1904 = await xlsxBytes((wb) => {
      wb.properties.date1904 = true;
      const cell = wb.addWorksheet("S").getCell("A1");
      cell.value = day;
      cell.numFmt = "d/m/yyyy";
    });
    expect(readWorkbook(bytes1904).sheets[0].rows[0][0]).toEqual(day);
  });

  it("reads any grid of text and numbers exceljs writes", async () => {
    const value = fc.oneof(
      fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s !== ""),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(value, { maxLength: 6 }), { maxLength: 8 }), async (grid) => {
        const file = await xlsxBytes((wb) => {
          const ws = wb.addWorksheet("S");
          grid.forEach((row, r) => row.forEach((v, c) => (ws.getCell(r + 1, c + 1).value = v)));
        });
        const rows = readWorkbook(file).sheets[0].rows;
        grid.forEach((row, r) => row.forEach((v, c) => expect(rows[r][c]).toEqual(Object.is(v, -0) ? 0 : v)));
      }),
      { numRuns: 40 },
    );
  });
});

describe("readWorkbook on hand-made packages", () => {
  it("reads inline strings, cells without references, prefixes, entities and escapes", () => {
    const sheet = `<?xml version="1.0" encoding="UTF-8"?>
<!-- written by a report tool -->
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
<x:row><x:c t="inlineStr"><x:is><x:t>Mã</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:r><x:t xml:space="preserve">Chỉ </x:t></x:r><x:r><x:t>tiêu</x:t></x:r></x:is></x:c></x:row>
<x:row><x:c><x:v>1</x:v></x:c><x:c t="s"><x:v>0</x:v></x:c><x:c t="str"><x:f>A1</x:f><x:v>a &lt; b &amp; &#272;&#x1EA1;t_x000D_</x:v></x:c></x:row>
<x:row r="5"><x:c r="C5" t="d"><x:v>2026-03-15T08:30:00</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c t="b"><x:v>0</x:v></x:c></x:row>
<x:row r="4"><x:c r="B4"><x:v><![CDATA[12.5]]></x:v></x:c><x:c r="A4" s="0"/></x:row>
</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:A2"/></x:mergeCells></x:worksheet>`;
    const sst = `<sst><si><r><t>Người </t></r><r><t>học</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si></sst>`;
    const wb = readWorkbook(handMadeXlsx(sheet, { sharedStrings: sst }));
    expect(wb.sheets).toHaveLength(1);
    expect(wb.sheets[0].name).toBe("Báo cáo & tổng hợp");
    const rows: CellValue[][] = wb.sheets[0].rows;
    expect(rows).toEqual([
      ["Mã", "Chỉ tiêu"],
      [1, "Người học", "a < b & Đạt\r"],
      [],
      [null, 12.5],
      [null, null, new Date(Date.UTC(2026, 2, 15, 8, 30)), "#N/A", false],
    ]);
    expect(wb.sheets[0].merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 0 }]);
    expect(wb.modifiedAt).toBeNull();
  });

  it("turns numbers styled with date formats into wall-clock dates, and leaves other numbers alone", () => {
    const styles = `<styleSheet><numFmts><numFmt numFmtId="164" formatCode="[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy"/><numFmt numFmtId="165" formatCode="#,##0&quot;d&quot;"/><numFmt numFmtId="166" formatCode="[h]:mm"/></numFmts>
<cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="22"><alignment/></xf></cellXfs></styleSheet>`;
    const sheet = `<worksheet><sheetData><row r="1"><c r="A1"><v>46096</v></c><c r="B1" s="1"><v>46096</v></c><c r="C1" s="2"><v>46096.5</v></c><c r="D1" s="3"><v>46096</v></c><c r="E1" s="4"><v>0.75</v></c><c r="F1" s="5"><v>1</v></c><c r="G1" s="1"><v>-3</v></c></row></sheetData></worksheet>`;
    const files = { ...unzipSync(handMadeXlsx(sheet)), "xl/styles.xml": strToU8(styles) };
    const rows = readWorkbook(zipSync(files)).sheets[0].rows;
    expect(rows[0]).toEqual([
      46096,
      new Date(Date.UTC(2026, 2, 15)),
      new Date(Date.UTC(2026, 2, 15, 12)),
      46096,
      new Date(Date.UTC(1899, 11, 30, 18)),
      new Date(Date.UTC(1900, 0, 1)),
      -3,
    ]);
  });

  it("places a lone far cell without building the rows above it", () => {
    const sheet = `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>7</v></c></row></sheetData></worksheet>`;
    const rows = readWorkbook(handMadeXlsx(sheet)).sheets[0].rows;
    expect(rows).toHaveLength(1_048_576);
    expect(rows[1_048_575][16_383]).toBe(7);
    expect(rows[500]).toEqual([]);
  });
});

describe("sniffFormat", () => {
  it("tells each kind of file apart", async () => {
    const xlsx = await xlsxBytes((wb) => wb.addWorksheet("S"));
    const cfb = new Uint8Array(1024);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(sniffFormat(xlsx)).toBe("xlsx");
    expect(sniffFormat(cfb)).toBe("xls");
    expect(sniffFormat(zipSync({ "xl/workbook.bin": new Uint8Array(4) }))).toBe("xlsb");
    expect(sniffFormat(zipSync({ mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }] }))).toBe("ods");
    expect(sniffFormat(strToU8("Mã;Chỉ tiêu;Kết quả\nMH01;Lớp học;12\n"))).toBe("csv");
    expect(sniffFormat(strToU8("<html><table><tr><td>1,2</td></tr></table></html>"))).toBe("unknown");
    expect(sniffFormat(new Uint8Array([1, 2, 3, 0, 255]))).toBe("unknown");
  });
});
