// The workbook reader: file bytes -> Workbook. Browser-safe (fflate + TextDecoder only). The exceljs
// based reader lives in ./exceljs-grid and is imported directly where exceljs is available anyway.
export { readWorkbook } from "./workbook";
export { sniffFormat, type FileKind } from "./sniff";
export { WorkbookReadError, type WorkbookReadErrorCode } from "./errors";
export { DEFAULT_READ_LIMITS, type ReadLimits } from "./limits";
