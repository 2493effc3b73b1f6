// The Word reader: a document becomes rows in reading order, text as the page shows it whatever Word
// wrapped it in, tables with their merges, places named as the clerk finds them; and a Word report
// written as Word writes it imports to exactly the figures typed in it.
import fc from "fast-check";
import { DEFAULT_CATALOGUE } from "../src/core/catalogue";
import { importFiles } from "../src/core/import";
import { newMasterBook } from "../src/core/master-sheets";
import type { Sheet } from "../src/core/types";
import { readDocx } from "../src/io/docx";
import { toIncomingFile } from "../src/io/incoming";
import { WorkbookReadError } from "../src/io/xlsx";
import type { GridReport } from "./helpers/report-grid";
import { testUnit } from "./helpers/report-grid";
import { docxPackage, documentXml, wordReport, type WordStyle } from "./helpers/word";

const NOW = new Date("2026-03-25T03:00:00Z");

function sheetOf(body: string): Sheet {
  return readDocx(docxPackage(documentXml(body))).sheets[0];
}

const p = (...runs: string[]) => `<w:p>${runs.join("")}</w:p>`;
const r = (text: string, props = "") => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const tc = (content: string, props = "") => `<w:tc><w:tcPr>${props}</w:tcPr>${content || "<w:p/>"}</w:tc>`;
const tr = (cells: string, props = "") => `<w:tr><w:trPr>${props}</w:trPr>${cells}</w:tr>`;
const tbl = (...rows: string[]) => `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid>${rows.join("")}</w:tbl>`;

describe("readDocx: text as the page shows it", () => {
  test("runs are joined across everything Word puts between and around them", () => {
    const sheet = sheetOf(
      p(
        r("Đơn "),
        '<w:proofErr w:type="spellStart"/>',
        r("v"),
        '<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>',
        '<w:smartTag w:uri="u" w:element="place"><w:smartTagPr><w:attr w:name="a" w:val="b"/></w:smartTagPr>',
        r("ị"),
        "</w:smartTag>",
        '<w:proofErr w:type="spellEnd"/>',
        r(": "),
        '<w:sdt><w:sdtPr><w:alias w:val="Tên"/><w:id w:val="1"/></w:sdtPr><w:sdtContent>',
        r("Công an"),
        "</w:sdtContent></w:sdt>",
        '<w:ins w:id="2" w:author="A" w:date="2026-03-01T00:00:00Z">',
        r(" xã"),
        "</w:ins>",
        '<w:del w:id="3" w:author="A" w:date="2026-03-01T00:00:00Z"><w:r><w:delText> phường</w:delText></w:r></w:del>',
        // Not Word's way (it writes w:delText), but other programs put w:t in deletions too.
        '<w:del w:id="5" w:author="A" w:date="2026-03-01T00:00:00Z"><w:r><w:t> thị trấn</w:t></w:r></w:del>',
        '<w:moveFrom w:id="4" w:author="A" w:date="2026-03-01T00:00:00Z"><w:r><w:t>cũ</w:t></w:r></w:moveFrom>',
        r("ẩn", "<w:vanish/>"),
        r(" Hòa", '<w:vanish w:val="0"/>'),
        '<w:hyperlink r:id="rId9"><w:r><w:t xml:space="preserve"> Bình</w:t></w:r></w:hyperlink>',
      ),
    );
    expect(sheet.rows).toEqual([["Đơn vị: Công an xã Hòa Bình"]]);
  });

  test("fields show their result, not their code; empty content controls show nothing; text boxes are not in the text", () => {
    const sheet = sheetOf(
      p(
        r("Mã đơn vị: "),
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> MERGEFIELD Ma </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        r("CAX"),
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        '<w:fldSimple w:instr=" SEQ "><w:r><w:t>1</w:t></w:r></w:fldSimple>',
        '<w:r><w:drawing><wp:inline><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>hộp chữ</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>',
      ) + p('<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t>Nhấn để nhập văn bản.</w:t></w:r></w:sdtContent></w:sdt>'),
    );
    expect(sheet.rows).toEqual([["Mã đơn vị: CAX1"]]);
  });

  test("tabs split a paragraph into columns, line breaks into rows; symbols and hyphens are characters", () => {
    const sheet = sheetOf(
      p(r("Đơn vị: Công an xã"), "<w:r><w:tab/><w:tab/></w:r>", r("Mã đơn vị: CAX"), "<w:r><w:br/></w:r>", r("Kỳ báo cáo: Tháng 3/2026")) +
        p("<w:r><w:tab/></w:r>", r("Tân Lập, ngày 15 tháng 4 năm 2026")) +
        p(r("Số: 27"), '<w:r><w:noBreakHyphen/></w:r>', r("BC"), '<w:r><w:sym w:font="Symbol" w:char="F0B3"/></w:r>'),
    );
    expect(sheet.rows).toEqual([["Đơn vị: Công an xã", "Mã đơn vị: CAX"], ["Kỳ báo cáo: Tháng 3/2026"], ["Tân Lập, ngày 15 tháng 4 năm 2026"], ["Số: 27-BC\uf0b3"]]);
    expect(sheet.rowPlaces).toEqual(["Đoạn 1", "Đoạn 1", "Đoạn 2", "Đoạn 3"]);
  });
});

describe("readDocx: tables", () => {
  test("gridSpan and vMerge become merged ranges; a cell's paragraphs are one value; rows are named by table and row", () => {
    const sheet = sheetOf(
      p(r("BÁO CÁO")) +
        p() +
        tbl(
          tr(tc(p(r("STT")), '<w:vMerge w:val="restart"/>') + tc(p(r("Kết quả")), '<w:gridSpan w:val="2"/>') + tc(p(r("Ghi")), '<w:vMerge w:val="restart"/>')),
          tr(tc("", "<w:vMerge/>") + tc(p(r("Tử số"))) + tc(p(r("Mẫu số"))) + tc(p(r("chú")), '<w:vMerge w:val="continue"/>')),
          tr(tc(p(r("1"))) + tc(p(r("2.228")) + p(r("(người)"))) + tc(p(r("4.777"))) + tc("")),
        ),
    );
    expect(sheet.rows).toEqual([["BÁO CÁO"], ["STT", "Kết quả", null, "Ghi"], [null, "Tử số", "Mẫu số"], ["1", "2.228\n(người)", "4.777"]]);
    expect(sheet.merges).toEqual(
      expect.arrayContaining([
        { top: 1, left: 0, bottom: 2, right: 0 },
        { top: 1, left: 1, bottom: 1, right: 2 },
        { top: 1, left: 3, bottom: 2, right: 3 },
      ]),
    );
    expect(sheet.merges).toHaveLength(3);
    expect(sheet.rowPlaces).toEqual(["Đoạn 1", "Bảng 1, dòng 1", "Bảng 1, dòng 2", "Bảng 1, dòng 3"]);
  });

  test("skipped grid columns, legacy horizontal merges, deleted rows, row and cell content controls", () => {
    const sheet = sheetOf(
      tbl(
        tr(tc(p(r("a"))) + tc(p(r("b")))),
        tr(tc(p(r("c"))), '<w:gridBefore w:val="2"/>'),
        tr(tc(p(r("xoá"))), '<w:del w:id="1" w:author="A" w:date="2026-03-01T00:00:00Z"/>'),
        `<w:sdt><w:sdtPr><w:id w:val="5"/></w:sdtPr><w:sdtContent>${tr(tc(p(r("d")), '<w:hMerge w:val="restart"/>') + tc("", "<w:hMerge/>") + `<w:sdt><w:sdtContent>${tc(p(r("e")))}</w:sdtContent></w:sdt>`)}</w:sdtContent></w:sdt>`,
      ),
    );
    expect(sheet.rows).toEqual([["a", "b"], [null, null, "c"], ["d", null, "e"]]);
    expect(sheet.merges).toEqual([{ top: 2, left: 0, bottom: 2, right: 1 }]);
    expect(sheet.rowPlaces).toEqual(["Bảng 1, dòng 1", "Bảng 1, dòng 2", "Bảng 1, dòng 3"]);
  });

  test("a table nested in a layout table follows the layout row's paragraphs, named Bảng 1.1", () => {
    const inner = tbl(tr(tc(p(r("Mã chỉ tiêu"))) + tc(p(r("Kết quả")))), tr(tc(p(r("MH01"))) + tc(p(r("3")))));
    const sheet = sheetOf(p(r("Tiêu đề")) + tbl(tr(tc(p(r("Biểu số liệu:")) + inner + p(r("Ghi chú cuối"))))) + tbl(tr(tc(p(r("Người lập biểu"))))));
    expect(sheet.rows).toEqual([["Tiêu đề"], ["Biểu số liệu:"], ["Mã chỉ tiêu", "Kết quả"], ["MH01", "3"], ["Ghi chú cuối"], ["Người lập biểu"]]);
    expect(sheet.rowPlaces).toEqual(["Đoạn 1", "Bảng 1, dòng 1", "Bảng 1.1, dòng 1", "Bảng 1.1, dòng 2", "Bảng 1, dòng 1", "Bảng 2, dòng 1"]);
  });
});

describe("readDocx: the file", () => {
  test("the document's last-modified instant comes from docProps/core.xml", () => {
    const wb = readDocx(docxPackage(documentXml(p(r("a"))), { modified: "2026-03-13T02:00:00Z" }));
    expect(wb.modifiedAt).toEqual(new Date("2026-03-13T02:00:00Z"));
    expect(wb.sheets.map((s) => [s.name, s.hidden])).toEqual([["Văn bản", false]]);
  });

  test("a package without its document part, or with broken XML, is refused with what to do", () => {
    const refusal = (bytes: Uint8Array) => {
      try {
        readDocx(bytes);
      } catch (e) {
        return e as WorkbookReadError;
      }
      throw new Error("read");
    };
    const broken = refusal(docxPackage("<w:document><w:body><w:p><w:r><w:t>a</w:t></w:r></w:body>"));
    expect([broken.code, broken.message]).toEqual(["FILE_UNREADABLE", expect.stringMatching(/word\/document\.xml.*lưu lại/)]);
    const open = refusal(docxPackage(documentXml("<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tbl></w:tr>")));
    expect(open.code).toBe("FILE_UNREADABLE");
  });
});

describe("a Word report written by Word itself", () => {
  const units = [testUnit("CAX", "Công an xã Hòa Bình"), testUnit("DTN", "Đoàn Thanh niên xã Hòa Bình")];
  const importWord = (report: GridReport, style: WordStyle) => {
    const file = toIncomingFile("bao-cao.docx", wordReport(report, style, "2026-03-14T01:00:00Z"), "h", null);
    return importFiles(newMasterBook({ year: 2026 }, units), [file], { now: NOW });
  };

  test("its findings name the table, row and column where the figure sits", () => {
    const style: WordStyle = { seed: 9, nested: false, twoRowHeader: false, junk: false, tabbedFields: false, thousands: "." };
    const { files } = importWord({ unit: "Công an xã Hòa Bình", code: "CAX", period: "Tháng 3/2026", date: "15/03/2026", values: { MH01: 4, MH09: -3 } }, style);
    expect(files[0].status).toBe("imported");
    const negative = files[0].findings.find((f) => f.code === "NEGATIVE");
    expect(negative).toMatchObject({ sheet: "Văn bản", cell: "Bảng 2, dòng 3, cột E" });
  });

  // Counts from a catalogue subset, ratios with their two parts, thousands typed three ways.
  const flows = DEFAULT_CATALOGUE.filter((i) => i.kind !== "ratio").map((i) => i.code);
  const ratios = DEFAULT_CATALOGUE.filter((i) => i.kind === "ratio").map((i) => i.code);
  const values = fc
    .tuple(
      fc.subarray(flows, { minLength: 1, maxLength: 8 }),
      fc.subarray(ratios, { maxLength: 3 }),
      fc.array(fc.integer({ min: 0, max: 99_999 }), { minLength: 11, maxLength: 11 }),
      fc.array(fc.integer({ min: 1, max: 9_999_999 }), { minLength: 3, maxLength: 3 }),
    )
    .map(([counts, parts, numbers, denominators]) => {
      const out: GridReport["values"] = {};
      counts.forEach((code, i) => (out[code] = numbers[i]));
      parts.forEach((code, i) => (out[code] = { n: Math.min(numbers[8 + i], denominators[i]), d: denominators[i] }));
      return out;
    });
  const style = fc.record<WordStyle>({
    seed: fc.integer({ min: 1, max: 2 ** 30 }),
    nested: fc.boolean(),
    twoRowHeader: fc.boolean(),
    junk: fc.boolean(),
    tabbedFields: fc.boolean(),
    thousands: fc.constantFrom(".", "", " "),
  });

  test("property: whatever Word wrapped the text in, the import has exactly the figures typed", () => {
    fc.assert(
      fc.property(values, style, fc.constantFrom(units[0], units[1]), (figures, wordStyle, unit) => {
        const { book, files } = importWord({ unit: unit.name, code: unit.code, period: "Tháng 3/2026", date: "15/03/2026", values: figures }, wordStyle);
        expect(files[0].status).toBe("imported");
        expect(files[0].errors).toBe(0);
        const got = Object.fromEntries(book.data.map((f) => [f.indicator, f.numerator !== null ? { n: f.numerator, d: f.denominator } : f.value]));
        expect(got).toEqual(figures);
        expect(book.submissions[0]).toMatchObject({ unit: unit.code, declaredDate: "2026-03-15" });
      }),
      { numRuns: 60 },
    );
  });
});

describe("a Word report with pages of narrative before its table", () => {
  const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const cell = (text: string) => `<w:tc><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
  const row = (...cells: string[]) => `<w:tr>${cells.map(cell).join("")}</w:tr>`;
  const narrative = Array.from({ length: 150 }, (_, i) => p(`${i + 1}. Kết quả triển khai phong trào tại thôn, tổ dân phố trong tháng.`)).join("");
  const table = `<w:tbl>${row("Mã chỉ tiêu", "Chỉ tiêu", "Kết quả")}${row("MH01", "Đại sứ số (mentor) đang hoạt động", "4")}${row("ZZ09", "Chỉ tiêu tự đặt của đơn vị", "7")}</w:tbl>`;
  const body = [p("Đơn vị: Công an xã Hòa Bình"), p("Kỳ báo cáo: Tháng 3/2026"), p("Ngày báo cáo: 15/03/2026"), narrative, table].join("");
  const file = toIncomingFile("bao-cao-dai.docx", docxPackage(documentXml(body)), "h", null);
  const { book, files } = importFiles(newMasterBook({ year: 2026 }, [testUnit("CAX", "Công an xã Hòa Bình")]), [file], { now: NOW });

  test("the table is found however far down it sits", () => {
    expect(files[0].status).toBe("imported");
    expect(book.data.map((f) => [f.indicator, f.value, f.cell])).toEqual([["MH01", 4, "Bảng 1, dòng 2, cột C"]]);
  });

  test("a message about a row names it as the document does, not as a sheet row", () => {
    const unknown = files[0].findings.find((f) => f.code === "UNKNOWN_INDICATOR");
    expect(unknown?.message).toMatch(/^Bảng 1, dòng 3: chỉ tiêu "ZZ09/);
  });
});
