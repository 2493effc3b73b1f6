// "Đơn vị": the reporting units. The same declaration reads a units file the clerk brings to `init`.
import { FREQUENCY_LABELS, parseFrequency, SHEETS } from "../master-sheets";
import type { Unit } from "../types";
import { choice, text } from "./cell-types";
import { columnsOf, missingInputSheet, type TableSchema } from "./table-schema";

const column = columnsOf<Unit>();

export const UNITS: TableSchema<Unit> = {
  sheet: SHEETS.units,
  columns: [
    column("code", "Mã đơn vị", 14, text, { required: true }),
    column("name", "Tên đơn vị", 44, text, { required: true }),
    column("type", "Loại", 28, text),
    column("parent", "Đơn vị cấp trên", 16, text),
    column("frequency", "Tần suất", 10, choice(FREQUENCY_LABELS, "month", parseFrequency), {
      unreadable: (typed, u) => `Tần suất "${typed}" của ${u.code} không rõ (tháng, quý, 6 tháng, năm): coi là tháng.`,
    }),
    // Period keys ("2026-04") or days, kept as text so that a key is not taken for a date.
    column("activeFrom", "Hoạt động từ", 14, text),
    column("activeTo", "Hoạt động đến", 14, text),
    column("contact", "Liên hệ", 40, text),
  ],
  incomplete: (n, sheet) => `Dòng ${n} của "${sheet}" thiếu mã hoặc tên đơn vị: bỏ qua.`,
  unique: { key: "code", message: (code, n) => `Mã đơn vị "${code}" bị trùng (dòng ${n}): chỉ dùng dòng đầu.` },
  whenAbsent: missingInputSheet,
  whenHeaderless: (sheet) => `Không thấy dòng tiêu đề "Mã đơn vị, Tên đơn vị, Loại, Đơn vị cấp trên, Tần suất" trong "${sheet}".`,
};
