// Stable finding codes and the constructor every module uses. Codes are part of the CLI's JSON output
// and of the findings sheet: never rename one.
import type { Finding, Severity } from "./types";

export const FINDING_CODES = {
  // The file itself
  FILE_UNREADABLE: "error",
  FILE_FORMAT: "error",
  FILE_TOO_LARGE: "error",
  FILE_ENCRYPTED: "error",
  NO_REPORT_SHEET: "error",
  NO_INDICATOR_TABLE: "error",
  PERIOD_COLUMN_MISSING: "error",
  LEGACY_ENCODING: "warning",
  LOOKALIKE_CHARACTERS: "warning",
  // Header fields
  UNIT_MISSING: "error",
  UNKNOWN_UNIT: "error",
  UNIT_CONFLICT: "error",
  UNIT_CODE_UNKNOWN: "warning",
  UNIT_INACTIVE: "error",
  PERIOD_MISSING: "error",
  PERIOD_UNREADABLE: "error",
  PERIOD_MISMATCH: "error",
  REPORT_DATE_UNREADABLE: "warning",
  REPORT_DATE_FUTURE: "warning",
  REPORT_DATE_BEFORE_PERIOD: "warning",
  FILE_MODIFIED_FUTURE: "warning",
  // Values
  NOT_A_NUMBER: "error",
  NEGATIVE: "error",
  NOT_WHOLE: "error",
  NUMERATOR_ABOVE_DENOMINATOR: "error",
  PERCENT_OUT_OF_RANGE: "error",
  PERCENT_WITHOUT_DENOMINATOR: "error",
  RATIO_MISSING_PART: "error",
  UNKNOWN_INDICATOR: "warning",
  INDICATOR_CONFLICT: "error",
  INDICATOR_CODE_UNKNOWN: "warning",
  UNUSED_FIGURE: "warning",
  RATE_MISMATCH: "warning",
  DUPLICATE_ROW: "error",
  REQUIRED_BLANK: "warning",
  // Against other data
  STOCK_DECREASED: "warning",
  MENTEES_BELOW_FIVE_PER_MENTOR: "warning",
  CERTIFIED_ABOVE_ADULTS: "error",
  JUMP_OVER_3X: "warning",
  REPLACED: "info",
  SUPERSEDED: "info",
  VERSIONS_UNORDERED: "warning",
  OUTPUT_EDITED: "warning",
  // Writing the master workbook
  EXCEL_LAYOUT_INCOMPLETE: "warning",
  CLERK_ROWS_MOVED: "warning",
  DUPLICATE_FILE: "info",
} as const satisfies Record<string, Severity>;

export type FindingCode = keyof typeof FINDING_CODES;

export interface FindingPlace {
  file?: string;
  sheet?: string;
  cell?: string;
  unit?: string;
  indicator?: string;
  period?: string;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then information. */
export function bySeverity(a: Pick<Finding, "severity">, b: Pick<Finding, "severity">): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
}

/** A finding with the code's own severity. */
export function finding(code: FindingCode, message: string, place: FindingPlace = {}): Finding {
  return {
    severity: FINDING_CODES[code],
    code,
    file: place.file ?? "",
    sheet: place.sheet ?? "",
    cell: place.cell ?? "",
    unit: place.unit ?? "",
    indicator: place.indicator ?? "",
    period: place.period ?? "",
    message,
  };
}

/** "tệp a.xlsx, trang Báo cáo, ô D12": where a finding points, for messages shown alone. */
export function describePlace(f: Pick<Finding, "file" | "sheet" | "cell">): string {
  const parts: string[] = [];
  if (f.file) parts.push(`tệp ${f.file}`);
  if (f.sheet) parts.push(`trang ${f.sheet}`);
  if (f.cell) parts.push(`ô ${f.cell}`);
  return parts.join(", ");
}
