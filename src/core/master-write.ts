// Writing the master workbook's stored sheets as SheetSpecs: the clerk's sheets (settings, units, catalogue,
// targets) once when a book is created, the product's (data, submissions, log) after every import.
import { SHEETS, SETTING_ROWS, FREQUENCY_LABELS, KIND_LABELS, STATUS_LABELS, SOURCE_LABELS } from "./master-sheets";
import { col, COUNT, DAY, INSTANT, tableSheet, TEXT, dayToCell, instantToCell } from "./sheet-spec";
import type { Fact, LogEntry, MasterBook, OutValue, Settings, SheetSpec, Submission } from "./types";

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
