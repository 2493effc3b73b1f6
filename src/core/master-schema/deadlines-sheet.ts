// "Hạn nộp": the ad-hoc periods (a campaign with its own days) and the deadline exceptions (another due
// day for one unit, or for every unit, in one period), one row each, told apart by "Loại".
import { foldText } from "../fold";
import { SHEETS } from "../master-sheets";
import type { AdhocPeriod, DeadlineException, Settings } from "../types";
import { choice, day, text } from "./cell-types";
import { columnsOf, missingInputSheet, type TableSchema } from "./table-schema";

export interface DeadlineRow {
  kind: "adhoc" | "exception";
  key: string;
  name: string;
  start: string;
  end: string;
  dueDay: string;
  /** An exception's unit code; "" for every unit. */
  unit: string;
}

const KINDS = { adhoc: "Kỳ đột xuất", exception: "Ngoại lệ" } as const;
const kind = choice<DeadlineRow["kind"]>(KINDS, "adhoc", (t) => (foldText(t).startsWith("ngoai le") ? "exception" : "adhoc"));

const column = columnsOf<DeadlineRow>();

export const DEADLINES: TableSchema<DeadlineRow> = {
  sheet: SHEETS.deadlines,
  columns: [
    column("kind", "Loại", 16, kind),
    column("key", "Kỳ báo cáo", 16, text, { required: true }),
    column("name", "Tên kỳ", 40, text),
    column("start", "Từ ngày", 12, day),
    column("end", "Đến ngày", 12, day),
    column("dueDay", "Hạn nộp (trước ngày)", 20, day, { required: true }),
    column("unit", "Mã đơn vị", 14, text),
  ],
  incomplete: (n) => `Dòng ${n} thiếu kỳ báo cáo hoặc hạn nộp: bỏ qua dòng này.`,
  whenAbsent: missingInputSheet,
  whenHeaderless: missingInputSheet,
};

export function deadlineRows(settings: Pick<Settings, "adhocPeriods" | "exceptions">): DeadlineRow[] {
  return [
    ...settings.adhocPeriods.map((p): DeadlineRow => ({ kind: "adhoc", key: p.key, name: p.name, start: p.start, end: p.end, dueDay: p.dueDay, unit: "" })),
    ...settings.exceptions.map((e): DeadlineRow => ({ kind: "exception", key: e.period, name: "", start: "", end: "", dueDay: e.dueDay, unit: e.unit })),
  ];
}

/** The rows back as settings; an ad-hoc period without a name is named by its key. */
export function deadlineSettings(rows: readonly DeadlineRow[]): Pick<Settings, "adhocPeriods" | "exceptions"> {
  const adhocPeriods: AdhocPeriod[] = [];
  const exceptions: DeadlineException[] = [];
  for (const r of rows) {
    if (r.kind === "exception") exceptions.push({ period: r.key, unit: r.unit, dueDay: r.dueDay });
    else adhocPeriods.push({ key: r.key, name: r.name || r.key, start: r.start, end: r.end, dueDay: r.dueDay });
  }
  return { adhocPeriods, exceptions };
}
