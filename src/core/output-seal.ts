// Output sheets are re-derived at every consolidation, so a value a clerk types into one would be lost
// silently. Each output sheet ends with a seal (a checksum of what the product wrote); a sheet whose seal
// no longer matches was edited by hand: it is kept as a copy and the clerk is told, before it is rewritten.
import { finding } from "./findings";
import { cellKey as canonical } from "./cell-compare";
import { sheetKey } from "./sheet-names";
import { TEXT, withinExcelLimits } from "./sheet-spec";
import type { CellValue, Finding, OutValue, SheetSpec } from "./types";

export const SEAL_LABEL = "Mã kiểm tra (phần mềm dùng để phát hiện sửa tay):";

/** FNV-1a over the canonical text of every non-empty row: enough to notice an edit, cheap for big sheets. */
function checksum(rows: readonly (readonly (CellValue | OutValue)[])[]): string {
  let h = 0x811c9dc5;
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  };
  rows.forEach((row, r) => {
    const cells = row.map(canonical);
    while (cells.length && cells[cells.length - 1] === "") cells.pop();
    if (cells.length) mix(`${r}\u0001${cells.join("\u0002")}\u0003`);
  });
  return h.toString(16).padStart(8, "0");
}

/** The spec, within Excel's limits, with its seal row appended below a blank row. */
export function sealSheet(output: SheetSpec): SheetSpec {
  // The seal is of the cells as written, so a text cut to fit is not taken for a hand edit.
  const spec = withinExcelLimits(output);
  const width = spec.values[0]?.length ?? 1;
  const seal = [`${SEAL_LABEL} ${checksum(spec.values)}`, ...new Array<OutValue>(Math.max(0, width - 1)).fill(null)];
  const blank = new Array<OutValue>(width).fill(null);
  return {
    ...spec,
    values: [...spec.values, blank, seal],
    numberFormats: [...spec.numberFormats, blank.map(() => TEXT), seal.map(() => TEXT)],
  };
}

/** An output sheet read back: is it still what the product wrote? */
export function isEditedOutput(grid: CellValue[][]): boolean {
  let last = grid.length - 1;
  const empty = (row: CellValue[] | undefined) => !row || row.every((c) => canonical(c) === "");
  while (last >= 0 && empty(grid[last])) last--;
  if (last < 0) return false; // an empty sheet has nothing to lose
  const sealCell = canonical(grid[last][0]);
  if (!sealCell.startsWith(SEAL_LABEL)) return true;
  const body = grid.slice(0, last);
  while (body.length && empty(body[body.length - 1])) body.pop();
  return sealCell.slice(SEAL_LABEL.length).trim() !== checksum(body);
}

const COPY = /^(.+) \(sửa tay(?: (\d+))?\)$/u;

/** "Tổng hợp (sửa tay)", then "Tổng hợp (sửa tay 2)", "… (sửa tay 3)": the copies kept of a sheet, oldest first. */
export function copyName(sheet: string, n = 1): string {
  return n <= 1 ? `${sheet} (sửa tay)` : `${sheet} (sửa tay ${n})`;
}

/** The sheet a "(sửa tay)" copy was made of, or null for any other name. */
export function copiedSheet(name: string): string | null {
  const m = COPY.exec(name.normalize("NFC"));
  return m ? m[1] : null;
}

/**
 * Names for the copies one write makes: for each sheet, the first copy name that no sheet has (`taken`
 * compares as Excel does) and no copy named before it took. An earlier copy is never written over.
 */
export function copyNamer(taken: (name: string) => boolean): (sheet: string) => string {
  const named = new Set<string>();
  return (sheet) => {
    let n = 1;
    while (taken(copyName(sheet, n)) || named.has(sheetKey(copyName(sheet, n)))) n++;
    named.add(sheetKey(copyName(sheet, n)));
    return copyName(sheet, n);
  };
}

/** A grid as a plain sheet of values, for a copy kept of what the clerk had. */
export function copySheet(name: string, grid: readonly (readonly CellValue[])[]): SheetSpec {
  const width = grid.reduce((w, r) => Math.max(w, r.length), 0);
  return withinExcelLimits({
    name,
    values: grid.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null)),
    numberFormats: grid.map(() => new Array<string>(width).fill("")),
    fills: [],
    boldRows: [],
    columnWidths: [],
    freeze: { rows: 0, columns: 0 },
  });
}

/**
 * Copies of the output sheets a clerk edited, and a finding for each, so nothing typed is lost. `taken`
 * says which sheet names the workbook has: each copy gets the first free number.
 */
export function keepEditedOutputs(
  grids: Record<string, CellValue[][]>,
  outputNames: readonly string[],
  taken: (name: string) => boolean,
): { backups: SheetSpec[]; problems: Finding[] } {
  const backups: SheetSpec[] = [];
  const problems: Finding[] = [];
  const nameCopy = copyNamer(taken);
  for (const name of outputNames) {
    const grid = grids[name];
    if (!grid || !isEditedOutput(grid)) continue;
    const copy = nameCopy(name);
    backups.push(copySheet(copy, grid));
    problems.push(
      finding(
        "OUTPUT_EDITED",
        `Trang "${name}" đã bị sửa tay sau lần tổng hợp trước. Trang này luôn được tạo lại từ trang "Dữ liệu", nên bản đã sửa được giữ lại ở trang "${copy}". Hãy sửa số liệu trong báo cáo của đơn vị rồi nhập lại.`,
        { file: "Sổ tổng hợp", sheet: name },
      ),
    );
  }
  return { backups, problems };
}
