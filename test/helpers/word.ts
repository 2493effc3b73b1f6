// Word reports written as Word itself writes them (raw WordprocessingML, no LibreOffice in between): text
// cut into many runs with spelling marks and bookmarks between them, content controls, smart tags, fields,
// tracked insertions and deletions, hidden text, a text box, the indicator table nested in a layout table,
// a two-row header merged with gridSpan and vMerge. And the hostile .docx files the reader must refuse.
import { strToU8, zipSync, type Zippable } from "fflate";
import { DEFAULT_CATALOGUE } from "../../src/core/catalogue";
import { escapeXml, xorshift } from "./hostile";
import type { GridReport } from "./report-grid";

const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/** The parts around word/document.xml, as Word writes them. */
export function docxPackage(documentXml: string | Uint8Array, options: { modified?: string; level?: 0 | 1 } = {}): Uint8Array {
  const core = options.modified
    ? `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Văn thư</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2026-03-01T01:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${options.modified}</dcterms:modified></cp:coreProperties>`
    : null;
  const files: Zippable = {
    "[Content_Types].xml": strToU8(
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
    ),
    "_rels/.rels": strToU8(
      `${HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    "word/_rels/document.xml.rels": strToU8(`${HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`),
    "word/styles.xml": strToU8(`${HEAD}<w:styles xmlns:w="${W_NS}"><w:style w:type="character" w:styleId="PlaceholderText"><w:name w:val="Placeholder Text"/></w:style></w:styles>`),
    "word/document.xml": typeof documentXml === "string" ? strToU8(documentXml) : documentXml,
  };
  if (core) files["docProps/core.xml"] = strToU8(core);
  return zipSync(files, { level: options.level ?? 6 });
}

/** The document part around body content. */
export function documentXml(body: string): string {
  return `${HEAD}<w:document xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:r="${REL_NS}" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:w="${W_NS}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" mc:Ignorable="w14 wp14"><w:body>${body}<w:sectPr w:rsidR="00B2C4D1"><w:pgSz w:w="11907" w:h="16840" w:code="9"/><w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701" w:header="709" w:footer="709" w:gutter="0"/><w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr></w:body></w:document>`;
}

/** How a Word report varies between offices and between one clerk's edits. */
export interface WordStyle {
  /** Drives where text is cut into runs and what Word leaves between them. */
  seed: number;
  /** The indicator table sits in a cell of a one-cell layout table. */
  nested: boolean;
  /** "Kết quả" spans "Số lượng | Tử số | Mẫu số" on a second header row. */
  twoRowHeader: boolean;
  /** Deleted revisions, hidden text, placeholders, a text box, a deleted table row: none may count. */
  junk: boolean;
  /** The header fields on two tab-separated lines instead of one paragraph each. */
  tabbedFields: boolean;
  /** How figures of a thousand or more are typed. */
  thousands: "." | "" | " ";
}

const RSIDS = ["00A1B2C3", "004F2E1D", "00C7D8E9", "0012AB34"];

class WordWriter {
  private readonly random: () => number;

  constructor(private readonly style: WordStyle) {
    const next = xorshift(style.seed);
    this.random = () => next() / 0x1_0000_0000;
  }

  private chance(p: number): boolean {
    return this.random() < p;
  }

  private rsid(): string {
    return RSIDS[Math.floor(this.random() * RSIDS.length)];
  }

  private plainRun(text: string, props = ""): string {
    const rPr = props || (this.chance(0.5) ? '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="vi-VN"/>' : "");
    return `<w:r w:rsidRPr="${this.rsid()}">${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
  }

  /** What Word leaves between runs, none of it text. */
  private between(): string {
    const r = this.random();
    if (r < 0.15) return `<w:proofErr w:type="${this.chance(0.5) ? "spellStart" : "gramStart"}"/>`;
    if (r < 0.25) return `<w:bookmarkStart w:id="${Math.floor(this.random() * 100)}" w:name="_Hlk${Math.floor(this.random() * 1e6)}"/><w:bookmarkEnd w:id="0"/>`;
    if (!this.style.junk) return "";
    if (r < 0.35) return `<w:del w:id="${Math.floor(this.random() * 100)}" w:author="Văn thư" w:date="2026-03-10T08:00:00Z"><w:r><w:delText>9</w:delText></w:r></w:del>`;
    if (r < 0.42) return `<w:r><w:rPr><w:vanish/></w:rPr><w:t>7</w:t></w:r>`;
    return "";
  }

  /** The text cut into runs at random places, some wrapped in what Word wraps runs in. */
  runs(text: string): string {
    const pieces: string[] = [];
    let at = 0;
    while (at < text.length) {
      const length = 1 + Math.floor(this.random() * Math.max(1, text.length - at));
      pieces.push(text.slice(at, at + length));
      at += length;
    }
    return pieces
      .map((piece) => {
        const run = this.plainRun(piece);
        const r = this.random();
        const wrapped =
          r < 0.1
            ? `<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="place"><w:smartTagPr><w:attr w:name="x" w:val="1"/></w:smartTagPr>${run}</w:smartTag>`
            : r < 0.2
              ? `<w:ins w:id="3" w:author="Văn thư" w:date="2026-03-12T02:00:00Z">${run}</w:ins>`
              : r < 0.28
                ? `<w:sdt><w:sdtPr><w:id w:val="${Math.floor(this.random() * 1e8)}"/><w:text/></w:sdtPr><w:sdtContent>${run}</w:sdtContent></w:sdt>`
                : r < 0.33
                  ? `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> MERGEFIELD  X </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run}<w:r><w:fldChar w:fldCharType="end"/></w:r>`
                  : run;
        return this.between() + wrapped;
      })
      .join("");
  }

  paragraph(content: string, align?: "center" | "right"): string {
    const pPr = align ? `<w:pPr><w:jc w:val="${align}"/><w:rPr><w:b/></w:rPr></w:pPr>` : this.chance(0.5) ? '<w:pPr><w:tabs><w:tab w:val="left" w:pos="4536"/></w:tabs><w:spacing w:before="60" w:after="60"/></w:pPr>' : "";
    return `<w:p w:rsidR="${this.rsid()}" w:rsidRDefault="${this.rsid()}">${pPr}${content}</w:p>`;
  }

  textParagraph(text: string, align?: "center" | "right"): string {
    return this.paragraph(this.runs(text), align);
  }

  cell(content: string, props = ""): string {
    return `<w:tc><w:tcPr><w:tcW w:w="1200" w:type="dxa"/>${props}</w:tcPr>${content || this.paragraph("")}</w:tc>`;
  }

  textCell(text: string, props = ""): string {
    return this.cell(text ? this.textParagraph(text) : "", props);
  }

  /** An empty cell that shows a content control's placeholder text: nothing was typed in it. */
  placeholderCell(): string {
    return this.cell(
      `<w:sdt><w:sdtPr><w:id w:val="-1520390"/><w:placeholder><w:docPart w:val="DefaultPlaceholder"/></w:placeholder><w:showingPlcHdr/></w:sdtPr><w:sdtContent>${this.paragraph('<w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>Nhấn để nhập số liệu.</w:t></w:r>')}</w:sdtContent></w:sdt>`,
    );
  }

  table(rows: string[], grid: number[], borders: boolean): string {
    const tblBorders = borders
      ? '<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders>'
      : "";
    const tblGrid = grid.map((w) => `<w:gridCol w:w="${w}"/>`).join("");
    return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/>${tblBorders}<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>${tblGrid}</w:tblGrid>${rows.join("")}</w:tbl>`;
  }

  row(cells: string, props = ""): string {
    return `<w:tr w:rsidR="${this.rsid()}" w:rsidTr="${this.rsid()}"><w:trPr><w:trHeight w:val="340"/>${props}</w:trPr>${cells}</w:tr>`;
  }

  /** A drawn text box in the paragraph (as Word 2010+ writes it, with its VML fallback): outside the reading order. */
  textBox(): string {
    const box = `<w:txbxContent>${this.paragraph('<w:r><w:t>Mẫu số 01/BC</w:t></w:r>')}</w:txbxContent>`;
    return `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:extent cx="1000000" cy="300000"/><wp:docPr id="1" name="Text Box 1"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>${box}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape id="Text Box 1" o:spid="_x0000_s1026" type="#_x0000_t202"><v:textbox>${box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
  }
}

function typedNumber(value: number | string, thousands: WordStyle["thousands"]): string {
  if (typeof value === "string") return value;
  const [whole, fraction] = String(value).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  return fraction ? `${grouped},${fraction}` : grouped;
}

/** A unit report as a Word document from a second producer: raw WordprocessingML, as Word writes it. */
export function wordReport(r: GridReport, style: WordStyle, modified?: string): Uint8Array {
  const w = new WordWriter(style);
  const body: string[] = [];
  body.push(
    w.table(
      [
        w.row(w.textCell("UBND XÃ HÒA BÌNH") + w.textCell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")),
        w.row(w.textCell(r.unit.toUpperCase()) + w.textCell("Độc lập - Tự do - Hạnh phúc")),
      ],
      [4200, 5600],
      false,
    ),
  );
  body.push(w.paragraph(w.runs("BÁO CÁO KẾT QUẢ THỰC HIỆN PHONG TRÀO “BÌNH DÂN HỌC VỤ SỐ”") + (style.junk ? w.textBox() : ""), "center"));
  const date = r.date === undefined || r.date === null ? null : String(r.date);
  const fields = [`Đơn vị: ${r.unit}`, r.code ? `Mã đơn vị: ${r.code}` : null, `Kỳ báo cáo: ${r.period}`, date ? `Ngày báo cáo: ${date}` : null].filter((f): f is string => f !== null);
  if (style.tabbedFields) {
    for (let i = 0; i < fields.length; i += 2) {
      const pair = fields.slice(i, i + 2).map((f) => w.runs(f));
      body.push(w.paragraph(pair.join('<w:r><w:tab/></w:r>')));
    }
  } else {
    for (const f of fields) body.push(w.textParagraph(f));
  }

  const header = style.twoRowHeader
    ? [
        w.row(
          ["STT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính"].map((h) => w.textCell(h, '<w:vMerge w:val="restart"/>')).join("") +
            w.textCell("Kết quả", '<w:gridSpan w:val="3"/>') +
            w.textCell("Ghi chú", '<w:vMerge w:val="restart"/>'),
          "<w:tblHeader/>",
        ),
        w.row(
          [0, 1, 2, 3].map(() => w.cell("", "<w:vMerge/>")).join("") + ["Số lượng", "Tử số", "Mẫu số"].map((h) => w.textCell(h)).join("") + w.cell("", "<w:vMerge/>"),
          "<w:tblHeader/>",
        ),
      ]
    : [w.row(["STT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Kết quả", "Tử số", "Mẫu số", "Ghi chú"].map((h) => w.textCell(h)).join(""), "<w:tblHeader/>")];
  const rows: string[] = [];
  let i = 1;
  for (const [code, value] of Object.entries(r.values)) {
    const indicator = DEFAULT_CATALOGUE.find((x) => x.code === code);
    const figures = typeof value === "object" ? [null, value.n, value.d] : [value, null, null];
    const cells =
      w.textCell(String(i++)) +
      w.textCell(code) +
      w.textCell(indicator?.name ?? code) +
      w.textCell(indicator?.uom ?? "") +
      figures.map((f, k) => (f === null ? (style.junk && k === 0 ? w.placeholderCell() : w.textCell("")) : w.textCell(typedNumber(f, style.thousands)))).join("") +
      w.textCell("");
    const row = w.row(cells);
    // A repeating-section content control wraps some rows whole.
    rows.push(style.junk && i % 3 === 0 ? `<w:sdt><w:sdtPr><w:id w:val="77"/></w:sdtPr><w:sdtContent>${row}</w:sdtContent></w:sdt>` : row);
    if (style.junk && i === 2) {
      // A row deleted with track changes still on: its figures are gone from the report.
      rows.push(w.row(w.textCell("9") + w.textCell("MH01") + w.textCell("Đại sứ số (mentor) đang hoạt động") + w.textCell("người") + w.textCell("999") + w.cell("") + w.cell("") + w.cell(""), '<w:del w:id="90" w:author="Văn thư" w:date="2026-03-12T02:00:00Z"/>'));
    }
  }
  const indicators = w.table([...header, ...rows], [500, 900, 3600, 900, 900, 900, 900, 900], true);
  body.push(style.nested ? w.table([w.row(w.cell(w.textParagraph("Biểu số liệu kèm theo báo cáo:") + indicators + w.paragraph("")))], [9600], false) : indicators);
  body.push(w.textParagraph(`Hòa Bình, ngày ${date?.slice(0, 2) ?? "15"} tháng 3 năm 2026`, "right"));
  body.push(
    w.table(
      [
        w.row(w.textCell("Người lập biểu") + w.textCell("Thủ trưởng đơn vị")),
        w.row(w.textCell("(Ký, ghi rõ họ tên)") + w.textCell("(Ký tên, đóng dấu)")),
        w.row(w.cell("") + w.cell("")),
        w.row(w.textCell("Nguyễn Văn An") + w.textCell("Trần Thị Bình")),
      ],
      [4800, 4800],
      false,
    ),
  );
  return docxPackage(documentXml(body.join("")), { modified });
}

// ---------------------------------------------------------------------------------------------------
// Hostile .docx files

/** Tables nested `depth` deep, each in the only cell of the one above. */
export function nestedTablesDocx(depth: number): Uint8Array {
  const open = "<w:tbl><w:tr><w:tc>".repeat(depth);
  const close = "<w:p/></w:tc></w:tr></w:tbl>".repeat(depth);
  return docxPackage(documentXml(`${open}<w:p><w:r><w:t>Đơn vị: A</w:t></w:r></w:p>${close}`));
}

/** `paragraphs` paragraphs of text: a document as long as a million-row sheet. */
export function manyParagraphsDocx(paragraphs: number): Uint8Array {
  const body = "<w:p><w:r><w:t>1</w:t></w:r></w:p>".repeat(paragraphs);
  return docxPackage(documentXml(body), { level: 1 });
}

/** A table cell spanning more columns than a sheet has. */
export function wideSpanDocx(span: number): Uint8Array {
  return docxPackage(documentXml(`<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="${span}"/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`));
}

/** A document part that inflates to `bytes` of blanks after a little text: tiny zipped, huge inflated. */
export function docxBomb(bytes: number): Uint8Array {
  const padding = new Uint8Array(bytes).fill(0x20);
  const head = strToU8(documentXml("<w:p><w:r><w:t>Đơn vị: Bom</w:t></w:r></w:p>"));
  const xml = new Uint8Array(head.length + padding.length);
  xml.set(head);
  xml.set(padding, head.length);
  return docxPackage(xml, { level: 1 });
}
