// Refusals only a Word document can earn; the zip container's and the limits' are shared with .xlsx.
import { WorkbookReadError } from "../xlsx/errors";

export const docxErrors = {
  nestedTooDeep: (limit: number) =>
    new WorkbookReadError(
      "FILE_TOO_LARGE",
      `Tệp Word có bảng lồng trong bảng quá ${limit} tầng (dấu hiệu tệp độc hại hoặc bị hỏng): đề nghị đơn vị gửi lại báo cáo với bảng chỉ tiêu không lồng nhau.`,
    ),
  noDocument: () =>
    new WorkbookReadError(
      "FILE_UNREADABLE",
      "Tệp Word bị hỏng: thiếu phần nội dung văn bản (word/document.xml); hãy mở thử bằng Word và lưu lại, hoặc đề nghị đơn vị gửi lại tệp.",
    ),
};
