// Reading a unit's report sheet: its header fields (unit, period, report date) and its indicator table,
// in whatever layout the unit kept (columns reordered, merged or two-row headers, several periods side
// by side, decorative rows, legacy fonts). The parser reads and locates; judging the figures is
// validation's job. Its parts: sheet-grid (cells), report-fields (header fields), column-roles and
// indicator-table (the table's header), report-rows (the rows).
import { finding } from "./findings";
import { foldCompact } from "./fold";
import { columnUses, findIndicatorTable } from "./indicator-table";
import type { LegacyEncoding } from "./legacy-encoding";
import { NO_ADHOC, parsePeriodKey, parsePeriodText } from "./periods";
import { FIELD_ROWS, readHeaderFields, signatureDate } from "./report-fields";
import { readIndicatorRows } from "./report-rows";
import { Grid, legacyFinding, openGrid } from "./sheet-grid";
import type { AdhocPeriod, Indicator, Sheet, UnitReport, Workbook } from "./types";

/** The sheet holding the report: the one named "Báo cáo", else the first visible sheet. */
export function findReportSheet(wb: Workbook): Sheet | null {
  const sheets = wb.sheets ?? [];
  return sheets.find((s) => foldCompact(s.name ?? "") === "baocao") ?? sheets.find((s) => !s.hidden) ?? null;
}

/**
 * What a unit's report file says, with every value's cell. Never throws. The ad-hoc periods declared in
 * the settings let a report name one of them; the report's period decides which columns are its own.
 */
export function parseReport(workbook: Workbook, file: string, catalogue: readonly Indicator[], adhoc: readonly AdhocPeriod[] = NO_ADHOC): UnitReport {
  const sheet = findReportSheet(workbook);
  if (!sheet) {
    const report = emptyReport(file, "");
    report.findings.push(finding("NO_REPORT_SHEET", "Tệp không có trang báo cáo: cần một trang tên \"Báo cáo\" hoặc ít nhất một trang đang hiển thị.", { file }));
    return report;
  }
  const first = parseSheet(sheet, file, catalogue, adhoc, null);
  // Cells too short to tell a legacy font from Unicode ("Tæng sè") follow the font most of the sheet is in.
  const { tcvn3, vni } = first.grid.legacyVotes;
  if (tcvn3 === vni) return first.report;
  return parseSheet(sheet, file, catalogue, adhoc, tcvn3 > vni ? "tcvn3" : "vni").report;
}

function emptyReport(file: string, sheet: string): UnitReport {
  return { file, sheet, unitName: null, unitCode: null, periodText: null, reportDate: null, issuer: [], rows: [], findings: [] };
}

function parseSheet(
  sheet: Sheet,
  file: string,
  catalogue: readonly Indicator[],
  adhoc: readonly AdhocPeriod[],
  hint: LegacyEncoding | null,
): { report: UnitReport; grid: Grid } {
  const grid = openGrid(sheet, hint);
  const report = emptyReport(file, sheet.name);
  const place = { file, sheet: sheet.name };
  const table = findIndicatorTable(grid);
  Object.assign(report, readHeaderFields(grid, table ? Math.min(table.headerTop, FIELD_ROWS) : FIELD_ROWS, adhoc));
  if (table) {
    const periodKey = report.periodText ? parsePeriodText(report.periodText.value, adhoc) : null;
    const own = periodKey ? parsePeriodKey(periodKey, adhoc) : null;
    const uses = columnUses(table, own);
    const missingOwnPeriod = uses.missingOwnPeriod;
    if (missingOwnPeriod && own) {
      const headers = missingOwnPeriod.map((c) => `"${c.header}" (ô ${c.headerCell})`).join(", ");
      report.findings.push(
        finding(
          "PERIOD_COLUMN_MISSING",
          `Bảng chỉ tiêu có cột số liệu theo kỳ: ${headers}, nhưng không có cột của kỳ báo cáo ${own.label}. Không lấy số liệu nào từ các cột này; đề nghị đơn vị ghi số liệu của ${own.label}.`,
          { ...place, cell: missingOwnPeriod[0].headerCell },
        ),
      );
    }
    const read = readIndicatorRows(grid, table, uses, catalogue, file);
    report.rows = read.rows;
    report.findings.push(...read.findings);
    report.reportDate ??= signatureDate(grid, read.end);
  } else {
    report.findings.push(
      finding(
        "NO_INDICATOR_TABLE",
        `Không tìm thấy bảng chỉ tiêu trên trang "${sheet.name}": cần một dòng tiêu đề có cột "Mã chỉ tiêu" hoặc "Chỉ tiêu" và cột "Kết quả" (hoặc "Tử số", "Mẫu số").`,
        place,
      ),
    );
  }
  const legacy = legacyFinding(grid, file);
  if (legacy) report.findings.push(legacy);
  return { report, grid };
}
