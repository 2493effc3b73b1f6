// A layout of the grammar as cells and merges, and what the import must make of it: the generator's own
// figures, each with the cell it sits in. This is the oracle: every figure put in comes out exactly in
// the facts, or as a finding naming its cell.
import { cellAddress } from "../../src/core/address";
import type { FindingCode } from "../../src/core/findings";
import type { CellRange, CellValue, Indicator } from "../../src/core/types";
import { vietnameseNumberText } from "../../src/samples/report-writer";
import { PARENT, type LayoutSpec, type LineSpec } from "./grammar";

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

function monthLabel(spec: LayoutSpec, month: number): string {
  if (spec.periodHeaders === "relative") return month === spec.month ? "Kỳ này" : "Kỳ trước";
  return spec.periodHeaders === "month-year" ? `Tháng ${month}/2026` : `Tháng ${month}`;
}

function periodText(spec: LayoutSpec): string {
  const m = spec.month;
  return spec.periodSpelling === "slash" ? `Tháng ${m}/2026` : spec.periodSpelling === "zero" ? `Tháng ${pad2(m)}/2026` : `Tháng ${pad2(m)} năm 2026`;
}

function figureBlock(spec: LayoutSpec): Column[] {
  const H = spec.headers;
  const own = monthLabel(spec, spec.month);
  const other = monthLabel(spec, spec.month - 1);
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
      const months: Column[] = [{ kind: "Vother", path: [g, h(other)] }, { kind: "V", path: [g, h(own)] }];
      if (!spec.otherMonthFirst) months.reverse();
      const cumulative: Column[] = H.cumulative ? [{ kind: "CUM", path: [g, h(H.cumulative)] }] : [];
      return [...months, ...cumulative, { kind: "D", path: [h(H.denominator)] }];
    }
    case "periods-parts": {
      const g = h(H.group);
      const [po, pt] = [h(own), h(other)];
      const ownCols: Column[] = [{ kind: "N", path: [g, po, h("Tử số")] }, { kind: "D", path: [g, po, h("Mẫu số")] }];
      const otherCols: Column[] = [{ kind: "Nother", path: [g, pt, h("Tử số")] }, { kind: "Dother", path: [g, pt, h("Mẫu số")] }];
      const cumulative: Column[] = H.cumulative ? [{ kind: "CUM", path: [g, h(H.cumulative)] }] : [];
      return [...(spec.otherMonthFirst ? [...otherCols, ...ownCols] : [...ownCols, ...otherCols]), ...cumulative];
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

export function renderLayout(spec: LayoutSpec): RenderedReport {
  const pen = new Pen();
  const columns = columnsOf(spec);
  const width = columns.length;
  const day = `2026-${pad2(spec.month)}-${pad2(spec.reportDay)}`;
  const dateLine = `Hòa Bình, ngày ${spec.reportDay} tháng ${spec.month} năm 2026`;
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
  pen.put(r, 0, spec.periodStyle === "title" ? `${TITLE} ${periodText(spec).toUpperCase()}` : TITLE);
  pen.merge(r, 0, r, width - 1);
  r++;
  if (spec.periodStyle === "line") {
    pen.put(r++, 0, spec.periodSpelling === "words" ? `Tháng ${spec.month} năm 2026` : spec.periodSpelling === "slash" ? `(${periodText(spec)})` : `${pad2(spec.month)}/2026`);
  }
  if (spec.dataWindow) pen.put(r++, 0, `(Số liệu tính từ 15/${spec.month - 1} đến 14/${spec.month}/2026)`);
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
  if (spec.dateStyle === "field-text") field("Ngày báo cáo:", `${pad2(spec.reportDay)}/${pad2(spec.month)}/2026`, spec.unitStyle === "split");
  if (spec.dateStyle === "field-date") field("Ngày báo cáo:", new Date(Date.UTC(2026, spec.month - 1, spec.reportDay)), true);
  if (spec.dateStyle === "field-words") field("Ngày báo cáo:", `ngày ${spec.reportDay} tháng ${spec.month} năm 2026`, false);
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
    periodKey: `2026-${pad2(spec.month)}`,
    reportDay: day,
    facts: [],
    named: [],
    identityColumns: new Set(columns.flatMap((c, i) => (["stt", "code", "name", "uom", "note"].includes(c.kind) ? [i] : []))),
    indicatorRows: new Set(),
  };
  const col = (kind: ColKind) => columns.findIndex((c) => c.kind === kind);
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
      if (has(kind)) pen.put(row, col(kind), v);
    };
    put("stt", n);
    const withCode = has("code") && line.by !== "name";
    if (withCode) put("code", ind.code);
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

  const modified = new Date(Date.UTC(2026, spec.month - 1, spec.reportDay + 3, 2));
  return { rows: pen.rows, merges: pen.merges, modified, expected };
}
