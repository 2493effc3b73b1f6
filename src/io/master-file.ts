// The master workbook as a file, for the command line: the only module that reads or replaces the master
// file on disk.
//
// A command that only reads (status, remind, templates, export) reads the file once, as it is.
// A command that writes (import, consolidate, init) holds, for its whole read-modify-write, an
// exclusive lock beside the file: the directory "SO.xlsx.lock" (proper-lockfile), kept fresh while the
// command runs. A lock not refreshed for LOCK_STALE_MS was left by a process that died and is taken
// over; a live one makes the second command wait up to LOCK_WAIT_MS, then refuses it (exit 2, one
// line). Before each save the file is read again: when it no longer holds the bytes read (Excel, or a
// program that does not take the lock, saved it meanwhile), nothing is written. The save writes beside
// the file, flushes and renames (write-file-atomic): a crash leaves the old workbook or the new one, the
// file keeps its mode and owner, and a symlink is followed, its target replaced.
//
// Excel ("~$SO.xlsx") and LibreOffice (".~lock.SO.xlsx#") leave a lock file beside a workbook they have
// open: saving then would lose the clerk's unsaved edits, or be lost when they save. A writing command
// refuses unless it is given --force (for a lock file left behind by a crash).
import { promises as fs } from "node:fs";
import path from "node:path";
import lockfile from "proper-lockfile";
import type { MasterStore } from "../app/store";
import { InputError } from "../core/input-error";
import { readRegularFile, writeFileAtomic } from "./node-files";
import { sameBytes } from "./same-bytes";
import { WorkbookStore } from "./workbook-store";
import { WorkbookReadError } from "./xlsx";

/** Bigger than any master the reader accepts (a province's years stay under 20 MB). */
const MAX_MASTER_FILE_BYTES = 1024 * 1024 * 1024;
/** A lock whose holder stopped refreshing it this long ago is a dead process's. */
export const LOCK_STALE_MS = 5_000;
/** How often the holder refreshes it: often enough that a busy moment of the holder is not taken for its death. */
const LOCK_UPDATE_MS = 1_000;
/** How long a second writer waits for the first: long enough to take over a dead process's lock. */
export const LOCK_WAIT_MS = 15_000;
const LOCK_POLL_MS = 250;

export interface MasterFileOptions {
  /** The command writes: take the lock, check for Excel's and LibreOffice's lock files. */
  write: boolean;
  /** Go on although Excel or LibreOffice seems to have the workbook open. */
  force?: boolean;
  /** How long to wait for another command's lock (default LOCK_WAIT_MS). */
  lockWaitMs?: number;
}

export interface MasterFile {
  store: MasterStore;
  /** The file the store reads and replaces: the master's own path, symlinks followed. */
  target: string;
  /** Releases the lock (a no-op for a reading command); call it when the command ends, however it ends. */
  close(): Promise<void>;
}

/** The workbook in `file`; throws an InputError when it cannot be read, is no .xlsx, or is locked. */
export async function openMasterFile(file: string, options: MasterFileOptions): Promise<MasterFile> {
  let target: string;
  try {
    target = await fs.realpath(file);
  } catch {
    throw new InputError(`Không mở được sổ tổng hợp "${file}": tệp không tồn tại hoặc không đọc được.`);
  }
  const release = options.write ? await writeAccess(file, target, options) : null;
  try {
    const bytes = await readMaster(file, target);
    const store = await WorkbookStore.fromBytes(bytes, release ? saver(file, target, bytes, release) : readOnly);
    return { store, target, close: () => release?.close() ?? Promise.resolve() };
  } catch (error) {
    await release?.close();
    throw error;
  }
}

/**
 * An empty workbook that becomes `file` at its first write. An existing file is replaced only when
 * `overwrite` (which also goes on past Excel's and LibreOffice's lock files).
 */
export async function newMasterFile(file: string, overwrite: boolean, lockWaitMs = LOCK_WAIT_MS): Promise<MasterFile> {
  const target = await fs.realpath(file).catch(() => path.resolve(file));
  const release = await writeAccess(file, target, { write: true, force: overwrite, lockWaitMs });
  try {
    const exists = await fs.lstat(target).then(() => true, () => false);
    if (exists && !overwrite) throw new InputError(`Tệp "${file}" đã có. Dùng --force để ghi đè, hoặc chọn tên khác.`);
    const before = exists ? await readMaster(file, target) : null;
    return { store: WorkbookStore.empty(saver(file, target, before, release)), target, close: () => release.close() };
  } catch (error) {
    await release.close();
    throw error;
  }
}

async function readMaster(file: string, target: string): Promise<Uint8Array> {
  try {
    return (await readRegularFile(target, MAX_MASTER_FILE_BYTES)).bytes;
  } catch (error) {
    const reason = error instanceof WorkbookReadError ? error.message : "tệp không đọc được.";
    throw new InputError(`Không mở được sổ tổng hợp "${file}": ${reason}`);
  }
}

const readOnly = async () => {
  throw new Error("a reading command wrote the master workbook");
};

interface Held {
  close(): Promise<void>;
  /** Set when the lock was taken from this process (its holder looked dead to another): no save then. */
  lost: Error | null;
}

async function writeAccess(file: string, target: string, options: MasterFileOptions): Promise<Held> {
  if (!options.force) {
    const open = await openElsewhere(file, target);
    if (open) {
      throw new InputError(
        `Sổ tổng hợp "${file}" đang được mở trong ${open.program} (có tệp khóa "${open.lockFile}" bên cạnh sổ): hãy lưu và đóng sổ ở đó rồi chạy lại. ` +
          `Nếu sổ không còn mở ở đâu (tệp khóa còn sót lại sau khi máy tắt đột ngột), chạy lại lệnh với --force. Sổ chưa bị thay đổi.`,
      );
    }
  }
  const held: Held = { lost: null, close: async () => undefined };
  const wait = options.lockWaitMs ?? LOCK_WAIT_MS;
  try {
    const release = await lockfile.lock(target, {
      realpath: false,
      stale: LOCK_STALE_MS,
      update: LOCK_UPDATE_MS,
      retries: { retries: Math.ceil(wait / LOCK_POLL_MS), factor: 1, minTimeout: LOCK_POLL_MS, maxTimeout: LOCK_POLL_MS },
      onCompromised: (error) => (held.lost = error),
    });
    held.close = () => release().catch(() => undefined);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOCKED") {
      throw new InputError(
        `Sổ tổng hợp "${file}" đang được một lệnh tonghop khác ghi (tệp khóa "${path.basename(target)}.lock" bên cạnh sổ); đã đợi ${Math.round(wait / 1000)} giây. Hãy chạy lại khi lệnh kia xong. Sổ chưa bị thay đổi.`,
      );
    }
    throw new InputError(`Không tạo được tệp khóa bên cạnh sổ tổng hợp "${file}" (${(error as NodeJS.ErrnoException).code ?? "lỗi hệ thống"}): thư mục của sổ phải ghi được. Sổ chưa bị thay đổi.`);
  }
  return held;
}

/** Excel's or LibreOffice's lock file beside the workbook (at its own path or its target's), if any. */
async function openElsewhere(file: string, target: string): Promise<{ program: string; lockFile: string } | null> {
  for (const at of new Set([path.resolve(file), target])) {
    const dir = path.dirname(at);
    const name = path.basename(at);
    // Excel prefixes the name with "~$"; for a long name it overwrites the first two characters instead.
    const candidates = [
      { program: "Excel", lockFile: `~$${name}` },
      { program: "Excel", lockFile: `~$${name.slice(2)}` },
      { program: "LibreOffice", lockFile: `.~lock.${name}#` },
    ];
    for (const c of candidates) if (await fs.lstat(path.join(dir, c.lockFile)).then(() => true, () => false)) return c;
  }
  return null;
}

/** Saves new bytes to the target, when it still holds `expected` (null: when it still does not exist). */
function saver(file: string, target: string, expected: Uint8Array | null, held: Held) {
  let current = expected;
  return async (bytes: Uint8Array) => {
    if (held.lost) throw new InputError(`Khóa của sổ tổng hợp "${file}" đã bị một lệnh khác lấy mất (máy quá bận?): không ghi để khỏi ghi đè. Hãy chạy lại lệnh. Sổ chưa bị thay đổi.`);
    const now = await fs.readFile(target).then((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength), () => null);
    const unchanged = now === null || current === null ? now === current : sameBytes(now, current);
    if (!unchanged) {
      throw new InputError(
        `Sổ tổng hợp "${file}" đã bị thay đổi (một chương trình khác vừa lưu sổ) kể từ lúc phần mềm đọc: không ghi để khỏi làm mất thay đổi đó. Hãy chạy lại lệnh. Sổ chưa bị thay đổi.`,
      );
    }
    await removeLeftovers(target);
    await writeFileAtomic(target, bytes);
    current = bytes;
  };
}

/**
 * Temporary files of saves that were killed before their rename ("SO.xlsx.1234567", write-file-atomic's
 * names). Only a writer holding the lock saves, so while it is held any such file is a dead one's.
 */
async function removeLeftovers(target: string): Promise<void> {
  const dir = path.dirname(target);
  const leftover = new RegExp(`^${path.basename(target).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.\\d+$`);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => leftover.test(n)).map((n) => fs.rm(path.join(dir, n), { force: true })));
}

