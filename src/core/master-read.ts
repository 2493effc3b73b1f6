// Reading the master workbook's sheets back into a MasterBook. Columns are found by their header text, so
// a clerk may sort, reorder or add columns; rows that cannot be read are reported, never silently dropped.
import { parseDateCell } from "./dates";
import { finding } from "./findings";
import { foldCompact, foldText } from "./fold";
import { DEFAULT_SETTINGS, newMasterBook, parseFrequency, parseKind, reverseLookup, SETTING_ROWS, SEVERITY_LABELS, SHEETS, SOURCE_LABELS, STATUS_LABELS } from "./master-sheets";
import { parseNumber } from "./numbers";
import { keepEditedOutputs } from "./output-seal";
import { cellToInstant } from "./sheet-spec";
import type { AdhocPeriod, CellValue, DeadlineException, Fact, Finding, Indicator, LogEntry, MasterBook, SheetSpec, Submission, Target, Unit, UnitTypeIndicators } from "./types";

export interface ReadMasterResult {
  book: MasterBook;
  /** Problems with the workbook itself: a missing sheet, a row that cannot be read, an output edited by hand. */
  problems: Finding[];
  /** Copies of output sheets edited by hand, to write beside the rewritten outputs so nothing typed is lost. */
  backups: SheetSpec[];
}

/** A table read by header: get(row, "Mã đơn vị") finds the column whatever its position. */
interface Table {
  rows: CellValue[][];
  has(header: string): boolean;
  get(row: CellValue[], header: string): CellValue;
  text(row: CellValue[], header: string): string;
  /** 1-based sheet row of rows[i]. */
  rowNumber(i: number): number;
}

function readTable(grid: CellValue[][] | undefined, headers: string[]): Table | null {
  if (!grid) return null;
  const wanted = new Set(headers.map(foldCompact));
  // The header row is the first row naming at least two of the expected columns.
  let headerRow = -1;
  for (let r = 0; r < Math.min(grid.length, 10); r++) {
    const hits = (grid[r] ?? []).filter((c) => typeof c === "string" && wanted.has(foldCompact(c))).length;
    if (hits >= Math.min(2, headers.length)) {
      headerRow = r;
      break;
    }
  }
  if (headerRow < 0) return null;
  const index = new Map<string, number>();
  (grid[headerRow] ?? []).forEach((c, i) => {
    if (typeof c === "string" && !index.has(foldCompact(c))) index.set(foldCompact(c), i);
  });
  const rows: CellValue[][] = [];
  const numbers: number[] = [];
  for (let r = headerRow + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    if (row.every((c) => c === null || c === "")) continue;
    rows.push(row);
    numbers.push(r + 1);
  }
  const get = (row: CellValue[], header: string) => {
    const i = index.get(foldCompact(header));
    return i === undefined ? null : (row[i] ?? null);
  };
  return {
    rows,
    has: (h) => index.has(foldCompact(h)),
    get,
    text: (row, h) => cellText(get(row, h)),
    rowNumber: (i) => numbers[i],
  };
}

function cellText(v: CellValue): string {
  if (v === null) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).normalize("NFC").trim();
}

function cellNumber(v: CellValue): number | null {
  const p = parseNumber(v);
  return p.kind === "number" ? p.value : null;
}

function cellDay(v: CellValue): string {
  return parseDateCell(v) ?? "";
}

function cellInstant(v: CellValue): string {
  if (v instanceof Date) return cellToInstant(v);
  if (typeof v === "string" && v && !Number.isNaN(Date.parse(v))) return new Date(v).toISOString();
  return "";
}

function problem(sheet: string, message: string, row?: number): Finding {
  return finding("FILE_UNREADABLE", message, { file: "Sổ tổng hợp", sheet, cell: row ? `A${row}` : "" });
}

export function readMasterBook(grids: Record<string, CellValue[][]>): ReadMasterResult {
  const problems: Finding[] = [];
  const book = newMasterBook();
  const missing = (sheet: string) => problems.push(problem(sheet, `Sổ tổng hợp thiếu trang "${sheet}" (hoặc trang đã bị đổi tên/sửa tiêu đề cột): dùng giá trị mặc định.`));

  const settingsGrid = grids[SHEETS.settings];
  if (!settingsGrid) missing(SHEETS.settings);
  else {
    const byLabel = new Map(settingsGrid.map((r) => [foldCompact(cellText(r[0] ?? null)), r[1] ?? null]));
    for (const { key, label } of SETTING_ROWS) {
      const v = byLabel.get(foldCompact(label));
      if (v === undefined || v === null || v === "") continue;
      const target = book.settings as unknown as Record<string, unknown>;
      if (typeof DEFAULT_SETTINGS[key] === "number") {
        const n = cellNumber(v);
        if (n !== null) target[key] = n;
        else problems.push(problem(SHEETS.settings, `"${label}" phải là số (đang ghi "${cellText(v)}").`));
      } else if (typeof DEFAULT_SETTINGS[key] === "boolean") {
        target[key] = ["co", "x", "true", "yes", "1"].includes(foldText(cellText(v)));
      } else target[key] = cellText(v);
    }
  }

  const deadlines = readTable(grids[SHEETS.deadlines], ["Loại", "Kỳ báo cáo", "Hạn nộp (trước ngày)"]);
  if (!deadlines) missing(SHEETS.deadlines);
  else {
    const adhoc: AdhocPeriod[] = [];
    const exceptions: DeadlineException[] = [];
    deadlines.rows.forEach((r, i) => {
      const kind = foldText(deadlines.text(r, "Loại"));
      const key = deadlines.text(r, "Kỳ báo cáo");
      const dueDay = cellDay(deadlines.get(r, "Hạn nộp (trước ngày)"));
      if (!key || !dueDay) {
        problems.push(problem(SHEETS.deadlines, `Dòng ${deadlines.rowNumber(i)} thiếu kỳ báo cáo hoặc hạn nộp: bỏ qua dòng này.`, deadlines.rowNumber(i)));
        return;
      }
      if (kind.startsWith("ngoai le")) exceptions.push({ period: key, unit: deadlines.text(r, "Mã đơn vị"), dueDay });
      else adhoc.push({ key, name: deadlines.text(r, "Tên kỳ") || key, start: cellDay(deadlines.get(r, "Từ ngày")), end: cellDay(deadlines.get(r, "Đến ngày")), dueDay });
    });
    book.settings.adhocPeriods = adhoc;
    book.settings.exceptions = exceptions;
  }

  if (!grids[SHEETS.units]) missing(SHEETS.units);
  else book.units = readUnits(grids[SHEETS.units], problems, SHEETS.units);

  const catalogue = readTable(grids[SHEETS.catalogue], ["Mã chỉ tiêu", "Tên chỉ tiêu", "Loại", "Đơn vị tính"]);
  if (!catalogue) missing(SHEETS.catalogue);
  else {
    const list: Indicator[] = [];
    catalogue.rows.forEach((r, i) => {
      const code = catalogue.text(r, "Mã chỉ tiêu");
      const kind = parseKind(catalogue.text(r, "Loại"));
      if (!code || !kind) {
        problems.push(problem(SHEETS.catalogue, `Dòng ${catalogue.rowNumber(i)}: thiếu mã chỉ tiêu hoặc loại (Phát sinh trong kỳ, Lũy kế, Tỷ lệ): bỏ qua.`, catalogue.rowNumber(i)));
        return;
      }
      list.push({ code, name: catalogue.text(r, "Tên chỉ tiêu"), denominatorName: catalogue.text(r, "Mẫu số"), kind, uom: catalogue.text(r, "Đơn vị tính") });
    });
    book.catalogue = list;
  }

  const targets = readTable(grids[SHEETS.targets], ["Mã chỉ tiêu", "Năm", "Giá trị"]);
  if (!targets) missing(SHEETS.targets);
  else {
    const list: Target[] = [];
    targets.rows.forEach((r, i) => {
      const indicator = targets.text(r, "Mã chỉ tiêu");
      const year = cellNumber(targets.get(r, "Năm"));
      const raw = targets.get(r, "Giá trị");
      const parsed = parseNumber(raw);
      if (!indicator || year === null || parsed.kind !== "number") {
        problems.push(problem(SHEETS.targets, `Dòng ${targets.rowNumber(i)}: chỉ tiêu kế hoạch thiếu mã, năm hoặc giá trị: bỏ qua.`, targets.rowNumber(i)));
        return;
      }
      const isPercent = parsed.percent || targets.text(r, "Dạng").includes("%");
      // A percentage typed as 80 means 80%.
      const value = isPercent && !parsed.percent && parsed.value > 1 ? parsed.value / 100 : parsed.value;
      const op = targets.text(r, "So sánh").includes(">") && !targets.text(r, "So sánh").includes("=") ? ">" : ">=";
      list.push({ indicator, year, op, value, isPercent });
    });
    book.targets = list;
  }

  const unitTypes = readTable(grids[SHEETS.unitTypes], ["Loại đơn vị", "Chỉ tiêu phải báo cáo"]);
  if (!unitTypes) missing(SHEETS.unitTypes);
  else {
    book.unitTypes = unitTypes.rows
      .map((r): UnitTypeIndicators => ({
        type: unitTypes.text(r, "Loại đơn vị"),
        indicators: unitTypes
          .text(r, "Chỉ tiêu phải báo cáo")
          .split(/[,;\s]+/)
          .map((s) => s.trim().toUpperCase())
          .filter(Boolean),
      }))
      .filter((t) => t.type);
  }

  if (!grids[SHEETS.data]) {
    problems.push(problem(SHEETS.data, `Sổ tổng hợp không có trang "${SHEETS.data}": chưa đọc được số liệu đã nhập. Nếu trang đã bị đổi tên, hãy đổi lại đúng tên "${SHEETS.data}" trước khi nhập hoặc tổng hợp tiếp.`));
  }
  book.data = readData(grids[SHEETS.data], problems);
  book.submissions = readSubmissions(grids[SHEETS.submissions], problems);
  book.log = readLog(grids[SHEETS.log]);
  book.findings = readFindings(grids[SHEETS.findings]);
  problems.push(...orphanProblems(book));
  const edited = keepEditedOutputs(grids, [SHEETS.consolidated, SHEETS.status]);
  problems.push(...edited.problems);
  return { book, problems, backups: edited.backups };
}

/** Data kept for units or indicators the clerk removed: still kept and counted, but said out loud. */
function orphanProblems(book: MasterBook): Finding[] {
  const units = new Set(book.units.map((u) => u.code));
  const indicators = new Set(book.catalogue.map((i) => i.code));
  const missingUnits = new Set<string>();
  const missingIndicators = new Set<string>();
  for (const f of book.data) {
    if (!units.has(f.unit)) missingUnits.add(f.unit);
    if (!indicators.has(f.indicator)) missingIndicators.add(f.indicator);
  }
  const out: Finding[] = [];
  for (const code of missingUnits) {
    out.push(problem(SHEETS.units, `Trang "${SHEETS.data}" có số liệu của đơn vị "${code}" nhưng trang "${SHEETS.units}" không còn đơn vị này: số liệu vẫn được giữ; hãy thêm lại dòng đơn vị để thấy tình trạng nộp của đơn vị.`));
  }
  for (const code of missingIndicators) {
    out.push(problem(SHEETS.catalogue, `Trang "${SHEETS.data}" có số liệu chỉ tiêu "${code}" nhưng danh mục chỉ tiêu không còn chỉ tiêu này: số liệu vẫn được giữ nhưng không được tổng hợp.`));
  }
  return out;
}

/** Units from a grid whose header names "Mã đơn vị", "Tên đơn vị", ... (the units sheet, or a units file). */
export function readUnits(grid: CellValue[][], problems: Finding[], sheet: string): Unit[] {
  const units = readTable(grid, ["Mã đơn vị", "Tên đơn vị", "Loại", "Tần suất"]);
  const out: Unit[] = [];
  if (!units) {
    problems.push(problem(sheet, `Không thấy dòng tiêu đề "Mã đơn vị, Tên đơn vị, Loại, Đơn vị cấp trên, Tần suất" trong "${sheet}".`));
    return out;
  }
  const seen = new Set<string>();
  units.rows.forEach((r, i) => {
    const code = units.text(r, "Mã đơn vị");
    const name = units.text(r, "Tên đơn vị");
    if (!code || !name) {
      problems.push(problem(sheet, `Dòng ${units.rowNumber(i)} của "${sheet}" thiếu mã hoặc tên đơn vị: bỏ qua.`, units.rowNumber(i)));
      return;
    }
    if (seen.has(code)) {
      problems.push(problem(sheet, `Mã đơn vị "${code}" bị trùng (dòng ${units.rowNumber(i)}): chỉ dùng dòng đầu.`, units.rowNumber(i)));
      return;
    }
    seen.add(code);
    const frequency = parseFrequency(units.text(r, "Tần suất"));
    if (!frequency) problems.push(problem(sheet, `Tần suất "${units.text(r, "Tần suất")}" của ${code} không rõ (tháng, quý, 6 tháng, năm): coi là tháng.`, units.rowNumber(i)));
    out.push({
      code,
      name,
      type: units.text(r, "Loại"),
      parent: units.text(r, "Đơn vị cấp trên"),
      frequency: frequency ?? "month",
      activeFrom: periodOrDay(units.get(r, "Hoạt động từ")),
      activeTo: periodOrDay(units.get(r, "Hoạt động đến")),
      contact: units.text(r, "Liên hệ"),
    });
  });
  return out;
}

function periodOrDay(v: CellValue): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return cellText(v);
}

function readData(grid: CellValue[][] | undefined, problems: Finding[]): Fact[] {
  if (!grid) return [];
  const t = readTable(grid, ["Kỳ", "Mã đơn vị", "Mã chỉ tiêu", "Giá trị"]);
  if (!t) {
    problems.push(problem(SHEETS.data, `Trang "${SHEETS.data}" không còn đúng tiêu đề cột: không đọc được dữ liệu đã nhập. Hãy khôi phục tiêu đề cột (Kỳ, Mã đơn vị, Mã chỉ tiêu, Giá trị, ...).`));
    return [];
  }
  const out: Fact[] = [];
  t.rows.forEach((r, i) => {
    const period = t.text(r, "Kỳ");
    const unit = t.text(r, "Mã đơn vị");
    const indicator = t.text(r, "Mã chỉ tiêu");
    if (!period || !unit || !indicator) {
      problems.push(problem(SHEETS.data, `Dòng ${t.rowNumber(i)} của trang "${SHEETS.data}" thiếu kỳ, mã đơn vị hoặc mã chỉ tiêu: bỏ qua dòng này.`, t.rowNumber(i)));
      return;
    }
    out.push({
      period,
      unit,
      indicator,
      value: cellNumber(t.get(r, "Giá trị")),
      numerator: cellNumber(t.get(r, "Tử số")),
      denominator: cellNumber(t.get(r, "Mẫu số")),
      file: t.text(r, "Tệp nguồn"),
      sheet: t.text(r, "Trang"),
      cell: t.text(r, "Ô"),
      hash: t.text(r, "Mã băm SHA-256"),
      importedAt: cellInstant(t.get(r, "Thời điểm nhập")),
    });
  });
  return out;
}

function readSubmissions(grid: CellValue[][] | undefined, problems: Finding[]): Submission[] {
  if (!grid) return [];
  const t = readTable(grid, ["Kỳ", "Mã đơn vị", "Tệp", "Thời điểm nhập"]);
  if (!t) {
    problems.push(problem(SHEETS.submissions, `Trang "${SHEETS.submissions}" không còn đúng tiêu đề cột: không đọc được ngày nhận báo cáo.`));
    return [];
  }
  return t.rows
    .filter((r) => t.text(r, "Kỳ") && t.text(r, "Mã đơn vị"))
    .map((r) => {
      const manual = t.get(r, "Ngày nhận (nhập tay)");
      return {
        period: t.text(r, "Kỳ"),
        unit: t.text(r, "Mã đơn vị"),
        file: t.text(r, "Tệp"),
        hash: t.text(r, "Mã băm SHA-256"),
        receivedAt: cellInstant(t.get(r, "Tính là nhận lúc")),
        receivedSource: reverseLookup(SOURCE_LABELS, t.text(r, "Nguồn ngày nhận")) ?? "import",
        manualReceived: manual instanceof Date && (manual.getUTCHours() || manual.getUTCMinutes()) ? cellToInstant(manual) : cellDay(manual),
        declaredDate: cellDay(t.get(r, "Ngày báo cáo")),
        fileModified: cellInstant(t.get(r, "Ngày sửa tệp")),
        importedAt: cellInstant(t.get(r, "Thời điểm nhập")),
        errors: cellNumber(t.get(r, "Số lỗi")) ?? 0,
        warnings: cellNumber(t.get(r, "Số cảnh báo")) ?? 0,
      };
    });
}

function readLog(grid: CellValue[][] | undefined): LogEntry[] {
  const t = readTable(grid, ["Thời điểm", "Tệp", "Kết quả"]);
  if (!t) return [];
  return t.rows.map((r) => ({
    at: cellInstant(t.get(r, "Thời điểm")),
    file: t.text(r, "Tệp"),
    hash: t.text(r, "Mã băm SHA-256"),
    status: reverseLookup(STATUS_LABELS, t.text(r, "Kết quả")) ?? "imported",
    unit: t.text(r, "Mã đơn vị"),
    period: t.text(r, "Kỳ"),
    message: t.text(r, "Ghi chú"),
  }));
}


function readFindings(grid: CellValue[][] | undefined): Finding[] {
  const t = readTable(grid, ["Mức độ", "Mã", "Nội dung"]);
  if (!t) return [];
  return t.rows.map((r) => ({
    severity: reverseLookup(SEVERITY_LABELS, t.text(r, "Mức độ")) ?? "warning",
    code: t.text(r, "Mã"),
    message: t.text(r, "Nội dung"),
    file: t.text(r, "Tệp"),
    sheet: t.text(r, "Trang"),
    cell: t.text(r, "Ô"),
    unit: t.text(r, "Mã đơn vị"),
    indicator: t.text(r, "Chỉ tiêu"),
    period: t.text(r, "Kỳ"),
  }));
}
