// The benchmark's corpus: unit report workbooks in the standard layout (title block, header fields,
// indicator table, signature block), written straight to OOXML with fflate the way Excel writes them
// (shared strings, styles with number formats, merged banners). Rows and columns here are 1-based, as in A1. exceljs would take minutes for 1,000.
import { strToU8, zipSync } from "fflate";
import { columnName } from "../src/core/address";
import { DEFAULT_CATALOGUE } from "../src/core/catalogue";
import type { Indicator, Unit } from "../src/core/types";

export interface CorpusFile {
  name: string;
  bytes: Uint8Array;
}

/** Who the benchmark commune is, and the month its reports are for. */
export const COMMUNE = { bodyCode: "XHB", bodyName: "UBND xã Hòa Bình" };
export const PERIOD_LABEL = "Tháng 3/2026";
export const PERIOD_KEY = "2026-03";
/** When the import runs: after the deadline, so nothing is "not yet due". */
export const IMPORT_NOW = new Date("2026-03-25T02:00:00Z");

const GROUPS = [
  { prefix: "CT", numeral: "I", title: "CÁC CHỈ TIÊU CỐT LÕI" },
  { prefix: "MH", numeral: "II", title: "CÁC MÔ HÌNH, HOẠT ĐỘNG" },
  { prefix: "TT", numeral: "III", title: "CÔNG TÁC TUYÊN TRUYỀN" },
];
const HEADERS = ["STT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Kết quả", "Tử số", "Mẫu số", "Ghi chú"];
const WIDTH = HEADERS.length;

export function unitCode(i: number): string {
  return `DV${String(i + 1).padStart(4, "0")}`;
}

export function benchUnits(count: number): Unit[] {
  return Array.from({ length: count }, (_, i) => ({
    code: unitCode(i),
    name: `Tổ công nghệ số cộng đồng thôn ${i + 1}`,
    type: "",
    parent: COMMUNE.bodyCode,
    frequency: "month",
    activeFrom: "",
    activeTo: "",
    contact: "",
  }));
}

/** A small deterministic generator, so every run reads the same bytes. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x1_0000_0000;
  };
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

type Cell = { text: string; style?: number } | { number: number; style?: number };

/** Style ids in styles.xml's cellXfs below. */
const STYLE = { plain: 0, bold: 1, boxed: 2, count: 3, date: 4 };

class SheetWriter {
  private readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();
  private readonly rows = new Map<number, Map<number, Cell>>();
  readonly merges: string[] = [];

  put(row: number, col: number, cell: Cell): void {
    let cells = this.rows.get(row);
    if (!cells) this.rows.set(row, (cells = new Map()));
    cells.set(col, cell);
  }

  banner(row: number, from: number, to: number, text: string): void {
    if (to > from) this.merges.push(`${columnName(from - 1)}${row}:${columnName(to - 1)}${row}`);
    this.put(row, from, { text, style: STYLE.bold });
  }

  private stringId(s: string): number {
    let id = this.stringIds.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.stringIds.set(s, id);
    }
    return id;
  }

  sheetXml(): string {
    const rowXml: string[] = [];
    for (const r of [...this.rows.keys()].sort((a, b) => a - b)) {
      const cells = this.rows.get(r)!;
      const cellXml = [...cells.keys()]
        .sort((a, b) => a - b)
        .map((c) => {
          const cell = cells.get(c)!;
          const ref = `${columnName(c - 1)}${r}`;
          const s = cell.style ? ` s="${cell.style}"` : "";
          return "text" in cell ? `<c r="${ref}"${s} t="s"><v>${this.stringId(cell.text)}</v></c>` : `<c r="${ref}"${s}><v>${cell.number}</v></c>`;
        });
      rowXml.push(`<row r="${r}" spans="1:${WIDTH}">${cellXml.join("")}</row>`);
    }
    const cols = [6, 11, 60, 11, 11, 11, 11, 18].map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("");
    const merges = this.merges.length ? `<mergeCells count="${this.merges.length}">${this.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>` : "";
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      `<dimension ref="A1:H${Math.max(...this.rows.keys())}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
      `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>${rowXml.join("")}</sheetData>${merges}` +
      `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
      `<pageSetup paperSize="9" orientation="landscape" fitToHeight="0"/></worksheet>`
    );
  }

  /** Call after sheetXml(): the strings are numbered as the cells are written. */
  sharedStringsXml(): string {
    const items = this.strings.map((s) => `<si><t${/^\s|\s$/.test(s) ? ' xml:space="preserve"' : ""}>${escapeXml(s)}</t></si>`).join("");
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.strings.length}" uniqueCount="${this.strings.length}">${items}</sst>`
    );
  }
}

function figure(indicator: Indicator, rnd: () => number): { result?: number; numerator?: number; denominator?: number } {
  if (indicator.kind === "ratio") {
    const denominator = 50 + Math.floor(rnd() * 2000);
    return { numerator: Math.floor(denominator * (0.3 + 0.7 * rnd())), denominator };
  }
  return { result: Math.floor(rnd() * (indicator.kind === "stock" ? 400 : 60)) };
}

function reportSheet(unit: Unit, seed: number): SheetWriter {
  const rnd = random(seed);
  const w = new SheetWriter();
  w.banner(1, 1, 3, COMMUNE.bodyName.toUpperCase());
  w.banner(2, 1, 3, unit.name.toUpperCase());
  w.banner(1, 4, WIDTH, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  w.banner(2, 4, WIDTH, "Độc lập - Tự do - Hạnh phúc");
  w.banner(4, 1, WIDTH, "BÁO CÁO KẾT QUẢ THỰC HIỆN PHONG TRÀO “BÌNH DÂN HỌC VỤ SỐ”");
  let row = 6;
  for (const line of [`Đơn vị: ${unit.name}`, `Mã đơn vị: ${unit.code}`, `Kỳ báo cáo: ${PERIOD_LABEL}`, `Ngày báo cáo: 15/03/2026`]) {
    w.put(row++, 1, { text: line });
  }
  row++;
  HEADERS.forEach((h, i) => w.put(row, i + 1, { text: h, style: STYLE.bold }));
  row++;
  for (const group of GROUPS) {
    w.put(row, 1, { text: group.numeral, style: STYLE.bold });
    w.put(row, 3, { text: group.title, style: STYLE.bold });
    row++;
    DEFAULT_CATALOGUE.filter((i) => i.code.startsWith(group.prefix)).forEach((indicator, n) => {
      const f = figure(indicator, rnd);
      w.put(row, 1, { number: n + 1, style: STYLE.boxed });
      w.put(row, 2, { text: indicator.code, style: STYLE.boxed });
      w.put(row, 3, { text: indicator.name, style: STYLE.boxed });
      w.put(row, 4, { text: indicator.uom, style: STYLE.boxed });
      if (f.result !== undefined) w.put(row, 5, { number: f.result, style: STYLE.count });
      if (f.numerator !== undefined) w.put(row, 6, { number: f.numerator, style: STYLE.count });
      if (f.denominator !== undefined) w.put(row, 7, { number: f.denominator, style: STYLE.count });
      if (rnd() < 0.2) w.put(row, 8, { text: "Số liệu ước tính", style: STYLE.boxed });
      row++;
    });
  }
  w.banner(row + 1, 6, WIDTH, "Hòa Bình, ngày 15 tháng 3 năm 2026");
  w.banner(row + 2, 1, 3, "Người lập biểu");
  w.banner(row + 2, 6, WIDTH, "Thủ trưởng đơn vị");
  w.banner(row + 3, 1, 3, "(Ký, ghi rõ họ tên)");
  w.banner(row + 3, 6, WIDTH, "(Ký tên, đóng dấu)");
  w.banner(row + 7, 1, 3, `Nguyễn Văn ${seed % 97}`);
  return w;
}

const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STATIC_PARTS: Record<string, string> = {
  "[Content_Types].xml":
    XML_HEAD +
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
    `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
  "_rels/.rels":
    XML_HEAD +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
    `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
  "xl/workbook.xml":
    XML_HEAD +
    `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">` +
    `<workbookPr defaultThemeVersion="164011"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>` +
    `<sheets><sheet name="Báo cáo" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>`,
  "xl/_rels/workbook.xml.rels":
    XML_HEAD +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
    `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  "xl/styles.xml":
    XML_HEAD +
    `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    `<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>` +
    `<fonts count="2"><font><sz val="12"/><name val="Times New Roman"/><family val="1"/></font><font><b/><sz val="12"/><name val="Times New Roman"/><family val="1"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>` +
    `<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
    `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>` +
    `<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/>` +
    `<xf numFmtId="3" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>` +
    `<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
};

function corePropsXml(modified: string): string {
  return (
    XML_HEAD +
    `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ` +
    `xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>Người lập biểu</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${modified}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${modified}</dcterms:modified></cp:coreProperties>`
  );
}

/** One unit's March report as .xlsx bytes (about 40 rows, 5-6 KB). */
export function reportFile(unit: Unit, seed: number): Uint8Array {
  const sheet = reportSheet(unit, seed);
  const sheetXml = sheet.sheetXml();
  const parts: Record<string, Uint8Array> = {};
  for (const [path, xml] of Object.entries(STATIC_PARTS)) parts[path] = strToU8(xml);
  parts["xl/worksheets/sheet1.xml"] = strToU8(sheetXml);
  parts["xl/sharedStrings.xml"] = strToU8(sheet.sharedStringsXml());
  parts["docProps/core.xml"] = strToU8(corePropsXml("2026-03-15T02:00:00Z"));
  return zipSync(parts, { level: 6, mtime: new Date(2026, 2, 15, 9) });
}

export function makeCorpus(units: Unit[]): CorpusFile[] {
  return units.map((u, i) => ({ name: `Báo cáo tháng 3 - ${u.code}.xlsx`, bytes: reportFile(u, i + 1) }));
}
