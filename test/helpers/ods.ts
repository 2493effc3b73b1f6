// OpenDocument spreadsheets written as LibreOffice writes them (runs of equal cells and rows folded into
// repeat counts, rows padded to column 16,384 and sheets to row 1,048,576, merged cells as spans with
// covered cells), and the hostile .ods files the reader must refuse.
import { strToU8, zipSync, type Zippable } from "fflate";
import type { CellRange, CellValue } from "../../src/core/types";
import { escapeXml } from "./hostile";

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
].join(" ");
const MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";
const LAST_COLUMN = 16_384;
const LAST_ROW = 1_048_576;

export interface OdsSheet {
  name: string;
  hidden?: boolean;
  rows: CellValue[][];
  merges?: CellRange[];
}

/** A text as LibreOffice writes it in a cell: runs of spaces as text:s, tabs, line breaks, some spans. */
function paragraphs(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      const body = escapeXml(line)
        .replace(/ {2,}/g, (spaces) => ` <text:s text:c="${spaces.length - 1}"/>`)
        .replace(/\t/g, "<text:tab/>")
        .replace(/^(\S+)( )/, '<text:span text:style-name="T1">$1</text:span>$2');
      return `<text:p>${body}</text:p>`;
    })
    .join("");
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** The attributes and content of a cell holding `value`. */
function cellBody(value: CellValue): { attrs: string; content: string } {
  if (value === null || value === undefined || value === "") return { attrs: "", content: "" };
  if (typeof value === "number") return { attrs: ` office:value-type="float" office:value="${value}" calcext:value-type="float"`, content: `<text:p>${value}</text:p>` };
  if (typeof value === "boolean") return { attrs: ` office:value-type="boolean" office:boolean-value="${value}" calcext:value-type="boolean"`, content: `<text:p>${value ? "TRUE" : "FALSE"}</text:p>` };
  if (value instanceof Date) {
    const day = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const time = value.getUTCHours() || value.getUTCMinutes() || value.getUTCSeconds() ? `T${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}` : "";
    return { attrs: ` office:value-type="date" office:date-value="${day}${time}" calcext:value-type="date"`, content: `<text:p>${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}</text:p>` };
  }
  return { attrs: ' office:value-type="string" calcext:value-type="string"', content: paragraphs(value) };
}

function cellXml(value: CellValue, repeat: number, span: CellRange | undefined): string {
  const { attrs, content } = cellBody(value);
  const repeated = repeat > 1 ? ` table:number-columns-repeated="${repeat}"` : "";
  const spanned = span ? ` table:number-columns-spanned="${span.right - span.left + 1}" table:number-rows-spanned="${span.bottom - span.top + 1}"` : "";
  return content ? `<table:table-cell${repeated}${spanned}${attrs}>${content}</table:table-cell>` : `<table:table-cell${repeated}${spanned}/>`;
}

function sameValue(a: CellValue, b: CellValue): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return (a ?? null) === (b ?? null) || ((a === null || a === "") && (b === null || b === ""));
}

/** One sheet's rows, equal neighbours folded into repeat counts, as LibreOffice saves them. */
function tableXml(sheet: OdsSheet, styleName: string): string {
  const merges = sheet.merges ?? [];
  const spanAt = new Map(merges.map((m) => [`${m.top},${m.left}`, m]));
  const covered = (r: number, c: number) => merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && !(r === m.top && c === m.left));
  const width = Math.max(0, ...sheet.rows.map((r) => r.length), ...merges.map((m) => m.right + 1));
  const height = Math.max(sheet.rows.length, ...merges.map((m) => m.bottom + 1));
  const rowXml = (r: number) => {
    const row = sheet.rows[r] ?? [];
    let xml = "";
    for (let c = 0; c < width; ) {
      if (covered(r, c)) {
        let n = 1;
        while (c + n < width && covered(r, c + n)) n++;
        xml += n > 1 ? `<table:covered-table-cell table:number-columns-repeated="${n}"/>` : "<table:covered-table-cell/>";
        c += n;
        continue;
      }
      const span = spanAt.get(`${r},${c}`);
      let n = 1;
      if (!span) while (c + n < width && !covered(r, c + n) && !spanAt.has(`${r},${c + n}`) && sameValue(row[c], row[c + n])) n++;
      xml += cellXml(row[c] ?? null, n, span);
      c += n;
    }
    return xml + cellXml(null, LAST_COLUMN - width, undefined);
  };
  const rows: string[] = [];
  for (let r = 0; r < height; ) {
    const xml = rowXml(r);
    let n = 1;
    while (r + n < height && rowXml(r + n) === xml) n++;
    rows.push(`<table:table-row${n > 1 ? ` table:number-rows-repeated="${n}"` : ""} table:style-name="ro1">${xml}</table:table-row>`);
    r += n;
  }
  rows.push(`<table:table-row table:number-rows-repeated="${LAST_ROW - height}" table:style-name="ro1">${cellXml(null, LAST_COLUMN, undefined)}</table:table-row>`);
  return `<table:table table:name="${escapeXml(sheet.name)}" table:style-name="${styleName}"><table:table-column table:number-columns-repeated="${LAST_COLUMN}"/>${rows.join("")}</table:table>`;
}

export function odsContent(sheets: OdsSheet[]): string {
  const styles =
    '<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true" style:writing-mode="lr-tb"/></style:style>' +
    '<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false" style:writing-mode="lr-tb"/></style:style>' +
    '<style:style style:name="ro1" style:family="table-row"><style:table-row-properties style:row-height="0.178in"/></style:style>';
  const tables = sheets.map((s) => tableXml(s, s.hidden ? "ta2" : "ta1")).join("");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content ${NS} office:version="1.3"><office:automatic-styles>${styles}</office:automatic-styles><office:body><office:spreadsheet><table:calculation-settings table:automatic-find-labels="false"/>${tables}<table:named-expressions/></office:spreadsheet></office:body></office:document-content>`;
}

/** An .ods package around a content.xml (given whole, or as bytes for hostile ones). */
export function odsPackage(content: string | Uint8Array, modified?: string): Uint8Array {
  const files: Zippable = {
    // The mimetype is the first entry, stored, as ODF requires: that is how the file is recognised.
    mimetype: [strToU8(MIMETYPE), { level: 0 }],
    "META-INF/manifest.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="${MIMETYPE}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
    ),
    "content.xml": typeof content === "string" ? strToU8(content) : content,
  };
  if (modified) files["meta.xml"] = strToU8(`<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta ${NS}><office:meta><dc:date>${modified}</dc:date></office:meta></office:document-meta>`);
  return zipSync(files, { level: 6 });
}

export function odsFile(sheets: OdsSheet[], modified?: string): Uint8Array {
  return odsPackage(odsContent(sheets), modified);
}

// ---------------------------------------------------------------------------------------------------
// Hostile .ods files

/** content.xml with one sheet whose only row is `rowXml`. */
function oneRowContent(rowXml: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content ${NS}><office:body><office:spreadsheet><table:table table:name="Báo cáo">${rowXml}</table:table></office:spreadsheet></office:body></office:document-content>`;
}

/** A row with a value repeated `rows` times: a few bytes that would be a million-row sheet. */
export function repeatedRowsOds(rows: number): Uint8Array {
  return odsPackage(oneRowContent(`<table:table-row table:number-rows-repeated="${rows}"><table:table-cell office:value-type="float" office:value="1"/></table:table-row>`));
}

/** A value cell repeated across `columns` columns, in `rows` repeated rows. */
export function repeatedCellsOds(columns: number, rows = 1): Uint8Array {
  return odsPackage(oneRowContent(`<table:table-row table:number-rows-repeated="${rows}"><table:table-cell table:number-columns-repeated="${columns}" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>`));
}

/** Empty merged cells, repeated: no value anywhere, merges without end. */
export function repeatedSpansOds(columns: number, rows: number): Uint8Array {
  return odsPackage(oneRowContent(`<table:table-row table:number-rows-repeated="${rows}"><table:table-cell table:number-columns-repeated="${columns}" table:number-columns-spanned="1" table:number-rows-spanned="2"/></table:table-row>`));
}

/** One cell of `count` text:s elements of the largest space count: gigabytes of spaces if expanded. */
export function spacesBombOds(count: number): Uint8Array {
  const spaces = '<text:s text:c="1000000000"/>'.repeat(count);
  return odsPackage(oneRowContent(`<table:table-row><table:table-cell office:value-type="string"><text:p>a${spaces}</text:p></table:table-cell></table:table-row>`));
}

/** A content.xml followed by `bytes` of blanks. */
export function odsBomb(bytes: number): Uint8Array {
  const head = strToU8(oneRowContent('<table:table-row><table:table-cell office:value-type="string"><text:p>Đơn vị: Bom</text:p></table:table-cell></table:table-row>'));
  const xml = new Uint8Array(head.length + bytes).fill(0x20);
  xml.set(head);
  return odsPackage(xml);
}
