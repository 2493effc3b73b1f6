// Readable Vietnamese output for people at a terminal.
import { formatInstantVi, formatReceivedVi } from "../core/dates";
import { describePlace } from "../core/findings";
import type { FileResult } from "../core/import";
import { fileStatusLabel, receivedSourceLabel, severityLabel } from "../core/master-sheets";
import { targetText } from "../core/outputs";
import type { Consolidation } from "../core/period-consolidation";
import type { ConsolidatedIndicator, Finding, MasterBook } from "../core/types";
import type { Io } from "./context";

function number(n: number | null): string {
  return n === null ? "–" : n.toLocaleString("vi-VN", { maximumFractionDigits: 0 });
}

export function formatValue(ind: Pick<ConsolidatedIndicator, "kind" | "value">): string {
  if (ind.value === null) return "–";
  return ind.kind === "ratio" ? `${(ind.value * 100).toLocaleString("vi-VN", { maximumFractionDigits: 1 })}%` : number(ind.value);
}

export function printProblems(problems: Finding[], io: Io): void {
  for (const p of problems) io.err(`Chú ý (${describePlace(p)}): ${p.message}\n`);
}

export function printFiles(files: FileResult[], io: Io): void {
  const counts = new Map<string, number>();
  for (const f of files) {
    counts.set(f.status, (counts.get(f.status) ?? 0) + 1);
    const who = f.unitName || f.unit ? ` – ${f.unitName || f.unit}${f.period ? `, kỳ ${f.period}` : ""}` : "";
    const issues = f.errors || f.warnings ? ` (${f.errors} lỗi, ${f.warnings} cảnh báo)` : "";
    io.out(`${fileStatusLabel(f.status).padEnd(18)} ${f.file}${who}${issues}\n`);
    if (f.status === "replaced" || f.status === "duplicate") io.out(`    ${f.message}\n`);
    else if (f.status !== "imported" || f.errors) {
      for (const x of f.findings.filter((x) => x.severity !== "info" || f.status !== "imported").slice(0, 5)) io.out(`    ${severityLabel(x.severity)}: ${x.message}${x.cell ? ` [${x.sheet}!${x.cell}]` : ""}\n`);
    }
  }
  const summary = [...counts].map(([s, n]) => `${fileStatusLabel(s as FileResult["status"]).toLowerCase()}: ${n}`).join(", ");
  io.out(`\n${files.length} tệp – ${summary}\n`);
}

export function printStatus(c: Consolidation, io: Io): void {
  io.out(`Tình trạng nộp báo cáo ${c.period.label}, tính đến ${formatInstantVi(c.asOf)}\n`);
  for (const u of c.units) {
    const received = u.receivedAt ? `nhận ${formatReceivedVi(u.receivedAt)} (${receivedSourceLabel(u.receivedSource!)})` : "";
    const errors = u.errors ? `, ${u.errors} lỗi` : "";
    io.out(`  ${u.label.padEnd(16)} ${u.name}${received ? " – " + received : ""}${errors}\n`);
  }
  const count = (s: string) => c.units.filter((u) => u.status === s).length;
  io.out(`Đúng hạn ${count("on_time")}, trễ hạn ${count("late")}, quá hạn ${count("overdue")}, chưa đến hạn ${count("pending")}, không phải nộp ${count("not_required")}.\n`);
}

export function printConsolidation(book: MasterBook, c: Consolidation, io: Io): void {
  printStatus(c, io);
  io.out(`\nKết quả tổng hợp ${c.period.label}${book.settings.bodyName ? ` – ${book.settings.bodyName}` : ""}\n`);
  for (const ind of c.indicators) {
    if (ind.unitsReporting === 0) continue;
    const ratio = ind.kind === "ratio" ? ` (${number(ind.numerator)}/${number(ind.denominator)})` : "";
    const target = ind.target ? `, kế hoạch ${targetText(ind.target)}` : "";
    const uom = ind.kind === "ratio" ? "" : ` ${ind.uom}`;
    io.out(`  ${ind.code} ${ind.name}: ${formatValue(ind)}${uom}${ratio}${target} – ${ind.unitsReporting} đơn vị\n`);
  }
  const errors = c.findings.filter((f) => f.severity === "error").length;
  const warnings = c.findings.filter((f) => f.severity === "warning").length;
  io.out(`Phát hiện: ${errors} lỗi, ${warnings} cảnh báo (xem trang "Phát hiện").\n`);
}
