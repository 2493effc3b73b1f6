// The grammar of report layouts real offices send, as fast-check arbitraries: where the unit, the period
// and the date are written, the administrative header (Nghị định 30/2020), the table's column headers in
// the words people use, merged group headers over one or two rows of sub-headers, columns of several
// periods, plan and last-year columns, a typed "Tỷ lệ (%)", section, total and breakdown rows, and the
// figures themselves. A value of this grammar is turned into cells by render.ts.
import fc from "fast-check";
import { DEFAULT_CATALOGUE } from "../../src/core/catalogue";
import type { Frequency, Indicator } from "../../src/core/types";

export const UNITS = [
  { code: "TCN01", name: "Tổ công nghệ số cộng đồng thôn 1" },
  { code: "VHXH", name: "Phòng Văn hóa - Xã hội" },
  { code: "THCS", name: "Trường THCS Hòa Bình" },
  { code: "CAX", name: "Công an xã Hòa Bình" },
] as const;

export const PARENT = "UBND xã Hòa Bình";

/** The unit as "Đơn vị: …", in two cells, by code only, as "ĐƠN VỊ BÁO CÁO: …", or only in the issuing block. */
export type UnitStyle = "inline" | "split" | "code-only" | "don-vi-bao-cao" | "issuer";
/**
 * The report's period, of any kind the catalogue's units report at: a month (2 to 11, so that the months
 * around it are in the same year), a quarter, a half-year or the year 2026.
 */
export interface PeriodSpec {
  kind: Frequency;
  /** month 2-11, quarter 1-4, half 1-2; 1 for the year. */
  index: number;
}

/** The period as a "Kỳ báo cáo" field, appended to the title ("… QUÝ I NĂM 2026"), or on a line of its own under it ("04/2026"). */
export type PeriodStyle = "field" | "title" | "line";
/** The date as a field (text, a date cell, in words), or as the place-and-date line top right or above the signature. */
export type DateStyle = "field-text" | "field-date" | "field-words" | "top-right" | "signature";
/**
 * - single: one value column for every kind, beside "Mẫu số" / "Tổng số"
 * - flat: "Kết quả | Tử số | Mẫu số"
 * - merged: a group header over "Số lượng | Tử số | Mẫu số"
 * - periods: a group header over the periods' value columns (and "Lũy kế"), "Mẫu số" beside it
 * - periods-parts: a group header over the periods, each over "Tử số | Mẫu số": sub-headers in two rows
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
  /**
   * With both a code and a name, a code that is wrong: another indicator's (the row is refused, both
   * named), or one the catalogue does not have (the row is taken by its name, with a warning).
   */
  code: "right" | "other-indicator" | "unknown";
  nameCase: "as-is" | "upper" | "nfd";
  /** Other numbers on the row: another period's, the year to date, the plan, last year, an unexplained one. */
  other: number;
  ytdExtra: number;
  plan: number;
  lastYear: number;
  unexplained: number | null;
  /** A stock's own-period cell when the table has a "Lũy kế" column: the period's increase, or the position again. */
  stockIncrease: boolean;
  /** A rate typed beside a ratio's parts, right or wrong. */
  rate: "points" | "percent-text" | "fraction" | "wrong" | "none";
  /** A "Trong đó: nữ" line under a count. */
  breakdown: number | null;
}

export interface LayoutSpec {
  unit: (typeof UNITS)[number];
  period: PeriodSpec;
  /** The day of the period's last month the report is dated. */
  reportDay: number;
  unitStyle: UnitStyle;
  periodStyle: PeriodStyle;
  /**
   * The title's words: the movement's ("BÁO CÁO KẾT QUẢ THỰC HIỆN PHONG TRÀO …"), the kind's ("BÁO CÁO SƠ
   * KẾT 6 THÁNG …", "BÁO CÁO TỔNG KẾT NĂM …"), or the report and the next period's plan ("… QUÝ I VÀ
   * PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II NĂM 2026"), whose second period is not the report's.
   */
  titleStyle: "movement" | "kind" | "next-period";
  /** "Tháng 4/2026", "Quý I/2026" (slash); "Tháng 04 năm 2026", "Quý I năm 2026" (words); "Tháng 04/2026", "Quý 1/2026", "Sáu tháng…" (other). */
  periodSpelling: "slash" | "words" | "other";
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
  /** The other period's columns before the report's own. */
  otherPeriodFirst: boolean;
  /**
   * The periods' column headers: with their year ("Tháng 3/2026", "Quý II/2026", "6 tháng đầu năm 2026",
   * "Năm 2026"), without it ("Tháng 3", "Quý II", "Năm nay"), relative ("Kỳ này", "Quý trước"), or the
   * period's parts then the whole ("Tháng 1 | Tháng 2 | Tháng 3 | Cả quý", "Quý I | … | Quý IV | Cả năm";
   * a month has no parts and gets the first style).
   */
  periodHeaders: "with-year" | "no-year" | "relative" | "parts";
  /** The whole period's column under "parts": named as the period ("Quý I/2026") or as "Cả quý", "Cả 6 tháng", "Cả năm". */
  wholeNamed: boolean;
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
    code: fc.constantFrom<LineSpec["code"]>(...Array(8).fill("right"), "other-indicator", "unknown"),
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
  period: fc.oneof(
    { arbitrary: fc.integer({ min: 2, max: 11 }).map((index): PeriodSpec => ({ kind: "month", index })), weight: 3 },
    fc.integer({ min: 1, max: 4 }).map((index): PeriodSpec => ({ kind: "quarter", index })),
    fc.integer({ min: 1, max: 2 }).map((index): PeriodSpec => ({ kind: "half", index })),
    fc.constant<PeriodSpec>({ kind: "year", index: 1 }),
  ),
  reportDay: fc.integer({ min: 1, max: 28 }),
  unitStyle: pick<UnitStyle>("inline", "split", "code-only", "don-vi-bao-cao", "issuer"),
  periodStyle: pick<PeriodStyle>("field", "title", "line"),
  titleStyle: pick<LayoutSpec["titleStyle"]>("movement", "kind", "next-period"),
  periodSpelling: pick<LayoutSpec["periodSpelling"]>("slash", "words", "other"),
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
  otherPeriodFirst: fc.boolean(),
  periodHeaders: pick<LayoutSpec["periodHeaders"]>("with-year", "no-year", "relative", "parts"),
  wholeNamed: fc.boolean(),
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
