// "Chỉ tiêu theo loại đơn vị": which indicators each type of unit reports.
import { SHEETS } from "../master-sheets";
import type { UnitTypeIndicators } from "../types";
import { codeList, text } from "./cell-types";
import { columnsOf, missingInputSheet, type TableSchema } from "./table-schema";

const column = columnsOf<UnitTypeIndicators>();

export const UNIT_TYPES: TableSchema<UnitTypeIndicators> = {
  sheet: SHEETS.unitTypes,
  columns: [column("type", "Loại đơn vị", 32, text, { required: true }), column("indicators", "Chỉ tiêu phải báo cáo", 80, codeList)],
  incomplete: (n) => `Dòng ${n}: thiếu loại đơn vị: bỏ qua dòng này.`,
  whenAbsent: missingInputSheet,
  whenHeaderless: missingInputSheet,
};
