// The master workbook's sheets, the default book, and the Vietnamese labels its cells use. Each stored
// sheet's columns are declared in master-schema/; master-write.ts and master-read.ts apply them.
import { DEFAULT_CATALOGUE, DEFAULT_UNIT_TYPES, defaultTargets } from "./catalogue";
import { foldText } from "./fold";
import type { FileStatus, Finding, Frequency, IndicatorKind, MasterBook, ReceivedSource, Settings, Unit } from "./types";

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
  byUnit: "Tổng hợp theo đơn vị",
} as const;

/** Sheets the clerk edits: written once when the workbook is created, read ever after. */
export const INPUT_SHEETS = [SHEETS.settings, SHEETS.deadlines, SHEETS.units, SHEETS.catalogue, SHEETS.targets, SHEETS.unitTypes];
/** Sheets the product owns and rewrites whole. */
export const OWNED_SHEETS = [SHEETS.data, SHEETS.submissions, SHEETS.log, SHEETS.findings, SHEETS.consolidated, SHEETS.status, SHEETS.byUnit];
/** The output sheets a consolidation rewrites and the clerk may have typed over (kept as "(sửa tay)" copies). */
export const REPORT_SHEETS = [SHEETS.consolidated, SHEETS.byUnit, SHEETS.status];

export const DEFAULT_SETTINGS: Settings = {
  bodyCode: "",
  bodyName: "",
  year: 2026,
  deadlineDay: 20,
  deadlineInclusive: false,
  cutoffDay: 15,
  timeZone: "Asia/Ho_Chi_Minh",
  lastPeriod: "",
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

export const KIND_LABELS: Record<IndicatorKind, string> = { flow: "Phát sinh trong kỳ", stock: "Lũy kế, thời điểm", ratio: "Tỷ lệ" };
export const FREQUENCY_LABELS: Record<Frequency, string> = { month: "Tháng", quarter: "Quý", half: "6 tháng", year: "Năm" };
export const STATUS_LABELS: Record<FileStatus, string> = {
  imported: "Đã nhập",
  duplicate: "Trùng, bỏ qua",
  replaced: "Thay thế",
  superseded: "Bản cũ, không dùng",
  refused: "Từ chối",
  period_mismatch: "Khác kỳ, để riêng",
};
export const SOURCE_LABELS: Record<ReceivedSource, string> = { manual: "Nhập tay", declared: "Ngày báo cáo", file: "Ngày sửa tệp", import: "Ngày nhập" };
export const SEVERITY_LABELS = { error: "Lỗi", warning: "Cảnh báo", info: "Thông tin" } as const;

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
