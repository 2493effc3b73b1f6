// BIFF8 records ([MS-XLS]): a type, a length and a payload of at most 8,224 bytes; longer data goes on in
// CONTINUE records. Strings are UTF-16, stored "compressed" (one byte a character, the high byte zero)
// when they can be, and a string cut by a CONTINUE resumes with a new flags byte saying how the rest is
// stored, so strings are read through a cursor that knows the record boundaries.
import { MAX_CELL_TEXT } from "../xlsx/limits";
import { xlsErrors } from "./errors";

export const CONTINUE = 0x003c;

export interface BiffRecord {
  type: number;
  /** Payload offsets in the stream: the record itself, then its CONTINUE records, as [start, end] pairs. */
  segments: number[];
  /** Offset of the record after this one (and its CONTINUE records). */
  next: number;
}

export function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

export function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

const float = new DataView(new ArrayBuffer(8));

export function f64(b: Uint8Array, at: number): number {
  for (let i = 0; i < 8; i++) float.setUint8(i, b[at + i]);
  return float.getFloat64(0, true);
}

/** An RK number: a 30-bit integer or the top 30 bits of a double, possibly to be divided by 100. */
export function rkNumber(rk: number): number {
  let value: number;
  if (rk & 2) {
    value = (rk | 0) >> 2;
  } else {
    float.setUint32(0, 0, true);
    float.setUint32(4, rk & 0xfffffffc, true);
    value = float.getFloat64(0, true);
  }
  return rk & 1 ? value / 100 : value;
}

/**
 * Where the record at `at` ends (its payload starts at at + 4). Loops over a stream step record by
 * record with this, and build a BiffRecord only for the few records read through a cursor; a CONTINUE
 * record met on the way belongs to a record nobody reads, and is passed over like it.
 */
export function recordEnd(data: Uint8Array, at: number): number {
  const end = at + 4 + u16(data, at + 2);
  if (end > data.length) throw xlsErrors.brokenRecords();
  return end;
}

/** The record at `at`, with its CONTINUE records when `withContinues`; null at the stream's end. */
export function recordAt(data: Uint8Array, at: number, withContinues: boolean): BiffRecord | null {
  if (at + 4 > data.length) return null;
  const type = u16(data, at);
  const end = at + 4 + u16(data, at + 2);
  if (end > data.length) throw xlsErrors.brokenRecords();
  const segments = [at + 4, end];
  let next = end;
  while (next + 4 <= data.length && u16(data, next) === CONTINUE) {
    const continueEnd = next + 4 + u16(data, next + 2);
    if (continueEnd > data.length) throw xlsErrors.brokenRecords();
    if (withContinues) segments.push(next + 4, continueEnd);
    next = continueEnd;
  }
  return { type, segments, next };
}

/** Turns compressed (one byte a character) string bytes into text. */
export type ByteDecoder = (bytes: Uint8Array) => string;

/** What BIFF8 means by a compressed string: the low bytes of UTF-16, that is Latin-1. */
export const latin1: ByteDecoder = (bytes) => {
  let text = "";
  for (let at = 0; at < bytes.length; at += 4096) text += String.fromCharCode.apply(null, bytes.subarray(at, at + 4096) as unknown as number[]);
  return text;
};

function utf16(bytes: Uint8Array): string {
  const units: number[] = [];
  let text = "";
  for (let at = 0; at + 1 < bytes.length; at += 2) {
    units.push(bytes[at] | (bytes[at + 1] << 8));
    if (units.length === 4096) text += String.fromCharCode(...units.splice(0));
  }
  return text + String.fromCharCode(...units);
}

/** Reads across a record and its CONTINUE records; running out of bytes means a damaged file. */
export class RecordCursor {
  private segment = 0;
  private pos: number;
  private end: number;

  constructor(
    private readonly data: Uint8Array,
    private readonly record: BiffRecord,
    private readonly decodeBytes: ByteDecoder,
    offset = 0,
  ) {
    this.pos = record.segments[0] + offset;
    this.end = record.segments[1];
  }

  /** No bytes left in the record or its continuations. */
  get done(): boolean {
    while (this.pos >= this.end) if (!this.nextSegment()) return true;
    return false;
  }

  private nextSegment(): boolean {
    const segments = this.record.segments;
    if (2 * (this.segment + 1) >= segments.length) return false;
    this.segment++;
    this.pos = segments[2 * this.segment];
    this.end = segments[2 * this.segment + 1];
    return true;
  }

  byte(): number {
    if (this.pos >= this.end && this.done) throw xlsErrors.brokenRecords();
    return this.data[this.pos++];
  }

  u16(): number {
    if (this.pos + 2 > this.end) return this.byte() | (this.byte() << 8);
    const value = this.data[this.pos] | (this.data[this.pos + 1] << 8);
    this.pos += 2;
    return value;
  }

  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }

  skip(count: number): void {
    while (count > 0) {
      if (this.done) throw xlsErrors.brokenRecords();
      const step = Math.min(count, this.end - this.pos);
      this.pos += step;
      count -= step;
    }
  }

  /** `count` characters, the first run stored as `highByte` says; each continuation brings its own flag. */
  chars(count: number, highByte: boolean): string {
    let text = "";
    let high = highByte;
    while (count > 0) {
      if (this.pos >= this.end) {
        if (!this.nextSegment()) throw xlsErrors.brokenRecords();
        high = (this.data[this.pos++] & 1) === 1;
        continue;
      }
      const width = high ? 2 : 1;
      const take = Math.min(count, Math.floor((this.end - this.pos) / width));
      if (take === 0) {
        this.pos = this.end; // an odd byte left before a boundary: not a character
        continue;
      }
      const bytes = this.data.subarray(this.pos, this.pos + take * width);
      if (text.length < MAX_CELL_TEXT) text += high ? utf16(bytes) : this.decodeBytes(bytes);
      this.pos += take * width;
      count -= take;
    }
    return text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT) : text;
  }

  /** XLUnicodeString: a 16-bit character count, a flags byte, the characters. */
  unicodeString(): string {
    const count = this.u16();
    return this.chars(count, (this.byte() & 1) === 1);
  }

  /** XLUnicodeRichExtendedString, as in the shared strings: formatting runs and phonetic data skipped. */
  richString(): string {
    const count = this.u16();
    const flags = this.byte();
    const runs = flags & 0x08 ? this.u16() : 0;
    const extended = flags & 0x04 ? this.u32() : 0;
    const text = this.chars(count, (flags & 1) === 1);
    this.skip(4 * runs + extended);
    return text;
  }
}
