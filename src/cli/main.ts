// `tonghop`: the command line over the engine. Exit 0 on success (files refused inside a batch are
// findings, not failures), 2 on bad usage or an unreadable master workbook, with one Vietnamese line.
import { promises as fs } from "node:fs";
import path from "node:path";
import { parseCsv } from "../core/csv";
import { vnDay } from "../core/dates";
import { importFiles, IncomingFile } from "../core/import";
import { newMasterBook } from "../core/master-sheets";
import { readUnits } from "../core/master-read";
import { consolidationSheets, importSheets } from "../core/outputs";
import { consolidateBook, resolvePeriod, UnknownPeriodError } from "../core/period-consolidation";
import type { CellValue, Finding, MasterBook } from "../core/types";
import { createMasterWorkbook, MasterWorkbookError, saveMasterWorkbook, writeSheets } from "../io/master-workbook";
import { expandPaths, readIncoming, writeFileAtomic } from "../io/node-files";
import { readWorkbook } from "../io/xlsx";
import { parseArgs, ParsedArgs, UsageError } from "./args";
import { asOfArg, defaultIo, Io, masterPath, now, openMaster, periodArg } from "./context";
import { consolidationJson, filesJson, findingJson } from "./json";
import { printConsolidation, printFiles, printProblems, printStatus } from "./print";
import { ProgressBar } from "./progress";
import { EXPORT_HELP, runExport } from "./commands/export";
import { REMIND_HELP, runRemind } from "./commands/remind";
import { runTemplates, TEMPLATES_HELP } from "./commands/templates";

const HELP: Record<string, string> = {
  main: `tonghop: tổng hợp báo cáo "Bình dân học vụ số"

Cách dùng:
  tonghop init SO.xlsx [--code MA] [--name "UBND xã ..."] [--units DON-VI.csv|.xlsx] [--year 2026]
  tonghop import SO.xlsx TEP_HOAC_THU_MUC... [--period KY] [--json]
  tonghop consolidate SO.xlsx --period KY [--as-of YYYY-MM-DD] [--json]
  tonghop status SO.xlsx --period KY [--as-of YYYY-MM-DD] [--json]
  tonghop templates SO.xlsx --period KY [--out THU_MUC]
  tonghop export SO.xlsx --period KY [--out TEP.xlsx]
  tonghop remind SO.xlsx --period KY [--as-of YYYY-MM-DD] [--json]

Kỳ báo cáo (KY): 2026-03 (tháng), 2026-Q1 (quý), 2026-H1 (6 tháng), 2026 (năm) hoặc kỳ đột xuất.
Mỗi lệnh có --help riêng, ví dụ: tonghop import --help
`,
  init: `tonghop init SO.xlsx [--code MA] [--name TEN] [--units DON-VI.csv|DON-VI.xlsx] [--year 2026] [--force]
  Tạo sổ tổng hợp mới với danh mục chỉ tiêu và chỉ tiêu kế hoạch mặc định.
  --code, --name  mã và tên cơ quan tổng hợp (dùng khi báo cáo lên cấp trên)
  --units         danh sách đơn vị, dòng tiêu đề: Mã đơn vị,Tên đơn vị,Loại,Đơn vị cấp trên,Tần suất
                  (Tần suất: tháng, quý, 6 tháng, năm; có thể thêm cột Liên hệ)
  --year          năm kế hoạch (mặc định: năm hiện tại)
  --force         ghi đè tệp đã có
`,
  import: `tonghop import SO.xlsx TEP_HOAC_THU_MUC... [--period KY] [--json]
  Nhập báo cáo của các đơn vị (.xlsx). Tệp hỏng hoặc sai bị từ chối kèm lý do, các tệp khác vẫn được nhập.
  Nhập lại đúng tệp cũ không thay đổi gì; bản mới của cùng đơn vị, cùng kỳ thay thế bản cũ.
  --period  chỉ nhập báo cáo của kỳ này; tệp của kỳ khác được để riêng
  --json    in kết quả dạng JSON
`,
  consolidate: `tonghop consolidate SO.xlsx --period KY [--as-of YYYY-MM-DD] [--json]
  Tổng hợp kỳ báo cáo: ghi trang "Tổng hợp", "Tình trạng nộp" và "Phát hiện" vào sổ.
  --as-of   tính tình trạng nộp đến ngày này (mặc định: hôm nay, giờ Việt Nam)
`,
  status: `tonghop status SO.xlsx --period KY [--as-of YYYY-MM-DD] [--json]
  Xem tình trạng nộp báo cáo của các đơn vị (không ghi gì vào sổ).
`,
  templates: TEMPLATES_HELP,
  export: EXPORT_HELP,
  remind: REMIND_HELP,
};

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "init":
        return await runInit(parseArgs(rest, ["json", "force", "help"], ["code", "name", "units", "year"]), io);
      case "import":
        return await runImport(parseArgs(rest, ["json", "help"], ["period"]), io);
      case "consolidate":
        return await runConsolidate(parseArgs(rest, ["json", "help"], ["period", "as-of"]), io, true);
      case "status":
        return await runConsolidate(parseArgs(rest, ["json", "help"], ["period", "as-of"]), io, false);
      case "templates":
        return await runTemplates(parseArgs(rest, ["help"], ["period", "out"]), io);
      case "export":
        return await runExport(parseArgs(rest, ["help"], ["period", "out"]), io);
      case "remind":
        return await runRemind(parseArgs(rest, ["json", "help"], ["period", "as-of"]), io);
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.out(HELP.main);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`Lệnh không hợp lệ: "${command}". Các lệnh: init, import, consolidate, status, templates, export, remind (xem tonghop --help).`);
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof MasterWorkbookError || e instanceof UnknownPeriodError) {
      io.err(`Lỗi: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}



async function readUnitsFile(file: string): Promise<{ rows: CellValue[][]; name: string }> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch {
    throw new UsageError(`Không đọc được danh sách đơn vị "${file}".`);
  }
  if (/\.csv$/i.test(file) || /\.txt$/i.test(file)) return { rows: parseCsv(bytes.toString("utf8")), name: path.basename(file) };
  try {
    const wb = readWorkbook(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const sheet = wb.sheets.find((s) => !s.hidden) ?? wb.sheets[0];
    return { rows: sheet?.rows ?? [], name: path.basename(file) };
  } catch (e) {
    throw new UsageError(`Không đọc được danh sách đơn vị "${file}": ${(e as Error).message}`);
  }
}

async function runInit(args: ParsedArgs, io: Io): Promise<number> {
  if (args.flags.has("help")) return io.out(HELP.init), 0;
  const file = masterPath(args, HELP.init);
  if (!args.flags.has("force")) {
    const exists = await fs.stat(file).then(() => true, () => false);
    if (exists) throw new UsageError(`Tệp "${file}" đã có. Dùng --force để ghi đè, hoặc chọn tên khác.`);
  }
  const year = args.options.year ? Number(args.options.year) : Number(vnDay(now()).slice(0, 4));
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError(`Năm "${args.options.year}" không hợp lệ.`);
  const problems: Finding[] = [];
  let units: MasterBook["units"] = [];
  if (args.options.units) {
    const { rows, name } = await readUnitsFile(args.options.units);
    units = readUnits(rows, problems, name);
    if (units.length === 0) throw new UsageError(`Danh sách đơn vị "${args.options.units}" không có đơn vị nào đọc được. ${problems.map((p) => p.message).join(" ")}`);
  }
  const book = newMasterBook({ bodyCode: args.options.code ?? "", bodyName: args.options.name ?? "", year }, units);
  await writeFileAtomic(file, await saveMasterWorkbook(createMasterWorkbook(book)));
  printProblems(problems, io);
  io.out(`Đã tạo sổ tổng hợp ${file}: ${units.length} đơn vị, ${book.catalogue.length} chỉ tiêu, năm ${year}.\n`);
  if (units.length === 0) io.out(`Chưa có đơn vị nào: điền trang "Đơn vị" trong sổ, hoặc tạo lại với --units DON-VI.csv.\n`);
  return 0;
}

async function runImport(args: ParsedArgs, io: Io): Promise<number> {
  if (args.flags.has("help")) return io.out(HELP.import), 0;
  const file = masterPath(args, HELP.import);
  const inputs = args.positional.slice(1);
  if (inputs.length === 0) throw new UsageError("Thiếu tệp hoặc thư mục báo cáo cần nhập.");
  const master = await openMaster(file);
  const periodKey = args.options.period ? resolvePeriod(master.book, args.options.period).key : undefined;
  let paths: string[];
  try {
    paths = await expandPaths(inputs);
  } catch (e) {
    throw new UsageError(`Không tìm thấy tệp hoặc thư mục: ${(e as NodeJS.ErrnoException).path ?? inputs.join(", ")}`);
  }
  const progress = new ProgressBar(paths.length, io.isTTY && !args.flags.has("json") ? io.err : null);
  const incoming: IncomingFile[] = [];
  for (const p of paths) {
    incoming.push(await readIncoming(p));
    progress.tick(path.basename(p));
  }
  progress.done();
  const at = now();
  const { book, files } = importFiles(master.book, incoming, { periodKey, now: at });
  writeSheets(master.workbook, importSheets(book));
  await writeFileAtomic(file, await saveMasterWorkbook(master.workbook));
  if (args.flags.has("json")) {
    const shownPeriod = periodKey ?? latestPeriod(files.map((f) => f.period).filter(Boolean));
    const summary = shownPeriod ? consolidationJson(consolidateBook(book, shownPeriod, at)) : { period: null, asOf: at.toISOString(), units: [], indicators: [], findings: [] };
    io.out(JSON.stringify({ ...summary, files: filesJson(files), problems: master.problems.map(findingJson) }, null, 2) + "\n");
  } else {
    printProblems(master.problems, io);
    printFiles(files, io);
    io.out(`Đã ghi sổ tổng hợp: ${file}\n`);
  }
  return 0;
}

function latestPeriod(keys: string[]): string | undefined {
  return [...keys].sort().pop();
}

async function runConsolidate(args: ParsedArgs, io: Io, write: boolean): Promise<number> {
  const command = write ? "consolidate" : "status";
  if (args.flags.has("help")) return io.out(HELP[command]), 0;
  const file = masterPath(args, HELP[command]);
  const master = await openMaster(file);
  const key = periodArg(args);
  const asOf = asOfArg(args);
  const c = consolidateBook(master.book, key, asOf);
  if (write) {
    writeSheets(master.workbook, [...master.backups, ...consolidationSheets(master.book, c, asOf)]);
    await writeFileAtomic(file, await saveMasterWorkbook(master.workbook));
  }
  if (args.flags.has("json")) {
    io.out(JSON.stringify({ ...consolidationJson(c), problems: master.problems.map(findingJson) }, null, 2) + "\n");
    return 0;
  }
  printProblems(master.problems, io);
  if (write) printConsolidation(master.book, c, io);
  else printStatus(c, io);
  if (write) io.out(`Đã ghi các trang "Tổng hợp", "Tình trạng nộp", "Phát hiện" vào ${file}\n`);
  return 0;
}
