// Output sheets are re-derived at every consolidation, so a value a clerk types into one would be lost
// silently. Each output sheet ends with a seal (a checksum of what the product wrote); a sheet whose seal
// no longer matches was edited by hand: it is kept as a copy and the clerk is told, before it is rewritten.
import { finding } from "./findings";
import { cellText } from "./numbers";
import { TEXT, withinExcelLimits } from "./sheet-spec";
import type { CellValue, Finding, OutValue, SheetSpec } from "./types";

export const SEAL_LABEL = "Mã kiểm tra (phần mềm dùng để phát hiện sửa tay):";

function canonical(v: CellValue | OutValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(Number(v.toPrecision(12))) : "";
  if (v instanceof Date) return String(v.getTime());
  return cellText(v).normalize("NFC").trim();
}

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

/** Copies of the output sheets a clerk edited, and a finding for each, so nothing typed is lost. */
export function keepEditedOutputs(grids: Record<string, CellValue[][]>, outputNames: readonly string[]): { backups: SheetSpec[]; problems: Finding[] } {
  const backups: SheetSpec[] = [];
  const problems: Finding[] = [];
  for (const name of outputNames) {
    const grid = grids[name];
    if (!grid || !isEditedOutput(grid)) continue;
    const copy = `${name} (sửa tay)`;
    const width = grid.reduce((w, r) => Math.max(w, r.length), 0);
    backups.push(withinExcelLimits({
      name: copy,
      values: grid.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null)),
      numberFormats: grid.map(() => new Array<string>(width).fill("")),
      fills: [],
      boldRows: [],
      columnWidths: [],
      freeze: { rows: 0, columns: 0 },
    }));
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
