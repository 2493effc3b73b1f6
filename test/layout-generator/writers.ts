// Two producers of the same cells: exceljs (shared strings, as Excel and the samples write), and raw
// OOXML with inline strings, as WPS Spreadsheets writes them, with text split into formatting runs and
// dates as serials under a date style. The product reads both through src/io/xlsx.
import { Workbook } from "exceljs";
import { strToU8, zipSync } from "fflate";
import { cellAddress } from "../../src/core/address";
import type { CellValue } from "../../src/core/types";
import type { RenderedReport } from "./render";

export type Producer = "exceljs" | "wps";

export async function writeWithExceljs(report: RenderedReport): Promise<Uint8Array> {
  const wb = new Workbook();
  wb.created = wb.modified = report.modified;
  const ws = wb.addWorksheet("Báo cáo");
  report.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null) return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = v;
      if (v instanceof Date) cell.numFmt = "dd/mm/yyyy";
    }),
  );
  for (const m of report.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** WPS splits a text into runs where its formatting changes: here at the first space, half the time. */
function inlineString(text: string, split: boolean): string {
  const at = text.indexOf(" ");
  if (!split || at <= 0) return `<is><t xml:space="preserve">${escape(text)}</t></is>`;
  return `<is><r><rPr><b/><sz val="12"/></rPr><t xml:space="preserve">${escape(text.slice(0, at + 1))}</t></r><r><t xml:space="preserve">${escape(text.slice(at + 1))}</t></r></is>`;
}

function cellXml(ref: string, v: CellValue, split: boolean): string {
  if (typeof v === "string") return `<c r="${ref}" t="inlineStr">${inlineString(v, split)}</c>`;
  if (typeof v === "number") return `<c r="${ref}"><v>${v}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
  if (v instanceof Date) return `<c r="${ref}" s="1"><v>${(v.getTime() - EXCEL_EPOCH) / 86_400_000}</v></c>`;
  return "";
}

export function writeLikeWps(report: RenderedReport): Uint8Array {
  let split = false;
  const rows = report.rows
    .map((row, r) => {
      const cells = row.map((v, c) => (v === null ? "" : cellXml(cellAddress(r, c), v, (split = !split)))).join("");
      return cells ? `<row r="${r + 1}">${cells}</row>` : "";
    })
    .join("");
  const merges = report.merges.length
    ? `<mergeCells count="${report.merges.length}">${report.merges.map((m) => `<mergeCell ref="${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}"/>`).join("")}</mergeCells>`
    : "";
  const modified = report.modified.toISOString().replace(/\.\d+Z$/, "Z");
  const parts: Record<string, string> = {
    "[Content_Types].xml":
      HEAD +
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
    "_rels/.rels":
      HEAD +
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    "xl/workbook.xml": HEAD + `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels":
      HEAD +
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    "xl/styles.xml":
      HEAD +
      `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="176" formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font><sz val="12"/><name val="Times New Roman"/></font></fonts>` +
      `<fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>` +
      `<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="176" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    "xl/worksheets/sheet1.xml": HEAD + `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${rows}</sheetData>${merges}</worksheet>`,
    "docProps/core.xml":
      HEAD +
      `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${modified}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${modified}</dcterms:modified></cp:coreProperties>`,
  };
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])));
}

export function writeReportBytes(report: RenderedReport, producer: Producer): Promise<Uint8Array> {
  return producer === "exceljs" ? writeWithExceljs(report) : Promise.resolve(writeLikeWps(report));
}
