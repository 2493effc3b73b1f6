// The package a new master workbook starts from ("tonghop init", "Tạo sổ mới"): a workbook with no sheet
// yet, which the patch then fills exactly as it patches an existing master, so both paths write alike.
import { EMPTY_STYLES_XML } from "./styles";
import { escapeText } from "./xml-edit";
import { deflatedPart, writeZip } from "./zip-writer";

const XML_DECLARATION = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

export const CREATOR = "Tổng hợp báo cáo Bình dân học vụ số";

/** An empty workbook package (no sheets: valid only once the patch has added them). */
export function emptyWorkbookPackage(now: Date): Uint8Array {
  const instant = new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString().replace(".000Z", "Z");
  const parts: [string, string][] = [
    [
      "[Content_Types].xml",
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
        `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
    ],
    [
      "_rels/.rels",
      `<Relationships xmlns="${PACKAGE_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
        `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    ],
    [
      "docProps/core.xml",
      `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<dc:creator>${escapeText(CREATOR)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${instant}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${instant}</dcterms:modified></cp:coreProperties>`,
    ],
    [
      "xl/workbook.xml",
      `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><workbookPr/><bookViews><workbookView/></bookViews><sheets/><calcPr/></workbook>`,
    ],
    ["xl/_rels/workbook.xml.rels", `<Relationships xmlns="${PACKAGE_REL}"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/></Relationships>`],
    ["xl/styles.xml", EMPTY_STYLES_XML],
  ];
  const encoder = new TextEncoder();
  return writeZip(parts.map(([name, xml]) => deflatedPart(name, encoder.encode(xml.startsWith("<?xml") ? xml : XML_DECLARATION + xml))));
}
