// `tonghop`: the command line over the application service (src/app/master-service.ts). Each command
// parses its arguments, calls the service and prints. Exit 0 on success (files refused inside a batch are
// findings, not failures), 2 on bad usage or input the product cannot use, with one Vietnamese line.
import { InputError } from "../core/input-error";
import { parseArgs, UsageError } from "./args";
import { defaultIo, Io } from "./context";
import { runConsolidate } from "./commands/consolidate";
import { runExport } from "./commands/export";
import { runImport } from "./commands/import";
import { runInit } from "./commands/init";
import { runRemind } from "./commands/remind";
import { runTemplates } from "./commands/templates";

const HELP = `tonghop: tổng hợp báo cáo "Bình dân học vụ số"

Cách dùng:
  tonghop init SO.xlsx [--code MA] [--name "UBND xã ..."] [--units DON-VI.csv|.xlsx] [--year 2026]
  tonghop import SO.xlsx TEP_HOAC_THU_MUC... [--period KY] [--json] [--force]
  tonghop consolidate SO.xlsx --period KY [--as-of YYYY-MM-DD] [--json] [--force]
  tonghop status SO.xlsx --period KY [--as-of YYYY-MM-DD] [--json]
  tonghop templates SO.xlsx --period KY [--out THU_MUC] [--force]
  tonghop export SO.xlsx --period KY [--out TEP.xlsx] [--force]
  tonghop remind SO.xlsx --period KY [--as-of YYYY-MM-DD] [--json]

Kỳ báo cáo (KY): 2026-03 (tháng), 2026-Q1 (quý), 2026-H1 (6 tháng), 2026 (năm) hoặc kỳ đột xuất.
Mỗi lệnh có --help riêng, ví dụ: tonghop import --help
`;

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "init":
        return await runInit(parseArgs(rest, ["json", "force", "help"], ["code", "name", "units", "year"]), io);
      case "import":
        return await runImport(parseArgs(rest, ["json", "force", "help"], ["period"]), io);
      case "consolidate":
        return await runConsolidate(parseArgs(rest, ["json", "force", "help"], ["period", "as-of"]), io, true);
      case "status":
        return await runConsolidate(parseArgs(rest, ["json", "help"], ["period", "as-of"]), io, false);
      case "templates":
        return await runTemplates(parseArgs(rest, ["force", "help"], ["period", "out"]), io);
      case "export":
        return await runExport(parseArgs(rest, ["force", "help"], ["period", "out"]), io);
      case "remind":
        return await runRemind(parseArgs(rest, ["json", "help"], ["period", "as-of"]), io);
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.out(HELP);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`Lệnh không hợp lệ: "${command}". Các lệnh: init, import, consolidate, status, templates, export, remind (xem tonghop --help).`);
    }
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`Lỗi: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
