// A layout of the grammar as cells and merges, and what the import must make of it: the generator's own
// figures, each with the cell it sits in. This is the oracle: every figure put in comes out exactly in
// the facts, or as a finding naming its cell.
import { cellAddress } from "../../src/core/address";
import type { FindingCode } from "../../src/core/findings";
import { DEFAULT_CATALOGUE } from "../../src/core/catalogue";
import type { CellRange, CellValue, Indicator } from "../../src/core/types";
import { vietnameseNumberText } from "../../src/samples/report-writer";
import { PARENT, type LayoutSpec, type LineSpec, type PeriodSpec } from "./grammar";

export interface ExpectedFact {
  indicator: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  cell: string;
}

export interface Expected {
  unit: string;
  periodKey: string;
  /** YYYY-MM-DD, in the period's last month. */
  reportDay: string;
  facts: ExpectedFact[];
  /** Cells a finding must name (its cell, or its message), with the codes that may name them. */
  named: { cell: string; codes: FindingCode[] }[];
  /** 0-based columns of the row's code, name, unit of measure, number and note. */
  identityColumns: Set<number>;
  /** 0-based rows written as indicator rows. */
  indicatorRows: Set<number>;
}

export interface RenderedReport {
  rows: CellValue[][];
  merges: CellRange[];
  /** docProps/core.xml modified: three days after the report, so a date misread shows as the wrong source. */
  modified: Date;
  expected: Expected;
}

type ColKind = "stt" | "code" | "name" | "uom" | "note" | "V" | "Vother" | "N" | "Nother" | "D" | "Dother" | "CUM" | "plan" | "lastYear" | "rate" | "unexplained";

/** A header cell; the same object on neighbouring columns is one cell spanning them. */
interface HeaderCell {
  text: string;
}

interface Column {
  kind: ColKind;
  path: HeaderCell[];
}

const ROMAN = ["I", "II", "III"];
const SECTIONS = [
  { prefix: "CT", title: "CÁC CHỈ TIÊU CỐT LÕI" },
  { prefix: "MH", title: "CÁC MÔ HÌNH, HOẠT ĐỘNG" },
  { prefix: "TT", title: "CÔNG TÁC TUYÊN TRUYỀN" },
];
const TITLE = "BÁO CÁO KẾT QUẢ THỰC HIỆN PHONG TRÀO “BÌNH DÂN HỌC VỤ SỐ”";

const h = (text: string): HeaderCell => ({ text });
const pad2 = (n: number) => String(n).padStart(2, "0");

// ---------------------------------------------------------------------------------------------------
// The period as offices write it: the generator's own spelling, never the parser's.

const ROMAN_QUARTER = ["I", "II", "III", "IV"];
const MONTHS_PER = { month: 1, quarter: 3, half: 6, year: 12 } as const;
const WHOLE = { quarter: "Cả quý", half: "Cả 6 tháng", year: "Cả năm" } as const;

interface NamedPeriod extends PeriodSpec {
  year: number;
}

function monthsOf(p: PeriodSpec): number[] {
  const first = p.kind === "month" ? p.index : (p.index - 1) * MONTHS_PER[p.kind] + 1;
  return Array.from({ length: MONTHS_PER[p.kind] }, (_, i) => first + i);
}

const lastMonth = (p: PeriodSpec) => monthsOf(p)[monthsOf(p).length - 1];
const halfWord = (index: number) => (index === 1 ? "đầu" : "cuối");

function periodKey(p: PeriodSpec): string {
  return p.kind === "month" ? `2026-${pad2(p.index)}` : p.kind === "quarter" ? `2026-Q${p.index}` : p.kind === "half" ? `2026-H${p.index}` : "2026";
}

/** "Kỳ báo cáo" as units fill it in. */
function periodText(spec: LayoutSpec): string {
  const { kind, index } = spec.period;
  const spelling = spec.periodSpelling;
  switch (kind) {
    case "month":
      return spelling === "slash" ? `Tháng ${index}/2026` : spelling === "other" ? `Tháng ${pad2(index)}/2026` : `Tháng ${pad2(index)} năm 2026`;
    case "quarter":
      return spelling === "slash" ? `Quý ${ROMAN_QUARTER[index - 1]}/2026` : spelling === "other" ? `Quý ${index}/2026` : `Quý ${ROMAN_QUARTER[index - 1]} năm 2026`;
    case "half":
      return `${spelling === "other" ? "06" : spelling === "words" ? "Sáu" : "6"} tháng ${halfWord(index)} năm 2026`;
    case "year":
      return "Năm 2026";
  }
}

/** The period on a line of its own under the title: "04/2026", "(Quý I/2026)", "Tháng 4 năm 2026". */
function periodLine(spec: LayoutSpec): string {
  const { kind, index } = spec.period;
  if (spec.periodSpelling === "slash") return `(${periodText(spec)})`;
  if (kind !== "month") return periodText(spec);
  return spec.periodSpelling === "words" ? `Tháng ${index} năm 2026` : `${pad2(index)}/2026`;
}

const KIND_TITLE = { month: TITLE, quarter: TITLE, half: "BÁO CÁO SƠ KẾT PHONG TRÀO “BÌNH DÂN HỌC VỤ SỐ”", year: "BÁO CÁO TỔNG KẾT PHONG TRÀO “BÌNH DÂN HỌC VỤ SỐ”" };

/** The period after the report's, whose tasks the title may announce. */
function nextPeriod(p: PeriodSpec): NamedPeriod {
  const count = { month: 12, quarter: 4, half: 2, year: 1 }[p.kind];
  return p.index < count ? { kind: p.kind, index: p.index + 1, year: 2026 } : { kind: p.kind, index: 1, year: 2027 };
}

/**
 * The title, and the period in it when that is where the report says it: "… QUÝ II NĂM 2026", or with
 * the next period's plan, "… THÁNG 3 VÀ PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 4 NĂM 2026" (the report's own
 * period then without its year when the next is in the same year).
 */
function titleLine(spec: LayoutSpec): string {
  const words = spec.titleStyle === "kind" ? KIND_TITLE[spec.period.kind] : TITLE;
  if (spec.periodStyle !== "title") return words;
  const own = periodText(spec).toUpperCase();
  if (spec.titleStyle !== "next-period") return `${words} ${own}`;
  const next = nextPeriod(spec.period);
  const nextText = periodHeader(next, true, false).replace(/\/(\d{4})$/, " năm $1").toUpperCase();
  const sameYear = next.year === 2026 && spec.period.kind !== "year";
  const head = sameYear ? periodHeader({ ...spec.period, year: 2026 }, false, true).toUpperCase() + (spec.period.kind === "half" ? " NĂM" : "") : own;
  return `${words} ${head} VÀ PHƯƠNG HƯỚNG, NHIỆM VỤ ${nextText}`;
}

/** A period column's header, with its year or without. */
function periodHeader(p: NamedPeriod, withYear: boolean, own: boolean): string {
  const year = withYear ? `/${p.year}` : "";
  switch (p.kind) {
    case "month":
      return `Tháng ${p.index}${year}`;
    case "quarter":
      return `Quý ${ROMAN_QUARTER[p.index - 1]}${year}`;
    case "half":
      return `6 tháng ${halfWord(p.index)}${withYear ? ` năm ${p.year}` : ""}`;
    case "year":
      return withYear ? `Năm ${p.year}` : own ? "Năm nay" : "Năm trước";
  }
}

const RELATIVE = { month: ["Kỳ này", "Kỳ trước"], quarter: ["Quý này", "Quý trước"], half: ["Kỳ này", "Kỳ trước"], year: ["Kỳ này", "Kỳ trước"] } as const;

/** The period just before the report's in 2026 (the next one for a year's first), or the year before. */
function otherPeriod(p: PeriodSpec): NamedPeriod {
  if (p.kind === "year") return { ...p, year: 2025 };
  return { kind: p.kind, index: p.index > 1 ? p.index - 1 : 2, year: 2026 };
}

/** The report's own period column's header and the other periods' columns' headers. */
function periodColumns(spec: LayoutSpec): { own: string; others: string[]; partsFirst: boolean } {
  const p = spec.period;
  const own: NamedPeriod = { ...p, year: 2026 };
  if (spec.periodHeaders === "parts" && p.kind !== "month") {
    const parts: NamedPeriod[] =
      p.kind === "quarter" ? monthsOf(p).map((m) => ({ kind: "month", index: m, year: 2026 })) : monthsOf(p).filter((m) => m % 3 === 0).map((m) => ({ kind: "quarter", index: m / 3, year: 2026 }));
    return { own: spec.wholeNamed ? periodHeader(own, true, true) : WHOLE[p.kind], others: parts.map((q) => periodHeader(q, false, false)), partsFirst: true };
  }
  if (spec.periodHeaders === "relative") {
    const [ownLabel, otherLabel] = RELATIVE[p.kind];
    return { own: ownLabel, others: [otherLabel], partsFirst: spec.otherPeriodFirst };
  }
  const withYear = spec.periodHeaders !== "no-year";
  return { own: periodHeader(own, withYear, true), others: [periodHeader(otherPeriod(p), withYear, false)], partsFirst: spec.otherPeriodFirst };
}

function figureBlock(spec: LayoutSpec): Column[] {
  const H = spec.headers;
  const { own, others, partsFirst } = periodColumns(spec);
  switch (spec.figures) {
    case "single":
      return [{ kind: "V", path: [h(H.value)] }, { kind: "D", path: [h(H.denominator)] }];
    case "flat": {
      const parts: Column[] = [{ kind: "N", path: [h("Tử số")] }, { kind: "D", path: [h("Mẫu số")] }];
      return [{ kind: "V", path: [h(H.flatValue)] }, ...(spec.denominatorFirst ? parts.reverse() : parts)];
    }
    case "merged": {
      const g = h(H.group);
      const parts: Column[] = [{ kind: "N", path: [g, h("Tử số")] }, { kind: "D", path: [g, h("Mẫu số")] }];
      return [{ kind: "V", path: [g, h("Số lượng")] }, ...(spec.denominatorFirst ? parts.reverse() : parts)];
    }
    case "periods": {
      const g = h(H.group);
      const ownCols: Column[] = [{ kind: "V", path: [g, h(own)] }];
      const otherCols = others.map((o): Column => ({ kind: "Vother", path: [g, h(o)] }));
      const cumulative: Column[] = H.cumulative ? [{ kind: "CUM", path: [g, h(H.cumulative)] }] : [];
      return [...(partsFirst ? [...otherCols, ...ownCols] : [...ownCols, ...otherCols]), ...cumulative, { kind: "D", path: [h(H.denominator)] }];
    }
    case "periods-parts": {
      const g = h(H.group);
      const po = h(own);
      const ownCols: Column[] = [{ kind: "N", path: [g, po, h("Tử số")] }, { kind: "D", path: [g, po, h("Mẫu số")] }];
      const otherCols = others.flatMap((o): Column[] => {
        const pt = h(o);
        return [{ kind: "Nother", path: [g, pt, h("Tử số")] }, { kind: "Dother", path: [g, pt, h("Mẫu số")] }];
      });
      const cumulative: Column[] = H.cumulative ? [{ kind: "CUM", path: [g, h(H.cumulative)] }] : [];
      return [...(partsFirst ? [...otherCols, ...ownCols] : [...ownCols, ...otherCols]), ...cumulative];
    }
  }
}

function columnsOf(spec: LayoutSpec): Column[] {
  const H = spec.headers;
  const identity: (Column | null)[] = [
    H.stt ? { kind: "stt", path: [h(H.stt)] } : null,
    H.code ? { kind: "code", path: [h(H.code)] } : null,
    { kind: "name", path: [h(H.name)] },
    H.uom ? { kind: "uom", path: [h(H.uom)] } : null,
  ];
  const ordered = spec.identityOrder.map((i) => identity[i]).filter((c): c is Column => c !== null);
  const extras: Column[] = [];
  if (H.plan) extras.push({ kind: "plan", path: [h(H.plan)] });
  if (H.lastYear) extras.push({ kind: "lastYear", path: [h(H.lastYear)] });
  if (H.rate) extras.push({ kind: "rate", path: [h(H.rate)] });
  if (H.unexplained) extras.push({ kind: "unexplained", path: [h(H.unexplained)] });
  const block = figureBlock(spec);
  const figures = spec.extrasFirst ? [...extras, ...block] : [...block, ...extras];
  return [...ordered, ...figures, ...(H.note ? [{ kind: "note" as const, path: [h(H.note)] }] : [])];
}

class Pen {
  rows: CellValue[][] = [];
  merges: CellRange[] = [];

  put(r: number, c: number, v: CellValue): void {
    while (this.rows.length <= r) this.rows.push([]);
    const row = this.rows[r];
    while (row.length < c) row.push(null);
    row[c] = v;
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
  }
}

const isRatio = (i: Indicator) => i.kind === "ratio";

/** "MH55": a code of the indicator's series that the catalogue does not have. */
function unknownCode(ind: Indicator): string {
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(ind.code)!;
  return `${letters}${Number(digits) + 50}`;
}

/** The next indicator of the catalogue: whose code a copied row may carry. */
function otherIndicator(ind: Indicator): Indicator {
  return DEFAULT_CATALOGUE[(DEFAULT_CATALOGUE.findIndex((i) => i.code === ind.code) + 1) % DEFAULT_CATALOGUE.length];
}

export function renderLayout(spec: LayoutSpec): RenderedReport {
  const pen = new Pen();
  const columns = columnsOf(spec);
  const width = columns.length;
  // Reports are dated in their period's last month.
  const month = lastMonth(spec.period);
  const day = `2026-${pad2(month)}-${pad2(spec.reportDay)}`;
  const dateLine = `Hòa Bình, ngày ${spec.reportDay} tháng ${month} năm 2026`;
  const right = Math.max(2, Math.ceil(width / 2));
  let r = 0;

  // The issuing block and the motto (Nghị định 30/2020), the document number, the title.
  const issuerBlock = spec.motto || spec.unitStyle === "issuer";
  if (issuerBlock) {
    pen.put(0, 0, PARENT.toUpperCase());
    pen.put(1, 0, spec.unit.name.toUpperCase());
  }
  if (spec.motto) {
    pen.put(0, right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    pen.put(1, right, "Độc lập - Tự do - Hạnh phúc");
    pen.merge(0, right, 0, width - 1);
    pen.merge(1, right, 1, width - 1);
  }
  if (spec.documentNumber) pen.put(2, 0, "Số: 27/BC-VHXH");
  if (spec.dateStyle === "top-right") pen.put(2, right, dateLine);
  r = 4;
  pen.put(r, 0, titleLine(spec));
  pen.merge(r, 0, r, width - 1);
  r++;
  if (spec.periodStyle === "line") {
    pen.put(r++, 0, periodLine(spec));
  }
  if (spec.dataWindow) {
    const first = monthsOf(spec.period)[0];
    pen.put(r++, 0, `(Số liệu tính từ 15/${first === 1 ? "12/2025" : first - 1} đến 14/${month}/2026)`);
  }
  r++;

  // Header fields.
  const field = (label: string, value: CellValue, split: boolean) => {
    if (split || value instanceof Date) {
      pen.put(r, 0, label);
      pen.put(r, 1, value);
    } else {
      pen.put(r, 0, `${label} ${value}`);
    }
    r++;
  };
  if (spec.unitStyle === "inline") field("Đơn vị:", spec.unit.name, false);
  if (spec.unitStyle === "split") field("Tên đơn vị:", spec.unit.name, true);
  if (spec.unitStyle === "code-only") field("Mã đơn vị:", spec.unit.code, true);
  if (spec.unitStyle === "don-vi-bao-cao") field("ĐƠN VỊ BÁO CÁO:", spec.unit.name.toUpperCase(), false);
  if (spec.periodStyle === "field") field("Kỳ báo cáo:", periodText(spec), spec.unitStyle === "split");
  if (spec.dateStyle === "field-text") field("Ngày báo cáo:", `${pad2(spec.reportDay)}/${pad2(month)}/2026`, spec.unitStyle === "split");
  if (spec.dateStyle === "field-date") field("Ngày báo cáo:", new Date(Date.UTC(2026, month - 1, spec.reportDay)), true);
  if (spec.dateStyle === "field-words") field("Ngày báo cáo:", `ngày ${spec.reportDay} tháng ${month} năm 2026`, false);
  r++;

  // The table's header: identity columns and lone extras span every header row.
  const depth = Math.max(...columns.map((c) => c.path.length));
  for (let level = 0; level < depth; level++) {
    for (let c = 0; c < width; ) {
      const cell = columns[c].path[level];
      if (!cell) {
        c++;
        continue;
      }
      let span = 1;
      while (c + span < width && columns[c + span].path[level] === cell) span++;
      const last = columns[c].path.length - 1 === level;
      const down = last && span === 1 ? depth - 1 - level : 0;
      pen.put(r + level, c, cell.text);
      if (spec.mergeGroups) pen.merge(r + level, c, r + level + down, c + span - 1);
      c += span;
    }
  }
  r += depth;
  if (spec.columnNumbers) {
    columns.forEach((_, c) => pen.put(r, c, `(${c + 1})`));
    r++;
  }

  const expected: Expected = {
    unit: spec.unit.code,
    periodKey: periodKey(spec.period),
    reportDay: day,
    facts: [],
    named: [],
    identityColumns: new Set(columns.flatMap((c, i) => (["stt", "code", "name", "uom", "note"].includes(c.kind) ? [i] : []))),
    indicatorRows: new Set(),
  };
  const col = (kind: ColKind) => columns.findIndex((c) => c.kind === kind);
  /** Every column of a kind: the other periods may have several. */
  const cols = (kind: ColKind) => columns.flatMap((c, i) => (c.kind === kind ? [i] : []));
  const num = (n: number): CellValue => (spec.valuesAsText ? vietnameseNumberText(n) : n);
  const at = (row: number, kind: ColKind) => cellAddress(row, col(kind));
  const has = (kind: ColKind) => col(kind) >= 0;

  // The column a count is read from, and a ratio's two.
  const countKind: ColKind = spec.figures === "periods-parts" ? "N" : "V";
  const numeratorKind: ColKind = spec.figures === "single" || spec.figures === "periods" ? "V" : "N";

  const writeLine = (line: LineSpec, n: number) => {
    const row = r++;
    expected.indicatorRows.add(row);
    const ind = line.indicator;
    const put = (kind: ColKind, v: CellValue) => {
      for (const c of cols(kind)) pen.put(row, c, v);
    };
    put("stt", n);
    const withCode = has("code") && line.by !== "name";
    // A wrong code needs a name beside it to be told from an unknown indicator.
    const code = withCode && line.by === "both" ? line.code : "right";
    if (withCode) put("code", code === "right" ? ind.code : code === "unknown" ? unknownCode(ind) : otherIndicator(ind).code);
    const [factsBefore, namedBefore] = [expected.facts.length, expected.named.length];
    if (!withCode || line.by !== "code") {
      put("name", line.nameCase === "upper" ? ind.name.toUpperCase() : line.nameCase === "nfd" ? ind.name.normalize("NFD") : ind.name);
    }
    put("uom", ind.uom);
    put("plan", num(line.plan));
    put("lastYear", num(line.lastYear));
    if (line.unexplained !== null && has("unexplained")) {
      put("unexplained", num(line.unexplained));
      expected.named.push({ cell: at(row, "unexplained"), codes: ["UNUSED_FIGURE"] });
    }
    const f = line.figure;
    if (isRatio(ind)) writeRatio(line, row, put, at);
    else writeCount(line, row, put, at);
    if (code === "unknown") expected.named.push({ cell: at(row, "code"), codes: ["INDICATOR_CODE_UNKNOWN"] });
    if (code === "other-indicator") {
      // Refused whole: every number of the row is named in the one error, a word among them only skipped.
      const figures = expected.facts.splice(factsBefore).map((fact) => fact.cell);
      const named = expected.named.splice(namedBefore).filter((x) => !x.codes.includes("NOT_A_NUMBER"));
      for (const cell of [at(row, "code"), ...figures, ...named.map((x) => x.cell)]) expected.named.push({ cell, codes: ["INDICATOR_CONFLICT"] });
    }
    if (f.kind === "count" && line.breakdown !== null) {
      const b = r++;
      pen.put(b, col("name"), "Trong đó: nữ");
      pen.put(b, col(countKind), num(line.breakdown));
      expected.named.push({ cell: at(b, countKind), codes: ["UNKNOWN_INDICATOR"] });
    }
  };

  const writeCount = (line: LineSpec, row: number, put: (k: ColKind, v: CellValue) => void, cellOf: (row: number, k: ColKind) => string) => {
    const f = line.figure;
    const ind = line.indicator;
    const cumulative = has("CUM");
    // A stock is its position at the period's end: with a "Lũy kế" column, that is where it is read.
    const used: ColKind = ind.kind === "stock" && cumulative ? "CUM" : countKind;
    const value = f.kind === "count" ? f.value : 0;
    if (has("Vother")) put("Vother", num(line.other));
    if (has("Nother")) put("Nother", num(line.other));
    if (used === "CUM") {
      if (f.kind === "count") put(countKind, num(line.stockIncrease ? Math.floor(value / 3) : value));
    } else if (cumulative) {
      put("CUM", num(value + line.ytdExtra));
      // Only the year to date, nothing for the month: named, never added to the month.
      if (f.kind === "blank") expected.named.push({ cell: cellOf(row, "CUM"), codes: ["UNUSED_FIGURE"] });
    }
    switch (f.kind) {
      case "count":
        put(used, num(f.value));
        expected.facts.push({ indicator: ind.code, value: f.value, numerator: null, denominator: null, cell: cellOf(row, used) });
        break;
      case "negative":
        put(used, num(f.value));
        expected.named.push({ cell: cellOf(row, used), codes: ["NEGATIVE"] });
        break;
      case "word":
        put(used, "nhiều");
        expected.named.push({ cell: cellOf(row, used), codes: ["NOT_A_NUMBER"] });
        break;
      case "na":
        put(used, "-");
        break;
      case "blank":
      case "ratio":
      case "above":
        break;
    }
  };

  const writeRatio = (line: LineSpec, row: number, put: (k: ColKind, v: CellValue) => void, cellOf: (row: number, k: ColKind) => string) => {
    const f = line.figure;
    const ind = line.indicator;
    const parts = f.kind === "ratio" || f.kind === "above" ? f : null;
    if (parts) {
      put(numeratorKind, num(parts.numerator));
      put("D", num(parts.denominator));
      put("Vother", num(Math.min(line.other, parts.denominator)));
      put("Nother", num(Math.min(line.other, parts.denominator)));
      put("Dother", num(parts.denominator));
      put("CUM", num(parts.numerator));
      const share = parts.numerator / parts.denominator;
      // The template's own habit: the rate beside the parts in the value column.
      if (spec.figures === "flat" && line.rate === "fraction") put("V", share);
      if (has("rate") && line.rate !== "none") {
        const points = share * 100;
        const typed: CellValue =
          line.rate === "points" ? Math.round(points * 10) / 10 : line.rate === "percent-text" ? `${vietnameseNumberText(Math.round(points * 10) / 10)}%` : line.rate === "fraction" ? share : Math.round(points) + 9;
        put("rate", typed);
        if (line.rate === "wrong" && f.kind === "ratio") expected.named.push({ cell: cellOf(row, "rate"), codes: ["RATE_MISMATCH"] });
      }
    }
    if (f.kind === "ratio") {
      expected.facts.push({ indicator: ind.code, value: null, numerator: f.numerator, denominator: f.denominator, cell: cellOf(row, numeratorKind) });
    } else if (f.kind === "above") {
      expected.named.push({ cell: cellOf(row, numeratorKind), codes: ["NUMERATOR_ABOVE_DENOMINATOR", "CERTIFIED_ABOVE_ADULTS"] });
    } else if (f.kind === "na") {
      put(numeratorKind, "-");
    }
  };

  const sectionRow = (i: number, title: string, subtotal: number | null) => {
    const row = r++;
    if (has("stt")) {
      pen.put(row, col("stt"), ROMAN[i]);
      pen.put(row, col("name"), title);
    } else {
      pen.put(row, col("name"), `${ROMAN[i]}. ${title}`);
    }
    if (subtotal !== null) pen.put(row, col(countKind), num(subtotal));
  };

  const countsOf = (lines: LineSpec[]) => lines.reduce((s, l) => s + (l.figure.kind === "count" ? l.figure.value : 0), 0);
  let n = 1;
  if (spec.sections) {
    SECTIONS.forEach((section, i) => {
      const lines = spec.lines.filter((l) => l.indicator.code.startsWith(section.prefix));
      if (lines.length === 0) return;
      sectionRow(i, section.title, spec.sectionSubtotals ? countsOf(lines) : null);
      for (const line of lines) writeLine(line, n++);
      if (spec.blankRows) r++;
    });
  } else {
    for (const line of spec.lines) writeLine(line, n++);
  }
  if (spec.total) {
    const row = r++;
    pen.put(row, col("name"), "Tổng cộng");
    pen.put(row, col(countKind), num(countsOf(spec.lines)));
  }

  // The signature block.
  r++;
  if (spec.dateStyle === "signature") pen.put(r++, right, dateLine);
  pen.put(r, 0, "Người lập biểu");
  pen.put(r, right, spec.motto ? "TM. ỦY BAN NHÂN DÂN" : "Thủ trưởng đơn vị");
  pen.put(r + 1, 0, "(Ký, ghi rõ họ tên)");
  pen.put(r + 1, right, "(Ký tên, đóng dấu)");

  const modified = new Date(Date.UTC(2026, month - 1, spec.reportDay + 3, 2));
  return { rows: pen.rows, merges: pen.merges, modified, expected };
}
