// The master workbook as a file, for the command line: the only module that reads or replaces the master
// file on disk. Each write of sheets is saved at once, atomically (written beside it, flushed, renamed),
// so a crash leaves the old workbook or the new one, never a mix.
import { promises as fs } from "node:fs";
import type { MasterStore } from "../app/store";
import { InputError } from "../core/input-error";
import type { SheetSpec } from "../core/types";
import { writeFileAtomic } from "./node-files";
import { WorkbookStore } from "./workbook-store";

/** The workbook in `file`; throws an InputError when it cannot be read or is no .xlsx. */
export async function openMasterFile(file: string): Promise<MasterStore> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch {
    throw new InputError(`Không mở được sổ tổng hợp "${file}": tệp không tồn tại hoặc không đọc được.`);
  }
  return fileStore(file, await WorkbookStore.fromBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), file));
}

/** An empty workbook that becomes `file` at its first write; an existing file is replaced only when `overwrite`. */
export async function newMasterFile(file: string, overwrite: boolean): Promise<MasterStore> {
  const exists = await fs.stat(file).then(() => true, () => false);
  if (exists && !overwrite) throw new InputError(`Tệp "${file}" đã có. Dùng --force để ghi đè, hoặc chọn tên khác.`);
  return fileStore(file, WorkbookStore.empty());
}

function fileStore(file: string, workbook: WorkbookStore): MasterStore {
  return {
    readSheets: (names) => workbook.readSheets(names),
    readOtherSheets: (names) => workbook.readOtherSheets(names),
    selectCell: () => workbook.selectCell(),
    async writeSheets(specs: SheetSpec[], activate?: string, keepEdited?: readonly string[]) {
      const problems = await workbook.writeSheets(specs, activate, keepEdited);
      await writeFileAtomic(file, await workbook.toBytes());
      return problems;
    },
  };
}
