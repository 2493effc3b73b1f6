// Reminders the clerk pastes into Zalo or an e-mail: one polite message per unit to chase (overdue, late,
// or sent with errors) and one combined message for the group chat, each unit's contact beside it.
import { addDays, formatDayVi, vnDay } from "./dates";
import { bySeverity } from "./findings";
import { owedReportKeys, parsePeriodKey } from "./periods";
import type { Consolidation } from "./period-consolidation";
import { unitStatus } from "./status";
import { deadlinePhrase } from "./template-plan";
import type { Finding, MasterBook, UnitStatus, UnitStatusCode } from "./types";

/** At most this many findings are listed in one message; the rest are counted. */
const MAX_LISTED = 8;
const TITLE = "phong trào “Bình dân học vụ số”";

export interface UnitReminder {
  unit: string;
  name: string;
  contact: string;
  status: UnitStatusCode;
  daysLate: number;
  /** "trước ngày 20/03/2026": the deadline of the unit's worst report in the period. */
  deadline: string;
  /** Labels of the unit's own reports still missing after their deadline ("Tháng 1/2026"). */
  missing: string[];
  /** Errors first, then warnings, of the unit's reports in the period. */
  findings: Finding[];
}

function needsReminder(s: UnitStatus): boolean {
  return s.status === "overdue" || s.status === "late" || s.errors > 0;
}

/** The due day of a status's due instant, as the settings phrase it. */
function deadlineOf(s: UnitStatus, book: MasterBook): string {
  if (!s.dueAt) return "";
  const instantDay = vnDay(new Date(s.dueAt));
  return deadlinePhrase(book.settings.deadlineInclusive ? addDays(instantDay, -1) : instantDay, book.settings);
}

/** The unit's own reports in the period that are overdue as of the consolidation. */
function missingReports(book: MasterBook, c: Consolidation, unitCode: string): string[] {
  const unit = book.units.find((u) => u.code === unitCode);
  if (!unit) return [];
  const adhoc = book.settings.adhocPeriods;
  const asOf = new Date(c.asOf);
  const submissions = book.submissions.filter((s) => s.unit === unit.code);
  return owedReportKeys(unit, c.period.key, adhoc)
    .filter((key) => unitStatus({ unit, periodKey: key, submissions, asOf, settings: book.settings }).status === "overdue")
    .map((key) => parsePeriodKey(key, adhoc)?.label ?? key);
}

/** Every unit to remind for the consolidated period: overdue first (most days first), then late, then errors. */
export function unitsToRemind(book: MasterBook, c: Consolidation): UnitReminder[] {
  const rank = (s: UnitStatus) => (s.status === "overdue" ? 0 : s.status === "late" ? 1 : 2);
  return c.units
    .filter(needsReminder)
    .sort((a, b) => rank(a) - rank(b) || b.daysLate - a.daysLate || a.name.localeCompare(b.name, "vi"))
    .map((s) => ({
      unit: s.unit,
      name: s.name,
      contact: book.units.find((u) => u.code === s.unit)?.contact ?? "",
      status: s.status,
      daysLate: s.daysLate,
      deadline: deadlineOf(s, book),
      missing: s.status === "overdue" ? missingReports(book, c, s.unit) : [],
      findings: c.findings
        .filter((f) => f.unit === s.unit && f.severity !== "info")
        .sort(bySeverity),
    }));
}

function sender(book: MasterBook): string {
  return book.settings.bodyName.trim() || "Cơ quan tổng hợp";
}

function findingLines(findings: Finding[]): string[] {
  // Messages already name the indicator and the cell.
  const lines = findings.slice(0, MAX_LISTED).map((f) => `  - ${f.severity === "error" ? "Lỗi" : "Cần kiểm tra"}: ${f.message}`);
  if (findings.length > MAX_LISTED) lines.push(`  - và ${findings.length - MAX_LISTED} nội dung khác (xem trang "Phát hiện" của sổ tổng hợp).`);
  return lines;
}

/** The message to one unit, ready to paste; null when the unit has nothing to be reminded of. */
export function reminderForUnit(book: MasterBook, c: Consolidation, unitCode: string): string | null {
  const r = unitsToRemind(book, c).find((x) => x.unit === unitCode);
  return r ? unitMessage(book, c, r) : null;
}

export function unitMessage(book: MasterBook, c: Consolidation, r: UnitReminder): string {
  const from = sender(book);
  const asOf = formatDayVi(vnDay(new Date(c.asOf)));
  const lines = [`Kính gửi: ${r.name}${r.contact ? ` (liên hệ: ${r.contact})` : ""}.`];
  const errors = r.findings.filter((f) => f.severity === "error").length;
  if (r.status === "overdue") {
    const missing = r.missing.length > 1 ? ` Báo cáo còn thiếu: ${r.missing.join(", ")}.` : "";
    lines.push(
      `Đến ngày ${asOf}, ${from} chưa nhận được báo cáo kết quả thực hiện ${TITLE} ${c.period.label} của đơn vị (hạn nộp: ${r.deadline}; đã quá hạn ${r.daysLate} ngày).${missing}`,
      "Đề nghị đơn vị hoàn thành và gửi báo cáo (tệp Excel theo mẫu) trong thời gian sớm nhất.",
    );
  } else {
    const late = r.status === "late" ? `, trễ ${r.daysLate} ngày so với hạn nộp (${r.deadline})` : "";
    lines.push(`${from} đã nhận báo cáo ${TITLE} ${c.period.label} của đơn vị${late}.`);
    if (r.findings.length > 0) {
      lines.push(`Báo cáo còn ${errors > 0 ? `${errors} lỗi` : "một số nội dung"} cần sửa hoặc kiểm tra lại:`, ...findingLines(r.findings));
      lines.push("Đề nghị đơn vị rà soát, sửa và gửi lại báo cáo sớm để kịp tổng hợp.");
    } else {
      lines.push("Đề nghị đơn vị lưu ý gửi báo cáo đúng hạn trong các kỳ tiếp theo.");
    }
  }
  lines.push("Trân trọng cảm ơn!");
  return lines.join("\n");
}

/** One message for the group chat naming every unit to chase, with contacts; "" when nobody is. */
export function groupReminder(book: MasterBook, c: Consolidation): string {
  const reminders = unitsToRemind(book, c);
  if (reminders.length === 0) return "";
  const asOf = formatDayVi(vnDay(new Date(c.asOf)));
  const contact = (r: UnitReminder) => (r.contact ? ` – liên hệ: ${r.contact}` : "");
  const errorsOf = (r: UnitReminder) => r.findings.filter((f) => f.severity === "error").length;
  const section = (title: string, list: UnitReminder[], detail: (r: UnitReminder) => string) =>
    list.length === 0 ? [] : [title, ...list.map((r, i) => `${i + 1}. ${r.name}: ${detail(r)}${contact(r)}`)];
  const withErrors = (r: UnitReminder) => (errorsOf(r) > 0 ? `; báo cáo có ${errorsOf(r)} lỗi cần sửa` : "");
  const overdue = reminders.filter((r) => r.status === "overdue");
  const late = reminders.filter((r) => r.status === "late");
  const errorsOnly = reminders.filter((r) => r.status !== "overdue" && r.status !== "late");
  return [
    "Kính gửi các đơn vị,",
    `${sender(book)} thông báo tình hình nộp báo cáo kết quả thực hiện ${TITLE} ${c.period.label}, tính đến ngày ${asOf}:`,
    ...section("Chưa nộp báo cáo (quá hạn):", overdue, (r) => `quá hạn ${r.daysLate} ngày (hạn ${r.deadline})${r.missing.length > 1 ? `, còn thiếu ${r.missing.join(", ")}` : ""}`),
    ...section("Đã nộp nhưng trễ hạn:", late, (r) => `trễ ${r.daysLate} ngày${withErrors(r)}`),
    ...section("Báo cáo cần sửa lỗi:", errorsOnly, (r) => `${errorsOf(r) || "có"} lỗi cần sửa`),
    "Đề nghị các đơn vị chưa nộp khẩn trương gửi báo cáo theo mẫu; các đơn vị có báo cáo lỗi rà soát, sửa và gửi lại. Trân trọng cảm ơn!",
  ].join("\n");
}
