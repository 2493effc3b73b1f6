// A clerk's sheet the product changes a little ("Đơn vị" gets new units, "Cài đặt" the last period
// consolidated): written back as it was read with only the product's change, so every cell the clerk
// typed, their own rows and columns included, stays.
import { foldCompact } from "../fold";
import { DAY, rectangular, TEXT, withinExcelLimits } from "../sheet-spec";
import type { CellValue, OutValue, SheetSpec } from "../types";
import { findHeader, type StoredColumn, type TableSchema } from "./table-schema";

const CLERK_COLUMN_WIDTH = 14;

/** A cell read back, written again as what it held: a date as a date, a number as a number, text as text. */
function formatOf(v: OutValue): string {
  if (v instanceof Date) return DAY;
  return typeof v === "number" ? "" : TEXT;
}

/**
 * The grid as a sheet: its header row bold and wrapped, frozen under it; each column as wide as
 * `widthOf(header)` says, or CLERK_COLUMN_WIDTH for a column the product does not know.
 */
export function keptSheet(name: string, grid: readonly (readonly CellValue[])[], headerRow: number, widthOf: (header: OutValue, column: number) => number | undefined): SheetSpec {
  const values = rectangular(grid.map((r) => [...r] as OutValue[]), null);
  const header = values[headerRow] ?? values[0] ?? [];
  return withinExcelLimits({
    name,
    values,
    numberFormats: values.map((r) => r.map(formatOf)),
    fills: [],
    boldRows: [headerRow],
    wrapRows: [headerRow],
    columnWidths: header.map((h, i) => widthOf(h, i) ?? CLERK_COLUMN_WIDTH),
    freeze: { rows: headerRow + 1, columns: 0 },
  });
}

/** The width a stored table declares for one of its headers. */
export function declaredWidth<R>(columns: readonly StoredColumn<R>[]): (header: OutValue) => number | undefined {
  const widths = new Map(columns.map((c) => [foldCompact(c.header), c.width]));
  return (h) => (typeof h === "string" ? widths.get(foldCompact(h)) : undefined);
}

/**
 * The table's sheet with `rows` added under its last row, each value in the column its header names; a
 * product column the clerk deleted comes back at the right end. Null when the grid has no header row
 * to add under (the caller writes the whole table instead).
 */
export function appendRows<R>(schema: TableSchema<R>, grid: readonly (readonly CellValue[])[] | undefined, rows: readonly R[]): SheetSpec | null {
  if (!grid) return null;
  const header = findHeader(grid, schema.columns.map((c) => c.header));
  if (!header) return null;
  const out: CellValue[][] = grid.map((r) => [...r]);
  const headerCells = out[header.row];
  const positions = schema.columns.map((c) => {
    const at = header.columns.get(foldCompact(c.header));
    if (at !== undefined) return at;
    headerCells.push(c.header);
    return headerCells.length - 1;
  });
  let last = out.length - 1;
  while (last > header.row && out[last].every((v) => v === null || v === "")) last--;
  out.length = last + 1;
  for (const row of rows) {
    const cells: CellValue[] = new Array(headerCells.length).fill(null);
    schema.columns.forEach((c, i) => (cells[positions[i]] = c.type.write(row[c.key]) as CellValue));
    out.push(cells);
  }
  return keptSheet(schema.sheet, out, header.row, declaredWidth(schema.columns));
}
