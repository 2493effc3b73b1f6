// The one error this folder throws: a code the store can branch on, and one Vietnamese line for the clerk
// that says what is wrong with the master workbook and what to do. Causes (fflate, XML) stay in `cause`,
// never in the message.
import { WorkbookReadError } from "../xlsx/errors";

export type MasterPackageErrorCode =
  /** The bytes are not an .xlsx workbook at all (an .xls, .ods, CSV, web page...). */
  | "MASTER_FORMAT"
  /** A zip or XML structure the product needs is damaged. */
  | "MASTER_DAMAGED"
  | "MASTER_ENCRYPTED"
  | "MASTER_TOO_LARGE"
  /** A sheet of the clerk's has the name (but for case) of a sheet the product must write. */
  | "SHEET_NAME_TAKEN"
  /** A product sheet's name belongs to a chart sheet or another kind of sheet that holds no cells. */
  | "SHEET_NOT_WORKSHEET"
  /** A sheet name Excel would refuse (too long, forbidden characters, two specs with one name). */
  | "SHEET_NAME_INVALID";

export class MasterPackageError extends Error {
  constructor(
    readonly code: MasterPackageErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "MasterPackageError";
  }
}

const RESAVE = "Hãy mở sổ bằng Excel (hoặc LibreOffice), lưu lại dạng .xlsx rồi làm lại, hoặc dùng bản sao lưu gần nhất của sổ";
const RENAME = "Hãy đổi tên trang đó (ví dụ thêm chữ \"riêng\") rồi làm lại; phần mềm không ghi đè lên nội dung do người dùng tạo";

export const masterErrors = {
  damaged: (cause?: unknown) =>
    new MasterPackageError("MASTER_DAMAGED", `Sổ tổng hợp bị hỏng, không đọc được cấu trúc tệp. ${RESAVE}. Sổ chưa bị thay đổi.`, { cause }),
  damagedPart: (part: string, cause?: unknown) =>
    new MasterPackageError("MASTER_DAMAGED", `Sổ tổng hợp bị hỏng: phần "${part}" bên trong tệp không đọc được. ${RESAVE}. Sổ chưa bị thay đổi.`, { cause }),
  format: (cause?: unknown) =>
    new MasterPackageError("MASTER_FORMAT", `Tệp này không phải sổ Excel .xlsx/.xlsm nên không dùng làm sổ tổng hợp được. Hãy mở bằng Excel hoặc LibreOffice, lưu lại dạng .xlsx rồi chọn lại.`, { cause }),
  encrypted: (cause?: unknown) =>
    new MasterPackageError("MASTER_ENCRYPTED", `Sổ tổng hợp có đặt mật khẩu mở tệp nên phần mềm không đọc được. Hãy mở sổ bằng Excel, gỡ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu), lưu lại rồi làm lại.`, { cause }),
  tooLarge: (cause?: unknown) =>
    new MasterPackageError("MASTER_TOO_LARGE", `Sổ tổng hợp quá lớn để phần mềm đọc an toàn. Hãy lưu các năm cũ sang một sổ khác rồi làm lại. Sổ chưa bị thay đổi.`, { cause }),
  nameTaken: (existing: string, wanted: string) =>
    new MasterPackageError(
      "SHEET_NAME_TAKEN",
      `Sổ tổng hợp đã có trang "${existing}" do người dùng tạo, trùng tên (không phân biệt chữ hoa, chữ thường) với trang "${wanted}" mà phần mềm cần ghi. ${RENAME}. Sổ chưa bị thay đổi.`,
    ),
  notWorksheet: (existing: string) =>
    new MasterPackageError(
      "SHEET_NOT_WORKSHEET",
      `Trang "${existing}" trong sổ tổng hợp là trang biểu đồ (hoặc loại trang không chứa ô) nhưng mang tên một trang của phần mềm. ${RENAME}. Sổ chưa bị thay đổi.`,
    ),
  noSheets: () => new MasterPackageError("SHEET_NAME_INVALID", "Sổ tổng hợp mới phải có ít nhất một trang."),
  invalidName: (name: string) =>
    new MasterPackageError(
      "SHEET_NAME_INVALID",
      `Tên trang "${name}" không hợp lệ trong Excel (dài quá 31 ký tự, trùng tên, hoặc có ký tự : \\ / ? * [ ]). Sổ chưa bị thay đổi.`,
    ),
};

/** A reader's refusal, re-worded for the master workbook: the reader's own advice is about units' report files. */
export function fromReadError(error: WorkbookReadError): MasterPackageError {
  switch (error.code) {
    case "FILE_FORMAT":
      return masterErrors.format(error);
    case "FILE_ENCRYPTED":
      return masterErrors.encrypted(error);
    case "FILE_TOO_LARGE":
      return masterErrors.tooLarge(error);
    default:
      return masterErrors.damaged(error);
  }
}

/** Any failure while opening or patching, as a MasterPackageError: nothing raw reaches the clerk. */
export function asMasterError(error: unknown): MasterPackageError {
  if (error instanceof MasterPackageError) return error;
  if (error instanceof WorkbookReadError) return fromReadError(error);
  return masterErrors.damaged(error);
}
