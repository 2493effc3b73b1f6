// The engine's vocabulary. Everything in src/core works on these plain values: no Office.js, no file
// system, no exceljs. Readers (src/io) turn file bytes into a Workbook; writers turn SheetSpecs into cells.

/**
 * A cell as a reader produces it. Formula cells carry their cached result. Excel dates arrive as `Date`
 * whose UTC fields are the wall-clock value typed in Excel (Excel dates have no time zone). Error cells
 * (#N/A, #DIV/0!) arrive as their text.
 */
export type CellValue = string | number | boolean | Date | null;

/** 0-based inclusive range of cells. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One worksheet as a dense-enough grid: rows[r][c] is the cell at 0-based row r, column c (ragged allowed). */
export interface Sheet {
  name: string;
  hidden: boolean;
  rows: CellValue[][];
  merges: CellRange[];
  /**
   * Where grid row r sits for a reader whose rows are not sheet rows (a Word document: "Bảng 2, dòng 5",
   * "Đoạn 3"); null or absent rows are named by their A1 address.
   */
  rowPlaces?: (string | null)[];
}

/** A workbook read from a file. */
export interface Workbook {
  sheets: Sheet[];
  /** dcterms:modified of docProps/core.xml, when present (an instant). */
  modifiedAt?: Date | null;
}

/** Where a value came from. `cell` is an A1 address, or "" when the finding is about the file or sheet. */
export interface SourceRef {
  file: string;
  sheet: string;
  cell: string;
}

// ---------------------------------------------------------------------------------------------------
// Periods and settings

export type PeriodKind = "month" | "quarter" | "half" | "year" | "adhoc";

/** A reporting period. Dates are calendar days in Vietnam time, as "YYYY-MM-DD" strings. */
export interface Period {
  key: string;
  kind: PeriodKind;
  year: number;
  /** month 1-12, quarter 1-4, half 1-2; 0 for year and adhoc. */
  index: number;
  /** First and last calendar day the period covers (inclusive). */
  start: string;
  end: string;
  /** Month keys ("2026-01") the period spans; empty for ad-hoc periods. */
  months: string[];
  /** Vietnamese label: "Tháng 3/2026", "Quý I/2026", "6 tháng đầu năm 2026", "Năm 2026", or the ad-hoc name. */
  label: string;
}

/** An ad-hoc period declared in the settings (e.g. a 30-day campaign). */
export interface AdhocPeriod {
  key: string;
  name: string;
  start: string; // YYYY-MM-DD
  end: string; // YYYY-MM-DD
  /** The report is due before this day (or on it, when the deadline is inclusive). */
  dueDay: string; // YYYY-MM-DD
}

/** A deadline exception: a unit (or every unit when unit is empty) gets another due day for a period. */
export interface DeadlineException {
  unit: string; // unit code, "" for all units
  period: string; // period key
  dueDay: string; // YYYY-MM-DD
}

export interface Settings {
  /** The consolidating body's own code and name (it reports upward as a unit). */
  bodyCode: string;
  bodyName: string;
  year: number;
  /** Reports are due before (or on, when inclusive) this day of the period's due month. */
  deadlineDay: number;
  deadlineInclusive: boolean;
  /** Data of a monthly report counts from this day of the previous month to the day before it in the month. */
  cutoffDay: number;
  timeZone: string; // always "Asia/Ho_Chi_Minh" today; kept as data so the sheet says it
  /** The period key last consolidated ("" before the first): a re-opened book starts on it. */
  lastPeriod: string;
  adhocPeriods: AdhocPeriod[];
  exceptions: DeadlineException[];
}

// ---------------------------------------------------------------------------------------------------
// Units, catalogue, targets

export type Frequency = "month" | "quarter" | "half" | "year";

export interface Unit {
  code: string;
  name: string;
  type: string;
  parent: string;
  frequency: Frequency;
  /** Period keys or YYYY-MM-DD days; empty = unbounded. */
  activeFrom: string;
  activeTo: string;
  contact: string;
}

export type IndicatorKind = "flow" | "stock" | "ratio";

export interface Indicator {
  code: string;
  name: string;
  /** For ratios: the name of the denominator (Mẫu số). */
  denominatorName: string;
  kind: IndicatorKind;
  uom: string;
}

export interface Target {
  indicator: string;
  year: number;
  op: ">=" | ">";
  /** A count, or for percentages a fraction (0.8 for 80%). */
  value: number;
  isPercent: boolean;
}

/** Which indicators a type of unit must report (issue: unit templates). */
export interface UnitTypeIndicators {
  type: string;
  indicators: string[];
}

// ---------------------------------------------------------------------------------------------------
// Parsed unit reports

/** A number read from a cell, or why it is not one. */
export type ParsedValue =
  | { kind: "number"; value: number; percent: boolean }
  | { kind: "blank" }
  | { kind: "na" } // "-", "x", "không": not applicable
  | { kind: "text"; text: string }; // not a number

export interface Located<T> {
  value: T;
  cell: string; // A1 address on the report sheet, or the place a document's row names ("Bảng 2, dòng 5, cột D")
}

/**
 * A non-blank cell of an indicator row that is not one of the row's figures, and why. Every cell of a
 * matched row in a column that can hold a figure is the row's figure, a rate checked against it, or one
 * of these: nothing is left unaccounted for.
 */
export interface SetAsideCell {
  cell: string;
  value: ParsedValue;
  /** The column's header as written ("Kế hoạch năm 2026", "Kết quả thực hiện / Tháng 2/2026"), "" without one. */
  column: string;
  /** Why it is not the figure, in Vietnamese ("cột kế hoạch", "cột của kỳ khác (Tháng 2/2026)"). */
  reason: string;
}

export interface ReportRow {
  /** 1-based row number on the sheet. */
  row: number;
  /** The row as a message names it: "dòng 12", or in a Word report "Bảng 2, dòng 5". */
  place: string;
  code: string | null;
  name: string | null;
  uom: string | null;
  /** The catalogue code this row was matched to, or null when unknown. */
  indicator: string | null;
  /**
   * A flow's or stock's figure, from whichever column holds it: "Kết quả", "Số liệu", "Tử số / Kết quả",
   * the report's own period under a merged header, a stock's "Lũy kế". Null for ratios.
   */
  result: Located<ParsedValue> | null;
  /** A ratio's two parts; null for counts. */
  numerator: Located<ParsedValue> | null;
  denominator: Located<ParsedValue> | null;
  /** Percentages the unit computed itself ("Tỷ lệ (%)", a rate beside Tử số and Mẫu số): checked, never the figure. */
  rates: Located<ParsedValue>[];
  /** Recognised and deliberately not used: plans, other periods, a flow's year-to-date "Lũy kế", repeats. */
  skipped: SetAsideCell[];
  /** Figures the parser cannot take as the row's figure: validation names each in a finding. */
  stray: SetAsideCell[];
  note: string | null;
  /** The row's code and name naming two different things; null when they agree (see IndicatorMismatch). */
  mismatch: IndicatorMismatch | null;
}

/**
 * A row whose code names another catalogue indicator than its name does (`byCode` set: the row stands
 * for neither, and none of its figures is consolidated), or whose code names none while its name names
 * one (`byCode` null: the row is taken by its name). A known code beside a name the catalogue does not
 * know ("Đại sứ số") is no mismatch: units shorten names, and the code decides.
 */
export interface IndicatorMismatch {
  /** The code and the name as written, with their cells. */
  code: Located<string>;
  name: Located<string>;
  byCode: string | null;
  byName: string;
}

/** What the report parser makes of one file, before validation. */
export interface UnitReport {
  file: string;
  sheet: string;
  unitName: Located<string> | null;
  unitCode: Located<string> | null;
  /** "Kỳ báo cáo" as written, else the title line that names the period ("BÁO CÁO ... THÁNG 04/2026"). */
  periodText: Located<string> | null;
  /**
   * "Ngày báo cáo" as found (a Date cell, an Excel serial or text, parsed later), else the place-and-date
   * line "Tân Lập, ngày 15 tháng 4 năm 2026" at the top or above the signature.
   */
  reportDate: Located<CellValue> | null;
  /**
   * The issuing block at the top left (Nghị định 30/2020: the body above, then the issuing unit), line by
   * line from the top: it names the unit when no "Đơn vị" or "Mã đơn vị" field does.
   */
  issuer: Located<string>[];
  rows: ReportRow[];
  /** Problems the parser met (no report sheet, no indicator table, ...). */
  findings: Finding[];
}

// ---------------------------------------------------------------------------------------------------
// Findings, facts, the master workbook's state

export type Severity = "error" | "warning" | "info";

export interface Finding {
  severity: Severity;
  /** Stable code, e.g. "NOT_A_NUMBER"; see findings.ts. */
  code: string;
  file: string;
  sheet: string;
  cell: string;
  unit: string;
  indicator: string;
  period: string;
  message: string;
}

/** One row of the data sheet: period x unit x indicator. */
export interface Fact {
  period: string;
  unit: string;
  indicator: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  file: string;
  sheet: string;
  cell: string;
  hash: string;
  importedAt: string; // ISO instant
}

export type ReceivedSource = "manual" | "declared" | "file" | "import";

/** One unit's report for one period, as received. */
export interface Submission {
  period: string;
  unit: string;
  file: string;
  hash: string;
  /** ISO instant the report counts as received, and where that instant came from. */
  receivedAt: string;
  receivedSource: ReceivedSource;
  /** The clerk's own entry (YYYY-MM-DD or ISO), which wins over everything else; "" when none. */
  manualReceived: string;
  declaredDate: string; // YYYY-MM-DD from "Ngày báo cáo", "" when none
  fileModified: string; // ISO instant, "" when none
  importedAt: string; // ISO instant
  errors: number;
  warnings: number;
}

/**
 * What became of a file: imported; duplicate (the same bytes, or the same figures, as the version kept);
 * replaced (it replaced an older version); superseded (a newer version of the same report is kept, so
 * this one is not counted as received); refused; period_mismatch (set aside, another period).
 */
export type FileStatus = "imported" | "duplicate" | "replaced" | "superseded" | "refused" | "period_mismatch";

export interface LogEntry {
  at: string; // ISO instant
  file: string;
  hash: string;
  status: FileStatus;
  unit: string;
  period: string;
  message: string;
}

/** The master workbook's whole state, as plain data. */
export interface MasterBook {
  settings: Settings;
  units: Unit[];
  catalogue: Indicator[];
  targets: Target[];
  unitTypes: UnitTypeIndicators[];
  data: Fact[];
  submissions: Submission[];
  log: LogEntry[];
  findings: Finding[];
}

// ---------------------------------------------------------------------------------------------------
// Status and consolidation

export type UnitStatusCode = "on_time" | "late" | "overdue" | "pending" | "not_required";

export interface UnitStatus {
  unit: string;
  name: string;
  period: string;
  status: UnitStatusCode;
  /** Days late (late) or overdue (overdue); 0 otherwise. */
  daysLate: number;
  dueAt: string; // ISO instant of the due moment: received before it is on time
  receivedAt: string | null;
  receivedSource: ReceivedSource | null;
  errors: number;
  warnings: number;
  /** Vietnamese label: "Đúng hạn", "Trễ 3 ngày", "Quá hạn 6 ngày", "Chưa đến hạn", "Không phải nộp". */
  label: string;
}

export interface ConsolidatedIndicator {
  code: string;
  name: string;
  kind: IndicatorKind;
  uom: string;
  value: number | null; // a ratio's value is a fraction
  numerator: number | null;
  denominator: number | null;
  target: Target | null;
  /** value / target value, as a fraction; null without a target or value. */
  achievement: number | null;
  unitsReporting: number;
  /** Per unit: that unit's value (fraction for ratios), keyed by unit code. */
  byUnit: Record<string, number | null>;
}

// ---------------------------------------------------------------------------------------------------
// Output sheets as data, written by whichever adapter is in use

/** A value an output sheet holds. Strings are always written as text, never as formulas. */
export type OutValue = string | number | boolean | Date | null;

export interface FillRange {
  range: CellRange;
  /** RGB hex without '#', e.g. "C6EFCE". */
  color: string;
  fontColor?: string;
}

/**
 * How a sheet is laid out on paper. Every writer (exceljs, Office.js, the OOXML package patcher) sets
 * exactly these and nothing else; a spec without `print` leaves the sheet's page setup as the program's
 * default (portrait, 100%, the used range, no header or footer).
 *
 * - `paper`: always A4 (OOXML `paperSize="9"`, Office.js `paperSize = "A4"`).
 * - `orientation`: OOXML `orientation="portrait|landscape"`, Office.js "Portrait" / "Landscape".
 * - `fitToWidth`, `fitToHeight`: pages across and down the content is shrunk to; 0 = as many as it
 *   needs. Both 0 means no fitting at all: printed at 100% (OOXML: no `fitToPage` in `sheetPr/pageSetUpPr`,
 *   `scale="100"`; Office.js `zoom = { scale: 100 }`). Otherwise OOXML `<pageSetUpPr fitToPage="1"/>` with
 *   `fitToWidth`/`fitToHeight` as given (0 meaning "automatic", as Excel writes it), Office.js
 *   `zoom = { horizontalFitToPages, verticalFitToPages }`, 0 there too (left out, Excel would fit the
 *   other direction to one page as well). The core only asks for a
 *   fit that keeps 11-point text at 9 points or more (print-layout.ts).
 * - `area`: the cells printed, 0-based inclusive; absent = the used range. OOXML: the sheet-scoped defined
 *   name `_xlnm.Print_Area` = `'Sheet name'!$A$1:$L$31`; Office.js `pageLayout.setPrintArea("A1:L31")`.
 * - `titleRows`, `titleColumns`: 0-based inclusive rows / columns repeated on every printed page. OOXML:
 *   `_xlnm.Print_Titles` = `'Sheet name'!$6:$6` (rows), `'Sheet name'!$A:$B` (columns), comma-joined,
 *   columns first, when both; Office.js `setPrintTitleRows("$6:$6")`, `setPrintTitleColumns("$A:$B")`.
 * - `header`, `footer`: printed at the top and bottom of every page, in three parts. Each part is already
 *   in Excel's header/footer code language: "&&" is a literal "&", "&P" the page number, "&N" the page
 *   count; the core escapes text from the book (headerText). OOXML `<headerFooter><oddHeader>` =
 *   "&L" + left + "&C" + center + "&R" + right, parts left out when absent; Office.js
 *   `headersFooters.defaultForAllPages.leftHeader` (centerHeader, rightHeader, leftFooter, ...) = each part
 *   given (the sheet is new: nothing is there to clear).
 */
export interface PrintSetup {
  paper: "A4";
  orientation: "portrait" | "landscape";
  fitToWidth: number;
  fitToHeight: number;
  area?: CellRange;
  titleRows?: { first: number; last: number };
  titleColumns?: { first: number; last: number };
  header?: PageBand;
  footer?: PageBand;
}

/** The three parts of a page header or footer, in Excel's header/footer codes (see PrintSetup). */
export interface PageBand {
  left?: string;
  center?: string;
  right?: string;
}

export interface SheetSpec {
  name: string;
  values: OutValue[][];
  /** Same shape as values; "" = General, "@" = text, "#,##0", "0.0%", "dd/mm/yyyy". */
  numberFormats: string[][];
  fills: FillRange[];
  /** 0-based rows drawn bold (title and header rows). */
  boldRows: number[];
  /**
   * 0-based rows whose text wraps inside the cell (table headers with long names); 32 points tall (two
   * lines) unless `rowHeights` gives the row its own height.
   */
  wrapRows?: number[];
  /**
   * 0-based columns whose cells wrap in the table body, the rows from `freeze.rows` down (long names
   * under a column kept narrow enough to print). The body rows of such a sheet are aligned to the top of
   * their cells, so a figure stands level with the first line of its name.
   */
  wrapColumns?: number[];
  /**
   * Rows set to a height in points: rows of wrapped text. No program grows a row for text wrapped in a
   * file it opens (LibreOffice does not, Excel only when the row is edited), so the core works the
   * lines out (print-layout.ts) and the writers set the height as given (OOXML `ht` with `customHeight`,
   * Office.js `format.rowHeight`).
   */
  rowHeights?: { row: number; points: number }[];
  columnWidths: number[];
  freeze: { rows: number; columns: number };
  /** Data bars (exceljs) or a chart (Office.js) over achievement cells. */
  bars?: CellRange;
  /** How the sheet prints (the reports a clerk prints and sends upward); absent = not meant for paper. */
  print?: PrintSetup;
  /**
   * A sheet for paper: when the writer has to add it (it is not in the workbook yet), it goes before
   * every sheet that is not `leading`, in the order of the specs, so that printing the whole workbook
   * starts with the reports. An existing sheet keeps its place: tab order is the clerk's.
   */
  leading?: boolean;
}
