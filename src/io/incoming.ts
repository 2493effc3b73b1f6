// File bytes -> IncomingFile for the import: read into a grid workbook, or the reason it cannot be.
// Shared by the command line and the browser; each passes its own SHA-256.
import type { IncomingFile } from "../core/import";
import { readWorkbook, WorkbookReadError, type ReadLimits } from "./xlsx";

/**
 * A unit report holds a few dozen rows: a sheet reaching past what an .xls (Excel 97-2003) could hold, or
 * with more than half a million cells, is not a report, and is refused when the reader gets there rather
 * than after building it all.
 */
export const REPORT_READ_LIMITS: Readonly<Partial<ReadLimits>> = Object.freeze({ maxRows: 65_536, maxCells: 500_000 });

export function toIncomingFile(name: string, bytes: Uint8Array, hash: string, fileModified: Date | null, limits: Partial<ReadLimits> = {}): IncomingFile {
  try {
    const workbook = readWorkbook(bytes, { ...REPORT_READ_LIMITS, ...limits });
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
