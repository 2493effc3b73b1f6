// `tonghop templates`: one blank report form per unit that owes a report for the period.
import { promises as fs } from "node:fs";
import path from "node:path";
import { formatDayVi } from "../../core/dates";
import { writeFileAtomic } from "../../io/node-files";
import type { ParsedArgs } from "../args";
import { Io, periodArg, withMaster } from "../context";
import { checkOutput } from "../output-file";
import { printProblems } from "../print";

export const TEMPLATES_HELP = `tonghop templates SO.xlsx --period KY [--out THU_MUC] [--force]
  Tạo mẫu báo cáo (.xlsx) cho từng đơn vị phải nộp kỳ này: tên, mã đơn vị, kỳ báo cáo, hạn nộp và các
  chỉ tiêu của đơn vị (theo trang "Chỉ tiêu theo loại đơn vị"). Chỉ các ô số liệu được sửa; số được kiểm
  tra ngay khi nhập. Đơn vị điền và gửi lại tệp, nhập bằng: tonghop import SO.xlsx TEP.xlsx
  --out    thư mục ghi các mẫu (mặc định: "Mau BC KY" cạnh sổ tổng hợp)
  --force  ghi đè các mẫu đã có (không có --force: có tệp trùng tên thì không ghi mẫu nào)
`;

export async function runTemplates(args: ParsedArgs, io: Io): Promise<number> {
  if (args.flags.has("help")) return io.out(TEMPLATES_HELP), 0;
  return withMaster(args, TEMPLATES_HELP, { write: false }, async ({ file, target, master }) => {
    const { period, templates } = await master.templates(periodArg(args));
    printProblems(master.problems, io);
    if (templates.length === 0) {
      io.out(`Không có đơn vị nào phải nộp báo cáo ${period.label} (xem cột "Tần suất", "Hoạt động từ", "Hoạt động đến" trong trang "Đơn vị").\n`);
      return 0;
    }
    const dir = args.options.out ?? path.join(path.dirname(file), `Mau BC ${period.key}`);
    // Every name is checked before the first is written: a refusal leaves the folder as it was.
    for (const { file: made } of templates) await checkOutput(path.join(dir, made.fileName), target, args.flags.has("force"));
    await fs.mkdir(dir, { recursive: true });
    for (const { plan, file: made } of templates) {
      await writeFileAtomic(path.join(dir, made.fileName), made.bytes);
      io.out(`  ${made.fileName} – ${plan.unit.name}: ${plan.indicators.length} chỉ tiêu, hạn nộp trước ngày ${formatDayVi(plan.dueDay)}\n`);
    }
    io.out(`Đã tạo ${templates.length} mẫu báo cáo ${period.label} trong thư mục ${dir}\n`);
    return 0;
  });
}
