// The workbook globals substream of a BIFF8 workbook: what every sheet needs to read its cells (shared
// strings, which cell formats are dates, the 1904 date system, the code page) and where the sheets are.
import { isDateFormat } from "../xlsx/dates";
import type { ReadLimits } from "../xlsx/limits";
import { readErrors } from "../xlsx/errors";
import { xlsErrors } from "./errors";
import { latin1, recordAt, RecordCursor, recordEnd, u16, u32, type BiffRecord, type ByteDecoder } from "./records";

const BOF = 0x0809;
const OLD_BOFS = new Set([0x0009, 0x0209, 0x0409]);
const BIFF8 = 0x0600;
const EOF = 0x000a;
const FILEPASS = 0x002f;
const CODEPAGE = 0x0042;
const DATEMODE = 0x0022;
const FORMAT = 0x041e;
const XF = 0x00e0;
const BOUNDSHEET = 0x0085;
const SST = 0x00fc;

/** BOUNDSHEET's sheet type for a worksheet (charts, macro sheets and VBA modules hold no report grid). */
export const WORKSHEET = 0;

export interface SheetEntry {
  name: string;
  hidden: boolean;
  type: number;
  /** Stream offset of the sheet's BOF record. */
  offset: number;
}

export interface Globals {
  sheets: SheetEntry[];
  sharedStrings: string[];
  /** True when cells with format record `xf` show their number as a date or time (asked per number cell, remembered). */
  isDateXf: (xf: number) => boolean;
  date1904: boolean;
  decodeBytes: ByteDecoder;
}

/**
 * Windows code pages of single-byte text. Excel writes code page 1200 in BIFF8 and stores compressed
 * strings as Latin-1, but some other programs write their ANSI code page (1258 for Vietnamese Windows)
 * and strings in it; those are decoded with it. TCVN3 text (".VnTime" fonts) is a font trick, not a code
 * page: it arrives as Latin-1 letters and the report parser recognises it.
 */
const ANSI_CODE_PAGES = new Set([874, 1250, 1251, 1253, 1254, 1255, 1256, 1257, 1258]);

function decoderFor(codePage: number): ByteDecoder {
  if (!ANSI_CODE_PAGES.has(codePage)) return latin1;
  try {
    const decoder = new TextDecoder(`windows-${codePage}`);
    return (bytes) => decoder.decode(bytes);
  } catch {
    return latin1;
  }
}

/** Refuses what the native reader does not read: Excel 2-95 files and encrypted ones. */
export function checkVersion(stream: Uint8Array): void {
  const type = u16(stream, 0);
  if (OLD_BOFS.has(type)) throw xlsErrors.tooOld();
  if (stream.length < 8 || type !== BOF) throw xlsErrors.brokenRecords();
  if (u16(stream, 4) !== BIFF8) throw xlsErrors.tooOld();
}

export function readGlobals(stream: Uint8Array, limits: ReadLimits): Globals {
  checkVersion(stream);
  const customFormats = new Map<number, string>();
  const xfFormats: number[] = [];
  const dateXf: (boolean | undefined)[] = [];
  const isDateXf = (xf: number) => (dateXf[xf] ??= xf < xfFormats.length && isDateFormat(xfFormats[xf], customFormats.get(xfFormats[xf])));
  const globals: Globals = { sheets: [], sharedStrings: [], isDateXf, date1904: false, decodeBytes: latin1 };
  for (let at = 0; at + 4 <= stream.length; ) {
    const here = at;
    const type = u16(stream, at);
    const start = at + 4;
    const length = (at = recordEnd(stream, at)) - start;
    switch (type) {
      case FILEPASS:
        throw xlsErrors.encrypted();
      case CODEPAGE:
        if (length >= 2) globals.decodeBytes = decoderFor(u16(stream, start));
        break;
      case DATEMODE:
        globals.date1904 = length >= 2 && u16(stream, start) === 1;
        break;
      case FORMAT:
        if (length >= 5) customFormats.set(u16(stream, start), new RecordCursor(stream, recordAt(stream, here, true)!, globals.decodeBytes, 2).unicodeString());
        break;
      case XF:
        if (length >= 4) xfFormats.push(u16(stream, start + 2));
        break;
      case BOUNDSHEET:
        if (length >= 8) globals.sheets.push(sheetEntry(stream, recordAt(stream, here, true)!, globals.decodeBytes));
        break;
      case SST: {
        const sst = recordAt(stream, here, true)!;
        globals.sharedStrings = readSharedStrings(stream, sst, globals.decodeBytes);
        at = sst.next;
        break;
      }
    }
    if (type === EOF) break;
  }
  if (globals.sheets.length > limits.maxSheets) throw readErrors.tooManySheets(globals.sheets.length, limits.maxSheets);
  return globals;
}

function sheetEntry(stream: Uint8Array, record: BiffRecord, decode: ByteDecoder): SheetEntry {
  const start = record.segments[0];
  const cursor = new RecordCursor(stream, record, decode, 6);
  const count = cursor.byte();
  const name = cursor.chars(count, (cursor.byte() & 1) === 1);
  return { name, hidden: (stream[start + 4] & 0x03) !== 0, type: stream[start + 5], offset: u32(stream, start) };
}

/**
 * The shared string table. Its declared count is not trusted (some writers overstate it): strings are
 * read while the record and its continuations have bytes, so a false count allocates nothing.
 */
function readSharedStrings(stream: Uint8Array, record: BiffRecord, decode: ByteDecoder): string[] {
  const cursor = new RecordCursor(stream, record, decode, 8);
  const declared = u32(stream, record.segments[0] + 4);
  const strings: string[] = [];
  while (strings.length < declared && !cursor.done) strings.push(cursor.richString());
  return strings;
}
