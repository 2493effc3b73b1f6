// "Cài đặt": one setting per row, its label in "Thiết lập" and its value in "Giá trị". Ad-hoc periods
// and deadline exceptions are settings too, but each is a row of its own in "Hạn nộp" (deadlines.ts).
import { foldCompact } from "../fold";
import { SHEETS } from "../master-sheets";
import { col, tableSheet, TEXT } from "../sheet-spec";
import type { CellValue, Finding, Settings, SheetSpec } from "../types";
import { flag, integer, isBlankCell, storedText, text, type CellType } from "./cell-types";
import { keptSheet } from "./kept-sheet";
import { findHeader, masterProblem, missingInputSheet } from "./table-schema";

export type SettingKey = Exclude<keyof Settings, "adhocPeriods" | "exceptions">;

interface SettingField {
  key: SettingKey;
  label: string;
  note: string;
  type: CellType<unknown>;
}

function setting<K extends SettingKey>(key: K, label: string, note: string, type: CellType<Settings[K]>): SettingField {
  return { key, label, note, type: type as unknown as CellType<unknown> };
}

const YES = new Set(["co", "x", "true", "yes", "1"]);

export const SETTING_FIELDS: readonly SettingField[] = [
  setting("bodyCode", "Mã đơn vị tổng hợp", "Mã của cơ quan tổng hợp khi báo cáo lên cấp trên", text),
  setting("bodyName", "Tên đơn vị tổng hợp", "Ví dụ: UBND xã Hòa Bình", text),
  setting("year", "Năm", "Năm kế hoạch", integer),
  setting("deadlineDay", "Hạn nộp (ngày trong tháng)", "Báo cáo nộp trước ngày này của tháng đến hạn", integer),
  setting("deadlineInclusive", "Tính cả ngày hạn", "Không: nhận đúng ngày hạn là trễ (\"trước ngày 20\"); Có: ngày hạn vẫn đúng hạn", flag("Có", "Không", (t) => YES.has(t))),
  setting("cutoffDay", "Ngày chốt số liệu", "Số liệu tháng tính từ ngày này tháng trước đến trước ngày này tháng báo cáo (Nghị định 09/2019/NĐ-CP)", integer),
  setting("timeZone", "Múi giờ", "Giờ Việt Nam (UTC+7)", text),
  setting("lastPeriod", "Kỳ tổng hợp gần nhất", "Phần mềm ghi khi tổng hợp (ví dụ 2026-03); mở lại sổ sẽ bắt đầu ở kỳ này", text),
];

const LABEL = col("Thiết lập", 32);
const VALUE = col("Giá trị", 36, "");
const NOTE = col("Ghi chú", 80);

export function settingsSheet(settings: Settings): SheetSpec {
  return tableSheet(
    SHEETS.settings,
    [LABEL, VALUE, NOTE],
    SETTING_FIELDS.map((f) => [f.label, f.type.write(settings[f.key]), f.note]),
    [],
    SETTING_FIELDS.map((f) => [TEXT, typeof f.type.format === "string" ? f.type.format : f.type.format(settings[f.key]), TEXT]),
  );
}

/** Where the labels and values sit: under the header row, else (a sheet without one) columns A and B. */
function settingColumns(grid: readonly (readonly CellValue[])[]) {
  const header = findHeader(grid, [LABEL.header, VALUE.header, NOTE.header]);
  return {
    header,
    labelAt: header?.columns.get(foldCompact(LABEL.header)) ?? 0,
    valueAt: header?.columns.get(foldCompact(VALUE.header)) ?? 1,
    noteAt: header?.columns.get(foldCompact(NOTE.header)) ?? 2,
  };
}

/**
 * "Cài đặt" with the settings `keys` changed and nothing else: each value goes in its row, found by
 * label, or a new row at the end; the clerk's other rows, notes and columns stay as they are.
 */
export function patchSettings(grid: readonly (readonly CellValue[])[] | undefined, settings: Settings, keys: readonly SettingKey[]): SheetSpec {
  if (!grid || grid.length === 0) return settingsSheet(settings);
  const { header, labelAt, valueAt, noteAt } = settingColumns(grid);
  const out: CellValue[][] = grid.map((r) => [...r]);
  for (const key of keys) {
    const field = SETTING_FIELDS.find((f) => f.key === key)!;
    const value = field.type.write(settings[key]) as CellValue;
    const row = out.find((r) => foldCompact(storedText(r[labelAt] ?? null)) === foldCompact(field.label));
    if (row) {
      while (row.length <= valueAt) row.push(null);
      row[valueAt] = value;
      continue;
    }
    const added: CellValue[] = new Array(Math.max(labelAt, valueAt, noteAt) + 1).fill(null);
    [added[labelAt], added[valueAt], added[noteAt]] = [field.label, value, field.note];
    out.push(added);
  }
  const widths = new Map([[labelAt, LABEL.width], [valueAt, VALUE.width], [noteAt, NOTE.width]]);
  return keptSheet(SHEETS.settings, out, header?.row ?? 0, (_h, i) => widths.get(i));
}

/**
 * The settings the sheet gives, found by label whatever the row order; a blank or missing row keeps the
 * default. Null when the sheet is missing.
 */
export function readSettings(grid: readonly (readonly CellValue[])[] | undefined, problems: Finding[]): Partial<Settings> | null {
  if (!grid) {
    problems.push(masterProblem(SHEETS.settings, missingInputSheet(SHEETS.settings)));
    return null;
  }
  // Without its header row the sheet is still read, as label in column A and value in B.
  const { labelAt, valueAt } = settingColumns(grid);
  const byLabel = new Map(grid.map((r) => [foldCompact(storedText(r[labelAt] ?? null)), r[valueAt] ?? null]));
  const out: Record<string, unknown> = {};
  for (const { key, label, type } of SETTING_FIELDS) {
    const cell = byLabel.get(foldCompact(label)) ?? null;
    if (isBlankCell(cell)) continue;
    const read = type.read(cell);
    if (read.ok) out[key] = read.value;
    else problems.push(masterProblem(SHEETS.settings, `"${label}" phải là ${type.expects} (đang ghi "${storedText(cell)}").`));
  }
  return out as Partial<Settings>;
}
