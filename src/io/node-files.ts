// The command line's side of file access: list the files of folders, read bytes safely, hash, write
// atomically. What a folder holds is untrusted: only regular files are read, and nothing is opened
// before its type and size are known (lstat, then stat through a link); the open itself does not block
// (O_NONBLOCK) and its descriptor is checked again (fstat), so a FIFO or a device swapped in meanwhile is
// refused too. Each entry that is not a readable report file becomes a refused file with its reason.
import { createHash } from "node:crypto";
import { constants, promises as fs, type Stats } from "node:fs";
import path from "node:path";
import writeFileAtomicLib from "write-file-atomic";
import type { IncomingFile } from "../core/import";
import { refusedFile, toIncomingFile } from "./incoming";
import { conversionFor, convertWithLibreOffice, findSoffice, NO_SOFFICE_HINT } from "./soffice";
import { DEFAULT_READ_LIMITS, sniffFormat, WorkbookReadError, type ReadLimits } from "./xlsx";

/** A report bigger than what the reader may inflate from it cannot be read: not even opened. */
export const MAX_REPORT_FILE_BYTES = DEFAULT_READ_LIMITS.maxUncompressedBytes;

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** A file to import: a path to read, or the reason it is refused without being opened. */
export interface ReportEntry {
  path: string;
  refusal: WorkbookReadError | null;
}

const unreadable = (message: string) => new WorkbookReadError("FILE_UNREADABLE", message);
const PUT_THE_FILE = "hãy chép chính tệp báo cáo vào thư mục rồi nhập lại";
const megabytes = (bytes: number) => `${Math.ceil(bytes / 2 ** 20).toLocaleString("vi-VN")} MB`;

export const entryRefusals = {
  fifo: () => unreadable(`Đây không phải tệp thông thường mà là một ống dẫn (FIFO): không đọc, ${PUT_THE_FILE}.`),
  device: () => unreadable(`Đây không phải tệp thông thường mà là một thiết bị (/dev/...): không đọc, ${PUT_THE_FILE}.`),
  socket: () => unreadable(`Đây không phải tệp thông thường mà là một socket: không đọc, ${PUT_THE_FILE}.`),
  other: () => unreadable(`Đây không phải tệp thông thường: không đọc, ${PUT_THE_FILE}.`),
  dangling: () => unreadable(`Liên kết (symlink) này trỏ tới một tệp không còn tồn tại: ${PUT_THE_FILE}.`),
  loop: () => unreadable(`Liên kết (symlink) này trỏ vòng (tới chính nó hoặc một liên kết trỏ ngược lại): không đọc, ${PUT_THE_FILE}.`),
  denied: () => unreadable("Không có quyền đọc tệp này: hãy kiểm tra quyền truy cập của tệp (hoặc chép tệp sang thư mục của mình) rồi nhập lại."),
  deniedFolder: () => unreadable("Không có quyền đọc thư mục này: các tệp bên trong chưa được nhập. Hãy kiểm tra quyền truy cập rồi nhập lại."),
  folderAgain: () => unreadable("Thư mục này đã được đọc ở chỗ khác (một liên kết trỏ về thư mục cha hoặc về chính nó): không đọc lại."),
  vanished: () => unreadable("Tệp đã bị xóa hoặc đổi tên trong lúc đọc: hãy nhập lại."),
  tooLarge: (size: number, limit: number) =>
    new WorkbookReadError("FILE_TOO_LARGE", `Tệp lớn ${megabytes(size)}, quá giới hạn ${megabytes(limit)} của một báo cáo: không đọc. Hãy kiểm tra lại, có thể đây không phải tệp báo cáo.`),
};

/** Why an entry is not read, from its type and size alone; null for a regular file within the limit. */
function statRefusal(stat: Stats, maxBytes: number): WorkbookReadError | null {
  if (stat.isFile()) return stat.size > maxBytes ? entryRefusals.tooLarge(stat.size, maxBytes) : null;
  if (stat.isFIFO()) return entryRefusals.fifo();
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return entryRefusals.device();
  if (stat.isSocket()) return entryRefusals.socket();
  return entryRefusals.other();
}

function errnoRefusal(error: unknown): WorkbookReadError {
  switch ((error as NodeJS.ErrnoException).code) {
    case "ENOENT":
      return entryRefusals.vanished();
    case "ELOOP":
      return entryRefusals.loop();
    case "EACCES":
    case "EPERM":
      return entryRefusals.denied();
    default:
      return unreadable(`Không đọc được tệp (${(error as NodeJS.ErrnoException).code ?? "lỗi hệ thống"}): hãy nhập lại.`);
  }
}

/** Where a name is a file the import never looks at: Office's lock files ("~$…") and hidden files (".…"). */
function skipped(name: string): boolean {
  return name.startsWith("~$") || name.startsWith(".");
}

/**
 * The files named on the command line, folders expanded (entries sorted by name, Office lock files and
 * hidden files skipped; a folder reached twice through links read once). A path named on the command
 * line that does not exist throws its ENOENT; every other problem is an entry's refusal.
 */
export async function listReportFiles(paths: readonly string[], maxBytes = MAX_REPORT_FILE_BYTES): Promise<ReportEntry[]> {
  const out: ReportEntry[] = [];
  const folders = new Set<string>();
  const visit = async (p: string, named: boolean): Promise<void> => {
    let stat: Stats;
    try {
      stat = await fs.lstat(p);
    } catch (error) {
      if (named) throw error;
      return void out.push({ path: p, refusal: errnoRefusal(error) });
    }
    if (stat.isSymbolicLink()) {
      try {
        stat = await fs.stat(p);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return void out.push({ path: p, refusal: code === "ENOENT" ? entryRefusals.dangling() : errnoRefusal(error) });
      }
    }
    if (stat.isDirectory()) {
      const id = `${stat.dev}:${stat.ino}`;
      if (folders.has(id)) return void out.push({ path: p, refusal: entryRefusals.folderAgain() });
      folders.add(id);
      let names: string[];
      try {
        names = await fs.readdir(p);
      } catch {
        return void out.push({ path: p, refusal: entryRefusals.deniedFolder() });
      }
      for (const name of names.sort((a, b) => a.localeCompare(b))) if (!skipped(name)) await visit(path.join(p, name), false);
      return;
    }
    out.push({ path: p, refusal: statRefusal(stat, maxBytes) });
  };
  for (const p of paths) await visit(p, true);
  return out;
}

/**
 * A regular file's bytes, read through a descriptor opened without blocking and checked again; a file
 * that grows past `maxBytes` while it is read is refused too. Throws WorkbookReadError.
 */
export async function readRegularFile(file: string, maxBytes: number): Promise<{ bytes: Uint8Array; modified: Date }> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (error) {
    throw errnoRefusal(error);
  }
  try {
    const stat = await handle.stat();
    const refusal = statRefusal(stat, maxBytes);
    if (refusal) throw refusal;
    // One byte more than the file says it holds: a file still growing is noticed, not read without end.
    const buffer = new Uint8Array(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) {
        if (length > maxBytes) throw entryRefusals.tooLarge(length, maxBytes);
        throw unreadable("Tệp đang được ghi thêm trong lúc đọc: hãy đợi ghi xong rồi nhập lại.");
      }
    }
    return { bytes: buffer.subarray(0, length), modified: stat.mtime };
  } catch (error) {
    throw error instanceof WorkbookReadError ? error : errnoRefusal(error);
  } finally {
    await handle.close();
  }
}

/**
 * Reads a report file natively; what the readers refuse but LibreOffice opens (old or protected .xls,
 * .doc, .odt, .rtf) is converted when LibreOffice is installed, and read again.
 */
export async function readIncoming(entry: ReportEntry | string, limits: Partial<ReadLimits> = {}): Promise<IncomingFile> {
  const { path: file, refusal } = typeof entry === "string" ? { path: entry, refusal: null } : entry;
  const name = path.basename(file);
  if (refusal) return refusedFile(name, "", null, refusal);
  let read: { bytes: Uint8Array; modified: Date };
  try {
    read = await readRegularFile(file, MAX_REPORT_FILE_BYTES);
  } catch (error) {
    return refusedFile(name, "", null, error);
  }
  const { bytes: data, modified } = read;
  const hash = sha256(data);
  const native = toIncomingFile(name, data, hash, modified, limits);
  const conversion = conversionFor(sniffFormat(data), native);
  if (!conversion || !native.readError) return native;
  // The hash stays the original file's: the same .doc sent twice is still a duplicate.
  const soffice = await findSoffice();
  const converted = soffice ? await convertWithLibreOffice(soffice, data, conversion) : null;
  if (converted) return toIncomingFile(name, converted, hash, modified, limits);
  const reason = soffice ? "LibreOffice cũng không chuyển được tệp này." : NO_SOFFICE_HINT;
  return { ...native, readError: { ...native.readError, message: `${native.readError.message} ${reason}` } };
}

/**
 * Writes beside the target, flushes and renames (write-file-atomic), so a crash never leaves a
 * half-written file and after a power cut the name points at the old file or the new one. A file that
 * is there keeps its mode and owner; a symlink is followed and its target replaced.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<void> {
  await writeFileAtomicLib(file, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}
