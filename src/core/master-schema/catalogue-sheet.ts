// "Danh mục chỉ tiêu": the indicator catalogue, data the clerk may extend without a new release.
import { KIND_LABELS, parseKind, SHEETS } from "../master-sheets";
import type { Indicator } from "../types";
import { choice, text } from "./cell-types";
import { columnsOf, missingInputSheet, type TableSchema } from "./table-schema";

const column = columnsOf<Indicator>();

export const CATALOGUE: TableSchema<Indicator> = {
  sheet: SHEETS.catalogue,
  columns: [
    column("code", "Mã chỉ tiêu", 12, text, { required: true }),
    column("name", "Tên chỉ tiêu", 70, text),
    column("denominatorName", "Mẫu số", 50, text),
    column("kind", "Loại", 20, choice(KIND_LABELS, "flow", parseKind), { required: true }),
    column("uom", "Đơn vị tính", 12, text),
  ],
  incomplete: (n) => `Dòng ${n}: thiếu mã chỉ tiêu hoặc loại (Phát sinh trong kỳ, Lũy kế, Tỷ lệ): bỏ qua.`,
  whenAbsent: missingInputSheet,
  whenHeaderless: missingInputSheet,
};
