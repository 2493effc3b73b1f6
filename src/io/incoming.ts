// File bytes -> IncomingFile for the import: read into a grid workbook by the reader of the file's kind
// (told by content, never by name), or the reason it cannot be. Shared by the command line, the web page
// and the pane; each passes its own SHA-256.
import type { IncomingFile } from "../core/import";
import type { Workbook } from "../core/types";
import { readDocx } from "./docx";
import { readOds } from "./ods";
import { readXls } from "./xls";
import { readWorkbook, sniffFormat, WorkbookReadError, type FileKind, type ReadLimits } from "./xlsx";
import { readErrors } from "./xlsx/errors";
import { looksLikeMarkup } from "./xlsx/sniff";
import { isZip } from "./xlsx/zip";

/**
 * A unit report holds a few dozen rows: a sheet reaching past what an .xls (Excel 97-2003) could hold, or
 * with more than half a million cells, is not a report, and is refused when the reader gets there rather
 * than after building it all.
 */
export const REPORT_READ_LIMITS: Readonly<Partial<ReadLimits>> = Object.freeze({ maxRows: 65_536, maxCells: 500_000 });

const SEND_EXCEL_OR_WORD = "đề nghị đơn vị gửi tệp Excel hoặc Word của báo cáo";

const refusal = (message: string) => new WorkbookReadError("FILE_FORMAT", message);

/** Why a report file of this kind is not read, and what to do: for every kind no reader takes (the .xlsx reader alone, xlsx/workbook.ts, names fewer kinds). */
function reportFileRefusal(kind: FileKind, bytes: Uint8Array): WorkbookReadError {
  switch (kind) {
    case "encrypted":
      return readErrors.encrypted();
    case "csv":
      return readErrors.csv();
    case "xlsb":
      return readErrors.xlsb();
    case "doc":
      return refusal(
        "Tệp .doc (Word 97-2003) chưa đọc được ở đây: mở tệp bằng Word rồi lưu lại dạng .docx (Lưu thành > Tài liệu Word), hoặc nhập bằng dòng lệnh trên máy có cài LibreOffice.",
      );
    case "odt":
      return refusal(
        "Tệp .odt (văn bản LibreOffice/OpenOffice) chưa đọc được ở đây: mở tệp rồi lưu lại dạng .docx (Lưu thành > Word 2007-365), hoặc nhập bằng dòng lệnh trên máy có cài LibreOffice.",
      );
    case "rtf":
      return refusal("Tệp .rtf chưa đọc được: mở tệp bằng Word rồi lưu lại dạng .docx (Lưu thành > Tài liệu Word).");
    case "pdf":
      return refusal(`Tệp PDF là bản in, không đọc được số liệu: ${SEND_EXCEL_OR_WORD}.`);
    case "image":
      return refusal(`Tệp là ảnh chụp, không đọc được số liệu: ${SEND_EXCEL_OR_WORD}.`);
    case "archive":
      return refusal("Tệp nén (.zip, .rar, .7z) không phải một báo cáo: hãy giải nén rồi chọn các tệp báo cáo bên trong.");
    default:
      // A zip whose directory cannot be read: most often a download cut short.
      if (isZip(bytes)) return readErrors.brokenZip();
      return looksLikeMarkup(bytes)
        ? readErrors.markup()
        : refusal(`Tệp không phải báo cáo Excel (.xlsx, .xls), OpenDocument (.ods) hay Word (.docx), hoặc đã hỏng: ${SEND_EXCEL_OR_WORD}.`);
  }
}

/** Reads a unit's report file of any kind the product reads. Throws WorkbookReadError, and only that. */
export function readReportFile(bytes: Uint8Array, limits: Partial<ReadLimits> = {}): Workbook {
  if (bytes.length === 0) throw readErrors.empty();
  const effective = { ...REPORT_READ_LIMITS, ...limits };
  const kind = sniffFormat(bytes);
  switch (kind) {
    case "xlsx":
      return readWorkbook(bytes, effective);
    case "docx":
      return readDocx(bytes, effective);
    case "ods":
      return readOds(bytes, effective);
    case "xls":
      return readXls(bytes, effective);
    default:
      throw reportFileRefusal(kind, bytes);
  }
}

export function toIncomingFile(name: string, bytes: Uint8Array, hash: string, fileModified: Date | null, limits: Partial<ReadLimits> = {}): IncomingFile {
  try {
    const workbook = readReportFile(bytes, limits);
    // The workbook's own "modified" survives Zalo and e-mail; the file system's is the download time.
    return { name, hash, modifiedAt: workbook.modifiedAt ?? fileModified, workbook, readError: null };
  } catch (e) {
    return refusedFile(name, hash, fileModified, e);
  }
}

/** The IncomingFile of a file that could not be read, with the reason as its finding. */
export function refusedFile(name: string, hash: string, fileModified: Date | null, error: unknown): IncomingFile {
  const err = error instanceof WorkbookReadError ? error : null;
  return {
    name,
    hash,
    modifiedAt: fileModified,
    workbook: null,
    readError: { code: err?.code ?? "FILE_UNREADABLE", message: err?.message ?? `Không đọc được tệp: ${(error as Error).message}` },
  };
}
