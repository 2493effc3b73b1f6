// Everything that needs exceljs, in one chunk the page loads only when a master workbook is opened or
// created: the first load stays small.
import ExcelJS from "exceljs";

export { saveMasterWorkbook, writeSheets } from "../io/master-workbook";
export { worksheetToSheet } from "../io/xlsx/exceljs-grid";
export { ExcelJS };
