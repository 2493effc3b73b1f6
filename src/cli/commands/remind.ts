// `tonghop remind`: the messages to send to late and overdue units, and one for the group chat.
import type { ParsedArgs } from "../args";
import { findingJson } from "../json";
import { asOfArg, Io, periodArg, withMaster } from "../context";
import { printProblems } from "../print";

export const REMIND_HELP = `tonghop remind SO.xlsx --period KY [--as-of YYYY-MM-DD] [--json]
  Soạn tin nhắc nhở (dán vào Zalo hoặc thư điện tử): một tin cho từng đơn vị quá hạn, nộp trễ hoặc có
  báo cáo lỗi (kèm hạn nộp, số ngày, nội dung còn thiếu hoặc cần sửa, người liên hệ), và một tin chung
  cho nhóm. Không ghi gì vào sổ.
  --as-of   tính đến ngày này (mặc định: hôm nay, giờ Việt Nam)
  --json    in kết quả dạng JSON
`;

export async function runRemind(args: ParsedArgs, io: Io): Promise<number> {
  if (args.flags.has("help")) return io.out(REMIND_HELP), 0;
  return withMaster(args, REMIND_HELP, { write: false }, async ({ master }) => {
    const { consolidation: c, units, group } = master.reminders(periodArg(args), asOfArg(args));
    if (args.flags.has("json")) {
      const json = { period: c.period.key, periodLabel: c.period.label, asOf: c.asOf, reminders: units.map((r) => ({ ...r, findings: r.findings.map(findingJson) })), groupMessage: group };
      io.out(JSON.stringify(json, null, 2) + "\n");
      return 0;
    }
    printProblems(master.problems, io);
    if (units.length === 0) {
      io.out(`${c.period.label}: không có đơn vị nào quá hạn, nộp trễ hoặc có báo cáo lỗi – không cần nhắc.\n`);
      return 0;
    }
    for (const r of units) io.out(`----- Gửi ${r.name}${r.contact ? ` (${r.contact})` : ""} -----\n${r.message}\n\n`);
    io.out(`===== Tin chung cho nhóm Zalo / thư điện tử =====\n${group}\n`);
    return 0;
  });
}
