// `tonghop remind`: the messages to send to late and overdue units, and one for the group chat.
import { groupReminder, unitMessage, unitsToRemind } from "../../core/reminders";
import { consolidateBook } from "../../core/period-consolidation";
import type { ParsedArgs } from "../args";
import { findingJson } from "../json";
import { asOfArg, Io, masterPath, openMaster, periodArg } from "../context";

export const REMIND_HELP = `tonghop remind SO.xlsx --period KY [--as-of YYYY-MM-DD] [--json]
  Soạn tin nhắc nhở (dán vào Zalo hoặc thư điện tử): một tin cho từng đơn vị quá hạn, nộp trễ hoặc có
  báo cáo lỗi (kèm hạn nộp, số ngày, nội dung còn thiếu hoặc cần sửa, người liên hệ), và một tin chung
  cho nhóm. Không ghi gì vào sổ.
  --as-of   tính đến ngày này (mặc định: hôm nay, giờ Việt Nam)
  --json    in kết quả dạng JSON
`;

export async function runRemind(args: ParsedArgs, io: Io): Promise<number> {
  if (args.flags.has("help")) return io.out(REMIND_HELP), 0;
  const { book, problems } = await openMaster(masterPath(args, REMIND_HELP));
  const c = consolidateBook(book, periodArg(args), asOfArg(args));
  const reminders = unitsToRemind(book, c).map((r) => ({ ...r, message: unitMessage(book, c, r) }));
  const group = groupReminder(book, c);
  if (args.flags.has("json")) {
    const json = { period: c.period.key, periodLabel: c.period.label, asOf: c.asOf, reminders: reminders.map((r) => ({ ...r, findings: r.findings.map(findingJson) })), groupMessage: group };
    io.out(JSON.stringify(json, null, 2) + "\n");
    return 0;
  }
  for (const p of problems) io.err(`Chú ý: ${p.message}\n`);
  if (reminders.length === 0) {
    io.out(`${c.period.label}: không có đơn vị nào quá hạn, nộp trễ hoặc có báo cáo lỗi – không cần nhắc.\n`);
    return 0;
  }
  for (const r of reminders) io.out(`----- Gửi ${r.name}${r.contact ? ` (${r.contact})` : ""} -----\n${r.message}\n\n`);
  io.out(`===== Tin chung cho nhóm Zalo / thư điện tử =====\n${group}\n`);
  return 0;
}
