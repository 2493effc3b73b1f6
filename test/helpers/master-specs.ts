// Product sheets as the core produces them for a small province, and the check that a sheet read back
// from a workbook holds exactly what its spec said.
import { newMasterBook } from "../../src/core/master-sheets";
import { consolidationSheets } from "../../src/core/outputs";
import { consolidateBook } from "../../src/core/period-consolidation";
import type { CellValue, Fact, MasterBook, OutValue, SheetSpec, Unit } from "../../src/core/types";

export const AS_OF = new Date("2026-03-25T02:00:00Z");

function unit(code: string, name: string): Unit {
  return { code, name, type: "", parent: "", frequency: "month", activeFrom: "", activeTo: "", contact: `${name} - 0912 000 000` };
}

/** Two communes that reported March 2026, with figures that differ from the fixture's cached ones. */
export function smallBook(): MasterBook {
  const units = [unit("X01", "Xã Tân Lập"), unit("X02", "Xã Hòa Bình")];
  const book = newMasterBook({ bodyCode: "T01", bodyName: "UBND tỉnh Thử nghiệm" }, units);
  const data: Fact[] = book.catalogue.flatMap((ind, i) =>
    units.map((u, k) => ({
      period: "2026-03",
      unit: u.code,
      indicator: ind.code,
      value: ind.kind === "ratio" ? null : 10 * i + k + 1,
      numerator: ind.kind === "ratio" ? 31 + i + k : null,
      denominator: ind.kind === "ratio" ? 70 : null,
      file: `=HYPERLINK("http://x") ${u.code}.xlsx`,
      sheet: "Báo cáo",
      cell: `E${12 + i}`,
      hash: "ab".repeat(32),
      importedAt: "2026-03-18T02:00:00.000Z",
    })),
  );
  return { ...book, data };
}

/** Every sheet a consolidation writes (data, submissions, log, findings, report, status). */
export function consolidationSpecs(book: MasterBook = smallBook()): SheetSpec[] {
  return consolidationSheets(book, consolidateBook(book, "2026-03", AS_OF), AS_OF);
}

/** What a cell written from this value reads back as. */
export function expectedCell(value: OutValue): CellValue {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  // A lone surrogate cannot be written as UTF-8; Excel's limit is 32,767 characters a cell.
  if (typeof value === "string") return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD").slice(0, 32_767);
  return value;
}

function comparable(v: CellValue | undefined): unknown {
  if (v instanceof Date) return { date: v.getTime() };
  return v ?? null;
}

/** The grid's values, cell by cell, are the spec's (blank where the spec is blank). */
export function sheetMismatches(grid: CellValue[][] | undefined, spec: SheetSpec): string[] {
  const problems: string[] = [];
  const rows = Math.max(grid?.length ?? 0, spec.values.length);
  for (let r = 0; r < rows; r++) {
    const want = spec.values[r] ?? [];
    const got = grid?.[r] ?? [];
    for (let c = 0; c < Math.max(want.length, got.length); c++) {
      const w = comparable(expectedCell(want[c] ?? null));
      const g = comparable(got[c]);
      if (JSON.stringify(w) !== JSON.stringify(g)) problems.push(`${spec.name}!R${r + 1}C${c + 1}: wanted ${JSON.stringify(w)}, got ${JSON.stringify(g)}`);
    }
  }
  return problems;
}
