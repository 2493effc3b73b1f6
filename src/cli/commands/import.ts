// `tonghop import`: the units' report files (and folders of them) into the master workbook.
import path from "node:path";
import type { IncomingFile } from "../../core/import";
import { listReportFiles, readIncoming, type ReportEntry } from "../../io/node-files";
import { UsageError, type ParsedArgs } from "../args";
import { Io, now, withMaster } from "../context";
import { consolidationJson, filesJson, findingJson } from "../json";
import { printFiles, printProblems } from "../print";
import { ProgressBar } from "../progress";

export const IMPORT_HELP = `tonghop import SO.xlsx TEP_HOAC_THU_MUC... [--period KY] [--json] [--force]
  Nhập báo cáo của các đơn vị (.xlsx, .xls, .ods, .docx...). Tệp hỏng hoặc sai bị từ chối kèm lý do, các
  tệp khác vẫn được nhập. Mỗi tệp trong thư mục có một dòng kết quả (tệp ẩn ".…" và tệp khóa "~$…" của
  Office được bỏ qua). Nhập lại đúng tệp cũ không thay đổi gì; bản mới của cùng đơn vị, cùng kỳ thay thế
  bản cũ.
  --period  chỉ nhập báo cáo của kỳ này; tệp của kỳ khác được để riêng
  --json    in kết quả dạng JSON
  --force   ghi dù thấy tệp khóa của Excel/LibreOffice bên cạnh sổ (tệp khóa còn sót lại)
`;

async function listAll(inputs: string[]): Promise<ReportEntry[]> {
  try {
    return await listReportFiles(inputs);
  } catch (e) {
    throw new UsageError(`Không tìm thấy tệp hoặc thư mục: ${(e as NodeJS.ErrnoException).path ?? inputs.join(", ")}`);
  }
}

async function readAll(entries: ReportEntry[], progress: (count: number) => ProgressBar): Promise<IncomingFile[]> {
  const bar = progress(entries.length);
  const incoming: IncomingFile[] = [];
  for (const entry of entries) {
    incoming.push(await readIncoming(entry));
    bar.tick(path.basename(entry.path));
  }
  bar.done();
  return incoming;
}

export async function runImport(args: ParsedArgs, io: Io): Promise<number> {
  if (args.flags.has("help")) return io.out(IMPORT_HELP), 0;
  const inputs = args.positional.slice(1);
  if (args.positional.length === 1) throw new UsageError("Thiếu tệp hoặc thư mục báo cáo cần nhập.");
  const json = args.flags.has("json");
  // The reports are read before the master is locked: the lock is held only for the master's read-modify-write.
  const incoming = await readAll(await listAll(inputs), (count) => new ProgressBar(count, io.isTTY && !json ? io.err : null));
  return withMaster(args, IMPORT_HELP, { write: true }, async ({ file, master }) => {
    const periodKey = args.options.period ? master.resolvePeriod(args.options.period).key : undefined;
    const at = now();
    const { files } = await master.importReports(incoming, { periodKey, now: at });
    if (json) {
      const shown = periodKey ?? files.map((f) => f.period).filter(Boolean).sort().pop();
      const summary = shown ? consolidationJson(master.status(shown, at).consolidation) : { period: null, asOf: at.toISOString(), units: [], indicators: [], findings: [] };
      io.out(JSON.stringify({ ...summary, files: filesJson(files), problems: master.problems.map(findingJson) }, null, 2) + "\n");
    } else {
      printProblems(master.problems, io);
      printFiles(files, io);
      io.out(`Đã ghi sổ tổng hợp: ${file}\n`);
    }
    return 0;
  });
}
