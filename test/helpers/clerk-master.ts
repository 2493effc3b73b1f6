// A master workbook as a clerk's copy looks after a few months in Excel, written part by part (no
// library in between to normalise it): a chart and its drawing with a shape and a text box, a pivot
// table and its cache, custom document properties, sheet and workbook-structure protection, manual page
// breaks, sparklines and a cross-sheet validation (x14 extensions), defined names that are a constant,
// an OFFSET range and a whole column, dynamic-array metadata, a VBA project (.xlsm), a clerk formula over
// "Tổng hợp" with its cached value, a table without style info, notes on a product sheet, external
// links, custom XML, printer settings, and openpyxl's absolute part paths with odd relationship ids.
import { zipSync } from "fflate";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const T = "application/vnd.openxmlformats-officedocument";

/** The VBA project is opaque binary to the product: any bytes do to prove it is carried untouched. */
export const VBA_PROJECT = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919 + 13) % 256);
export const PRINTER_SETTINGS = Uint8Array.from({ length: 600 }, (_, i) => (i * 31) % 251);

/** Tab order of the fixture. */
export const CLERK_SHEETS = ["Biểu đồ", "Dữ liệu", "Phân tích", "Đơn vị", "Tổng hợp", "Tình trạng nộp"] as const;

export interface ClerkMasterOptions {
  /** Which tab is active (and selected in its own XML). Default 0, the clerk's chart sheet. */
  activeTab?: number;
  /**
   * "openpyxl" (default): absolute part paths, sheet parts named by topic, a table without style info.
   * "excel": the same content as Excel lays it out (relative paths, sheetN.xml, table style info), which
   * exceljs can load; exceljs finds no sheet at all in the openpyxl layout.
   */
  layout?: "openpyxl" | "excel";
}

const SHEET_PARTS = ["clerk-chart", "data", "pivot", "units", "summary", "status"];

function rels(items: [id: string, type: string, target: string, external?: boolean][]): string {
  return (
    `${HEAD}<Relationships xmlns="${PKG}">` +
    items.map(([id, type, target, ext]) => `<Relationship Id="${id}" Type="${type.startsWith("http") ? type : `${REL}/${type}`}" Target="${target}"${ext ? ' TargetMode="External"' : ""}/>`).join("") +
    `</Relationships>`
  );
}

function selected(tab: number, options: ClerkMasterOptions): string {
  return (options.activeTab ?? 0) === tab ? ' tabSelected="1"' : "";
}

export function clerkMasterParts(options: ClerkMasterOptions = {}): Record<string, Uint8Array> {
  const text: Record<string, string> = {
    "[Content_Types].xml":
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="${T}.vmlDrawing"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>` +
      SHEET_PARTS.map((s) => `<Override PartName="/xl/worksheets/${s}.xml" ContentType="${T}.spreadsheetml.worksheet+xml"/>`).join("") +
      `<Override PartName="/xl/theme/theme1.xml" ContentType="${T}.theme+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${T}.spreadsheetml.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${T}.spreadsheetml.sharedStrings+xml"/>` +
      `<Override PartName="/xl/drawings/drawing1.xml" ContentType="${T}.drawing+xml"/>` +
      `<Override PartName="/xl/charts/chart1.xml" ContentType="${T}.drawingml.chart+xml"/>` +
      `<Override PartName="/xl/comments1.xml" ContentType="${T}.spreadsheetml.comments+xml"/>` +
      `<Override PartName="/xl/tables/table1.xml" ContentType="${T}.spreadsheetml.table+xml"/>` +
      `<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="${T}.spreadsheetml.pivotTable+xml"/>` +
      `<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="${T}.spreadsheetml.pivotCacheDefinition+xml"/>` +
      `<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="${T}.spreadsheetml.pivotCacheRecords+xml"/>` +
      `<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="${T}.spreadsheetml.externalLink+xml"/>` +
      `<Override PartName="/xl/metadata.xml" ContentType="${T}.spreadsheetml.sheetMetadata+xml"/>` +
      `<Override PartName="/xl/calcChain.xml" ContentType="${T}.spreadsheetml.calcChain+xml"/>` +
      `<Override PartName="/xl/printerSettings/printerSettings1.bin" ContentType="${T}.spreadsheetml.printerSettings"/>` +
      `<Override PartName="/customXml/itemProps1.xml" ContentType="${T}.customXmlProperties+xml"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
      `<Override PartName="/docProps/app.xml" ContentType="${T}.extended-properties+xml"/>` +
      `<Override PartName="/docProps/custom.xml" ContentType="${T}.custom-properties+xml"/>` +
      `</Types>`,
    // openpyxl writes absolute targets; the ids are whatever the last writer chose.
    "_rels/.rels": rels([
      ["rId1", "officeDocument", "/xl/workbook.xml"],
      ["R8c2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "/docProps/core.xml"],
      ["R8c3", "extended-properties", "/docProps/app.xml"],
      ["R8c4", "custom-properties", "/docProps/custom.xml"],
    ]),
    "docProps/core.xml":
      `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:creator>Nguyễn Thị Lan</dc:creator><cp:lastModifiedBy>Văn thư UBND xã</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2026-01-05T01:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2026-03-24T08:30:00Z</dcterms:modified></cp:coreProperties>`,
    "docProps/app.xml": `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application><Company>UBND xã Hòa Bình</Company></Properties>`,
    "docProps/custom.xml":
      `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
      `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Số hiệu văn bản"><vt:lpwstr>27/BC-VHXH</vt:lpwstr></property>` +
      `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="Năm kế hoạch"><vt:i4>2026</vt:i4></property></Properties>`,
    "xl/workbook.xml":
      `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15 xr xr6 xr10 xr2" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2">` +
      `<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27425"/><workbookPr codeName="ThisWorkbook" defaultThemeVersion="202300"/>` +
      `<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x15"><x15ac:absPath url="D:\\BDHVS\\" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent>` +
      `<xr:revisionPtr revIDLastSave="0" documentId="13_ncr:1_{6F1A6D1B-3C0A-4F51-8C1E-2B0C9E1A4D77}" xr6:coauthVersionLast="47" xr6:coauthVersionMax="47" xr10:uidLastSave="{00000000-0000-0000-0000-000000000000}"/>` +
      `<workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="q2Fo0b1m3hM0Ry5KQ8cWkA==" workbookSaltValue="c2FsdHNhbHQ=" workbookSpinCount="100000" lockStructure="1"/>` +
      `<bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15720" activeTab="${options.activeTab ?? 0}" xr2:uid="{A1B2C3D4-0000-0000-0000-000000000001}"/></bookViews>` +
      `<sheets>` +
      `<sheet name="Biểu đồ" sheetId="3" r:id="R1a"/><sheet name="Dữ liệu" sheetId="7" r:id="rId7"/><sheet name="Phân tích" sheetId="9" r:id="R1c"/>` +
      `<sheet name="Đơn vị" sheetId="2" r:id="R1d"/><sheet name="Tổng hợp" sheetId="11" r:id="R1e"/><sheet name="Tình trạng nộp" sheetId="12" state="hidden" r:id="R1f"/>` +
      `</sheets>` +
      `<externalReferences><externalReference r:id="R2a"/></externalReferences>` +
      `<definedNames>` +
      `<definedName name="_xlnm._FilterDatabase" localSheetId="2" hidden="1">'Phân tích'!$D$1:$E$3</definedName>` +
      `<definedName name="_xlnm.Print_Area" localSheetId="0">'Biểu đồ'!$A$1:$H$30</definedName>` +
      `<definedName name="_xlnm.Print_Area" localSheetId="1">'Dữ liệu'!$A$1:$K$4</definedName>` +
      `<definedName name="_xlnm.Print_Titles" localSheetId="1">'Dữ liệu'!$1:$1</definedName>` +
      `<definedName name="CotKy">'Dữ liệu'!$A:$A</definedName>` +
      `<definedName name="DuLieuDong">OFFSET('Dữ liệu'!$A$1,0,0,COUNTA('Dữ liệu'!$A:$A),11)</definedName>` +
      `<definedName name="TyLeMucTieu">0.8</definedName>` +
      `</definedNames>` +
      `<calcPr calcId="191029"/>` +
      `<pivotCaches><pivotCache cacheId="5" r:id="R2b"/></pivotCaches>` +
      `<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst>` +
      `</workbook>`,
    "xl/_rels/workbook.xml.rels": rels([
      ["R1a", "worksheet", "/xl/worksheets/clerk-chart.xml"],
      ["rId7", "worksheet", "/xl/worksheets/data.xml"],
      ["R1c", "worksheet", "/xl/worksheets/pivot.xml"],
      ["R1d", "worksheet", "worksheets/units.xml"],
      ["R1e", "worksheet", "/xl/worksheets/summary.xml"],
      ["R1f", "worksheet", "/xl/worksheets/status.xml"],
      ["R2a", "externalLink", "/xl/externalLinks/externalLink1.xml"],
      ["R2b", "pivotCacheDefinition", "/xl/pivotCache/pivotCacheDefinition1.xml"],
      ["R3a", "theme", "/xl/theme/theme1.xml"],
      ["R3b", "styles", "/xl/styles.xml"],
      ["R3c", "sharedStrings", "/xl/sharedStrings.xml"],
      ["R3d", "sheetMetadata", "/xl/metadata.xml"],
      ["R3e", "calcChain", "/xl/calcChain.xml"],
      ["R3f", "http://schemas.microsoft.com/office/2006/relationships/vbaProject", "/xl/vbaProject.bin"],
      ["R40", "customXml", "/customXml/item1.xml"],
    ]),
    "xl/sharedStrings.xml":
      `${HEAD}<sst xmlns="${MAIN}" count="12" uniqueCount="12">` +
      ["Chỉ tiêu", "Kết quả (%)", "Xu hướng", "Đơn vị", "Kỳ", "Tổng Giá trị", "Ghi chú", "Người phụ trách", "Đã gửi nhắc", "Chị Lan", "Mã đơn vị", "Tên đơn vị"].map((s) => `<si><t>${s}</t></si>`).join("") +
      `</sst>`,
    "xl/styles.xml":
      `${HEAD}<styleSheet xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main">` +
      `<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="170" formatCode="[$-42A]dd\\ mmmm\\ yyyy"/></numFmts>` +
      `<fonts count="2" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="Aptos Narrow"/><family val="2"/><scheme val="minor"/></font><font><b/><sz val="14"/><color rgb="FF1F4E79"/><name val="Times New Roman"/><family val="1"/></font></fonts>` +
      `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFF2CC"/><bgColor indexed="64"/></patternFill></fill></fills>` +
      `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color indexed="64"/></left><right style="thin"><color indexed="64"/></right><top style="thin"><color indexed="64"/></top><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/><xf numFmtId="170" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>` +
      `<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext></extLst></styleSheet>`,
    "xl/theme/theme1.xml": themeXml(),
    // The clerk's own sheet: a formula over "Tổng hợp" whose cached value is last month's, a dynamic
    // array over "Dữ liệu", sheet protection, manual page breaks, a chart and shapes, x14 validation
    // against "Đơn vị" and sparklines over "Tổng hợp".
    "xl/worksheets/clerk-chart.xml":
      `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" xr:uid="{5A1F3C2B-1111-4C3D-9E8F-0A1B2C3D4E5F}">` +
      `<sheetPr codeName="Sheet1"><tabColor rgb="FF00B050"/></sheetPr><dimension ref="A1:F6"/>` +
      `<sheetViews><sheetView${selected(0, options)} workbookViewId="0"><selection activeCell="B2" sqref="B2"/></sheetView></sheetViews>` +
      `<sheetFormatPr defaultRowHeight="14.4" x14ac:dyDescent="0.3"/><cols><col min="1" max="1" width="24" customWidth="1"/></cols>` +
      `<sheetData>` +
      `<row r="1" spans="1:6" x14ac:dyDescent="0.3"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="1" t="s"><v>1</v></c><c r="C1" s="1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="F1" t="s"><v>4</v></c></row>` +
      `<row r="2" spans="1:6" x14ac:dyDescent="0.3"><c r="A2"><v>1</v></c><c r="B2" s="2"><f>'Tổng hợp'!G8</f><v>0.5</v></c><c r="F2" cm="1" t="str"><f t="array" ref="F2:F3">_xlfn._xlws.SORT('Dữ liệu'!A2:A3)</f><v>2026-01</v></c></row>` +
      `<row r="3" spans="1:6" x14ac:dyDescent="0.3"><c r="A3"><v>2</v></c><c r="B3" s="2"><f>'Tổng hợp'!G7</f><v>0.25</v></c><c r="F3" t="str"><v>2026-02</v></c></row>` +
      `<row r="5" spans="1:6" x14ac:dyDescent="0.3"><c r="A5" t="s"><v>0</v></c><c r="B5" s="4"><f>SUM('Tổng hợp'!G8:G9)*100</f><v>75</v></c><c r="C5"><f>TyLeMucTieu*100</f><v>80</v></c><c r="D5"><f>SUM(CotKy)</f><v>0</v></c></row>` +
      `<row r="6" spans="1:6" x14ac:dyDescent="0.3"><c r="A6" s="3"><v>46101</v></c></row>` +
      `</sheetData>` +
      `<sheetProtection algorithmName="SHA-512" hashValue="3TMaoMDUD2I0g6VIWDHYP1X7RgA=" saltValue="cGVwcGVy" spinCount="100000" sheet="1" objects="1" scenarios="1"/>` +
      `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
      `<pageSetup paperSize="9" orientation="landscape" r:id="rId2"/>` +
      `<rowBreaks count="1" manualBreakCount="1"><brk id="4" max="16383" man="1"/></rowBreaks>` +
      `<drawing r:id="rId1"/>` +
      `<extLst>` +
      `<ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" xr:uid="{11111111-2222-3333-4444-555555555555}"><x14:formula1><xm:f>'Đơn vị'!$A$2:$A$20</xm:f></x14:formula1><xm:sqref>D2:D4</xm:sqref></x14:dataValidation></x14:dataValidations></ext>` +
      `<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap" xr2:uid="{22222222-3333-4444-5555-666666666666}"><x14:colorSeries rgb="FF376092"/><x14:colorNegative rgb="FFD00000"/><x14:colorAxis rgb="FF000000"/><x14:colorMarkers rgb="FFD00000"/><x14:colorFirst rgb="FFD00000"/><x14:colorLast rgb="FFD00000"/><x14:colorHigh rgb="FFD00000"/><x14:colorLow rgb="FFD00000"/><x14:sparklines><x14:sparkline><xm:f>'Tổng hợp'!G8:G9</xm:f><xm:sqref>C2</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext>` +
      `</extLst></worksheet>`,
    "xl/worksheets/_rels/clerk-chart.xml.rels": rels([
      ["rId1", "drawing", "../drawings/drawing1.xml"],
      ["rId2", "printerSettings", "../printerSettings/printerSettings1.bin"],
    ]),
    // The product's data sheet as a previous version left it, with the clerk's notes and tab colour on it.
    "xl/worksheets/data.xml":
      `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetPr codeName="Sheet2"><tabColor rgb="FFFFC000"/></sheetPr><dimension ref="A1:D3"/>` +
      `<sheetViews><sheetView${selected(1, options)} workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
      `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Kỳ</t></is></c><c r="B1" t="inlineStr"><is><t>Mã đơn vị</t></is></c><c r="C1" t="inlineStr"><is><t>Mã chỉ tiêu</t></is></c><c r="D1" t="inlineStr"><is><t>Giá trị</t></is></c></row>` +
      `<row r="2"><c r="A2" t="inlineStr"><is><t>2026-01</t></is></c><c r="B2" t="inlineStr"><is><t>X01</t></is></c><c r="C2" t="inlineStr"><is><t>MH01</t></is></c><c r="D2"><v>5</v></c></row>` +
      `<row r="3"><c r="A3" t="inlineStr"><is><t>2026-01</t></is></c><c r="B3" t="inlineStr"><is><t>X02</t></is></c><c r="C3" t="inlineStr"><is><t>MH01</t></is></c><c r="D3"><v>7</v></c></row></sheetData>` +
      `<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" autoFilter="0"/>` +
      `<conditionalFormatting sqref="D2:D3"><cfRule type="cellIs" priority="1" operator="greaterThan"><formula>6</formula></cfRule></conditionalFormatting>` +
      `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" r:id="rId3"/><legacyDrawing r:id="rId2"/></worksheet>`,
    "xl/worksheets/_rels/data.xml.rels": rels([
      ["rId1", "comments", "../comments1.xml"],
      ["rId2", "vmlDrawing", "../drawings/vmlDrawing1.vml"],
      ["rId3", "printerSettings", "../printerSettings/printerSettings1.bin"],
    ]),
    "xl/comments1.xml":
      `${HEAD}<comments xmlns="${MAIN}"><authors><author>Nguyễn Thị Lan</author></authors><commentList><comment ref="D2" authorId="0"><text><r><t>Đã gọi điện xác nhận số liệu với xã.</t></r></text></comment></commentList></comments>`,
    "xl/drawings/vmlDrawing1.vml":
      `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>` +
      `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>` +
      `<v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:200pt;margin-top:10pt;width:120pt;height:60pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>1</x:Row><x:Column>3</x:Column></x:ClientData></v:shape></xml>`,
    // A pivot table over "Dữ liệu", and a table LibreOffice-style: no <tableStyleInfo>.
    "xl/worksheets/pivot.xml":
      `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1:E5"/><sheetViews><sheetView${selected(2, options)} workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
      `<sheetData><row r="1"><c r="D1" t="s"><v>6</v></c><c r="E1" t="s"><v>7</v></c></row><row r="2"><c r="D2" t="s"><v>8</v></c><c r="E2" t="s"><v>9</v></c></row>` +
      `<row r="3"><c r="A3" t="s"><v>4</v></c><c r="B3" t="s"><v>5</v></c><c r="D3" t="s"><v>8</v></c><c r="E3" t="s"><v>9</v></c></row><row r="4"><c r="A4" t="inlineStr"><is><t>2026-01</t></is></c><c r="B4"><v>12</v></c></row><row r="5"><c r="A5" t="inlineStr"><is><t>Tổng cộng</t></is></c><c r="B5"><v>12</v></c></row></sheetData>` +
      `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><tableParts count="1"><tablePart r:id="rId2"/></tableParts></worksheet>`,
    "xl/worksheets/_rels/pivot.xml.rels": rels([
      ["rId1", "pivotTable", "../pivotTables/pivotTable1.xml"],
      ["rId2", "table", "../tables/table1.xml"],
    ]),
    "xl/tables/table1.xml":
      `${HEAD}<table xmlns="${MAIN}" id="1" name="BangGhiChu" displayName="BangGhiChu" ref="D1:E3" totalsRowShown="0"><autoFilter ref="D1:E3"/><tableColumns count="2"><tableColumn id="1" name="Ghi chú"/><tableColumn id="2" name="Người phụ trách"/></tableColumns></table>`,
    "xl/pivotTables/pivotTable1.xml":
      `${HEAD}<pivotTableDefinition xmlns="${MAIN}" name="BangTongHop" cacheId="5" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="Giá trị" updatedVersion="8" minRefreshableVersion="3" createdVersion="8" indent="0" outline="1" outlineData="1">` +
      `<location ref="A3:B5" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="4"><pivotField axis="axisRow" showAll="0"><items count="2"><item x="0"/><item t="default"/></items></pivotField><pivotField showAll="0"/><pivotField showAll="0"/><pivotField dataField="1" showAll="0"/></pivotFields>` +
      `<rowFields count="1"><field x="0"/></rowFields><rowItems count="2"><i><x/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems><dataFields count="1"><dataField name="Tổng Giá trị" fld="3" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>`,
    "xl/pivotTables/_rels/pivotTable1.xml.rels": rels([["rId1", "pivotCacheDefinition", "../pivotCache/pivotCacheDefinition1.xml"]]),
    "xl/pivotCache/pivotCacheDefinition1.xml":
      `${HEAD}<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${REL}" r:id="rId1" refreshedBy="Nguyễn Thị Lan" refreshedDate="46100.5" createdVersion="8" refreshedVersion="8" minRefreshableVersion="3" recordCount="2">` +
      `<cacheSource type="worksheet"><worksheetSource ref="A1:D3" sheet="Dữ liệu"/></cacheSource><cacheFields count="4">` +
      `<cacheField name="Kỳ" numFmtId="0"><sharedItems count="1"><s v="2026-01"/></sharedItems></cacheField><cacheField name="Mã đơn vị" numFmtId="0"><sharedItems/></cacheField><cacheField name="Mã chỉ tiêu" numFmtId="0"><sharedItems/></cacheField>` +
      `<cacheField name="Giá trị" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="5" maxValue="7"/></cacheField></cacheFields></pivotCacheDefinition>`,
    "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels": rels([["rId1", "pivotCacheRecords", "pivotCacheRecords1.xml"]]),
    "xl/pivotCache/pivotCacheRecords1.xml": `${HEAD}<pivotCacheRecords xmlns="${MAIN}" count="2"><r><x v="0"/><s v="X01"/><s v="MH01"/><n v="5"/></r><r><x v="0"/><s v="X02"/><s v="MH01"/><n v="7"/></r></pivotCacheRecords>`,
    "xl/drawings/drawing1.xml":
      `${HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
      `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>14</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Biểu đồ kết quả"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>` +
      `<xdr:twoCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>7</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>11</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
      `<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="3" name="Hộp văn bản 1"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2000000" cy="700000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="FFF2CC"/></a:solidFill></xdr:spPr>` +
      `<xdr:txBody><a:bodyPr wrap="square" rtlCol="0" anchor="t"/><a:lstStyle/><a:p><a:r><a:rPr lang="vi-VN" sz="1100"/><a:t>Ghi chú của văn thư: số liệu tháng 3 chờ xã Tân Lập bổ sung.</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor>` +
      `<xdr:twoCellAnchor><xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>7</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>10</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
      `<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="4" name="Mũi tên phải 2"/><xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1200000" cy="500000"/></a:xfrm><a:prstGeom prst="rightArrow"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="4472C4"/></a:solidFill></xdr:spPr></xdr:sp><xdr:clientData/></xdr:twoCellAnchor>` +
      `</xdr:wsDr>`,
    "xl/drawings/_rels/drawing1.xml.rels": rels([["rId1", "chart", "../charts/chart1.xml"]]),
    "xl/charts/chart1.xml":
      `${HEAD}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}"><c:roundedCorners val="0"/><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>Kết quả so với kế hoạch</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
      `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>Kết quả</c:v></c:tx>` +
      `<c:cat><c:strRef><c:f>'Tổng hợp'!$B$6:$B$7</c:f><c:strCache><c:ptCount val="2"/><c:pt idx="0"><c:v>CT01</c:v></c:pt><c:pt idx="1"><c:v>CT02</c:v></c:pt></c:strCache></c:strRef></c:cat>` +
      `<c:val><c:numRef><c:f>'Tổng hợp'!$G$6:$G$7</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="2"/><c:pt idx="0"><c:v>0.5</c:v></c:pt><c:pt idx="1"><c:v>0.25</c:v></c:pt></c:numCache></c:numRef></c:val></c:ser>` +
      `<c:axId val="111"/><c:axId val="222"/></c:barChart><c:catAx><c:axId val="111"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="222"/></c:catAx><c:valAx><c:axId val="222"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="111"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`,
    // "Đơn vị" is an input sheet the clerk keeps: the product reads it and does not rewrite it here.
    "xl/worksheets/units.xml":
      `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView${selected(3, options)} workbookViewId="0"/></sheetViews><sheetData>` +
      `<row r="1"><c r="A1" t="s"><v>10</v></c><c r="B1" t="s"><v>11</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>X01</t></is></c><c r="B2" t="inlineStr"><is><t>Xã Tân Lập</t></is></c></row>` +
      `<row r="3"><c r="A3" t="inlineStr"><is><t>X02</t></is></c><c r="B3" t="inlineStr"><is><t>Xã Hòa Bình</t></is></c></row></sheetData></worksheet>`,
    "xl/worksheets/summary.xml":
      `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView${selected(4, options)} workbookViewId="0"/></sheetViews><sheetData>` +
      `<row r="8"><c r="B8" t="inlineStr"><is><t>CT01</t></is></c><c r="G8"><v>0.5</v></c></row><row r="9"><c r="B9" t="inlineStr"><is><t>CT02</t></is></c><c r="G9"><v>0.25</v></c></row></sheetData></worksheet>`,
    "xl/worksheets/status.xml":
      `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView${selected(5, options)} workbookViewId="0"/></sheetViews><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>cũ</t></is></c></row></sheetData></worksheet>`,
    "xl/externalLinks/externalLink1.xml":
      `${HEAD}<externalLink xmlns="${MAIN}" xmlns:r="${REL}"><externalBook r:id="rId1"><sheetNames><sheetName val="Tổng hợp"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="6"><cell r="G6"><v>0.4</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`,
    "xl/externalLinks/_rels/externalLink1.xml.rels": rels([["rId1", "externalLinkPath", "file:///D:/BDHVS/So-tong-hop-2025.xlsx", true]]),
    "xl/metadata.xml":
      `${HEAD}<metadata xmlns="${MAIN}" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>` +
      `<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`,
    "xl/calcChain.xml": `${HEAD}<calcChain xmlns="${MAIN}"><c r="B2" i="3"/><c r="B3"/><c r="B5"/><c r="C5"/><c r="D5"/><c r="F2"/></calcChain>`,
    "customXml/item1.xml": `<?xml version="1.0" encoding="UTF-8"?><b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography" SelectedStyle="\\APA.XSL" StyleName="APA"/>`,
    "customXml/itemProps1.xml": `${HEAD}<ds:datastoreItem ds:itemID="{0C7F33F2-7B5E-4B9A-9F1B-7E4A7C2C7C11}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="http://schemas.openxmlformats.org/officeDocument/2006/bibliography"/></ds:schemaRefs></ds:datastoreItem>`,
    "customXml/_rels/item1.xml.rels": rels([["rId1", "customXmlProps", "itemProps1.xml"]]),
  };
  const encoder = new TextEncoder();
  const parts: Record<string, Uint8Array> = {};
  const excel = options.layout === "excel";
  for (const [name, xml] of Object.entries(text)) parts[excelLayout(name, excel)] = encoder.encode(excel ? excelLayoutText(name, xml) : xml);
  parts["xl/vbaProject.bin"] = VBA_PROJECT;
  parts["xl/printerSettings/printerSettings1.bin"] = PRINTER_SETTINGS;
  return parts;
}

/** The part of one of the fixture's sheets ("data" for "Dữ liệu") in the layout asked for. */
export function sheetPart(topic: string, options: ClerkMasterOptions = {}): string {
  return excelLayout(`xl/worksheets/${topic}.xml`, options.layout === "excel");
}

function excelLayout(name: string, excel: boolean): string {
  if (!excel) return name;
  return SHEET_PARTS.reduce((n, part, i) => n.replace(`worksheets/${part}.xml`, `worksheets/sheet${i + 1}.xml`).replace(`worksheets/_rels/${part}.xml.rels`, `worksheets/_rels/sheet${i + 1}.xml.rels`), name);
}

function excelLayoutText(name: string, xml: string): string {
  let out = SHEET_PARTS.reduce((t, part, i) => t.split(`/${part}.xml`).join(`/sheet${i + 1}.xml`), xml);
  if (name === "xl/_rels/workbook.xml.rels") out = out.split('Target="/xl/').join('Target="');
  if (name === "_rels/.rels") out = out.split('Target="/').join('Target="');
  if (name === "xl/tables/table1.xml") out = out.replace("</table>", `<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`);
  return out;
}

/** The fixture as an .xlsm file. */
export function clerkMaster(options: ClerkMasterOptions = {}): Uint8Array {
  return zipSync(clerkMasterParts(options), { level: 6 });
}

/** Parts the product owns when it rewrites "Dữ liệu", "Tổng hợp" and "Tình trạng nộp" in this fixture. */
export function productOwnedParts(options: ClerkMasterOptions = {}): string[] {
  const excel = options.layout === "excel";
  return [
    "[Content_Types].xml",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "xl/styles.xml",
    "xl/calcChain.xml",
    "xl/worksheets/data.xml",
    "xl/worksheets/_rels/data.xml.rels",
    "xl/worksheets/summary.xml",
    "xl/worksheets/status.xml",
  ].map((name) => excelLayout(name, excel));
}

function themeXml(): string {
  const scheme = (name: string, colors: [string, string][]) =>
    `<a:clrScheme name="${name}">${colors.map(([k, v]) => (k === "dk1" || k === "lt1" ? `<a:${k}><a:sysClr val="${v}" lastClr="${k === "dk1" ? "000000" : "FFFFFF"}"/></a:${k}>` : `<a:${k}><a:srgbClr val="${v}"/></a:${k}>`)).join("")}</a:clrScheme>`;
  const font = (latin: string) => `<a:latin typeface="${latin}"/><a:ea typeface=""/><a:cs typeface=""/>`;
  const fill = `<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>`;
  const line = `<a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>`;
  return (
    `${HEAD}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements>` +
    scheme("Office", [["dk1", "windowText"], ["lt1", "window"], ["dk2", "0E2841"], ["lt2", "E8E8E8"], ["accent1", "156082"], ["accent2", "E97132"], ["accent3", "196B24"], ["accent4", "0F9ED5"], ["accent5", "A02B93"], ["accent6", "4EA72E"], ["hlink", "467886"], ["folHlink", "96607D"]]) +
    `<a:fontScheme name="Office"><a:majorFont>${font("Aptos Display")}</a:majorFont><a:minorFont>${font("Aptos Narrow")}</a:minorFont></a:fontScheme>` +
    `<a:fmtScheme name="Office"><a:fillStyleLst>${fill}${fill}${fill}</a:fillStyleLst><a:lnStyleLst>${line}${line}${line}</a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst>${fill}${fill}${fill}</a:bgFillStyleLst></a:fmtScheme>` +
    `</a:themeElements></a:theme>`
  );
}
