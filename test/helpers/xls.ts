// Excel 97-2003 files written from scratch: a compound file (FAT, DIFAT, mini stream, directory) around
// a BIFF8 "Workbook" stream, with each cell stored in one of the ways Excel and other programs store it
// (shared or inline strings, IEEE or RK numbers alone or in MULRK runs, formulas with cached results,
// strings continued over CONTINUE records with the compression flag switching). The layout is returned
// too, for hostile files that break the container in one precise place.
import type { CellRange, CellValue } from "../../src/core/types";
import { xorshift } from "./hostile";

const SECTOR = 512;
const PER_FAT = SECTOR / 4;
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const FAT_SECTOR = 0xfffffffd;
const DIFAT_SECTOR = 0xfffffffc;
const MINI = 64;
const MINI_CUTOFF = 4096;

class Bytes {
  private data = new Uint8Array(1024);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.data.length) return;
    const bigger = new Uint8Array(Math.max(this.data.length * 2, this.length + n));
    bigger.set(this.data.subarray(0, this.length));
    this.data = bigger;
  }

  u8(v: number): this {
    this.room(1);
    this.data[this.length++] = v & 0xff;
    return this;
  }

  u16(v: number): this {
    return this.u8(v).u8(v >>> 8);
  }

  u32(v: number): this {
    return this.u16(v & 0xffff).u16(v >>> 16);
  }

  f64(v: number): this {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, v, true);
    for (let i = 0; i < 8; i++) this.u8(view.getUint8(i));
    return this;
  }

  bytes(b: ArrayLike<number>): this {
    this.room(b.length);
    this.data.set(b, this.length);
    this.length += b.length;
    return this;
  }

  setU32(at: number, v: number): void {
    new DataView(this.data.buffer).setUint32(at, v >>> 0, true);
  }

  done(): Uint8Array {
    return this.data.slice(0, this.length);
  }
}

// ---------------------------------------------------------------------------------------------------
// The compound file

export interface CfbStream {
  name: string;
  data: Uint8Array;
}

export interface CfbLayout {
  bytes: Uint8Array;
  /** The sectors holding the FAT, in order. */
  fatSectors: number[];
  directorySector: number;
  /** First sector (or mini sector) of each stream, by name. */
  starts: Map<string, number>;
  /** Byte offset of the FAT entry for a sector. */
  fatEntry(sector: number): number;
  /** Byte offset of directory entry i (the directory is one chain of consecutive sectors here). */
  directoryEntry(i: number): number;
}

function sectors(n: number, size = SECTOR): number {
  return Math.ceil(n / size);
}

/** Directory order: by name length, then upper-cased name, as the red-black tree compares them. */
function directoryOrder(a: CfbStream, b: CfbStream): number {
  return a.name.length - b.name.length || (a.name.toUpperCase() < b.name.toUpperCase() ? -1 : 1);
}

export function compoundFile(streams: CfbStream[], options: { padFatTo?: number } = {}): CfbLayout {
  const sorted = [...streams].sort(directoryOrder);
  const small = sorted.filter((s) => s.data.length < MINI_CUTOFF);
  const large = sorted.filter((s) => s.data.length >= MINI_CUTOFF);
  const miniStreamSize = small.reduce((n, s) => n + sectors(s.data.length, MINI) * MINI, 0);
  const miniFatEntries = miniStreamSize / MINI;
  const dataSectors = large.reduce((n, s) => n + sectors(s.data.length), 0) + sectors(miniStreamSize) + sectors(miniFatEntries * 4) + sectors((sorted.length + 1) * 128);
  let fatCount = 1;
  let difatCount = 0;
  for (;;) {
    const total = dataSectors + fatCount + difatCount;
    const needFat = Math.max(sectors(total * 4), options.padFatTo ?? 0);
    const needDifat = needFat > 109 ? Math.ceil((needFat - 109) / (PER_FAT - 1)) : 0;
    if (needFat === fatCount && needDifat === difatCount) break;
    fatCount = needFat;
    difatCount = needDifat;
  }
  const total = dataSectors + fatCount + difatCount;
  const fat = new Uint32Array(fatCount * PER_FAT).fill(FREE);
  const body = new Uint8Array(total * SECTOR);
  let next = 0;
  const place = (data: Uint8Array): number => {
    const count = Math.max(1, sectors(data.length));
    const start = next;
    body.set(data, start * SECTOR);
    for (let i = 0; i < count; i++) fat[start + i] = i === count - 1 ? END_OF_CHAIN : start + i + 1;
    next += count;
    return start;
  };
  const starts = new Map<string, number>();
  for (const s of large) starts.set(s.name, place(s.data));

  const miniStream = new Uint8Array(miniStreamSize);
  const miniFat = new Uint32Array(Math.max(miniFatEntries, 0)).fill(FREE);
  let miniNext = 0;
  for (const s of small) {
    const count = sectors(s.data.length, MINI);
    starts.set(s.name, count ? miniNext : END_OF_CHAIN);
    miniStream.set(s.data, miniNext * MINI);
    for (let i = 0; i < count; i++) miniFat[miniNext + i] = i === count - 1 ? END_OF_CHAIN : miniNext + i + 1;
    miniNext += count;
  }
  const miniStreamStart = miniStreamSize ? place(miniStream) : END_OF_CHAIN;
  const miniFatStart = miniFatEntries ? place(new Uint8Array(miniFat.buffer)) : END_OF_CHAIN;

  const directory = new Bytes();
  const entry = (name: string, type: number, right: number, child: number, start: number, size: number) => {
    const nameBytes = new Uint8Array(64);
    for (let i = 0; i < name.length; i++) {
      nameBytes[2 * i] = name.charCodeAt(i) & 0xff;
      nameBytes[2 * i + 1] = name.charCodeAt(i) >> 8;
    }
    directory.bytes(nameBytes).u16((name.length + 1) * 2).u8(type).u8(1).u32(FREE).u32(right).u32(child);
    directory.bytes(new Uint8Array(16)).u32(0).bytes(new Uint8Array(16)).u32(start).u32(size).u32(0);
  };
  entry("Root Entry", 5, FREE, sorted.length ? 1 : FREE, miniStreamStart, miniStreamSize);
  sorted.forEach((s, i) => entry(s.name, 2, i + 2 <= sorted.length ? i + 2 : FREE, FREE, starts.get(s.name)!, s.data.length));
  const directorySector = place(directory.done());

  const fatSectors: number[] = [];
  for (let i = 0; i < fatCount; i++) {
    fatSectors.push(next);
    fat[next++] = FAT_SECTOR;
  }
  const difatSectors: number[] = [];
  for (let i = 0; i < difatCount; i++) {
    difatSectors.push(next);
    fat[next++] = DIFAT_SECTOR;
  }
  const fatBytes = new Uint8Array(fat.buffer);
  fatSectors.forEach((sector, i) => body.set(fatBytes.subarray(i * SECTOR, (i + 1) * SECTOR), sector * SECTOR));
  difatSectors.forEach((sector, d) => {
    const view = new DataView(body.buffer, sector * SECTOR, SECTOR);
    for (let i = 0; i < PER_FAT - 1; i++) view.setUint32(4 * i, fatSectors[109 + d * (PER_FAT - 1) + i] ?? FREE, true);
    view.setUint32(SECTOR - 4, difatSectors[d + 1] ?? END_OF_CHAIN, true);
  });

  const header = new Bytes();
  header.bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).bytes(new Uint8Array(16));
  header.u16(0x3e).u16(3).u16(0xfffe).u16(9).u16(6).bytes(new Uint8Array(6));
  header.u32(0).u32(fatCount).u32(directorySector).u32(0).u32(MINI_CUTOFF);
  header.u32(miniFatStart).u32(sectors(miniFatEntries * 4)).u32(difatSectors[0] ?? END_OF_CHAIN).u32(difatCount);
  for (let i = 0; i < 109; i++) header.u32(fatSectors[i] ?? FREE);
  const bytes = new Uint8Array(SECTOR + body.length);
  bytes.set(header.done());
  bytes.set(body, SECTOR);
  return {
    bytes,
    fatSectors,
    directorySector,
    starts,
    fatEntry: (sector) => (fatSectors[Math.floor(sector / PER_FAT)] + 1) * SECTOR + (sector % PER_FAT) * 4,
    directoryEntry: (i) => (directorySector + 1) * SECTOR + i * 128,
  };
}

export function setU32(bytes: Uint8Array, at: number, value: number): void {
  new DataView(bytes.buffer, bytes.byteOffset).setUint32(at, value >>> 0, true);
}

// ---------------------------------------------------------------------------------------------------
// BIFF8 records

export interface XlsSheet {
  name: string;
  /** "very": hidden so that only a macro can show it again. */
  hidden?: boolean | "very";
  rows: CellValue[][];
  merges?: CellRange[];
}

/** How each value is stored, drawn from the seed: the reader must read every way the same. */
export interface BiffOptions {
  seed?: number;
  /** Largest SST / CONTINUE payload: small values cut strings across records. */
  sstChunk?: number;
  codePage?: number;
  /** Bytes of a string stored one byte a character, or null when it cannot be (default: Latin-1). */
  compress?: (text: string) => Uint8Array | null;
  date1904?: boolean;
  /** Writes a FILEPASS record, as Excel does for a password-protected workbook. */
  encrypted?: boolean;
}

const XF_GENERAL = 0;
const XF_DATE = 1; // built-in format 14
const XF_CUSTOM_DATE = 2; // "dd/mm/yyyy", id 164
const XF_PERCENT = 3; // built-in format 10

/** Error values, stored as BOOLERR or a formula's error result (the reader gives their text back). */
const ERROR_CODES = new Map([["#NULL!", 0x00], ["#DIV/0!", 0x07], ["#VALUE!", 0x0f], ["#REF!", 0x17], ["#NAME?", 0x1d], ["#NUM!", 0x24], ["#N/A", 0x2a]]);

/** An empty phonetic block (ExtRst): reserved, size, phonetic settings, no phonetic text. */
const EXT_RST = [1, 0, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

function record(out: Bytes, type: number, payload: Uint8Array): void {
  out.u16(type).u16(payload.length).bytes(payload);
}

function latin1(text: string): Uint8Array | null {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) return null;
    bytes[i] = c;
  }
  return bytes;
}

function utf16(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    bytes[2 * i] = text.charCodeAt(i) & 0xff;
    bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
  }
  return bytes;
}

/** The RK form of a number, or null when it has none. */
function rk(value: number): number | null {
  for (const [scaled, div] of [
    [value, 0],
    [value * 100, 1],
  ] as const) {
    const exact = div ? scaled / 100 === value : true;
    if (exact && Number.isInteger(scaled) && scaled >= -(2 ** 29) && scaled < 2 ** 29) return ((scaled << 2) | 2 | div) >>> 0;
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, scaled, true);
    if (view.getUint32(0, true) === 0 && (view.getUint32(4, true) & 3) === 0 && !div) return view.getUint32(4, true) | div;
  }
  return null;
}

const DAY_MS = 86_400_000;

function serial(date: Date, date1904: boolean): number {
  return date.getTime() / DAY_MS + 25_569 - (date1904 ? 1_462 : 0);
}

class BiffWriter {
  private readonly random: () => number;
  private readonly strings: string[] = [];
  private readonly stringIndex = new Map<string, number>();
  private readonly compress: (text: string) => Uint8Array | null;

  constructor(private readonly options: BiffOptions) {
    const next = xorshift(options.seed ?? 1);
    this.random = () => next() / 0x1_0000_0000;
    this.compress = options.compress ?? latin1;
  }

  private chance(p: number): boolean {
    return this.random() < p;
  }

  private shared(text: string): number {
    let i = this.stringIndex.get(text);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(text);
      this.stringIndex.set(text, i);
    }
    return i;
  }

  /** XLUnicodeString: count, flags, characters (compressed when they can be and the seed says so). */
  unicodeString(text: string): Uint8Array {
    const compressed = this.compress(text);
    const out = new Bytes().u16(text.length);
    if (compressed && this.chance(0.8)) out.u8(0).bytes(compressed);
    else out.u8(1).bytes(utf16(text));
    return out.done();
  }

  private cellHeader(row: number, col: number, xf: number): Bytes {
    return new Bytes().u16(row).u16(col).u16(xf);
  }

  private numberCell(out: Bytes, row: number, col: number, value: number, xf: number): void {
    const asRk = rk(value);
    const r = this.random();
    if (asRk !== null && r < 0.4) record(out, 0x027e, this.cellHeader(row, col, xf).u32(asRk).done());
    else if (r < 0.7) this.formula(out, row, col, xf, new Bytes().f64(value).done(), new Bytes().u8(0x1f).f64(value).done());
    else record(out, 0x0203, this.cellHeader(row, col, xf).f64(value).done());
  }

  /** A FORMULA record: its cached result, and a formula (a constant token) giving the same value. */
  private formula(out: Bytes, row: number, col: number, xf: number, result: Uint8Array, tokens: Uint8Array): void {
    record(out, 0x0006, this.cellHeader(row, col, xf).bytes(result).u16(0).u32(0).u16(tokens.length).bytes(tokens).done());
  }

  /** A cached result that is not a number: a type byte, a value byte, and 0xFFFF in the last two bytes. */
  private typedResult(type: number, value: number): Uint8Array {
    return new Bytes().u8(type).u8(0).u8(value).u8(0).u8(0).u8(0).u16(0xffff).done();
  }

  cell(out: Bytes, row: number, col: number, value: CellValue, date1904: boolean): void {
    if (value === null || value === "") return;
    if (typeof value === "number") return this.numberCell(out, row, col, value, this.chance(0.2) ? XF_PERCENT : XF_GENERAL);
    if (value instanceof Date) return this.numberCell(out, row, col, serial(value, date1904), this.chance(0.5) ? XF_DATE : XF_CUSTOM_DATE);
    const error = typeof value === "string" ? ERROR_CODES.get(value) : undefined;
    if (error !== undefined) {
      if (this.chance(0.5)) record(out, 0x0205, this.cellHeader(row, col, XF_GENERAL).u8(error).u8(1).done());
      else this.formula(out, row, col, XF_GENERAL, this.typedResult(2, error), new Bytes().u8(0x1c).u8(error).done());
      return;
    }
    if (typeof value === "boolean") {
      if (this.chance(0.5)) record(out, 0x0205, this.cellHeader(row, col, XF_GENERAL).u8(value ? 1 : 0).u8(0).done());
      else this.formula(out, row, col, XF_GENERAL, this.typedResult(1, value ? 1 : 0), new Bytes().u8(0x1d).u8(value ? 1 : 0).done());
      return;
    }
    const r = this.random();
    if (r < 0.6) {
      record(out, 0x00fd, this.cellHeader(row, col, XF_GENERAL).u32(this.shared(value)).done());
    } else if (r < 0.8) {
      record(out, 0x0204, this.cellHeader(row, col, XF_GENERAL).bytes(this.unicodeString(value)).done());
    } else if (value.length <= 255) {
      // ="text": a ptgStr token; the cached text follows in a STRING record.
      this.formula(out, row, col, XF_GENERAL, this.typedResult(0, 0), new Bytes().u8(0x17).u8(value.length).u8(1).bytes(utf16(value)).done());
      record(out, 0x0207, this.unicodeString(value));
    } else {
      record(out, 0x00fd, this.cellHeader(row, col, XF_GENERAL).u32(this.shared(value)).done());
    }
  }

  /** Runs of RK-able numbers in a row as one MULRK, as Excel writes them. */
  row(out: Bytes, r: number, cells: CellValue[], date1904: boolean): void {
    for (let c = 0; c < cells.length; ) {
      let run = 0;
      while (c + run < cells.length && typeof cells[c + run] === "number" && rk(cells[c + run] as number) !== null) run++;
      if (run >= 2 && this.chance(0.7)) {
        const body = new Bytes().u16(r).u16(c);
        for (let k = 0; k < run; k++) body.u16(XF_GENERAL).u32(rk(cells[c + k] as number)!);
        record(out, 0x00bd, body.u16(c + run - 1).done());
        c += run;
      } else {
        this.cell(out, r, c, cells[c], date1904);
        c++;
      }
    }
  }

  /** The shared strings, cut into SST and CONTINUE records of at most `sstChunk` bytes. */
  sst(out: Bytes): void {
    const limit = this.options.sstChunk ?? 8224;
    const records: Bytes[] = [new Bytes().u32(this.strings.length).u32(this.strings.length)];
    let current = records[0];
    const room = () => limit - current.length;
    const fresh = () => records.push((current = new Bytes()));
    for (const text of this.strings) {
      const rich = this.chance(0.2) ? 1 + Math.floor(this.random() * 3) : 0;
      const ext = this.chance(0.1) ? EXT_RST.length : 0;
      const headerSize = 3 + (rich ? 2 : 0) + (ext ? 4 : 0);
      if (room() < headerSize + 1) fresh();
      const compressed = this.compress(text);
      let high = !compressed || this.chance(0.2);
      current.u16(text.length).u8((high ? 1 : 0) | (rich ? 8 : 0) | (ext ? 4 : 0));
      if (rich) current.u16(rich);
      if (ext) current.u32(ext);
      for (let i = 0; i < text.length; ) {
        if (room() < (high ? 2 : 1)) {
          fresh();
          // A string cut by a CONTINUE goes on with a flags byte of its own: the storage may change.
          high = !compressed || this.chance(0.5);
          current.u8(high ? 1 : 0);
        }
        const fit = Math.min(text.length - i, Math.floor(room() / (high ? 2 : 1)));
        const part = text.slice(i, i + fit);
        current.bytes(high ? utf16(part) : compressed!.subarray(i, i + fit));
        i += fit;
      }
      // Formatting runs (character position, font 0) and phonetic data, cut anywhere by CONTINUE records.
      const runs = new Bytes();
      for (let k = 0; k < rich; k++) runs.u16(Math.min(k, text.length - 1)).u16(0);
      for (const b of [...runs.done(), ...(ext ? EXT_RST : [])]) {
        if (room() < 1) fresh();
        current.u8(b);
      }
    }
    records.forEach((r, i) => record(out, i === 0 ? 0x00fc : 0x003c, r.done()));
  }
}

/** A BIFF8 workbook stream with the given sheets. */
export function biffWorkbook(sheets: XlsSheet[], options: BiffOptions = {}): Uint8Array {
  const writer = new BiffWriter(options);
  const date1904 = options.date1904 ?? false;
  const bodies = sheets.map((sheet) => {
    const out = new Bytes();
    record(out, 0x0809, new Bytes().u16(0x0600).u16(0x0010).u16(0).u16(0).u32(0).u32(0).done());
    const width = Math.max(0, ...sheet.rows.map((r) => r.length));
    record(out, 0x0200, new Bytes().u32(0).u32(sheet.rows.length).u16(0).u16(width).u16(0).done());
    sheet.rows.forEach((cells, r) => writer.row(out, r, cells, date1904));
    const merges = sheet.merges ?? [];
    if (merges.length) {
      const body = new Bytes().u16(merges.length);
      for (const m of merges) body.u16(m.top).u16(m.bottom).u16(m.left).u16(m.right);
      record(out, 0x00e5, body.done());
    }
    record(out, 0x000a, new Uint8Array(0));
    return out.done();
  });

  const globals = new Bytes();
  record(globals, 0x0809, new Bytes().u16(0x0600).u16(0x0005).u16(0).u16(0).u32(0).u32(0).done());
  if (options.encrypted) record(globals, 0x002f, new Bytes().u16(1).bytes(new Uint8Array(52)).done());
  record(globals, 0x0042, new Bytes().u16(options.codePage ?? 1200).done());
  record(globals, 0x0022, new Bytes().u16(date1904 ? 1 : 0).done());
  for (let i = 0; i < 5; i++) record(globals, 0x0031, new Bytes().u16(240).u16(0).u16(0x7fff).u16(400).u16(0).u8(0).u8(0).u8(163).u8(0).u8(5).u8(0).bytes(latin1("Arial")!).done());
  record(globals, 0x041e, new Bytes().u16(164).bytes(writer.unicodeString("dd/mm/yyyy")).done());
  for (const format of [0, 14, 164, 10]) record(globals, 0x00e0, new Bytes().u16(0).u16(format).bytes(new Uint8Array(16)).done());
  const sheetOffsets: number[] = [];
  for (const sheet of sheets) {
    sheetOffsets.push(globals.length + 4);
    const state = sheet.hidden === "very" ? 2 : sheet.hidden ? 1 : 0;
    const name = writer.unicodeString(sheet.name);
    // ShortXLUnicodeString: an 8-bit count, then the flags and characters as in XLUnicodeString.
    record(globals, 0x0085, new Bytes().u32(0).u8(state).u8(0).u8(sheet.name.length).bytes(name.subarray(2)).done());
  }
  writer.sst(globals);
  record(globals, 0x000a, new Uint8Array(0));

  const out = new Bytes().bytes(globals.done());
  bodies.forEach((body, i) => {
    out.setU32(sheetOffsets[i], out.length);
    out.bytes(body);
  });
  return out.done();
}

/** An .xls file: the workbook stream (and a SummaryInformation stream with its last-saved time) in a compound file. */
export function xlsFile(sheets: XlsSheet[], options: BiffOptions & { saved?: Date } = {}): Uint8Array {
  const streams: CfbStream[] = [{ name: "Workbook", data: biffWorkbook(sheets, options) }];
  if (options.saved) streams.push({ name: "\u0005SummaryInformation", data: summaryInformation(options.saved) });
  return compoundFile(streams).bytes;
}

/** The property set stream holding PIDSI_LASTSAVE_DTM. */
export function summaryInformation(saved: Date): Uint8Array {
  const ticks = (BigInt(saved.getTime()) + 11_644_473_600_000n) * 10_000n;
  const out = new Bytes().u16(0xfffe).u16(0).u32(0x00020006).bytes(new Uint8Array(16)).u32(1);
  out.bytes([0xe0, 0x85, 0x9f, 0xf2, 0xf9, 0x4f, 0x68, 0x10, 0xab, 0x91, 0x08, 0x00, 0x2b, 0x27, 0xb3, 0xd9]).u32(48);
  out.u32(8 + 8 + 12).u32(1).u32(13).u32(16).u32(64).u32(Number(ticks & 0xffffffffn)).u32(Number(ticks >> 32n));
  return out.done();
}

/** An Excel 5.0/95 workbook (BIFF5, byte strings in the code page, in a "Book" stream). */
export function biff5File(rows: (string | number)[][], sheetName = "Bao cao"): Uint8Array {
  const sheet = new Bytes();
  record(sheet, 0x0809, new Bytes().u16(0x0500).u16(0x0010).u16(0).u16(0).done());
  rows.forEach((cells, r) =>
    cells.forEach((v, c) => {
      if (typeof v === "number") record(sheet, 0x0203, new Bytes().u16(r).u16(c).u16(15).f64(v).done());
      else record(sheet, 0x0204, new Bytes().u16(r).u16(c).u16(15).u16(v.length).bytes(latin1(v)!).done());
    }),
  );
  record(sheet, 0x000a, new Uint8Array(0));
  const globals = new Bytes();
  record(globals, 0x0809, new Bytes().u16(0x0500).u16(0x0005).u16(0).u16(0).done());
  record(globals, 0x0042, new Bytes().u16(1252).done());
  record(globals, 0x0031, new Bytes().u16(200).u16(0).u16(0x7fff).u16(400).u16(0).u8(0).u8(0).u8(0).u8(0).u8(5).bytes(latin1("Arial")!).done());
  for (let i = 0; i < 16; i++) record(globals, 0x00e0, new Bytes().u16(0).u16(0).u16(i < 15 ? 0xfff5 : 0x0001).bytes(new Uint8Array(10)).done());
  const offset = globals.length + 4;
  record(globals, 0x0085, new Bytes().u32(0).u8(0).u8(0).u8(sheetName.length).bytes(latin1(sheetName)!).done());
  record(globals, 0x000a, new Uint8Array(0));
  const out = new Bytes().bytes(globals.done());
  out.setU32(offset, out.length);
  out.bytes(sheet.done());
  return compoundFile([{ name: "Book", data: out.done() }]).bytes;
}
