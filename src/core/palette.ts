// The colours the product paints with, in the workbook and in the pane alike: Excel's own "Good",
// "Neutral" and "Bad" cell styles and two greys, so a status looks the same wherever the clerk sees it.
import type { Severity, UnitStatusCode } from "./types";

/** Fill colours of a unit's status (RGB hex). */
export const STATUS_COLORS: Record<UnitStatusCode, string> = {
  on_time: "C6EFCE",
  late: "FFEB9C",
  overdue: "FFC7CE",
  pending: "EDEDED",
  not_required: "F2F2F2",
};

/** Font colours that stay readable on STATUS_COLORS. */
export const STATUS_FONT_COLORS: Record<UnitStatusCode, string> = {
  on_time: "006100",
  late: "9C5700",
  overdue: "9C0006",
  pending: "404040",
  not_required: "808080",
};

/** A finding is painted like the status it resembles: an error as overdue, a warning as late. */
export const SEVERITY_TONE: Record<Severity, UnitStatusCode> = { error: "overdue", warning: "late", info: "pending" };

/** A target met is painted as on time, one not met as late. */
export const VERDICT_TONE = { met: "on_time", notMet: "late" } as const satisfies Record<string, UnitStatusCode>;

/** Table header rows of the output sheets. */
export const HEADER_FILL = "DDEBF7";
