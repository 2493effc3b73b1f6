// `tonghop export`: the consolidated period as the body's own unit report, for the next level up.
import path from "node:path";
import { vnDay } from "../../core/dates";
import { writeFileAtomic } from "../../io/node-files";
import type { ParsedArgs } from "../args";
import { Io, now, openMaster, periodArg } from "../context";
import { printProblems } from "../print";

export const EXPORT_HELP = `tonghop export SO.xlsx --period KY [--out TEP.xlsx]
  Xuất kết quả tổng hợp của kỳ thành báo cáo của đơn vị tổng hợp gửi cấp trên (mã và tên lấy từ trang
  "Cài đặt"): tỷ lệ ghi đủ Tử số và Mẫu số, cấp trên nhập bằng tonghop import như báo cáo của một đơn vị.
  --out  tệp ghi báo cáo (mặc định: "BC KY - Ten don vi.xlsx" cạnh sổ tổng hợp)
`;

export async function runExport(args: ParsedArgs, io: Io): Promise<number> {
  if (args.flags.has("help")) return io.out(EXPORT_HELP), 0;
  const { file, master } = await openMaster(args, EXPORT_HELP);
  const at = now();
  const { period, file: report, consolidation: c } = await master.exportUpward(periodArg(args), at);
  printProblems(master.problems, io);
  const out = args.options.out ?? path.join(path.dirname(file), report.fileName);
  await writeFileAtomic(out, report.bytes);
  const { settings } = master.book;
  const filled = c.indicators.filter((i) => i.unitsReporting > 0).length;
  const body = [settings.bodyName, settings.bodyCode && `mã ${settings.bodyCode}`].filter(Boolean).join(", ");
  io.out(`Đã xuất báo cáo ${period.label} của ${body} (${filled}/${c.indicators.length} chỉ tiêu có số liệu, ngày báo cáo ${vnDay(at).split("-").reverse().join("/")}): ${out}\n`);
  const missing = c.units.filter((u) => u.status === "overdue" || u.status === "pending");
  if (missing.length > 0) io.out(`Chú ý: ${missing.length} đơn vị chưa nộp báo cáo (${missing.map((u) => u.name).join("; ")}); số liệu của các đơn vị này chưa có trong báo cáo.\n`);
  return 0;
}
