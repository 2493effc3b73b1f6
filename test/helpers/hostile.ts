// Real .xlsx bytes built by hand (fflate, inline strings), fast enough for thousands of reports, and the
// hostile files the importer must refuse: encrypted packages, zip bombs, giant sheets.
import { Zip, ZipDeflate, zipSync, type Zippable } from "fflate";
import { columnName } from "../../src/core/address";
import type { CellValue } from "../../src/core/types";
import { type GridReport, reportWorkbook } from "./report-grid";

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

const encoder = new TextEncoder();

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function cellXml(value: CellValue, r: number, c: number): string {
  if (value === null || value === undefined || value === "") return "";
  const ref = `${columnName(c)}${r + 1}`;
  if (typeof value === "number") return `<c r="${ref}"><v>${value}</v></c>`;
  if (typeof value === "boolean") return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
}

/** A worksheet part holding the rows (strings inline, so no shared-strings part is needed). */
export function sheetXml(rows: CellValue[][]): string {
  const body = rows
    .map((row, r) => {
      const cells = row.map((v, c) => cellXml(v, r, c)).join("");
      return cells ? `<row r="${r + 1}">${cells}</row>` : "";
    })
    .join("");
  return `${XML_HEAD}<worksheet xmlns="${MAIN_NS}"><sheetData>${body}</sheetData></worksheet>`;
}

export interface PackageSheet {
  name: string;
  /** The worksheet part; omitted when only the workbook's sheet list matters (the reader refuses first). */
  xml?: string | Uint8Array;
}

/** The package parts around the worksheets: content types, relationships, the workbook's sheet list. */
export function packageParts(sheets: PackageSheet[]): Record<string, string> {
  const overrides = sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${SHEET_TYPE}"/>`).join("");
  const sheetList = sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  const sheetRels = sheets
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join("");
  return {
    "[Content_Types].xml": `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}</Types>`,
    "_rels/.rels": `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${sheetList}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${sheetRels}</Relationships>`,
  };
}

/** A minimal valid .xlsx with the given worksheets. */
export function xlsxPackage(sheets: PackageSheet[]): Uint8Array {
  const files: Zippable = {};
  for (const [part, xml] of Object.entries(packageParts(sheets))) files[part] = encoder.encode(xml);
  sheets.forEach((s, i) => {
    if (s.xml !== undefined) files[`xl/worksheets/sheet${i + 1}.xml`] = typeof s.xml === "string" ? encoder.encode(s.xml) : s.xml;
  });
  return zipSync(files, { level: 1 });
}

/** A unit report as a real .xlsx file, laid out like the product's template. */
export function reportXlsx(r: GridReport, sheetName = "Báo cáo"): Uint8Array {
  return xlsxPackage([{ name: sheetName, xml: sheetXml(reportWorkbook(r).sheets[0].rows) }]);
}

/**
 * An .xlsx whose one worksheet is produced piece by piece: the XML of a giant sheet is streamed into
 * the deflater and never held whole in memory. Level 0 (deflate's stored blocks) is for speed when the
 * size of the zip does not matter.
 */
export function streamedXlsx(sheetName: string, chunks: Iterable<string | Uint8Array>, level: 0 | 1 = 1): Uint8Array {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else out.push(data);
  });
  for (const [part, xml] of Object.entries(packageParts([{ name: sheetName }]))) {
    const entry = new ZipDeflate(part, { level: 1 });
    zip.add(entry);
    entry.push(encoder.encode(xml), true);
  }
  const sheet = new ZipDeflate("xl/worksheets/sheet1.xml", { level });
  zip.add(sheet);
  for (const chunk of chunks) sheet.push(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
  sheet.push(new Uint8Array(0), true);
  zip.end();
  if (failure) throw failure;
  return concat(out);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return bytes;
}

/**
 * The XML of a sheet with `rows` rows of `columns` numeric cells, in chunks of about a thousand rows.
 * Cells carry no address (they follow each other, as the format allows), which keeps wide sheets small.
 */
export function* bigSheetChunks(rows: number, columns: number, firstRows: CellValue[][] = []): Generator<string> {
  const head = sheetXml(firstRows);
  yield head.slice(0, head.indexOf("</sheetData>"));
  const cells = (r: number) => {
    let xml = "";
    for (let c = 0; c < columns; c++) xml += `<c><v>${(r + c) % 97}</v></c>`;
    return xml;
  };
  let chunk = "";
  for (let r = firstRows.length + 1; r <= rows; r++) {
    chunk += `<row r="${r}">${cells(r)}</row>`;
    if (r % 1000 === 0) {
      yield chunk;
      chunk = "";
    }
  }
  yield chunk + "</sheetData></worksheet>";
}

/** A report whose worksheet is followed by `bytes` of blanks: tiny zipped, huge inflated. */
export function zipBomb(bytes: number): Uint8Array {
  const padding = new Uint8Array(1024 * 1024).fill(0x20); // whitespace is valid XML after the root
  const chunks = function* () {
    yield sheetXml([["Đơn vị:", "Bom"]]);
    for (let done = 0; done < bytes; done += padding.length) yield padding;
  };
  return streamedXlsx("Báo cáo", chunks());
}

/**
 * A password-protected Office file: a compound file (CFB) whose directory holds the EncryptionInfo and
 * EncryptedPackage streams, which is how Excel saves an .xlsx with "Encrypt with password".
 */
export function encryptedWorkbook(): Uint8Array {
  const bytes = new Uint8Array(512 * 4);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  ["Root Entry", "EncryptionInfo", "EncryptedPackage"].forEach((name, i) => {
    const at = 512 + i * 128;
    for (let j = 0; j < name.length; j++) bytes[at + 2 * j] = name.charCodeAt(j);
    const nameBytes = (name.length + 1) * 2;
    bytes[at + 64] = nameBytes & 0xff;
    bytes[at + 65] = nameBytes >> 8;
  });
  return bytes;
}

/** A seeded xorshift generator of 32-bit numbers: tests draw from it so that a failing case reruns the same. */
export function xorshift(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
}

/** Deterministic pseudo-random bytes, so a failing case can be rerun. */
export function randomBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  const next = xorshift(seed);
  for (let i = 0; i < length; i++) bytes[i] = next() & 0xff;
  return bytes;
}
