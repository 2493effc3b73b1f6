// One worksheet substream of a BIFF8 workbook -> its grid and merged ranges: text (shared or inline),
// numbers (IEEE or RK, alone or in runs), booleans and errors, formulas' cached results, dates by the
// cell's format. Blank cells carry nothing. Substreams embedded in the sheet (charts) are passed over.
import type { CellRange, CellValue } from "../../core/types";
import { serialToDate } from "../xlsx/dates";
import { readErrors } from "../xlsx/errors";
import { GridBuilder } from "../xlsx/grid";
import type { ReadLimits } from "../xlsx/limits";
import { xlsErrors } from "./errors";
import type { Globals } from "./globals";
import { f64, recordAt, RecordCursor, recordEnd, rkNumber, u16, u32 } from "./records";

const BOF = 0x0809;
const EOF = 0x000a;
const LABELSST = 0x00fd;
const LABEL = 0x0204;
const RSTRING = 0x00d6;
const NUMBER = 0x0203;
const RK = 0x027e;
const MULRK = 0x00bd;
const BOOLERR = 0x0205;
const FORMULA = 0x0006;
const STRING = 0x0207;
const MERGEDCELLS = 0x00e5;
/** A BOF's substream type for a worksheet (dialog sheets share it; they hold no cells). */
const WORKSHEET_SUBSTREAM = 0x0010;

const ERRORS: Readonly<Record<number, string>> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
};

/** Records that hold a string and may be continued. */
const STRING_RECORDS = new Set([LABEL, RSTRING, STRING]);

export interface SheetContent {
  rows: CellValue[][];
  merges: CellRange[];
}

function errorText(code: number): string {
  return ERRORS[code] ?? "#N/A";
}

export function readWorksheet(stream: Uint8Array, offset: number, name: string, globals: Globals, limits: ReadLimits): SheetContent | null {
  const first = offset + 4 <= stream.length ? recordAt(stream, offset, false) : null;
  if (!first || first.type !== BOF) throw xlsErrors.brokenRecords();
  if (u16(stream, first.segments[0] + 2) !== WORKSHEET_SUBSTREAM) return null;
  const grid = new GridBuilder(name, limits);
  const merges: CellRange[] = [];
  // An IEEE -0 (Excel shows 0) reads as 0, as an RK-stored zero does.
  const number = (value: number, xf: number): CellValue => (globals.isDateXf(xf) && serialToDate(value, globals.date1904)) || (value === 0 ? 0 : value);
  const set = (row: number, col: number, value: CellValue) => {
    if (value !== null && value !== "") grid.set(row, col, value);
  };
  /** A formula whose cached text is in the STRING record that follows it. */
  let pendingString: { row: number; col: number } | null = null;
  let depth = 1;
  for (let at = first.next; at + 4 <= stream.length; ) {
    const here = at;
    const type = u16(stream, at);
    const start = at + 4;
    const end = (at = recordEnd(stream, at));
    if (type === BOF) depth++;
    else if (type === EOF && --depth === 0) break;
    if (depth > 1) continue;
    if (type === MERGEDCELLS) {
      readMerges(stream, start, end, merges, name, limits);
      continue;
    }
    if (STRING_RECORDS.has(type) && end - start >= (type === STRING ? 3 : 9)) {
      const record = recordAt(stream, here, true)!;
      at = record.next;
      // LABEL and RSTRING hold their cell's text; STRING the text of the formula before it.
      const text = new RecordCursor(stream, record, globals.decodeBytes, type === STRING ? 0 : 6).unicodeString();
      const cell = type === STRING ? pendingString : { row: u16(stream, start), col: u16(stream, start + 2) };
      if (cell) set(cell.row, cell.col, text);
      if (type === STRING) pendingString = null;
      continue;
    }
    const length = end - start;
    if (length < 6) continue;
    const row = u16(stream, start);
    const col = u16(stream, start + 2);
    const xf = u16(stream, start + 4);
    switch (type) {
      case LABELSST:
        if (length >= 10) set(row, col, globals.sharedStrings[u32(stream, start + 6)] ?? null);
        break;
      case NUMBER:
        if (length >= 14) set(row, col, number(f64(stream, start + 6), xf));
        break;
      case RK:
        if (length >= 10) set(row, col, number(rkNumber(u32(stream, start + 6)), xf));
        break;
      case MULRK:
        for (let i = 0, p = start + 4; p + 6 <= end - 2; i++, p += 6) set(row, col + i, number(rkNumber(u32(stream, p + 2)), u16(stream, p)));
        break;
      case BOOLERR:
        if (length >= 8) set(row, col, stream[start + 7] ? errorText(stream[start + 6]) : stream[start + 6] !== 0);
        break;
      case FORMULA:
        pendingString = null;
        if (length >= 14) {
          const value = formulaResult(stream, start + 6, xf, number);
          if (value === STRING_FOLLOWS) pendingString = { row, col };
          else set(row, col, value);
        }
        break;
    }
  }
  return { rows: grid.rows, merges };
}

const STRING_FOLLOWS = Symbol("string follows");

/** A FORMULA record's cached result: a double, or a typed value marked by 0xFFFF in its last two bytes. */
function formulaResult(stream: Uint8Array, at: number, xf: number, number: (value: number, xf: number) => CellValue): CellValue | typeof STRING_FOLLOWS {
  if (u16(stream, at + 6) !== 0xffff) return number(f64(stream, at), xf);
  switch (stream[at]) {
    case 0:
      return STRING_FOLLOWS;
    case 1:
      return stream[at + 2] !== 0;
    case 2:
      return errorText(stream[at + 2]);
    default:
      return null; // 3: an empty string
  }
}

function readMerges(stream: Uint8Array, start: number, end: number, merges: CellRange[], sheet: string, limits: ReadLimits): void {
  const count = end - start >= 2 ? u16(stream, start) : 0;
  for (let i = 0, p = start + 2; i < count && p + 8 <= end; i++, p += 8) {
    const top = u16(stream, p);
    const bottom = u16(stream, p + 2);
    const left = u16(stream, p + 4);
    const right = u16(stream, p + 6);
    if (merges.length >= limits.maxCells) throw readErrors.tooManyCells(sheet, limits.maxCells);
    if (bottom >= top && right >= left) merges.push({ top, left, bottom, right });
  }
}
