// The grammar of report layouts real offices send, as fast-check arbitraries: where the unit, the period
// and the date are written, the administrative header (Nghị định 30/2020), the table's column headers in
// the words people use, merged group headers over one or two rows of sub-headers, columns of several
// periods, plan and last-year columns, a typed "Tỷ lệ (%)", section, total and breakdown rows, and the
// figures themselves. A value of this grammar is turned into cells by render.ts.
import fc from "fast-check";
import { DEFAULT_CATALOGUE } from "../../src/core/catalogue";
import type { Indicator } from "../../src/core/types";

export const UNITS = [
  { code: "TCN01", name: "Tổ công nghệ số cộng đồng thôn 1" },
  { code: "VHXH", name: "Phòng Văn hóa - Xã hội" },
  { code: "THCS", name: "Trường THCS Hòa Bình" },
  { code: "CAX", name: "Công an xã Hòa Bình" },
] as const;

export const PARENT = "UBND xã Hòa Bình";

/** The unit as "Đơn vị: …", in two cells, by code only, as "ĐƠN VỊ BÁO CÁO: …", or only in the issuing block. */
export type UnitStyle = "inline" | "split" | "code-only" | "don-vi-bao-cao" | "issuer";
/** The period as a "Kỳ báo cáo" field, appended to the title, or on a line of its own under it ("04/2026"). */
export type PeriodStyle = "field" | "title" | "line";
/** The date as a field (text, a date cell, in words), or as the place-and-date line top right or above the signature. */
export type DateStyle = "field-text" | "field-date" | "field-words" | "top-right" | "signature";
/**
 * - single: one value column for every kind, beside "Mẫu số" / "Tổng số"
 * - flat: "Kết quả | Tử số | Mẫu số"
 * - merged: a group header over "Số lượng | Tử số | Mẫu số"
 * - periods: a group header over the months' value columns (and "Lũy kế"), "Mẫu số" beside it
 * - periods-parts: a group header over the months, each over "Tử số | Mẫu số": sub-headers in two rows
 */
export type FigureLayout = "single" | "flat" | "merged" | "periods" | "periods-parts";

export type Figure =
  | { kind: "count"; value: number }
  | { kind: "ratio"; numerator: number; denominator: number }
  | { kind: "blank" }
  | { kind: "na" }
  /** A mistake the import must name in a finding: a negative count, a word, a numerator above its denominator. */
  | { kind: "negative"; value: number }
  | { kind: "word" }
  | { kind: "above"; numerator: number; denominator: number };

export interface LineSpec {
  indicator: Indicator;
  figure: Figure;
  /** How the row names its indicator when the table has a code column. */
  by: "code" | "name" | "both";
  nameCase: "as-is" | "upper" | "nfd";
  /** Other numbers on the row: another month's, the year to date, the plan, last year, an unexplained one. */
  other: number;
  ytdExtra: number;
  plan: number;
  lastYear: number;
  unexplained: number | null;
  /** A stock's own-month cell when the table has a "Lũy kế" column: the month's increase, or the position again. */
  stockIncrease: boolean;
  /** A rate typed beside a ratio's parts, right or wrong. */
  rate: "points" | "percent-text" | "fraction" | "wrong" | "none";
  /** A "Trong đó: nữ" line under a count. */
  breakdown: number | null;
}

export interface LayoutSpec {
  unit: (typeof UNITS)[number];
  month: number;
  reportDay: number;
  unitStyle: UnitStyle;
  periodStyle: PeriodStyle;
  periodSpelling: "slash" | "words" | "zero";
  dateStyle: DateStyle;
  motto: boolean;
  documentNumber: boolean;
  dataWindow: boolean;
  figures: FigureLayout;
  headers: {
    stt: string | null;
    code: string | null;
    name: string;
    uom: string | null;
    note: string | null;
    value: string;
    flatValue: string;
    group: string;
    denominator: string;
    cumulative: string | null;
    plan: string | null;
    lastYear: string | null;
    rate: string | null;
    unexplained: string | null;
  };
  otherMonthFirst: boolean;
  /** The months' column headers: "Tháng 3/2026", "Tháng 3", or "Kỳ này" / "Kỳ trước". */
  periodHeaders: "month-year" | "month" | "relative";
  denominatorFirst: boolean;
  /** Extra columns before the figure block rather than after it. */
  extrasFirst: boolean;
  identityOrder: number[];
  /** Group headers merged over their columns, or typed once and centred across. */
  mergeGroups: boolean;
  columnNumbers: boolean;
  sections: boolean;
  sectionSubtotals: boolean;
  total: boolean;
  blankRows: boolean;
  valuesAsText: boolean;
  lines: LineSpec[];
}

const pick = <T>(...values: T[]) => fc.constantFrom(...values);
const orNull = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });

/** Every header of the issue and of PRODUCT.md, as people write them. */
export const VOCABULARY = {
  stt: ["STT", "TT"],
  code: ["Mã chỉ tiêu", "Mã", "Mã số"],
  name: ["Chỉ tiêu", "Nội dung", "Tên chỉ tiêu"],
  uom: ["Đơn vị tính", "ĐVT"],
  note: ["Ghi chú"],
  value: ["Kết quả", "Kết quả thực hiện", "Thực hiện", "Số liệu", "Số lượng", "Tử số / Kết quả", "Số lượng / Tử số"],
  flatValue: ["Kết quả", "Số lượng", "Số liệu"],
  group: ["Kết quả", "Kết quả thực hiện"],
  denominator: ["Mẫu số", "Tổng số"],
  cumulative: ["Lũy kế", "Lũy kế từ đầu năm"],
  plan: ["Kế hoạch năm 2026", "Chỉ tiêu giao", "Kế hoạch"],
  lastYear: ["Cùng kỳ năm trước", "Cùng kỳ"],
  rate: ["Tỷ lệ (%)", "Tỷ lệ %", "%"],
  unexplained: ["Số hộ", "Dự kiến tháng sau"],
};

function figureFor(indicator: Indicator): fc.Arbitrary<Figure> {
  const valid: fc.Arbitrary<Figure> =
    indicator.kind === "ratio"
      ? fc.integer({ min: 1, max: 6000 }).chain((denominator) => fc.integer({ min: 0, max: denominator }).map((numerator) => ({ kind: "ratio" as const, numerator, denominator })))
      : fc.integer({ min: 0, max: 5000 }).map((value) => ({ kind: "count" as const, value }));
  const mistake: fc.Arbitrary<Figure> =
    indicator.kind === "ratio"
      ? fc.integer({ min: 1, max: 500 }).map((denominator) => ({ kind: "above" as const, numerator: denominator + 7, denominator }))
      : fc.oneof(fc.integer({ min: 1, max: 50 }).map((v) => ({ kind: "negative" as const, value: -v })), fc.constant<Figure>({ kind: "word" }));
  return fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: mistake, weight: 1 }, { arbitrary: fc.constant<Figure>({ kind: "blank" }), weight: 1 }, { arbitrary: fc.constant<Figure>({ kind: "na" }), weight: 1 });
}

function lineFor(indicator: Indicator): fc.Arbitrary<LineSpec> {
  return fc.record({
    indicator: fc.constant(indicator),
    figure: figureFor(indicator),
    by: pick<LineSpec["by"]>("code", "name", "both"),
    nameCase: pick<LineSpec["nameCase"]>("as-is", "as-is", "upper", "nfd"),
    other: fc.integer({ min: 0, max: 5000 }),
    ytdExtra: fc.integer({ min: 1, max: 900 }),
    plan: fc.integer({ min: 1, max: 9000 }),
    lastYear: fc.integer({ min: 0, max: 5000 }),
    unexplained: fc.option(fc.integer({ min: 1, max: 99 }), { nil: null, freq: 4 }),
    stockIncrease: fc.boolean(),
    rate: pick<LineSpec["rate"]>("points", "percent-text", "fraction", "wrong", "none"),
    breakdown: fc.option(fc.integer({ min: 0, max: 99 }), { nil: null, freq: 6 }),
  });
}

const lines: fc.Arbitrary<LineSpec[]> = fc
  .uniqueArray(fc.nat(DEFAULT_CATALOGUE.length - 1), { minLength: 1, maxLength: 7 })
  .map((picks) => [...picks].sort((a, b) => a - b).map((i) => DEFAULT_CATALOGUE[i]))
  .chain((indicators) => fc.tuple(...indicators.map(lineFor)));

export const layoutSpec: fc.Arbitrary<LayoutSpec> = fc.record({
  unit: fc.constantFrom(...UNITS),
  month: fc.integer({ min: 2, max: 11 }),
  reportDay: fc.integer({ min: 1, max: 28 }),
  unitStyle: pick<UnitStyle>("inline", "split", "code-only", "don-vi-bao-cao", "issuer"),
  periodStyle: pick<PeriodStyle>("field", "title", "line"),
  periodSpelling: pick<LayoutSpec["periodSpelling"]>("slash", "words", "zero"),
  dateStyle: pick<DateStyle>("field-text", "field-date", "field-words", "top-right", "signature"),
  motto: fc.boolean(),
  documentNumber: fc.boolean(),
  dataWindow: fc.boolean(),
  figures: pick<FigureLayout>("single", "flat", "merged", "periods", "periods-parts"),
  headers: fc.record({
    stt: orNull(pick(...VOCABULARY.stt)),
    code: orNull(pick(...VOCABULARY.code)),
    name: pick(...VOCABULARY.name),
    uom: orNull(pick(...VOCABULARY.uom)),
    note: orNull(pick(...VOCABULARY.note)),
    value: pick(...VOCABULARY.value),
    flatValue: pick(...VOCABULARY.flatValue),
    group: pick(...VOCABULARY.group),
    denominator: pick(...VOCABULARY.denominator),
    cumulative: orNull(pick(...VOCABULARY.cumulative)),
    plan: orNull(pick(...VOCABULARY.plan)),
    lastYear: orNull(pick(...VOCABULARY.lastYear)),
    rate: orNull(pick(...VOCABULARY.rate)),
    unexplained: orNull(pick(...VOCABULARY.unexplained)),
  }),
  otherMonthFirst: fc.boolean(),
  periodHeaders: pick<LayoutSpec["periodHeaders"]>("month-year", "month", "relative"),
  denominatorFirst: fc.boolean(),
  extrasFirst: fc.boolean(),
  identityOrder: fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
  mergeGroups: fc.boolean(),
  columnNumbers: fc.boolean(),
  sections: fc.boolean(),
  sectionSubtotals: fc.boolean(),
  total: fc.boolean(),
  blankRows: fc.boolean(),
  valuesAsText: fc.boolean(),
  lines,
});
