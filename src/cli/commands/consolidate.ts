// `tonghop consolidate` (writes the output sheets) and `tonghop status` (writes nothing).
import { STATUS_SHEETS } from "../../app/master-service";
import type { ParsedArgs } from "../args";
import { asOfArg, Io, now, periodArg, withMaster } from "../context";
import { consolidationJson, findingJson } from "../json";
import { printConsolidation, printProblems, printStatus } from "../print";

export const CONSOLIDATE_HELP = `tonghop consolidate SO.xlsx --period KY [--as-of YYYY-MM-DD] [--json] [--force]
  Tổng hợp kỳ báo cáo: ghi trang "Tổng hợp", "Tổng hợp theo đơn vị", "Tình trạng nộp" và "Phát hiện" vào sổ.
  --as-of   tính tình trạng nộp đến ngày này (mặc định: hôm nay, giờ Việt Nam)
  --force   ghi dù thấy tệp khóa của Excel/LibreOffice bên cạnh sổ (tệp khóa còn sót lại)
`;

export const STATUS_HELP = `tonghop status SO.xlsx --period KY [--as-of YYYY-MM-DD] [--json]
  Xem tình trạng nộp báo cáo của các đơn vị (không ghi gì vào sổ). Chỉ đọc các trang "Cài đặt",
  "Hạn nộp", "Đơn vị" và "Nộp báo cáo"; với --json đọc cả số liệu để in kết quả các chỉ tiêu.
`;

export async function runConsolidate(args: ParsedArgs, io: Io, write: boolean): Promise<number> {
  const help = write ? CONSOLIDATE_HELP : STATUS_HELP;
  if (args.flags.has("help")) return io.out(help), 0;
  const json = args.flags.has("json");
  // The printed status needs who sent what when; the JSON also gives the indicators' figures.
  const sheets = write || json ? undefined : STATUS_SHEETS;
  return withMaster(args, help, { write, sheets }, async ({ file, master }) => {
    const periodKey = periodArg(args);
    const asOf = asOfArg(args);
    const { consolidation: c, editedOutputs } = write ? await master.consolidate({ periodKey, asOf, now: now() }) : { ...master.status(periodKey, asOf), editedOutputs: [] };
    const problems = [...master.problems, ...editedOutputs];
    if (json) {
      io.out(JSON.stringify({ ...consolidationJson(c), problems: problems.map(findingJson) }, null, 2) + "\n");
      return 0;
    }
    printProblems(problems, io);
    if (!write) return printStatus(c, io), 0;
    printConsolidation(master.book, c, io);
    io.out(`Đã ghi các trang "Tổng hợp", "Tổng hợp theo đơn vị", "Tình trạng nộp", "Phát hiện" vào ${file}\n`);
    return 0;
  });
}
