// File bytes -> IncomingFile for the import: read into a grid workbook, or the reason it cannot be.
// Shared by the command line and the browser; each passes its own SHA-256.
import type { IncomingFile } from "../core/import";
import { readWorkbook, WorkbookReadError } from "./xlsx";

export function toIncomingFile(name: string, bytes: Uint8Array, hash: string, fileModified: Date | null): IncomingFile {
  try {
    const workbook = readWorkbook(bytes);
    // The workbook's own "modified" survives Zalo and e-mail; the file system's is the download time.
    return { name, hash, modifiedAt: workbook.modifiedAt ?? fileModified, workbook, readError: null };
  } catch (e) {
    const err = e instanceof WorkbookReadError ? e : null;
    return {
      name,
      hash,
      modifiedAt: fileModified,
      workbook: null,
      readError: { code: err?.code ?? "FILE_UNREADABLE", message: err?.message ?? `Không đọc được tệp: ${(e as Error).message}` },
    };
  }
}
