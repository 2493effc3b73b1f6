// `tonghop init`: a new master workbook, optionally with the units of a units list.
import { promises as fs } from "node:fs";
import path from "node:path";
import { MasterService, readUnitsList } from "../../app/master-service";
import { vnDay } from "../../core/dates";
import { newMasterFile } from "../../io/master-file";
import { UsageError, type ParsedArgs } from "../args";
import { Io, masterPath, now } from "../context";
import { printProblems } from "../print";

export const INIT_HELP = `tonghop init SO.xlsx [--code MA] [--name TEN] [--units DON-VI.csv|DON-VI.xlsx] [--year 2026] [--force]
  Tạo sổ tổng hợp mới với danh mục chỉ tiêu và chỉ tiêu kế hoạch mặc định.
  --code, --name  mã và tên cơ quan tổng hợp (dùng khi báo cáo lên cấp trên)
  --units         danh sách đơn vị, dòng tiêu đề: Mã đơn vị,Tên đơn vị,Loại,Đơn vị cấp trên,Tần suất
                  (Tần suất: tháng, quý, 6 tháng, năm; có thể thêm cột Liên hệ). Tệp CSV (UTF-8 hoặc
                  bảng mã Windows), Unicode Text (.txt) hoặc .xlsx; một sổ tổng hợp cũ: lấy trang "Đơn vị"
  --year          năm kế hoạch (mặc định: năm hiện tại)
  --force         ghi đè tệp đã có (kể cả khi thấy tệp khóa của Excel/LibreOffice bên cạnh)
`;

async function readUnitsFile(file: string) {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch {
    throw new UsageError(`Không đọc được danh sách đơn vị "${file}": tệp không tồn tại hoặc không đọc được.`);
  }
  return readUnitsList(path.basename(file), new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

export async function runInit(args: ParsedArgs, io: Io): Promise<number> {
  if (args.flags.has("help")) return io.out(INIT_HELP), 0;
  const file = masterPath(args, INIT_HELP);
  const year = args.options.year ? Number(args.options.year) : Number(vnDay(now()).slice(0, 4));
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError(`Năm "${args.options.year}" không hợp lệ.`);
  const units = args.options.units ? await readUnitsFile(args.options.units) : undefined;
  const created = await newMasterFile(file, args.flags.has("force"));
  try {
    const master = await MasterService.create(created.store, { bodyCode: args.options.code ?? "", bodyName: args.options.name ?? "", year }, units);
    const { book } = master;
    printProblems(master.problems, io);
    io.out(`Đã tạo sổ tổng hợp ${file}: ${book.units.length} đơn vị, ${book.catalogue.length} chỉ tiêu, năm ${year}.\n`);
    if (book.units.length === 0) io.out(`Chưa có đơn vị nào: điền trang "Đơn vị" trong sổ, hoặc tạo lại với --units DON-VI.csv.\n`);
    return 0;
  } finally {
    await created.close();
  }
}
