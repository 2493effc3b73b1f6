// The master workbook as an OOXML package the product patches rather than rewrites. Browser-safe: fflate,
// TextEncoder/TextDecoder and the project's reader (src/io/xlsx), no Node API.
//
// Reading:
//   readMasterPackage(bytes, names) -> { grids, sheets, date1904 }
//   MasterPackage.open(bytes) .grids(names) / .sheet(name) / .find(name) / .sheets
// Only the sheets asked for are inflated. Names match as Excel matches them: the same spelling after NFC
// first, else the same name but for case ("TỔNG HỢP" is "Tổng hợp" to Excel). Grids are keyed by the
// names as asked.
//
// Writing:
//   patchMasterPackage(original | null, specs, { activate, productSheets, now }) -> { bytes, activeSheet, replaced, added }
// What the product owns and changes:
// - the worksheet part of each spec's sheet (replaced whole, or a new part for a new sheet); strings are
//   inline strings, so xl/sharedStrings.xml is never touched and no cell becomes a formula;
// - xl/workbook.xml: a <sheet> per new sheet (appended after the existing tabs, whose order is kept),
//   the active tab, <calcPr fullCalcOnLoad="1"> so the clerk's formulas over product sheets recalculate
//   on open, and the print area / filter names of a rewritten sheet (print titles and every other
//   defined name stay);
// - xl/_rels/workbook.xml.rels and [Content_Types].xml: entries for new sheet parts, and for the
//   calculation chain, which is removed (Excel rebuilds it; one naming rewritten cells is "corruption");
// - xl/styles.xml: the number formats, fonts, fills and cell formats the sheets use, appended when not
//   already present; existing entries keep their indices;
// - a rewritten sheet's own relationships part, trimmed to what the rewritten sheet still references.
// A rewritten sheet keeps its tab position, visibility, name as spelled, VBA code name, tab colour,
// sheet protection, and the drawing and notes anchored on it (charts, shapes, pictures, comments).
// Every other part is copied as stored, byte for byte: charts, drawings, pivot tables and caches,
// vbaProject.bin (the content type of an .xlsm stays), tables, comments, external links, custom XML,
// document properties, printer settings, metadata, the clerk's sheets and their x14 extensions.
//
// Safety: a spec whose name is not a product sheet never overwrites an existing sheet; a sheet named
// like a product sheet but for case is taken as the product's only when its content is (an intact seal,
// or the product's header row), otherwise the patch is refused. Every failure is a MasterPackageError with
// a code and one Vietnamese line; nothing is returned, so the caller writes nothing.
export { readMasterPackage, MasterPackage, type MasterPackageContent, type MasterSheetInfo } from "./read";
export { patchMasterPackage, type PatchOptions, type PatchResult } from "./patch";
export { MasterPackageError, type MasterPackageErrorCode } from "./errors";
export { MASTER_READ_LIMITS, type SheetKind, type SheetVisibility } from "./package";
