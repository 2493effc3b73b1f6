// A minimal zip reader: the central directory, and a bounded inflate that stops as soon as a part grows
// past its allowance (a zip bomb can lie about its sizes, so the declared size is never trusted alone).
import { Inflate, inflateSync } from "fflate";
import { readErrors } from "./errors";

export interface ZipEntry {
  /** The name as stored, with "\" turned into "/" and no leading "/". */
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  /** Uncompressed size as declared by the central directory (may be a lie). */
  size: number;
  localOffset: number;
  /** CRC-32, general-purpose flags and DOS time and date as the central directory gives them: what a writer needs to copy the entry without inflating it. */
  crc32: number;
  flags: number;
  dosTime: number;
  dosDate: number;
}

/** Entries keyed by lower-cased name: OOXML part names are case-insensitive. */
export type ZipDirectory = Map<string, ZipEntry>;

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const MAX_COMMENT = 0xffff;
/** Compressed bytes fed to the inflater at a time: deflate expands at most ~1032x, so one push stays small. */
const INFLATE_CHUNK = 8 * 1024;
/**
 * Parts this small (compressed, and as declared) inflate in one call into a buffer of their declared
 * size plus one byte: much faster than streaming for the many tiny parts of a report, and a lie about
 * the size shows as that extra byte being filled. The work stays bounded by ~1032x the input.
 */
const ONE_SHOT_INPUT = 16 * 1024;
const ONE_SHOT_OUTPUT = 16 * 1024 * 1024;

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x1_0000_0000;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

function findEndOfCentralDirectory(b: Uint8Array): number {
  const stop = Math.max(0, b.length - 22 - MAX_COMMENT);
  for (let at = b.length - 22; at >= stop; at--) {
    if (b[at] === 0x50 && b[at + 1] === 0x4b && u32(b, at) === EOCD_SIGNATURE) return at;
  }
  throw readErrors.brokenZip();
}

function decodeName(b: Uint8Array, start: number, length: number): string {
  let ascii = "";
  for (let i = start; i < start + length; i++) {
    if (b[i] >= 0x80) return new TextDecoder().decode(b.subarray(start, start + length));
    ascii += String.fromCharCode(b[i]);
  }
  return ascii;
}

export function normalizePartName(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "");
}

/** Zip64 extra field values, in the order the spec lists them, for the fields saturated at 0xFFFFFFFF. */
function applyZip64Extra(b: Uint8Array, start: number, length: number, entry: ZipEntry): void {
  let at = start;
  while (at + 4 <= start + length) {
    const id = u16(b, at);
    const size = u16(b, at + 2);
    if (id === 1) {
      let p = at + 4;
      if (entry.size === 0xffffffff) {
        entry.size = u64(b, p);
        p += 8;
      }
      if (entry.compressedSize === 0xffffffff) {
        entry.compressedSize = u64(b, p);
        p += 8;
      }
      if (entry.localOffset === 0xffffffff) entry.localOffset = u64(b, p);
      return;
    }
    at += 4 + size;
  }
}

function centralDirectoryBounds(b: Uint8Array): { offset: number; count: number } {
  const eocd = findEndOfCentralDirectory(b);
  let count = u16(b, eocd + 10);
  let offset = u32(b, eocd + 16);
  const locator = eocd - 20;
  if ((count === 0xffff || offset === 0xffffffff) && locator >= 0 && u32(b, locator) === ZIP64_LOCATOR_SIGNATURE) {
    const zip64 = u64(b, locator + 8);
    if (zip64 + 56 > b.length || u32(b, zip64) !== ZIP64_EOCD_SIGNATURE) throw readErrors.brokenZip();
    count = u64(b, zip64 + 32);
    offset = u64(b, zip64 + 48);
  }
  return { offset, count };
}

export function readZipDirectory(b: Uint8Array): ZipDirectory {
  const { offset, count } = centralDirectoryBounds(b);
  const entries: ZipDirectory = new Map();
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > b.length || u32(b, at) !== CENTRAL_SIGNATURE) throw readErrors.brokenZip();
    const nameLength = u16(b, at + 28);
    const extraLength = u16(b, at + 30);
    const commentLength = u16(b, at + 32);
    if (at + 46 + nameLength + extraLength > b.length) throw readErrors.brokenZip();
    const entry: ZipEntry = {
      name: normalizePartName(decodeName(b, at + 46, nameLength)),
      method: u16(b, at + 10),
      encrypted: (u16(b, at + 8) & 1) !== 0,
      compressedSize: u32(b, at + 20),
      size: u32(b, at + 24),
      localOffset: u32(b, at + 42),
      crc32: u32(b, at + 16),
      flags: u16(b, at + 8),
      dosTime: u16(b, at + 12),
      dosDate: u16(b, at + 14),
    };
    applyZip64Extra(b, at + 46 + nameLength, extraLength, entry);
    const key = entry.name.toLowerCase();
    // Two parts under one name could show Excel one content and this reader another: refuse.
    if (entries.has(key)) throw readErrors.duplicatePart(entry.name);
    entries.set(key, entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry's stored (compressed) bytes. */
export function entryData(b: Uint8Array, entry: ZipEntry): Uint8Array {
  const at = entry.localOffset;
  if (at + 30 > b.length || u32(b, at) !== LOCAL_SIGNATURE) throw readErrors.brokenZip();
  const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
  const end = start + entry.compressedSize;
  if (end > b.length) throw readErrors.brokenZip();
  return b.subarray(start, end);
}

/** Output reused by the one-shot inflates of small parts: spares an allocation per part. */
const scratch = new Uint8Array(64 * 1024);

function scratchFor(size: number): Uint8Array {
  if (size > scratch.length) return new Uint8Array(size);
  return scratch.subarray(0, size);
}

/**
 * Streams one entry's uncompressed bytes to `onChunk`; a chunk may be reused by the next inflate, so it
 * must be consumed before another entry is inflated. `onChunk` enforces the size allowance by throwing;
 * because input is fed in small pieces, at most a few MB are inflated past the allowance. An entry
 * larger than its declared size yields more bytes than declared, for `onChunk` to notice.
 */
export function inflateEntry(b: Uint8Array, entry: ZipEntry, onChunk: (chunk: Uint8Array) => void): void {
  if (entry.encrypted) throw readErrors.encrypted();
  const data = entryData(b, entry);
  if (entry.method === 0) {
    onChunk(data);
    return;
  }
  if (entry.method !== 8) throw readErrors.unsupportedCompression(entry.name);
  if (data.length <= ONE_SHOT_INPUT && entry.size < ONE_SHOT_OUTPUT) {
    onChunk(inflateSync(data, { out: scratchFor(entry.size + 1) }));
    return;
  }
  const inflater = new Inflate((chunk) => {
    if (chunk.length) onChunk(chunk);
  });
  for (let at = 0; at < data.length; at += INFLATE_CHUNK) {
    const end = Math.min(at + INFLATE_CHUNK, data.length);
    inflater.push(data.subarray(at, end), end === data.length);
  }
}

/** The platform's own raw-deflate decompressor (browsers, Node ≥ 20), or null where it has none. */
function nativeInflater(): DecompressionStream | null {
  try {
    return typeof DecompressionStream === "function" ? new DecompressionStream("deflate-raw") : null;
  } catch {
    return null; // "deflate-raw" is younger than the stream itself
  }
}

/**
 * Inflates `data` with the platform's decompressor into a buffer of `size` bytes and one more: where
 * the JavaScript inflater runs cold on each page load, the native one inflates a province's 17.7 MB data
 * sheet in about half the time. Stops at the byte past `size` (returns `size + 1` bytes: the entry lied
 * about its size); null when the platform has no native inflater. Throws on corrupt data.
 */
export async function inflateNative(data: Uint8Array, size: number): Promise<Uint8Array | null> {
  const stream = nativeInflater();
  if (!stream) return null;
  const writer = stream.writable.getWriter();
  // A stream that errors rejects the writes as well as the reads: the read below reports it.
  writer.write(data as Uint8Array<ArrayBuffer>).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const out = new Uint8Array(size + 1);
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const room = out.length - length;
    out.set(value.length > room ? value.subarray(0, room) : value, length);
    length += Math.min(value.length, room);
    if (length > size) {
      await reader.cancel().catch(() => {});
      break;
    }
  }
  return out.subarray(0, length);
}
