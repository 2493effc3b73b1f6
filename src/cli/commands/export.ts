// `tonghop export`: the consolidated period as the body's own unit report, for the next level up.
import path from "node:path";
import { vnDay } from "../../core/dates";
import { writeFileAtomic } from "../../io/node-files";
import type { ParsedArgs } from "../args";
import { Io, now, periodArg, withMaster } from "../context";
import { checkOutput } from "../output-file";
import { printProblems } from "../print";

export const EXPORT_HELP = `tonghop export SO.xlsx --period KY [--out TEP.xlsx] [--force]
  Xuất kết quả tổng hợp của kỳ thành báo cáo của đơn vị tổng hợp gửi cấp trên (mã và tên lấy từ trang
  "Cài đặt"): tỷ lệ ghi đủ Tử số và Mẫu số, cấp trên nhập bằng tonghop import như báo cáo của một đơn vị.
  --out    tệp ghi báo cáo (mặc định: "BC KY - Ten don vi.xlsx" cạnh sổ tổng hợp); không bao giờ là
           chính sổ tổng hợp
  --force  ghi đè tệp đã có
`;

export async function runExport(args: ParsedArgs, io: Io): Promise<number> {
  if (args.flags.has("help")) return io.out(EXPORT_HELP), 0;
  return withMaster(args, EXPORT_HELP, { write: false }, async ({ file, target, master }) => {
    const at = now();
    const { period, file: report, consolidation: c } = await master.exportUpward(periodArg(args), at);
    printProblems(master.problems, io);
    const out = args.options.out ?? path.join(path.dirname(file), report.fileName);
    await checkOutput(out, target, args.flags.has("force"));
    await writeFileAtomic(out, report.bytes);
    const { settings } = master.book;
    const filled = c.indicators.filter((i) => i.unitsReporting > 0).length;
    const body = [settings.bodyName, settings.bodyCode && `mã ${settings.bodyCode}`].filter(Boolean).join(", ");
    io.out(`Đã xuất báo cáo ${period.label} của ${body} (${filled}/${c.indicators.length} chỉ tiêu có số liệu, ngày báo cáo ${vnDay(at).split("-").reverse().join("/")}): ${out}\n`);
    const missing = c.units.filter((u) => u.status === "overdue" || u.status === "pending");
    if (missing.length > 0) io.out(`Chú ý: ${missing.length} đơn vị chưa nộp báo cáo (${missing.map((u) => u.name).join("; ")}); số liệu của các đơn vị này chưa có trong báo cáo.\n`);
    return 0;
  });
}
