// Short Vietnamese labels and colours the pane shows for files and statuses.
import { STATUS_COLORS, STATUS_FONT_COLORS } from "../core/palette";
import type { FileStatus, UnitStatusCode } from "../core/types";

export const FILE_STATUS_LABELS: Record<FileStatus, string> = {
  imported: "Đã nhập",
  duplicate: "Trùng",
  replaced: "Thay thế",
  superseded: "Bản cũ",
  refused: "Từ chối",
  period_mismatch: "Khác kỳ",
};

/** A file's status drawn with the status palette: accepted green, set aside amber, refused red. */
const FILE_STATUS_TONE: Record<FileStatus, UnitStatusCode> = {
  imported: "on_time",
  replaced: "on_time",
  duplicate: "pending",
  superseded: "pending",
  period_mismatch: "late",
  refused: "overdue",
};

export interface Tone {
  background: string;
  color: string;
}

export function statusTone(code: UnitStatusCode): Tone {
  return { background: `#${STATUS_COLORS[code]}`, color: `#${STATUS_FONT_COLORS[code]}` };
}

export function fileStatusTone(status: FileStatus): Tone {
  return statusTone(FILE_STATUS_TONE[status]);
}
