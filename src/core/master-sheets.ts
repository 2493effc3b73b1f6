// The master workbook's stored sheets: MasterBook <-> grids. Columns are found by their header text, so a
// clerk may sort, reorder or add columns; rows that cannot be read are reported, never silently dropped.
import { DEFAULT_CATALOGUE, DEFAULT_UNIT_TYPES, defaultTargets } from "./catalogue";
import { parseDateCell } from "./dates";
import { finding } from "./findings";
import { foldCompact, foldText } from "./fold";
import { parseNumber } from "./numbers";
import { keepEditedOutputs } from "./output-seal";
import { cellToInstant, col, COUNT, DAY, dayToCell, INSTANT, instantToCell, tableSheet, TEXT } from "./sheet-spec";
import type {
  AdhocPeriod,
  CellValue,
  DeadlineException,
  Fact,
  FileStatus,
  Finding,
  Frequency,
  Indicator,
  IndicatorKind,
  LogEntry,
  MasterBook,
  OutValue,
  ReceivedSource,
  Settings,
  SheetSpec,
  Submission,
  Target,
  Unit,
  UnitTypeIndicators,
} from "./types";

export const SHEETS = {
  settings: "Cài đặt",
  deadlines: "Hạn nộp",
  units: "Đơn vị",
  catalogue: "Danh mục chỉ tiêu",
  targets: "Chỉ tiêu kế hoạch",
  unitTypes: "Chỉ tiêu theo loại đơn vị",
  data: "Dữ liệu",
  submissions: "Nộp báo cáo",
  log: "Nhật ký nhập",
  findings: "Phát hiện",
  consolidated: "Tổng hợp",
  status: "Tình trạng nộp",
} as const;

/** Sheets the clerk edits: written once when the workbook is created, read ever after. */
export const INPUT_SHEETS = [SHEETS.settings, SHEETS.deadlines, SHEETS.units, SHEETS.catalogue, SHEETS.targets, SHEETS.unitTypes];
/** Sheets the product owns and rewrites whole. */
export const OWNED_SHEETS = [SHEETS.data, SHEETS.submissions, SHEETS.log, SHEETS.findings, SHEETS.consolidated, SHEETS.status];

export const DEFAULT_SETTINGS: Settings = {
  bodyCode: "",
  bodyName: "",
  year: 2026,
  deadlineDay: 20,
  deadlineInclusive: false,
  cutoffDay: 15,
  timeZone: "Asia/Ho_Chi_Minh",
  adhocPeriods: [{ key: "2025-10-CD30", name: "Chiến dịch 30 ngày (30/9–30/10/2025)", start: "2025-09-30", end: "2025-10-30", dueDay: "2025-10-20" }],
  exceptions: [],
};

export function newMasterBook(settings: Partial<Settings> = {}, units: Unit[] = []): MasterBook {
  const s = { ...DEFAULT_SETTINGS, ...settings };
  return {
    settings: s,
    units,
    catalogue: DEFAULT_CATALOGUE.map((i) => ({ ...i })),
    targets: [...defaultTargets(s.year), ...defaultTargets(s.year + 1)],
    unitTypes: DEFAULT_UNIT_TYPES.map((t) => ({ ...t, indicators: [...t.indicators] })),
    data: [],
    submissions: [],
    log: [],
    findings: [],
  };
}

// ---------------------------------------------------------------------------------------------------
// Labels shared by writing and reading

const KIND_LABELS: Record<IndicatorKind, string> = { flow: "Phát sinh trong kỳ", stock: "Lũy kế, thời điểm", ratio: "Tỷ lệ" };
const FREQUENCY_LABELS: Record<Frequency, string> = { month: "Tháng", quarter: "Quý", half: "6 tháng", year: "Năm" };
const STATUS_LABELS: Record<FileStatus, string> = {
  imported: "Đã nhập",
  duplicate: "Trùng, bỏ qua",
  replaced: "Thay thế",
  refused: "Từ chối",
  period_mismatch: "Khác kỳ, để riêng",
};
const SOURCE_LABELS: Record<ReceivedSource, string> = { manual: "Nhập tay", declared: "Ngày báo cáo", file: "Ngày sửa tệp", import: "Ngày nhập" };
const SEVERITY_LABELS = { error: "Lỗi", warning: "Cảnh báo", info: "Thông tin" } as const;

export function kindLabel(kind: IndicatorKind): string {
  return KIND_LABELS[kind];
}
export function frequencyLabel(f: Frequency): string {
  return FREQUENCY_LABELS[f];
}
export function receivedSourceLabel(s: ReceivedSource): string {
  return SOURCE_LABELS[s];
}
export function severityLabel(s: Finding["severity"]): string {
  return SEVERITY_LABELS[s];
}
export function fileStatusLabel(s: FileStatus): string {
  return STATUS_LABELS[s];
}

export function parseKind(text: string): IndicatorKind | null {
  const t = foldText(text);
  if (t.includes("ty le") || t === "ratio") return "ratio";
  if (t.includes("luy ke") || t.includes("thoi diem") || t === "stock") return "stock";
  if (t.includes("phat sinh") || t === "flow") return "flow";
  return null;
}

export function parseFrequency(text: string): Frequency | null {
  const t = foldText(text);
  if (t === "" || t === "thang" || t === "hang thang" || t === "month") return "month";
  if (t === "quy" || t === "hang quy" || t === "quarter") return "quarter";
  if (t === "6 thang" || t === "sau thang" || t === "nua nam" || t === "half") return "half";
  if (t === "nam" || t === "hang nam" || t === "year") return "year";
  return null;
}

function reverseLookup<T extends string>(labels: Record<T, string>, text: string): T | null {
  const t = foldText(text);
  for (const [k, v] of Object.entries(labels) as [T, string][]) if (foldText(v) === t || k === t) return k;
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Writing

const SETTING_ROWS: { key: keyof Settings; label: string; note: string }[] = [
  { key: "bodyCode", label: "Mã đơn vị tổng hợp", note: "Mã của cơ quan tổng hợp khi báo cáo lên cấp trên" },
  { key: "bodyName", label: "Tên đơn vị tổng hợp", note: "Ví dụ: UBND xã Hòa Bình" },
  { key: "year", label: "Năm", note: "Năm kế hoạch" },
  { key: "deadlineDay", label: "Hạn nộp (ngày trong tháng)", note: "Báo cáo nộp trước ngày này của tháng đến hạn" },
  { key: "deadlineInclusive", label: "Tính cả ngày hạn", note: "Không: nhận đúng ngày hạn là trễ (\"trước ngày 20\"); Có: ngày hạn vẫn đúng hạn" },
  { key: "cutoffDay", label: "Ngày chốt số liệu", note: "Số liệu tháng tính từ ngày này tháng trước đến trước ngày này tháng báo cáo (Nghị định 09/2019/NĐ-CP)" },
  { key: "timeZone", label: "Múi giờ", note: "Giờ Việt Nam (UTC+7)" },
];

function settingValue(s: Settings, key: keyof Settings): OutValue {
  const v = s[key];
  if (typeof v === "boolean") return v ? "Có" : "Không";
  if (typeof v === "string" || typeof v === "number") return v;
  return null;
}

export function inputSheetSpecs(book: MasterBook): SheetSpec[] {
  const s = book.settings;
  const settings = tableSheet(
    SHEETS.settings,
    [col("Thiết lập", 32), col("Giá trị", 36, ""), col("Ghi chú", 80)],
    SETTING_ROWS.map((r) => [r.label, settingValue(s, r.key), r.note]),
  );
  // Codes and names typed by the clerk must stay text ("0123" keeps its zero).
  settings.numberFormats = settings.values.map((row, i) => row.map((_, c) => (c === 1 && typeof row[1] === "number" && i > 0 ? "0" : TEXT)));
  const deadlines = tableSheet(
    SHEETS.deadlines,
    [col("Loại", 16), col("Kỳ báo cáo", 16), col("Tên kỳ", 40), col("Từ ngày", 12, DAY), col("Đến ngày", 12, DAY), col("Hạn nộp (trước ngày)", 20, DAY), col("Mã đơn vị", 14)],
    [
      ...s.adhocPeriods.map((p) => ["Kỳ đột xuất", p.key, p.name, dayToCell(p.start), dayToCell(p.end), dayToCell(p.dueDay), null]),
      ...s.exceptions.map((e) => ["Ngoại lệ", e.period, null, null, null, dayToCell(e.dueDay), e.unit || null]),
    ],
  );
  const units = tableSheet(
    SHEETS.units,
    [col("Mã đơn vị", 14), col("Tên đơn vị", 44), col("Loại", 28), col("Đơn vị cấp trên", 16), col("Tần suất", 10), col("Hoạt động từ", 14), col("Hoạt động đến", 14), col("Liên hệ", 40)],
    book.units.map((u) => [u.code, u.name, u.type, u.parent, FREQUENCY_LABELS[u.frequency], u.activeFrom, u.activeTo, u.contact]),
  );
  const catalogue = tableSheet(
    SHEETS.catalogue,
    [col("Mã chỉ tiêu", 12), col("Tên chỉ tiêu", 70), col("Mẫu số", 50), col("Loại", 20), col("Đơn vị tính", 12)],
    book.catalogue.map((i) => [i.code, i.name, i.denominatorName, KIND_LABELS[i.kind], i.uom]),
  );
  const targets = tableSheet(
    SHEETS.targets,
    [col("Mã chỉ tiêu", 12), col("Năm", 8, "0"), col("So sánh", 10), col("Giá trị", 12, ""), col("Dạng", 8)],
    book.targets.map((t) => [t.indicator, t.year, t.op === ">" ? ">" : "≥", t.value, t.isPercent ? "%" : "số"]),
  );
  targets.numberFormats = targets.values.map((row, i) => row.map((_, c) => (i > 0 && c === 3 ? (row[4] === "%" ? "0%" : COUNT) : c === 1 && i > 0 ? "0" : TEXT)));
  const unitTypes = tableSheet(
    SHEETS.unitTypes,
    [col("Loại đơn vị", 32), col("Chỉ tiêu phải báo cáo", 80)],
    book.unitTypes.map((t) => [t.type, t.indicators.join(", ")]),
  );
  return [settings, deadlines, units, catalogue, targets, unitTypes];
}

export function dataSheetSpec(data: Fact[]): SheetSpec {
  const sorted = [...data].sort((a, b) => cmp(a.period, b.period) || cmp(a.unit, b.unit) || cmp(a.indicator, b.indicator));
  return tableSheet(
    SHEETS.data,
    [
      col("Kỳ", 10),
      col("Mã đơn vị", 12),
      col("Mã chỉ tiêu", 12),
      col("Giá trị", 12, "#,##0.####"),
      col("Tử số", 12, COUNT),
      col("Mẫu số", 12, COUNT),
      col("Tệp nguồn", 36),
      col("Trang", 12),
      col("Ô", 8),
      col("Mã băm SHA-256", 20),
      col("Thời điểm nhập", 18, INSTANT),
    ],
    sorted.map((f) => [f.period, f.unit, f.indicator, f.value, f.numerator, f.denominator, f.file, f.sheet, f.cell, f.hash, instantToCell(f.importedAt)]),
  );
}

export function submissionsSheetSpec(subs: Submission[]): SheetSpec {
  const sorted = [...subs].sort((a, b) => cmp(a.period, b.period) || cmp(a.unit, b.unit));
  return tableSheet(
    SHEETS.submissions,
    [
      col("Kỳ", 10),
      col("Mã đơn vị", 12),
      col("Tệp", 36),
      col("Ngày nhận (nhập tay)", 20, DAY),
      col("Ngày báo cáo", 14, DAY),
      col("Ngày sửa tệp", 18, INSTANT),
      col("Thời điểm nhập", 18, INSTANT),
      col("Tính là nhận lúc", 18, INSTANT),
      col("Nguồn ngày nhận", 16),
      col("Số lỗi", 8, "0"),
      col("Số cảnh báo", 10, "0"),
      col("Mã băm SHA-256", 20),
    ],
    sorted.map((s) => [
      s.period,
      s.unit,
      s.file,
      s.manualReceived ? (dayToCell(s.manualReceived) ?? instantToCell(s.manualReceived) ?? s.manualReceived) : null,
      dayToCell(s.declaredDate),
      instantToCell(s.fileModified),
      instantToCell(s.importedAt),
      instantToCell(s.receivedAt),
      SOURCE_LABELS[s.receivedSource],
      s.errors,
      s.warnings,
      s.hash,
    ]),
  );
}

export function logSheetSpec(log: LogEntry[]): SheetSpec {
  return tableSheet(
    SHEETS.log,
    [col("Thời điểm", 18, INSTANT), col("Tệp", 36), col("Kết quả", 16), col("Mã đơn vị", 12), col("Kỳ", 10), col("Ghi chú", 80), col("Mã băm SHA-256", 20)],
    log.map((e) => [instantToCell(e.at), e.file, STATUS_LABELS[e.status], e.unit, e.period, e.message, e.hash]),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------------
// Reading

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

export const FINDING_COLUMNS = [
  col("Mức độ", 10),
  col("Mã", 26),
  col("Nội dung", 90),
  col("Tệp", 32),
  col("Trang", 12),
  col("Ô", 8),
  col("Mã đơn vị", 12),
  col("Chỉ tiêu", 10),
  col("Kỳ", 10),
];

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
