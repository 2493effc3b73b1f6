// "Nhật ký nhập": every file handed to the product and what became of it, in the order they came.
import { SHEETS, STATUS_LABELS } from "../master-sheets";
import type { LogEntry } from "../types";
import { choice, instant, text } from "./cell-types";
import { columnsOf, type TableSchema } from "./table-schema";

const column = columnsOf<LogEntry>();

export const LOG: TableSchema<LogEntry> = {
  sheet: SHEETS.log,
  columns: [
    column("at", "Thời điểm", 18, instant),
    column("file", "Tệp", 36, text),
    column("status", "Kết quả", 16, choice(STATUS_LABELS, "imported")),
    column("unit", "Mã đơn vị", 12, text),
    column("period", "Kỳ", 10, text),
    column("message", "Ghi chú", 80, text),
    column("hash", "Mã băm SHA-256", 20, text),
  ],
};
