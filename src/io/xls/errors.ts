// Refusals only an .xls file (Excel 97-2003) can earn; the limits' are shared with .xlsx.
import { WorkbookReadError } from "../xlsx/errors";

const RESAVE_AS_XLSX = "mở tệp bằng Excel rồi lưu lại dạng .xlsx (Lưu thành > Sổ làm việc Excel)";

export const xlsErrors = {
  brokenContainer: () =>
    new WorkbookReadError(
      "FILE_UNREADABLE",
      "Tệp .xls bị hỏng hoặc chưa tải về hết (cấu trúc tệp Office 97-2003 không đọc được): hãy tải lại tệp, hoặc đề nghị đơn vị gửi lại.",
    ),
  brokenRecords: () =>
    new WorkbookReadError("FILE_UNREADABLE", `Tệp .xls bị hỏng: dữ liệu của sổ không đọc được đến hết; hãy ${RESAVE_AS_XLSX}, hoặc đề nghị đơn vị gửi lại tệp.`),
  noWorkbook: () =>
    new WorkbookReadError(
      "FILE_FORMAT",
      "Tệp Office 97-2003 này không chứa sổ Excel (có thể là tệp PowerPoint hay Outlook, hoặc đơn vị gửi nhầm tệp): hãy kiểm tra lại và đề nghị đơn vị gửi báo cáo Excel hoặc Word.",
    ),
  /** Excel 2-95 files (BIFF2-BIFF5): the command line converts them through LibreOffice when it can. */
  tooOld: () =>
    new WorkbookReadError("FILE_FORMAT", `Tệp .xls được lưu bằng Excel 5.0/95 hoặc cũ hơn nên chưa đọc được trực tiếp: ${RESAVE_AS_XLSX}.`),
  encrypted: () =>
    new WorkbookReadError(
      "FILE_ENCRYPTED",
      "Tệp .xls có đặt mật khẩu hoặc được mã hóa nên không đọc được trực tiếp: đề nghị đơn vị mở tệp bằng Excel, gỡ mật khẩu và bảo vệ (Tệp > Thông tin > Bảo vệ sổ làm việc), lưu lại dạng .xlsx rồi gửi lại.",
    ),
};
