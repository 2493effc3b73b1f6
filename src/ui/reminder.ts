// The reminder the clerk pastes into Zalo or an e-mail for the units whose report is overdue.
import { formatDayVi, vnDay } from "../core/dates";
import type { Period, Unit, UnitStatus } from "../core/types";
import { dueText } from "./periods";
import type { Settings } from "../core/types";

export interface ReminderInput {
  period: Period;
  settings: Settings;
  asOf: Date;
  statuses: UnitStatus[];
  units: Unit[];
}

/** Overdue units first by days overdue, then late ones; units with nothing to chase are left out. */
export function unitsToChase(statuses: UnitStatus[]): UnitStatus[] {
  return statuses
    .filter((s) => s.status === "overdue" || s.status === "late")
    .sort((a, b) => (a.status === b.status ? b.daysLate - a.daysLate : a.status === "overdue" ? -1 : 1));
}

/** The reminder text naming each overdue unit, its days overdue, its contact and the deadline; "" when none is overdue. */
export function reminderText({ period, settings, asOf, statuses, units }: ReminderInput): string {
  const overdue = statuses.filter((s) => s.status === "overdue").sort((a, b) => b.daysLate - a.daysLate);
  if (overdue.length === 0) return "";
  const contact = (code: string) => units.find((u) => u.code === code)?.contact ?? "";
  const sender = settings.bodyName.trim() || "Cơ quan tổng hợp";
  const lines = overdue.map((s) => {
    const who = contact(s.unit);
    return `- ${s.name}: quá hạn ${s.daysLate} ngày${who ? ` (liên hệ: ${who})` : ""}`;
  });
  return [
    `Kính gửi các đơn vị chưa nộp báo cáo phong trào “Bình dân học vụ số” kỳ ${period.label}:`,
    ...lines,
    `${dueText(period.key, settings)}. Đến ngày ${formatDayVi(vnDay(asOf))}, ${sender} chưa nhận được báo cáo của các đơn vị trên.`,
    "Đề nghị các đơn vị khẩn trương gửi báo cáo (tệp Excel theo mẫu) trong thời gian sớm nhất. Trân trọng cảm ơn!",
  ].join("\n");
}
