// Whether one imported file arrived on time for its own period: what the files table shows beside each
// file ("Đúng hạn", "Trễ 3 ngày"). A unit's status for a period, which also knows missing reports, is status.ts.
import { daysLate, dueInstant } from "./deadlines";
import type { FileResult } from "./import";
import { statusLabel } from "./status";
import type { Settings } from "./types";

export interface Timeliness {
  code: "on_time" | "late";
  daysLate: number;
  /** "Đúng hạn", "Trễ 3 ngày". */
  label: string;
}

/**
 * Null for a file that was not taken in (refused, or set aside for another period) or whose period or
 * received instant is unknown: it has no deadline to be measured against.
 */
export function fileTimeliness(file: FileResult, settings: Settings): Timeliness | null {
  if (file.status === "refused" || file.status === "period_mismatch" || !file.period || !file.receivedAt) return null;
  let due: Date;
  try {
    due = dueInstant(file.period, settings, file.unit);
  } catch {
    return null; // a period the settings no longer declare (an ad-hoc key removed from "Hạn nộp")
  }
  const days = daysLate(new Date(file.receivedAt), due);
  const code = days > 0 ? "late" : "on_time";
  return { code, daysLate: days, label: statusLabel(code, days) };
}
