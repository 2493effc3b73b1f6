// A report sheet as the parser reads it: cells normalised on first use (NFC, legacy TCVN3/VNI fonts
// decoded), merged ranges at hand, and the one way every cell the parser reports is named.
import { columnName } from "./address";
import { finding } from "./findings";
import { decodeLegacy, detectLegacyEncoding, LegacyEncoding } from "./legacy-encoding";
import { cellText } from "./numbers";
import type { CellRange, CellValue, Finding, Sheet } from "./types";

const MAX_LEGACY_CELLS_LISTED = 10;

export interface Grid {
  sheet: Sheet;
  /** The legacy font the sheet is known to be typed in, if any. */
  hint: LegacyEncoding | null;
  /** Rows already normalised (NFC, legacy fonts decoded), filled on first use. */
  normalised: CellValue[][];
  /** Merged ranges by their top-left cell. */
  mergeAt: Map<string, CellRange>;
  /** Cells read that were typed in a legacy font, and how many in each. */
  legacyCells: string[];
  legacyVotes: Record<LegacyEncoding, number>;
}

export function openGrid(sheet: Sheet, hint: LegacyEncoding | null): Grid {
  const mergeAt = new Map<string, CellRange>();
  for (const m of sheet.merges ?? []) {
    if (m && m.bottom >= m.top && m.right >= m.left) mergeAt.set(`${m.top},${m.left}`, m);
  }
  return { sheet, hint, normalised: [], mergeAt, legacyCells: [], legacyVotes: { tcvn3: 0, vni: 0 } };
}

export function rowCount(grid: Grid): number {
  return grid.sheet.rows?.length ?? 0;
}

export function rowAt(grid: Grid, r: number): CellValue[] {
  const cached = grid.normalised[r];
  if (cached) return cached;
  const raw = grid.sheet.rows?.[r] ?? [];
  const row: CellValue[] = [];
  for (let c = 0; c < raw.length; c++) {
    const v = raw[c];
    row.push(typeof v === "string" ? normaliseText(grid, v, r, c) : v ?? null);
  }
  grid.normalised[r] = row;
  return row;
}

export function valueAt(grid: Grid, r: number, c: number): CellValue {
  return rowAt(grid, r)[c] ?? null;
}

/** A cell as trimmed text ("" when blank). */
export function textAt(grid: Grid, r: number, c: number): string {
  return cellText(valueAt(grid, r, c)).trim();
}

export function isBlank(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

const columnNames: string[] = [];

/**
 * The name of a cell: its A1 address, with column letters remembered (every value of every report needs
 * one), or for a document's grid the place of its row ("Bảng 2, dòng 5, cột D"). Every cell the parser
 * reports is named here.
 */
export function address(sheet: Sheet, r: number, c: number): string {
  const column = (columnNames[c] ??= columnName(c));
  const place = sheet.rowPlaces?.[r];
  return place ? `${place}, cột ${column}` : column + (r + 1);
}

/** The name of a row in a message: "dòng 12", or a document's "Bảng 2, dòng 5". */
export function rowName(sheet: Sheet, r: number): string {
  return sheet.rowPlaces?.[r] ?? `dòng ${r + 1}`;
}

export function cellRef(grid: Grid, r: number, c: number): string {
  return address(grid.sheet, r, c);
}

/**
 * Reports repeat the same labels, names and units, thousands of times in a batch: remember the answers
 * for recent texts rather than fold and normalise them again. Bounded, and the answers never change.
 */
export function remembered<T>(compute: (text: string) => T, max = 20_000): (text: string) => T {
  const answers = new Map<string, T>();
  return (text) => {
    let answer = answers.get(text);
    if (answer === undefined && !answers.has(text)) {
      answer = compute(text);
      if (answers.size >= max) answers.clear();
      answers.set(text, answer);
    }
    return answer as T;
  };
}

interface NormalisedText {
  text: string;
  encoding: LegacyEncoding | null;
}

function normaliser(hint: LegacyEncoding | null): (text: string) => NormalisedText {
  return remembered((text) => {
    const encoding = detectLegacyEncoding(text, hint);
    return { text: encoding ? decodeLegacy(text, encoding) : text.normalize("NFC"), encoding };
  });
}

const NORMALISERS = { none: normaliser(null), tcvn3: normaliser("tcvn3"), vni: normaliser("vni") };

function normaliseText(grid: Grid, text: string, r: number, c: number): string {
  const normalised = NORMALISERS[grid.hint ?? "none"](text);
  if (normalised.encoding) {
    grid.legacyCells.push(cellRef(grid, r, c));
    grid.legacyVotes[normalised.encoding]++;
  }
  return normalised.text;
}

export function legacyFinding(grid: Grid, file: string): Finding | null {
  const cells = grid.legacyCells;
  if (cells.length === 0) return null;
  const fonts = [grid.legacyVotes.tcvn3 ? "TCVN3 (.VnTime)" : "", grid.legacyVotes.vni ? "VNI (VNI-Times)" : ""].filter(Boolean).join(", ");
  const listed = cells.slice(0, MAX_LEGACY_CELLS_LISTED).join(", ") + (cells.length > MAX_LEGACY_CELLS_LISTED ? ", …" : "");
  return finding(
    "LEGACY_ENCODING",
    `${cells.length} ô được gõ bằng phông chữ cũ ${fonts} và đã được tự chuyển sang Unicode (${listed}). Hãy kiểm tra lại các ô này và dùng phông Unicode cho các lần báo cáo sau.`,
    { file, sheet: grid.sheet.name, cell: cells[0] },
  );
}
