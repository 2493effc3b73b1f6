// A stored sheet declared once, as a table of typed columns: the SheetSpec the product writes and the
// rows it reads back both come from that declaration. Reading finds each column by its header text, so
// a clerk may sort the rows, move columns or add their own; a row or a cell that cannot be read becomes
// a problem for the clerk, never a silent loss.
import { cellAddress } from "../address";
import { finding } from "../findings";
import { foldCompact } from "../fold";
import { tableSheet, TEXT } from "../sheet-spec";
import type { CellValue, Finding, OutValue, SheetSpec } from "../types";
import { isBlankCell, storedText, type CellType } from "./cell-types";

export interface StoredColumn<R> {
  readonly key: keyof R & string;
  readonly header: string;
  readonly width: number;
  readonly type: CellType<unknown>;
  /** A row without a readable value here is skipped, and the schema's `incomplete` message says so. */
  readonly required: boolean;
  /** The cell's number format when it depends on the rest of the row (a target: "%" or a count). */
  readonly format?: (row: R) => string;
  /** The message for a cell that cannot be read, instead of the generic one; the value reads as blank. */
  readonly unreadable?: (text: string, row: R) => string;
}

export interface ColumnOptions<R> {
  required?: boolean;
  format?: (row: R) => string;
  unreadable?: (text: string, row: R) => string;
}

/** The column builder of one record type: `column("code", "Mã đơn vị", 14, text, { required: true })`. */
export function columnsOf<R>() {
  return <K extends keyof R & string>(key: K, header: string, width: number, type: CellType<R[K]>, options: ColumnOptions<R> = {}): StoredColumn<R> => ({
    key,
    header,
    width,
    type: type as unknown as CellType<unknown>,
    required: options.required ?? false,
    format: options.format,
    unreadable: options.unreadable,
  });
}

export interface TableSchema<R> {
  readonly sheet: string;
  /** Every field of R, each in one column. */
  readonly columns: readonly StoredColumn<R>[];
  /**
   * The fields that tell a row from the others when the sheet is rewritten: a clerk's own cells follow
   * their row by these (clerk-columns.ts). Default: every field.
   */
  readonly rowKey?: readonly (keyof R & string)[];
  /** The order rows are written in; any order reads back the same. */
  readonly order?: (a: R, b: R) => number;
  /** The fill of a row's first cell (a finding's severity). */
  readonly mark?: (row: R) => string;
  /** A row missing a required value (1-based row number); by default the missing headers are named. */
  readonly incomplete?: (rowNumber: number, sheet: string) => string;
  /** A field no two rows share: a later row repeating it is skipped with this message. */
  readonly unique?: { key: keyof R & string; message: (value: string, rowNumber: number) => string };
  /** The row made whole from its cells, for a field that depends on another (a target typed as 80 in a "%" row). */
  readonly complete?: (row: R, cell: (header: string) => CellValue) => R;
  /** Said when the sheet is missing; nothing is said without it. */
  readonly whenAbsent?: (sheet: string) => string;
  /** Said when no header row names the columns; nothing is said without it. */
  readonly whenHeaderless?: (sheet: string) => string;
}

/** A problem with the master workbook itself, at a sheet and cell. */
export function masterProblem(sheet: string, message: string, cell = ""): Finding {
  return finding("FILE_UNREADABLE", message, { file: "Sổ tổng hợp", sheet, cell });
}

export function writeTable<R>(schema: TableSchema<R>, rows: readonly R[]): SheetSpec {
  const sorted = schema.order ? [...rows].sort(schema.order) : rows;
  const { columns, mark } = schema;
  const cells = (row: R) => {
    const out = new Array<OutValue>(columns.length);
    for (let c = 0; c < columns.length; c++) out[c] = columns[c].type.write(row[columns[c].key]);
    return out;
  };
  const formatOf = (row: R, c: StoredColumn<R>) => (c.format ? c.format(row) : typeof c.type.format === "string" ? c.type.format : c.type.format(row[c.key]));
  // Most sheets format every row alike: one shared row of formats keeps a 30,000-row data sheet cheap.
  const alike = columns.every((c) => !c.format && typeof c.type.format === "string");
  const shared = alike ? columns.map((c) => c.type.format as string) : [];
  return tableSheet(
    schema.sheet,
    columns.map((c) => ({ header: c.header, width: c.width, format: TEXT })),
    sorted.map(cells),
    mark ? sorted.map((row, i) => ({ range: { top: i + 1, left: 0, bottom: i + 1, right: 0 }, color: mark(row) })) : [],
    sorted.map((row) => (alike ? shared : columns.map((c) => formatOf(row, c)))),
  );
}

/** Where a table's header sits: its 0-based row, and each folded header's 0-based column. */
export interface HeaderRow {
  row: number;
  columns: Map<string, number>;
}

/** How far down a title and notes may push the header row. */
const HEADER_SEARCH_ROWS = 10;

/** The first of the top rows naming at least two of the headers (one, for a one-column table). */
export function findHeader(grid: readonly (readonly CellValue[])[], headers: readonly string[]): HeaderRow | null {
  const wanted = new Set(headers.map(foldCompact));
  const needed = Math.min(2, wanted.size);
  for (let r = 0; r < Math.min(grid.length, HEADER_SEARCH_ROWS); r++) {
    const row = grid[r] ?? [];
    if (row.filter((c) => typeof c === "string" && wanted.has(foldCompact(c))).length < needed) continue;
    const columns = new Map<string, number>();
    row.forEach((c, i) => {
      // A header repeated further right is the clerk's own column: the first one is the product's.
      if (typeof c === "string" && !columns.has(foldCompact(c))) columns.set(foldCompact(c), i);
    });
    return { row: r, columns };
  }
  return null;
}

/**
 * The rows of a stored table, or null when the sheet is missing or has no header row (the caller keeps
 * its default). Problems found on the way are appended to `problems`.
 */
export function readTable<R>(schema: TableSchema<R>, grid: readonly (readonly CellValue[])[] | undefined, problems: Finding[], sheet = schema.sheet): R[] | null {
  if (!grid) {
    if (schema.whenAbsent) problems.push(masterProblem(sheet, schema.whenAbsent(sheet)));
    return null;
  }
  const header = findHeader(grid, schema.columns.map((c) => c.header));
  if (!header) {
    if (schema.whenHeaderless) problems.push(masterProblem(sheet, schema.whenHeaderless(sheet)));
    return null;
  }
  const at = (h: string) => header.columns.get(foldCompact(h));
  const positions = schema.columns.map((c) => at(c.header));
  const incomplete = schema.incomplete ?? ((n: number, s: string) => incompleteMessage(schema, n, s));
  const seen = new Set<string>();
  const out: R[] = [];
  for (let r = header.row + 1; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    // A row with nothing in the product's columns (blank, or only a note in a clerk's own column) is not a row of the table.
    if (positions.every((p) => p === undefined || isBlankCell(cells[p] ?? null))) continue;
    const rowNumber = r + 1;
    const record: Record<string, unknown> = {};
    const unreadable: { column: StoredColumn<R>; address: string; text: string }[] = [];
    let missing = false;
    schema.columns.forEach((column, i) => {
      const position = positions[i];
      const cell = position === undefined ? null : (cells[position] ?? null);
      const read = isBlankCell(cell) ? null : column.type.read(cell);
      record[column.key] = read?.ok ? read.value : column.type.blank;
      if (read?.ok) return;
      if (column.required) missing = true;
      else if (read !== null) unreadable.push({ column, address: cellAddress(r, position!), text: storedText(cell) });
    });
    if (missing) {
      problems.push(masterProblem(sheet, incomplete(rowNumber, sheet), `A${rowNumber}`));
      continue;
    }
    let row = record as R;
    if (schema.unique) {
      const key = String(row[schema.unique.key]);
      if (seen.has(key)) {
        problems.push(masterProblem(sheet, schema.unique.message(key, rowNumber), `A${rowNumber}`));
        continue;
      }
      seen.add(key);
    }
    if (schema.complete) {
      row = schema.complete(row, (h) => {
        const position = at(h);
        return position === undefined ? null : (cells[position] ?? null);
      });
    }
    for (const { column, address, text } of unreadable) {
      const message =
        column.unreadable?.(text, row) ?? `Dòng ${rowNumber} của trang "${sheet}": ô ${address} (cột "${column.header}") phải là ${column.type.expects}, đang ghi "${text}": coi như để trống.`;
      problems.push(masterProblem(sheet, message, address));
    }
    out.push(row);
  }
  return out;
}

function incompleteMessage<R>(schema: TableSchema<R>, rowNumber: number, sheet: string): string {
  const required = schema.columns.filter((c) => c.required).map((c) => `"${c.header}"`);
  return `Dòng ${rowNumber} của trang "${sheet}" thiếu ${required.join(" hoặc ")}: bỏ qua dòng này.`;
}

/** What is said of a clerk's sheet (settings, units, catalogue, ...) that is missing or lost its header. */
export function missingInputSheet(sheet: string): string {
  return `Sổ tổng hợp thiếu trang "${sheet}" (hoặc trang đã bị đổi tên/sửa tiêu đề cột): dùng giá trị mặc định.`;
}
