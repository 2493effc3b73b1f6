// "Phát hiện": the data findings, errors first, each with its file, sheet and cell; the severity cell
// is painted like the status it resembles.
import { bySeverity } from "../findings";
import { SEVERITY_LABELS, SHEETS } from "../master-sheets";
import { SEVERITY_TONE, STATUS_COLORS } from "../palette";
import type { Finding } from "../types";
import { choice, text } from "./cell-types";
import { columnsOf, type TableSchema } from "./table-schema";

const column = columnsOf<Finding>();

export const FINDINGS: TableSchema<Finding> = {
  sheet: SHEETS.findings,
  columns: [
    column("severity", "Mức độ", 10, choice(SEVERITY_LABELS, "warning")),
    column("code", "Mã", 26, text),
    column("message", "Nội dung", 90, text),
    column("file", "Tệp", 32, text),
    column("sheet", "Trang", 12, text),
    column("cell", "Ô", 8, text),
    column("unit", "Mã đơn vị", 12, text),
    column("indicator", "Chỉ tiêu", 10, text),
    column("period", "Kỳ", 10, text),
  ],
  order: (a, b) => bySeverity(a, b) || a.period.localeCompare(b.period) || a.unit.localeCompare(b.unit) || a.file.localeCompare(b.file),
  mark: (f) => STATUS_COLORS[SEVERITY_TONE[f.severity]],
};
