// `tonghop consolidate` (writes the output sheets) and `tonghop status` (writes nothing).
import type { ParsedArgs } from "../args";
import { asOfArg, Io, now, openMaster, periodArg } from "../context";
import { consolidationJson, findingJson } from "../json";
import { printConsolidation, printProblems, printStatus } from "../print";

export const CONSOLIDATE_HELP = `tonghop consolidate SO.xlsx --period KY [--as-of YYYY-MM-DD] [--json]
  Tổng hợp kỳ báo cáo: ghi trang "Tổng hợp", "Tổng hợp theo đơn vị", "Tình trạng nộp" và "Phát hiện" vào sổ.
  --as-of   tính tình trạng nộp đến ngày này (mặc định: hôm nay, giờ Việt Nam)
`;

export const STATUS_HELP = `tonghop status SO.xlsx --period KY [--as-of YYYY-MM-DD] [--json]
  Xem tình trạng nộp báo cáo của các đơn vị (không ghi gì vào sổ).
`;

export async function runConsolidate(args: ParsedArgs, io: Io, write: boolean): Promise<number> {
  const help = write ? CONSOLIDATE_HELP : STATUS_HELP;
  if (args.flags.has("help")) return io.out(help), 0;
  const { file, master } = await openMaster(args, help);
  const periodKey = periodArg(args);
  const asOf = asOfArg(args);
  const { consolidation: c, editedOutputs } = write ? await master.consolidate({ periodKey, asOf, now: now() }) : { ...master.status(periodKey, asOf), editedOutputs: [] };
  const problems = [...master.problems, ...editedOutputs];
  if (args.flags.has("json")) {
    io.out(JSON.stringify({ ...consolidationJson(c), problems: problems.map(findingJson) }, null, 2) + "\n");
    return 0;
  }
  printProblems(problems, io);
  if (!write) return printStatus(c, io), 0;
  printConsolidation(master.book, c, io);
  io.out(`Đã ghi các trang "Tổng hợp", "Tổng hợp theo đơn vị", "Tình trạng nộp", "Phát hiện" vào ${file}\n`);
  return 0;
}
