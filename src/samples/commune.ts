// A fictional commune, Xã Hòa Bình, with its reporting units and deterministic figures for every unit,
// indicator and period. The names, people and phone numbers are invented.
import { DEFAULT_CATALOGUE, DEFAULT_UNIT_TYPES } from "../core/catalogue";
import type { Frequency, Indicator, Unit, UnitTypeIndicators } from "../core/types";

export const COMMUNE = { code: "XHB", name: "UBND xã Hòa Bình", place: "Hòa Bình" };

/** What every sample unit also carries for the demo's report files: who signs them. */
export interface SampleUnit extends Unit {
  headOfUnit: string;
}

function unit(
  code: string,
  name: string,
  type: string,
  frequency: Frequency,
  contactName: string,
  phone: string,
  headOfUnit: string,
): SampleUnit {
  return {
    code,
    name,
    type,
    parent: COMMUNE.code,
    frequency,
    activeFrom: "",
    activeTo: "",
    contact: `${contactName} - ${phone}`,
    headOfUnit,
  };
}

const THON = "Tổ công nghệ số cộng đồng";

export const COMMUNE_UNITS: readonly SampleUnit[] = [
  unit("VHXH", "Phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội", "month", "Nguyễn Thị Lan", "0912 345 678", "Trần Văn Hùng"),
  unit("VPUB", "Văn phòng HĐND và UBND", "Văn phòng HĐND và UBND", "month", "Lê Thị Hồng", "0913 226 415", "Phạm Quốc Bảo"),
  unit("PKT", "Phòng Kinh tế", "Phòng Kinh tế", "month", "Đỗ Minh Tuấn", "0915 482 190", "Vũ Thị Thu"),
  unit("CAX", "Công an xã Hòa Bình", "Công an", "month", "Hoàng Văn Nam", "0916 703 552", "Ngô Đức Thắng"),
  unit("DTN", "Đoàn Thanh niên xã Hòa Bình", "Đoàn Thanh niên", "month", "Bùi Thị Ngọc Ánh", "0918 114 327", "Đặng Văn Khoa"),
  unit("TTDV", "Trung tâm dịch vụ sự nghiệp công xã Hòa Bình", "Trung tâm dịch vụ sự nghiệp công", "month", "Phan Thị Mai", "0919 665 038", "Lý Văn Toàn"),
  unit("THHB", "Trường Tiểu học Hòa Bình", "Trường học", "month", "Trịnh Thị Hoa", "0912 870 463", "Nguyễn Văn Sơn"),
  unit("THCS", "Trường THCS Hòa Bình", "Trường học", "month", "Mai Văn Dũng", "0913 559 201", "Cao Thị Hạnh"),
  unit("TCN01", `${THON} thôn 1`, THON, "month", "Lò Văn Phúc", "0914 302 776", "Lò Văn Phúc"),
  unit("TCN02", `${THON} thôn 2`, THON, "month", "Hà Thị Duyên", "0915 617 984", "Hà Thị Duyên"),
  unit("TCN03", `${THON} thôn 3`, THON, "month", "Đinh Văn Lực", "0916 238 540", "Đinh Văn Lực"),
  unit("TCN04", `${THON} thôn 4`, THON, "month", "Y Blăk Niê", "0917 451 662", "Y Blăk Niê"),
  unit("TCN05", `${THON} thôn 5`, THON, "month", "Hồ Thị Sen", "0918 990 315", "Hồ Thị Sen"),
  unit("HPN", "Hội Liên hiệp Phụ nữ xã Hòa Bình", "Hội Liên hiệp Phụ nữ", "quarter", "Chu Thị Loan", "0919 204 873", "Chu Thị Loan"),
  unit("MTTQ", "Ủy ban MTTQ Việt Nam xã Hòa Bình", "Mặt trận Tổ quốc", "quarter", "Tạ Văn Hòa", "0912 738 026", "Tạ Văn Hòa"),
];

/** The default unit types plus the commune's own ones (types the default catalogue does not cover). */
export const SAMPLE_UNIT_TYPES: readonly UnitTypeIndicators[] = [
  ...DEFAULT_UNIT_TYPES,
  { type: "Văn phòng HĐND và UBND", indicators: ["MH03", "TT01"] },
  { type: "Trung tâm dịch vụ sự nghiệp công", indicators: ["MH03", "TT02", "TT03"] },
  { type: "Hội Liên hiệp Phụ nữ", indicators: ["MH06", "MH11", "MH12"] },
  { type: "Mặt trận Tổ quốc", indicators: ["TT01", "TT03"] },
];

export function findUnit(code: string): SampleUnit {
  const found = COMMUNE_UNITS.find((u) => u.code === code);
  if (!found) throw new Error(`No sample unit ${code}`);
  return found;
}

export function unitIndicators(type: string): string[] {
  const entry = SAMPLE_UNIT_TYPES.find((t) => t.type === type);
  if (!entry) throw new Error(`No indicator list for unit type ${type}`);
  return entry.indicators;
}

export function indicatorOf(code: string): Indicator {
  const found = DEFAULT_CATALOGUE.find((i) => i.code === code);
  if (!found) throw new Error(`No indicator ${code}`);
  return found;
}

// ---------------------------------------------------------------------------------------------------
// Figures

/** FNV-1a: a stable 32-bit seed from a key. */
function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A deterministic number in [0, 1) for a key (one mulberry32 step). */
function unitRandom(key: string): number {
  let t = (hashKey(key) + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A deterministic whole number in [min, max] for a key. */
export function seededInt(key: string, min: number, max: number): number {
  return min + Math.floor(unitRandom(key) * (max - min + 1));
}

/** Deterministic bytes for a key (the broken file of the scenario). */
export function seededBytes(key: string, size: number): Uint8Array {
  return Uint8Array.from({ length: size }, (_, i) => seededInt(`${key}#${i}`, 0, 255));
}

type Range = [number, number];

/** Flows per month; `per` makes a flow a multiple of another (participants per session). */
const FLOWS: Record<string, { range: Range; per?: string }> = {
  MH05: { range: [10, 20] },
  MH06: { range: [20, 40] },
  MH09: { range: [3, 5] },
  MH10: { range: [14, 18], per: "MH09" },
  MH11: { range: [2, 3] },
  MH12: { range: [12, 18], per: "MH11" },
  MH13: { range: [1, 1] },
  MH14: { range: [6, 12], per: "MH13" },
  MH15: { range: [30, 60] },
  TT01: { range: [3, 6] },
  TT02: { range: [10, 20] },
  TT03: { range: [4, 8] },
};

/** Stocks: a starting level plus a non-negative monthly growth; `timesPlus` keeps mentees ≥ 6 × mentors. */
const STOCKS: Record<string, { base: Range; step: Range; timesPlus?: { of: string; factor: number } }> = {
  MH01: { base: [3, 6], step: [0, 1] },
  MH02: { base: [5, 20], step: [2, 8], timesPlus: { of: "MH01", factor: 6 } },
  MH03: { base: [1, 2], step: [0, 0] },
  MH07: { base: [1, 1], step: [0, 0] },
  MH08: { base: [6, 10], step: [0, 1] },
  MH16: { base: [300, 600], step: [40, 90] },
};

/** Ratios: a fixed denominator, a starting share (percent) and a monthly growth (per mille of it). */
const RATIOS: Record<string, { denominator: Range; startPercent: Range; stepPerMille: Range }> = {
  CT01: { denominator: [60, 90], startPercent: [75, 88], stepPerMille: [10, 30] },
  CT02: { denominator: [350, 700], startPercent: [60, 80], stepPerMille: [15, 35] },
  CT03: { denominator: [500, 1100], startPercent: [40, 60], stepPerMille: [15, 35] },
  CT04: { denominator: [4200, 6000], startPercent: [35, 50], stepPerMille: [10, 25] },
  CT05: { denominator: [120, 300], startPercent: [50, 65], stepPerMille: [15, 35] },
  CT06: { denominator: [4500, 6200], startPercent: [80, 90], stepPerMille: [5, 15] },
  MH04: { denominator: [150, 380], startPercent: [50, 70], stepPerMille: [15, 35] },
};

export type Figure = number | { numerator: number; denominator: number };

/** Months since December 2025: 2026-01 is 1. Figures start growing in January 2026. */
function monthIndex(monthKey: string): number {
  const m = /^(\d{4})-(\d{2})$/.exec(monthKey);
  if (!m) throw new Error(`Not a month key: ${monthKey}`);
  return (Number(m[1]) - 2025) * 12 + Number(m[2]) - 12;
}

function flowInMonth(unitCode: string, code: string, monthKey: string): number {
  const spec = FLOWS[code];
  const drawn = seededInt(`${unitCode}|${code}|${monthKey}`, ...spec.range);
  return spec.per ? drawn * flowInMonth(unitCode, spec.per, monthKey) : drawn;
}

function stockAtMonth(unitCode: string, code: string, month: number): number {
  const spec = STOCKS[code];
  let value = seededInt(`${unitCode}|${code}|base`, ...spec.base);
  for (let i = 1; i <= month; i++) value += seededInt(`${unitCode}|${code}|step${i}`, ...spec.step);
  return spec.timesPlus ? value + spec.timesPlus.factor * stockAtMonth(unitCode, spec.timesPlus.of, month) : value;
}

function ratioAtMonth(unitCode: string, code: string, month: number): Figure {
  const spec = RATIOS[code];
  const denominator = seededInt(`${unitCode}|${code}|den`, ...spec.denominator);
  let numerator = Math.floor((denominator * seededInt(`${unitCode}|${code}|start`, ...spec.startPercent)) / 100);
  for (let i = 1; i <= month; i++) {
    numerator += Math.floor((denominator * seededInt(`${unitCode}|${code}|step${i}`, ...spec.stepPerMille)) / 1000);
  }
  return { numerator: Math.min(numerator, denominator), denominator };
}

/** "2026-03" -> ["2026-03"]; "2026-Q1" -> ["2026-01", "2026-02", "2026-03"]. */
export function periodMonths(periodKey: string): string[] {
  const q = /^(\d{4})-Q([1-4])$/.exec(periodKey);
  if (!q) return [periodKey];
  const first = (Number(q[2]) - 1) * 3 + 1;
  return [0, 1, 2].map((i) => `${q[1]}-${String(first + i).padStart(2, "0")}`);
}

function figureFor(unitCode: string, code: string, months: string[]): Figure {
  const last = monthIndex(months[months.length - 1]);
  if (code in FLOWS) return months.reduce((sum, m) => sum + flowInMonth(unitCode, code, m), 0);
  if (code in STOCKS) return stockAtMonth(unitCode, code, last);
  if (code in RATIOS) return ratioAtMonth(unitCode, code, last);
  throw new Error(`No figure model for ${code}`);
}

/**
 * What a unit reports for a period: a month key for monthly units, a quarter key ("2026-Q1") for
 * quarterly ones (flows over the quarter's months, stocks and ratios at its end). `unitCode` may be
 * a code outside the commune (with `type`) to make figures for an unknown unit.
 */
export function sampleFigures(unitCode: string, periodKey: string, type = findUnit(unitCode).type): Record<string, Figure> {
  const months = periodMonths(periodKey);
  return Object.fromEntries(unitIndicators(type).map((code) => [code, figureFor(unitCode, code, months)]));
}

// ---------------------------------------------------------------------------------------------------
// The units list as a clerk keeps it

/** Typed as a clerk types them, not taken from the product's labels: the units reader is tested on text it did not write. */
const FREQUENCY_LABELS: Record<Frequency, string> = { month: "Tháng", quarter: "Quý", half: "6 tháng", year: "Năm" };

export const UNITS_CSV_HEADER = ["Mã đơn vị", "Tên đơn vị", "Loại", "Đơn vị cấp trên", "Tần suất", "Liên hệ"];

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The units list as CSV text (UTF-8 with BOM when written, so Excel opens it with its diacritics). */
export function unitsCsv(units: readonly Unit[] = COMMUNE_UNITS): string {
  const rows = [
    UNITS_CSV_HEADER,
    ...units.map((u) => [u.code, u.name, u.type, u.parent, FREQUENCY_LABELS[u.frequency], u.contact]),
  ];
  return "\uFEFF" + rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}
