// The OpenDocument spreadsheet reader: value types as the .xlsx reader gives them, repeats unfolded,
// spans as merges, hidden sheets, text as its paragraphs; any grid written as LibreOffice writes it
// reads back as it was.
import fc from "fast-check";
import { strToU8, zipSync } from "fflate";
import type { CellRange, CellValue } from "../src/core/types";
import { readReportFile } from "../src/io/incoming";
import { readOds } from "../src/io/ods";
import { sniffFormat } from "../src/io/xlsx";
import { odsContent, odsFile, odsPackage } from "./helpers/ods";

const content = (tableXml: string, styles = "") =>
  `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><office:automatic-styles>${styles}</office:automatic-styles><office:body><office:spreadsheet>${tableXml}</office:spreadsheet></office:body></office:document-content>`;
const table = (name: string, rows: string, style = "") => `<table:table table:name="${name}"${style ? ` table:style-name="${style}"` : ""}>${rows}</table:table>`;
const row = (cells: string, repeat = 1) => `<table:table-row${repeat > 1 ? ` table:number-rows-repeated="${repeat}"` : ""}>${cells}</table:table-row>`;

describe("readOds", () => {
  test("each value type reads as the .xlsx reader gives it", () => {
    const cells = [
      '<table:table-cell office:value-type="float" office:value="2228" calcext:value-type="float"><text:p>2.228</text:p></table:table-cell>',
      '<table:table-cell office:value-type="percentage" office:value="0.85"><text:p>85%</text:p></table:table-cell>',
      '<table:table-cell office:value-type="currency" office:currency="VND" office:value="150000"><text:p>150.000 ₫</text:p></table:table-cell>',
      '<table:table-cell office:value-type="date" office:date-value="2026-03-13"><text:p>13/03/2026</text:p></table:table-cell>',
      '<table:table-cell office:value-type="date" office:date-value="2026-03-13T08:30:00"><text:p>13/03/2026 08:30</text:p></table:table-cell>',
      '<table:table-cell office:value-type="time" office:time-value="PT12H30M00S"><text:p>12:30</text:p></table:table-cell>',
      '<table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>',
      '<table:table-cell table:formula="of:=1/0" office:value-type="float" office:value="0" calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>',
      '<table:table-cell table:formula="of:=&quot;a&quot;" office:value-type="string" office:string-value="kết quả" calcext:value-type="string"><text:p>kết quả</text:p></table:table-cell>',
    ];
    const wb = readOds(odsPackage(content(table("S", row(cells.join(""))))));
    expect(wb.sheets[0].rows).toEqual([
      [2228, 0.85, 150000, new Date(Date.UTC(2026, 2, 13)), new Date(Date.UTC(2026, 2, 13, 8, 30)), new Date(Date.UTC(1899, 11, 30, 12, 30)), true, "#DIV/0!", "kết quả"],
    ]);
  });

  test("text: spans, runs of spaces, tabs, line breaks and paragraphs; comments and shapes are not text", () => {
    const cell =
      '<table:table-cell office:value-type="string"><office:annotation><dc:creator>A</dc:creator><text:p>bình luận</text:p></office:annotation>' +
      '<text:p><text:span text:style-name="T1">Đơn</text:span> vị:<text:s text:c="3"/>Công<text:tab/>an<text:line-break/>xã <text:a xlink:href="x" xmlns:xlink="http://www.w3.org/1999/xlink">Hòa Bình</text:a><draw:frame><draw:text-box><text:p>hộp</text:p></draw:text-box></draw:frame></text:p>' +
      "<text:p>dòng hai</text:p></table:table-cell>";
    const wb = readOds(odsPackage(content(table("S", row(cell)))));
    expect(wb.sheets[0].rows).toEqual([["Đơn vị:   Công\tan\nxã Hòa Bình\ndòng hai"]]);
  });

  test("repeats unfold, spans become merges, covered cells hold nothing, trailing padding costs nothing", () => {
    const rows =
      row('<table:table-cell table:number-columns-spanned="3" table:number-rows-spanned="2" office:value-type="string"><text:p>Kết quả</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="2"/><table:table-cell table:number-columns-repeated="16381"/>') +
      row('<table:covered-table-cell table:number-columns-repeated="3"><text:p>ẩn</text:p></table:covered-table-cell><table:table-cell table:number-columns-repeated="2" office:value-type="float" office:value="7"/>') +
      row('<table:table-cell table:number-columns-repeated="16384"/>', 3) +
      row('<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>', 2) +
      row('<table:table-cell table:number-columns-repeated="16384"/>', 1_048_570);
    const sheet = readOds(odsPackage(content(table("S", rows)))).sheets[0];
    expect(sheet.rows).toEqual([["Kết quả"], [null, null, null, 7, 7], [], [], [], ["x"], ["x"]]);
    expect(sheet.merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 2 }]);
  });

  test("a sheet hidden by its table style is hidden; the modified time comes from meta.xml", () => {
    const styles = '<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>';
    const xml = content(table("Hiện", row('<table:table-cell office:value-type="float" office:value="1"/>')) + table("Ẩn", row(""), "ta2"), styles);
    const wb = readOds(odsPackage(xml, "2026-03-13T09:00:00"));
    expect(wb.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["Hiện", false],
      ["Ẩn", true],
    ]);
    // LibreOffice writes the local clock without a zone: Vietnam time.
    expect(wb.modifiedAt).toEqual(new Date("2026-03-13T02:00:00Z"));
    expect(readOds(odsPackage(xml, "2026-03-13T09:00:00Z")).modifiedAt).toEqual(new Date("2026-03-13T09:00:00Z"));
  });

  test("property: any grid written as LibreOffice writes it reads back as it was", () => {
    const text = fc.string({ unit: fc.constantFrom(..."aăâbcdđêơư ÀÁẠ0123456789.,%\t<&>\""), minLength: 1, maxLength: 16 });
    const value: fc.Arbitrary<CellValue> = fc.oneof(
      { weight: 3, arbitrary: text },
      { weight: 2, arbitrary: fc.integer({ min: -1e6, max: 1e9 }) },
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
      fc.boolean(),
      fc.integer({ min: 0, max: 40_000 }).map((d) => new Date(Date.UTC(1990, 0, 1) + d * 86_400_000)),
      { weight: 3, arbitrary: fc.constant(null) },
    );
    // Few distinct values, so that neighbours repeat and rows fold.
    const grid = fc.array(fc.array(fc.oneof(value, fc.constant("x"), fc.constant(1)), { maxLength: 7 }), { maxLength: 10 });
    fc.assert(
      fc.property(grid, fc.array(fc.record({ top: fc.nat(9), left: fc.nat(6), h: fc.nat(2), w: fc.nat(2) }), { maxLength: 2 }), (rows, spans) => {
        // Merges that do not overlap, as in a real sheet; their covered cells hold nothing.
        const merges: CellRange[] = [];
        for (const s of spans) {
          const m = { top: s.top, left: s.left, bottom: s.top + s.h, right: s.left + s.w };
          if ((m.bottom > m.top || m.right > m.left) && !merges.some((o) => m.top <= o.bottom && o.top <= m.bottom && m.left <= o.right && o.left <= m.right)) merges.push(m);
        }
        const expected = rows.map((r) => [...r]);
        for (const m of merges)
          for (let r = m.top; r <= m.bottom; r++)
            for (let c = m.left; c <= m.right; c++) if ((r !== m.top || c !== m.left) && c < (expected[r]?.length ?? 0)) expected[r][c] = null;
        const sheet = readOds(odsFile([{ name: "S", rows, merges }])).sheets[0];
        const trimmed = expected.map((r) => {
          const copy = r.map((v) => (Object.is(v, -0) ? 0 : v));
          while (copy.length && copy[copy.length - 1] === null) copy.pop();
          return copy;
        });
        while (trimmed.length && trimmed[trimmed.length - 1].length === 0) trimmed.pop();
        expect(sheet.rows).toEqual(trimmed);
        expect([...sheet.merges].sort((a, b) => a.top - b.top || a.left - b.left)).toEqual([...merges].sort((a, b) => a.top - b.top || a.left - b.left));
      }),
      { numRuns: 150 },
    );
  });

  test("the written content is what LibreOffice writes: repeats fold equal neighbours", () => {
    const xml = odsContent([{ name: "S", rows: [["x", "x", "x"], ["x", "x", "x"], []] }]);
    expect(xml).toContain('table:number-rows-repeated="2"');
    expect(xml).toContain('table:number-columns-repeated="3"');
  });
});

test("an .ods whose mimetype entry was deflated (not as ODF asks, but some programs do) is still an .ods", () => {
  const deflated = zipSync({ mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet"), "content.xml": strToU8(odsContent([{ name: "S", rows: [["Đơn vị: A"]] }])) }, { level: 9 });
  expect(sniffFormat(deflated)).toBe("ods");
  expect(readReportFile(deflated).sheets[0].rows).toEqual([["Đơn vị: A"]]);
});
