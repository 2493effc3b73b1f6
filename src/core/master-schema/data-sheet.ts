// "Dữ liệu": one row per period × unit × indicator, with the source file, sheet and cell of the figure.
import { SHEETS } from "../master-sheets";
import { COUNT } from "../sheet-spec";
import type { Fact } from "../types";
import { figure, instant, text } from "./cell-types";
import { columnsOf, type TableSchema } from "./table-schema";
import { byText } from "./row-order";

const column = columnsOf<Fact>();

export const DATA: TableSchema<Fact> = {
  sheet: SHEETS.data,
  columns: [
    column("period", "Kỳ", 10, text, { required: true }),
    column("unit", "Mã đơn vị", 12, text, { required: true }),
    column("indicator", "Mã chỉ tiêu", 12, text, { required: true }),
    column("value", "Giá trị", 12, figure("#,##0.####")),
    column("numerator", "Tử số", 12, figure(COUNT)),
    column("denominator", "Mẫu số", 12, figure(COUNT)),
    column("file", "Tệp nguồn", 36, text),
    column("sheet", "Trang", 12, text),
    column("cell", "Ô", 8, text),
    column("hash", "Mã băm SHA-256", 20, text),
    column("importedAt", "Thời điểm nhập", 18, instant),
  ],
  rowKey: ["period", "unit", "indicator"],
  order: byText("period", "unit", "indicator"),
  incomplete: (n) => `Dòng ${n} của trang "${SHEETS.data}" thiếu kỳ, mã đơn vị hoặc mã chỉ tiêu: bỏ qua dòng này.`,
  whenAbsent: () =>
    `Sổ tổng hợp không có trang "${SHEETS.data}": chưa đọc được số liệu đã nhập. Nếu trang đã bị đổi tên, hãy đổi lại đúng tên "${SHEETS.data}" trước khi nhập hoặc tổng hợp tiếp.`,
  whenHeaderless: () =>
    `Trang "${SHEETS.data}" không còn đúng tiêu đề cột: không đọc được dữ liệu đã nhập. Hãy khôi phục tiêu đề cột (Kỳ, Mã đơn vị, Mã chỉ tiêu, Giá trị, ...).`,
};
