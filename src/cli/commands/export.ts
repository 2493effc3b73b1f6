// `tonghop export`: the consolidated period as the body's own unit report, for the next level up.
import path from "node:path";
import { vnDay } from "../../core/dates";
import { consolidateBook, resolvePeriod } from "../../core/period-consolidation";
import { UpwardReportError } from "../../core/upward";
import { writeFileAtomic } from "../../io/node-files";
import { buildUpwardReport } from "../../io/template-writer";
import { UsageError, type ParsedArgs } from "../args";
import { Io, masterPath, now, openMaster, periodArg } from "../context";

export const EXPORT_HELP = `tonghop export SO.xlsx --period KY [--out TEP.xlsx]
  Xuất kết quả tổng hợp của kỳ thành báo cáo của đơn vị tổng hợp gửi cấp trên (mã và tên lấy từ trang
  "Cài đặt"): tỷ lệ ghi đủ Tử số và Mẫu số, cấp trên nhập bằng tonghop import như báo cáo của một đơn vị.
  --out  tệp ghi báo cáo (mặc định: "BC KY - Ten don vi.xlsx" cạnh sổ tổng hợp)
`;

export async function runExport(args: ParsedArgs, io: Io): Promise<number> {
  if (args.flags.has("help")) return io.out(EXPORT_HELP), 0;
  const file = masterPath(args, EXPORT_HELP);
  const { book, problems } = await openMaster(file);
  const period = resolvePeriod(book, periodArg(args));
  const at = now();
  for (const p of problems) io.err(`Chú ý: ${p.message}\n`);
  let report;
  try {
    report = await buildUpwardReport(book, period.key, at);
  } catch (e) {
    if (e instanceof UpwardReportError) throw new UsageError(e.message);
    throw e;
  }
  const out = args.options.out ?? path.join(path.dirname(file), report.fileName);
  await writeFileAtomic(out, report.bytes);
  const c = consolidateBook(book, period.key, at);
  const filled = c.indicators.filter((i) => i.unitsReporting > 0).length;
  const body = [book.settings.bodyName, book.settings.bodyCode && `mã ${book.settings.bodyCode}`].filter(Boolean).join(", ");
  io.out(`Đã xuất báo cáo ${period.label} của ${body} (${filled}/${c.indicators.length} chỉ tiêu có số liệu, ngày báo cáo ${vnDay(at).split("-").reverse().join("/")}): ${out}\n`);
  const missing = c.units.filter((u) => u.status === "overdue" || u.status === "pending");
  if (missing.length > 0) io.out(`Chú ý: ${missing.length} đơn vị chưa nộp báo cáo (${missing.map((u) => u.name).join("; ")}); số liệu của các đơn vị này chưa có trong báo cáo.\n`);
  return 0;
}
