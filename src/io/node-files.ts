// The command line's side of file access: expand folders, read bytes, hash, write atomically.
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import type { IncomingFile } from "../core/import";
import { toIncomingFile } from "./incoming";
import { conversionFor, convertWithLibreOffice, findSoffice, NO_SOFFICE_HINT } from "./soffice";
import { sniffFormat, type ReadLimits } from "./xlsx";

const REPORT_EXTENSIONS = new Set([".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".docx", ".docm", ".doc", ".odt", ".csv"]);

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Files named on the command line, folders expanded (sorted, Office lock files "~$..." skipped). */
export async function expandPaths(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const stat = await fs.stat(p);
    if (stat.isDirectory()) {
      const entries = (await fs.readdir(p, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
      const inner = entries
        .filter((e) => (e.isDirectory() || REPORT_EXTENSIONS.has(path.extname(e.name).toLowerCase())) && !e.name.startsWith("~$") && !e.name.startsWith("."))
        .map((e) => path.join(p, e.name));
      out.push(...(await expandPaths(inner)));
    } else out.push(p);
  }
  return out;
}

/**
 * Reads a report file natively; what the readers refuse but LibreOffice opens (old or protected .xls,
 * .doc, .odt, .rtf) is converted when LibreOffice is installed, and read again.
 */
export async function readIncoming(file: string, limits: Partial<ReadLimits> = {}): Promise<IncomingFile> {
  const [bytes, stat] = await Promise.all([fs.readFile(file), fs.stat(file)]);
  const data = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const name = path.basename(file);
  const hash = sha256(data);
  const native = toIncomingFile(name, data, hash, stat.mtime, limits);
  const conversion = conversionFor(sniffFormat(data), native);
  if (!conversion || !native.readError) return native;
  // The hash stays the original file's: the same .doc sent twice is still a duplicate.
  const soffice = await findSoffice();
  const converted = soffice ? await convertWithLibreOffice(soffice, data, conversion) : null;
  if (converted) return toIncomingFile(name, converted, hash, stat.mtime, limits);
  const reason = soffice ? "LibreOffice cũng không chuyển được tệp này." : NO_SOFFICE_HINT;
  return { ...native, readError: { ...native.readError, message: `${native.readError.message} ${reason}` } };
}

/**
 * Writes beside the target and renames, so a crash never leaves a half-written workbook. The bytes are
 * flushed to disk before the rename: after a power cut the name points at the old file or the new one,
 * never at an empty one.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    const handle = await fs.open(tmp, "w");
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}
