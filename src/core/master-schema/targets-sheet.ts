// "Chỉ tiêu kế hoạch": a target per indicator and year, a count or a percentage, with "≥" or ">".
import { SHEETS } from "../master-sheets";
import { parseNumber } from "../numbers";
import { COUNT } from "../sheet-spec";
import type { Target } from "../types";
import { amount, choice, flag, integer, text } from "./cell-types";
import { columnsOf, missingInputSheet, type TableSchema } from "./table-schema";

const column = columnsOf<Target>();

const op = choice<Target["op"]>({ ">=": "≥", ">": ">" }, ">=", (t) => (t.includes(">") && !t.includes("=") ? ">" : ">="));

export const TARGETS: TableSchema<Target> = {
  sheet: SHEETS.targets,
  columns: [
    column("indicator", "Mã chỉ tiêu", 12, text, { required: true }),
    column("year", "Năm", 8, integer, { required: true }),
    column("op", "So sánh", 10, op),
    // A percentage is kept as its fraction (0.8) and shown as "80%".
    column("value", "Giá trị", 12, amount(COUNT), { required: true, format: (t) => (t.isPercent ? "0%" : COUNT) }),
    column("isPercent", "Dạng", 8, flag("%", "số", (t) => t.includes("%"))),
  ],
  incomplete: (n) => `Dòng ${n}: chỉ tiêu kế hoạch thiếu mã, năm hoặc giá trị: bỏ qua.`,
  /**
   * A value typed as "80%" is a percentage whatever "Dạng" says, and in a "%" row a clerk's 80 means
   * 80%: a percentage target is a share of a population, never above 100%, so a value above 1 there
   * was typed without its "%".
   */
  complete: (t, cell) => {
    const typed = parseNumber(cell("Giá trị"));
    const typedPercent = typed.kind === "number" && typed.percent;
    const isPercent = typedPercent || t.isPercent;
    return { ...t, isPercent, value: isPercent && !typedPercent && t.value > 1 ? t.value / 100 : t.value };
  },
  whenAbsent: missingInputSheet,
  whenHeaderless: missingInputSheet,
};
