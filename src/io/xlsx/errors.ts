// The one error the report readers throw (.xlsx here; .docx, .ods and .xls reuse it), with the finding code
// it maps to and a Vietnamese message that tells the clerk what is wrong and what to do about it. Messages
// about the zip container name no format: .xlsx, .docx and .ods share it.

export type WorkbookReadErrorCode = "FILE_UNREADABLE" | "FILE_FORMAT" | "FILE_TOO_LARGE" | "FILE_ENCRYPTED";

export class WorkbookReadError extends Error {
  constructor(
    readonly code: WorkbookReadErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "WorkbookReadError";
  }
}

const RESAVE_AS_XLSX = "mở tệp bằng Excel rồi lưu lại dạng .xlsx (Lưu thành > Sổ làm việc Excel)";
const ASK_AGAIN = "hãy mở thử tệp (bằng Excel, Word hoặc LibreOffice) và lưu lại, hoặc đề nghị đơn vị gửi lại tệp";

function capitalized(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

export const readErrors = {
  empty: () => new WorkbookReadError("FILE_UNREADABLE", "Tệp rỗng (0 byte): hãy đề nghị đơn vị gửi lại tệp."),
  xls: () => new WorkbookReadError("FILE_FORMAT", `Tệp .xls (Excel 97-2003) chưa đọc được: ${RESAVE_AS_XLSX}.`),
  xlsb: () =>
    new WorkbookReadError("FILE_FORMAT", `Tệp .xlsb (sổ làm việc nhị phân) chưa đọc được: ${RESAVE_AS_XLSX}.`),
  ods: () =>
    new WorkbookReadError(
      "FILE_FORMAT",
      "Tệp .ods (LibreOffice/OpenOffice) chưa đọc được: mở tệp rồi lưu lại dạng .xlsx (Lưu thành > Excel 2007-365 .xlsx).",
    ),
  csv: () =>
    new WorkbookReadError("FILE_FORMAT", `Tệp là văn bản CSV, không phải sổ Excel: ${RESAVE_AS_XLSX}.`),
  markup: () =>
    new WorkbookReadError(
      "FILE_FORMAT",
      `Tệp là trang web (HTML) hoặc XML mang đuôi Excel, không phải sổ .xlsx thật: ${RESAVE_AS_XLSX}.`,
    ),
  unknown: () =>
    new WorkbookReadError(
      "FILE_FORMAT",
      "Tệp không phải sổ Excel .xlsx (hoặc đã hỏng): hãy đề nghị đơn vị gửi lại báo cáo dạng .xlsx.",
    ),
  notWorkbookZip: () =>
    new WorkbookReadError(
      "FILE_FORMAT",
      "Tệp nén này không chứa sổ Excel (.xlsx): hãy kiểm tra lại, có thể đơn vị gửi nhầm tệp.",
    ),
  encrypted: () =>
    new WorkbookReadError(
      "FILE_ENCRYPTED",
      "Tệp có đặt mật khẩu nên không đọc được: đề nghị đơn vị mở tệp bằng Excel (hoặc Word), gỡ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc / Bảo vệ tài liệu > Mã hóa bằng mật khẩu, xóa mật khẩu), lưu lại rồi gửi lại.",
    ),
  brokenZip: (cause?: unknown) =>
    new WorkbookReadError(
      "FILE_UNREADABLE",
      `Tệp bị hỏng hoặc chưa tải về hết (cấu trúc tệp nén không đọc được): hãy tải lại tệp, hoặc đề nghị đơn vị gửi lại.`,
      { cause },
    ),
  brokenPart: (part: string, cause?: unknown) =>
    new WorkbookReadError(
      "FILE_UNREADABLE",
      `Tệp bị hỏng: phần "${part}" bên trong không đọc được. ${capitalized(ASK_AGAIN)}.`,
      { cause },
    ),
  duplicatePart: (part: string) =>
    new WorkbookReadError(
      "FILE_UNREADABLE",
      `Tệp bị hỏng hoặc bị chỉnh sửa bất thường: phần "${part}" xuất hiện hai lần. ${capitalized(ASK_AGAIN)}.`,
    ),
  missingPart: (what: string) =>
    new WorkbookReadError("FILE_UNREADABLE", `Tệp bị hỏng: thiếu ${what}; ${ASK_AGAIN}.`),
  unsupportedCompression: (part: string) =>
    new WorkbookReadError(
      "FILE_UNREADABLE",
      `Tệp được nén theo cách chưa hỗ trợ (phần "${part}"): ${ASK_AGAIN}.`,
    ),
  unexpected: (cause: unknown) =>
    new WorkbookReadError("FILE_UNREADABLE", `Tệp bị hỏng, không đọc được nội dung: ${ASK_AGAIN}.`, { cause }),
  tooLargeUncompressed: (limit: number) =>
    new WorkbookReadError(
      "FILE_TOO_LARGE",
      `Tệp quá lớn để đọc (nội dung giải nén vượt quá ${megabytes(limit)}, có thể là tệp độc hại): hãy chỉ giữ trang báo cáo, lưu lại rồi gửi lại.`,
    ),
  sizeLie: (part: string) =>
    new WorkbookReadError(
      "FILE_TOO_LARGE",
      `Tệp bị từ chối: phần "${part}" giải nén ra nhiều hơn kích thước nó tự khai (dấu hiệu tệp độc hại hoặc bị hỏng). Hãy đề nghị đơn vị gửi lại tệp.`,
    ),
  tooManySheets: (count: number, limit: number) =>
    new WorkbookReadError(
      "FILE_TOO_LARGE",
      `Tệp có ${count} trang tính, vượt quá giới hạn ${limit} trang: hãy xóa các trang không cần thiết, lưu lại rồi gửi lại.`,
    ),
  tooManyRows: (sheet: string, limit: number) =>
    new WorkbookReadError(
      "FILE_TOO_LARGE",
      `Trang "${sheet}" có dữ liệu vượt quá ${limit.toLocaleString("vi-VN")} dòng hoặc ngoài vùng ô của Excel: hãy xóa các dòng, cột thừa rồi lưu lại.`,
    ),
  tooManyCells: (sheet: string, limit: number) =>
    new WorkbookReadError(
      "FILE_TOO_LARGE",
      `Trang "${sheet}" có quá nhiều ô (hơn ${limit.toLocaleString("vi-VN")} ô): hãy xóa dữ liệu thừa hoặc tách tệp, lưu lại rồi gửi lại.`,
    ),
};

/** What a reader throws for any failure: its own refusals as they are, anything else as a damaged file. */
export function asReadError(error: unknown): WorkbookReadError {
  return error instanceof WorkbookReadError ? error : readErrors.unexpected(error);
}
