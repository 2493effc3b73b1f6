// A report's header fields: "Đơn vị", "Mã đơn vị", "Kỳ báo cáo", "Ngày báo cáo" written as "label: value",
// and, when they are not, what an administrative document (Nghị định 30/2020/NĐ-CP) says instead: the
// issuing block top left names the unit, the title names the period, the place-and-date line
// ("Tân Lập, ngày 15 tháng 4 năm 2026", top right or above the signature) is the report's date. The
// document number ("Số: 27/BC-VHXH"), the national motto and a data-window note ("(Số liệu tính từ 15/3
// đến 14/4/2026)") are none of these.
import { foldCompact, foldText } from "./fold";
import { cellText } from "./numbers";
import { parsePeriodKey, parsePeriodText } from "./periods";
import { cellRef, Grid, remembered, rowAt, rowCount, textAt } from "./sheet-grid";
import type { AdhocPeriod, CellValue, Located, UnitReport } from "./types";

/** Header fields live in the first rows of the sheet. */
export const FIELD_ROWS = 30;
/** The signature block's date line is looked for this far below the table. */
const SIGNATURE_ROWS = 40;
/** The issuing block and the motto sit in the first rows. */
const ISSUER_ROWS = 8;
const MAX_LABEL_LENGTH = 180;

type Field = "unitName" | "unitCode" | "periodText" | "reportDate";

// Maps, not object literals: a cell saying "constructor" must not find Object.prototype.
const FIELD_LABELS = new Map<string, Field>([
  ["donvi", "unitName"],
  ["tendonvi", "unitName"],
  ["donvibaocao", "unitName"],
  ["madonvi", "unitCode"],
  ["kybaocao", "periodText"],
  ["ngaybaocao", "reportDate"],
]);

/** The field a label names, and the value written after its colon in the same cell. */
const readLabel = remembered(labelOf);

function labelOf(text: string): { field: Field; rest: string } | null {
  if (text.length > MAX_LABEL_LENGTH) return null;
  const colon = text.indexOf(":");
  const label = colon >= 0 ? text.slice(0, colon) : text;
  const field = FIELD_LABELS.get(foldCompact(label));
  return field ? { field, rest: colon >= 0 ? text.slice(colon + 1) : "" } : null;
}

/** Template blanks ("……", "___") are not a value. */
function cleanValue(text: string): string {
  return text.replace(/^[\s.…_]+|[\s.…_]+$/g, "");
}

export type HeaderFields = Pick<UnitReport, "unitName" | "unitCode" | "periodText" | "reportDate" | "issuer">;

/** The header fields in the rows above the table (`rows` of them). */
export function readHeaderFields(grid: Grid, rows: number, adhoc: readonly AdhocPeriod[]): HeaderFields {
  const fields: HeaderFields = { unitName: null, unitCode: null, periodText: null, reportDate: null, issuer: [] };
  const last = Math.min(rows, rowCount(grid));
  const used = new Set<string>();
  for (let r = 0; r < last; r++) {
    const row = rowAt(grid, r);
    for (let c = 0; c < row.length; c++) {
      const label = typeof row[c] === "string" ? readLabel(textAt(grid, r, c)) : null;
      if (!label) continue;
      used.add(`${r},${c}`);
      if (fields[label.field]) continue;
      const inline = cleanValue(label.rest);
      const found = inline ? { value: inline as CellValue, cell: cellRef(grid, r, c), at: c } : valueRightOf(grid, r, c);
      if (!found) continue;
      used.add(`${r},${found.at}`);
      if (label.field === "reportDate") fields.reportDate = { value: found.value, cell: found.cell };
      else fields[label.field] = { value: cleanValue(cellText(found.value)), cell: found.cell };
    }
  }
  fields.periodText ??= titlePeriod(grid, last, used, adhoc);
  fields.reportDate ??= placeDateLine(grid, 0, last);
  if (!fields.unitName && !fields.unitCode) fields.issuer = issuingBlock(grid, last);
  return fields;
}

/** The next non-empty cell to the right of a label, unless another label comes first. */
function valueRightOf(grid: Grid, r: number, c: number): (Located<CellValue> & { at: number }) | null {
  const row = rowAt(grid, r);
  for (let k = c + 1; k < row.length; k++) {
    const v = row[k];
    if (v === null || v === undefined) continue;
    if (typeof v !== "string") return { value: v, cell: cellRef(grid, r, k), at: k };
    const text = cleanValue(v);
    if (!text) continue;
    if (readLabel(text.trim())) return null;
    return { value: text, cell: cellRef(grid, r, k), at: k };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// The place-and-date line

const PLACE_DATE = [
  /^(?:[^,;:()]{1,60},\s*)?ngay\s*\d{1,2}\s*thang\s*\d{1,2}\s*nam\s*\d{4}\s*\.?$/,
  /^(?:[^,;:()]{1,60},\s*)?ngay\s*\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}\s*\.?$/,
];

/**
 * "Tân Lập, ngày 15 tháng 4 năm 2026": the whole cell is the line, so a date quoted inside a sentence
 * ("Căn cứ Kế hoạch số 12/KH-UBND ngày 10 tháng 1 năm 2026 ...") is not the report's date.
 */
export const isPlaceDateLine = remembered((text: string): boolean => {
  if (text.length > 100) return false;
  const folded = foldText(text);
  return PLACE_DATE.some((re) => re.test(folded));
});

/** The first place-and-date line in rows [from, to). */
export function placeDateLine(grid: Grid, from: number, to: number): Located<string> | null {
  for (let r = from; r < Math.min(to, rowCount(grid)); r++) {
    const row = rowAt(grid, r);
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "string" && isPlaceDateLine(v.trim())) return { value: v.trim(), cell: cellRef(grid, r, c) };
    }
  }
  return null;
}

/** The signature block's date line, below the table's last row. */
export function signatureDate(grid: Grid, tableEnd: number): Located<string> | null {
  return placeDateLine(grid, tableEnd, tableEnd + SIGNATURE_ROWS);
}

// ---------------------------------------------------------------------------------------------------
// The period in the title

const NATIONAL_MOTTO = ["cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc", "doc lap tu do hanh phuc"];

/** Lines of the document that are never the unit, the period or the date. */
/** "(Số liệu tính từ 15/3 đến 14/4/2026)", "(Kèm theo ...)", "(Ký, ghi rõ họ tên)": notes, not a title's period. */
const NOTE = /\((?:[^)]*?)(?:so lieu|tinh tu|tu ngay|den ngay|kem theo|ky,|ky ten|ghi ro)/;

function isFormality(folded: string): boolean {
  return (
    NATIONAL_MOTTO.some((m) => folded.startsWith(m)) ||
    /^so\s*:/.test(folded) || // "Số: 27/BC-VHXH"
    /^(?:can cu|kinh gui|noi nhan)/.test(folded) ||
    (folded.startsWith("(") && NOTE.test(folded))
  );
}

/** Dates and notes inside a title line say when, not which period: "ngày 10 tháng 1 năm 2026", "15/3/2026". */
const QUOTED_DATES = [
  /\((?:[^)]*?)(?:số liệu|tính từ|từ ngày|đến ngày)[^)]*\)/giu,
  /ngày\s*\d{1,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4}/giu,
  /\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}/g,
];

function withoutQuotedDates(text: string): string {
  return QUOTED_DATES.reduce((t, re) => t.replace(re, " "), text).replace(/\s+/g, " ").trim();
}

/** Words that begin the next period's plan in a title: "phương hướng", "kế hoạch", "nhiệm vụ trọng tâm". */
const PLAN_WORDS = [["phuong", "huong"], ["ke", "hoach"], ["nhiem", "vu", "trong", "tam"]];
const wordKey = (w: string) => foldText(w).replace(/[^a-z0-9]/g, "");

/**
 * "BÁO CÁO KẾT QUẢ THÁNG 3 VÀ PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 4 NĂM 2026": a title names the report's period,
 * then the next one's plan. The report's period is the part before the plan, its year taken from the
 * plan's part when it has none (the year before, when the period would otherwise not come first). A title
 * whose part before the plan names no period ("… THỰC HIỆN KẾ HOẠCH THÁNG 3/2026") is read whole.
 */
function withoutNextPeriodPlan(line: string, adhoc: readonly AdhocPeriod[]): string {
  const words = line.split(/\s+/);
  const keys = words.map(wordKey);
  const at = keys.findIndex((_, i) => PLAN_WORDS.some((plan) => plan.every((w, k) => keys[i + k] === w)));
  if (at <= 0) return line;
  let end = at;
  while (end > 0 && (keys[end - 1] === "va" || keys[end - 1] === "")) end--;
  const head = words.slice(0, end).join(" ").replace(/[\s,;:\-–]+$/, "");
  if (parsePeriodText(head, adhoc)) return head;
  const planKey = parsePeriodText(words.slice(at).join(" "), adhoc);
  const plan = planKey ? parsePeriodKey(planKey, adhoc) : null;
  if (!plan) return line;
  const inYear = (year: number) => `${head}${keys[end - 1] === "nam" ? "" : " năm"} ${year}`;
  const key = parsePeriodText(inYear(plan.year), adhoc);
  const own = key ? parsePeriodKey(key, adhoc) : null;
  // The year alone came from the plan: the part before it named no period.
  if (!own || own.kind === "year") return line;
  return own.start < plan.start ? inYear(plan.year) : inYear(plan.year - 1);
}

const GRAIN = { month: 0, adhoc: 0, quarter: 1, half: 2, year: 3 } as const;

/**
 * The period a title line names when there is no "Kỳ báo cáo" field: "BÁO CÁO KẾT QUẢ … THÁNG 04/2026",
 * "QUÝ I NĂM 2026", "04/2026". With several ("... NĂM 2026" then "Tháng 4/2026") the finest wins. The
 * value is the line without the dates quoted in it, so that validation reads the same period.
 */
function titlePeriod(grid: Grid, rows: number, used: Set<string>, adhoc: readonly AdhocPeriod[]): Located<string> | null {
  let best: { found: Located<string>; grain: number } | null = null;
  for (let r = 0; r < rows; r++) {
    const row = rowAt(grid, r);
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== "string" || used.has(`${r},${c}`) || v.length > MAX_LABEL_LENGTH) continue;
      const text = v.trim();
      if (!text || isFormality(foldText(text)) || isPlaceDateLine(text)) continue;
      const line = withoutNextPeriodPlan(withoutQuotedDates(text), adhoc);
      const key = parsePeriodText(line, adhoc);
      const kind = key ? parsePeriodKey(key, adhoc)?.kind : undefined;
      if (!kind) continue;
      const grain = GRAIN[kind];
      if (!best || grain < best.grain) best = { found: { value: line, cell: cellRef(grid, r, c) }, grain };
    }
  }
  return best?.found ?? null;
}

// ---------------------------------------------------------------------------------------------------
// The issuing block

const DECORATION = /^[\s\-_=*.–—~]*$/;

/**
 * The lines top left, above the document number and the title, left of the national motto: the body
 * above ("UBND XÃ TÂN LẬP"), then the issuing unit ("PHÒNG VĂN HÓA - XÃ HỘI"), in one cell or several.
 */
function issuingBlock(grid: Grid, rows: number): Located<string>[] {
  const last = Math.min(rows, ISSUER_ROWS, rowCount(grid));
  let mottoCol = Infinity;
  let numbered = false;
  for (let r = 0; r < last; r++) {
    const row = rowAt(grid, r);
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== "string") continue;
      const folded = foldText(v);
      if (NATIONAL_MOTTO.some((m) => folded.startsWith(m))) mottoCol = Math.min(mottoCol, c);
      if (/^so\s*:/.test(folded)) numbered = true;
    }
  }
  // Without the motto or a document number, only the upper-case lines of an issuing block are taken for it.
  const administrative = mottoCol < Infinity || numbered;
  const lines: Located<string>[] = [];
  for (let r = 0; r < last; r++) {
    const row = rowAt(grid, r);
    const c = row.findIndex((v) => typeof v === "string" && v.trim() !== "");
    if (c < 0 || c >= mottoCol) continue;
    const text = (row[c] as string).trim();
    const folded = foldText(text);
    if (folded.startsWith("bao cao") || readLabel(text) || /^so\s*:/.test(folded) || /^kinh gui/.test(folded)) break;
    for (const line of text.split(/\r?\n/)) {
      const t = line.trim();
      if (!t || DECORATION.test(t) || isFormality(foldText(t)) || isPlaceDateLine(t)) continue;
      if (administrative || t === t.toLocaleUpperCase("vi")) lines.push({ value: t, cell: cellRef(grid, r, c) });
    }
  }
  return lines;
}
