// Short Vietnamese labels and colours the pane shows for files and statuses. A file's row says what will
// happen before anything is written ("Sẽ nhập", outlined) and what happened after ("Đã nhập", filled), in
// words and colours that cannot be taken for each other.
import type { FileResult } from "../core/import";
import { STATUS_COLORS, STATUS_FONT_COLORS } from "../core/palette";
import type { FileStatus, UnitStatusCode } from "../core/types";

/** What importing would do with the file: shown before "Tổng hợp báo cáo", nothing written yet. */
export const PREVIEW_LABELS: Record<FileStatus, string> = {
  imported: "Sẽ nhập",
  duplicate: "Trùng, bỏ qua",
  replaced: "Sẽ thay thế",
  superseded: "Bản cũ hơn, bỏ qua",
  refused: "Sẽ không nhận",
  period_mismatch: "Khác kỳ",
};

/** What was done with the file, once written into the book. */
export const WRITTEN_LABELS: Record<FileStatus, string> = {
  imported: "Đã nhập",
  duplicate: "Trùng, đã bỏ qua",
  replaced: "Đã thay thế",
  superseded: "Bản cũ, không dùng",
  refused: "Đã từ chối",
  period_mismatch: "Khác kỳ, để riêng",
};

/** A file that could not be read at all is said so, whether or not anything was written. */
const unreadable = (r: Pick<FileResult, "status" | "findings">) => r.status === "refused" && r.findings.some((f) => f.code.startsWith("FILE_"));

export function fileStatusText(r: Pick<FileResult, "status" | "findings">, written: boolean): string {
  if (unreadable(r)) return "Không đọc được";
  return (written ? WRITTEN_LABELS : PREVIEW_LABELS)[r.status];
}

/** A file's status drawn with the status palette: accepted green, set aside amber, refused red, skipped grey. */
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
  /** Outlined badges (a preview) have a border and a white background; filled ones have neither. */
  border?: string;
}

export function statusTone(code: UnitStatusCode): Tone {
  return { background: `#${STATUS_COLORS[code]}`, color: `#${STATUS_FONT_COLORS[code]}` };
}

/** Preview tones: white with a coloured outline, and "Sẽ nhập" in the pane's blue rather than the green of "Đã nhập". */
const PREVIEW_TONE: Record<FileStatus, Tone> = {
  imported: { background: "#ffffff", color: "#0f548c", border: "#0f6cbd" },
  replaced: { background: "#ffffff", color: "#0f548c", border: "#0f6cbd" },
  duplicate: { background: "#ffffff", color: "#424242", border: "#8a8a8a" },
  superseded: { background: "#ffffff", color: "#424242", border: "#8a8a8a" },
  period_mismatch: { background: "#ffffff", color: "#835b00", border: "#c19c00" },
  refused: { background: "#ffffff", color: "#9c0006", border: "#c50f1f" },
};

export function fileStatusTone(status: FileStatus, written: boolean): Tone {
  return written ? statusTone(FILE_STATUS_TONE[status]) : PREVIEW_TONE[status];
}
