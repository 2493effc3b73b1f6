// "Nộp báo cáo": each unit's report for a period as received, and the instant it counts as received.
// "Ngày nhận (nhập tay)" is the clerk's own column: a day typed there wins over every other date.
import { SHEETS, SOURCE_LABELS } from "../master-sheets";
import type { Submission } from "../types";
import { choice, day, dayOrInstant, instant, integer, text } from "./cell-types";
import { byText } from "./row-order";
import { columnsOf, type TableSchema } from "./table-schema";

const column = columnsOf<Submission>();

export const SUBMISSIONS: TableSchema<Submission> = {
  sheet: SHEETS.submissions,
  columns: [
    column("period", "Kỳ", 10, text, { required: true }),
    column("unit", "Mã đơn vị", 12, text, { required: true }),
    column("file", "Tệp", 36, text),
    column("manualReceived", "Ngày nhận (nhập tay)", 20, dayOrInstant),
    column("declaredDate", "Ngày báo cáo", 14, day),
    column("fileModified", "Ngày sửa tệp", 18, instant),
    column("importedAt", "Thời điểm nhập", 18, instant),
    column("receivedAt", "Tính là nhận lúc", 18, instant),
    column("receivedSource", "Nguồn ngày nhận", 16, choice(SOURCE_LABELS, "import")),
    column("errors", "Số lỗi", 8, integer),
    column("warnings", "Số cảnh báo", 10, integer),
    column("hash", "Mã băm SHA-256", 20, text),
  ],
  rowKey: ["period", "unit"],
  order: byText("period", "unit"),
  incomplete: (n) => `Dòng ${n} của trang "${SHEETS.submissions}" thiếu kỳ hoặc mã đơn vị: bỏ qua dòng này.`,
  whenHeaderless: () => `Trang "${SHEETS.submissions}" không còn đúng tiêu đề cột: không đọc được ngày nhận báo cáo.`,
};
