// Writes the patched package. Parts carried over are copied as their stored (compressed) bytes, never
// inflated and deflated again: their content stays identical by construction and costs a memory copy.
import { gzipSync } from "fflate";
import { entryData, type ZipEntry } from "../xlsx/zip";

export interface ZipPart {
  name: string;
  method: number;
  crc32: number;
  size: number;
  /** The bytes as stored in the zip (deflated when method is 8). */
  data: Uint8Array;
  dosTime: number;
  dosDate: number;
}

/** 1980-01-01 00:00, the date Excel stamps on every part it writes: the output is the same for the same input. */
const DOS_DATE_1980 = (0 << 9) | (1 << 5) | 1;
/** Bit 11: the name is UTF-8. */
const UTF8_NAMES = 0x0800;
const UTF8 = new TextEncoder();

/**
 * Deflate level for the parts the product writes. 6 (zlib's default) makes a province-year data sheet
 * about 10% smaller than 1 but takes twice as long, on every import; the file stays far under Excel's limits.
 */
const LEVEL = 1;

/** A new part: deflated, with its CRC-32 taken from fflate's gzip trailer (one pass over the data for both). */
export function deflatedPart(name: string, content: Uint8Array): ZipPart {
  const gz = gzipSync(content, { level: LEVEL, mtime: 0 });
  const trailer = gz.length - 8;
  const crc32 = (gz[trailer] | (gz[trailer + 1] << 8) | (gz[trailer + 2] << 16) | (gz[trailer + 3] << 24)) >>> 0;
  // fflate's gzip header is 10 bytes when no file name is given.
  return { name, method: 8, crc32, size: content.length, data: gz.subarray(10, trailer), dosTime: 0, dosDate: DOS_DATE_1980 };
}

/** A part of the original package, as it was stored. */
export function storedPart(original: Uint8Array, entry: ZipEntry): ZipPart {
  return {
    name: entry.name,
    method: entry.method,
    crc32: entry.crc32,
    size: entry.size,
    data: entryData(original, entry),
    dosTime: entry.dosTime,
    dosDate: entry.dosDate,
  };
}

const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const END_RECORD = 22;
const MAX_32 = 0xffffffff;

/**
 * The zip of these parts, in this order. Every local header is written afresh from the central
 * directory's values (sizes and CRC in the header, no data descriptor), so an original that used
 * descriptors or extra fields is copied just as well. No Zip64: a master over 4 GB is refused before.
 */
export function writeZip(parts: ZipPart[]): Uint8Array {
  const names = parts.map((p) => UTF8.encode(p.name));
  let total = END_RECORD;
  parts.forEach((p, i) => (total += LOCAL_HEADER + CENTRAL_HEADER + 2 * names[i].length + p.data.length));
  if (total > MAX_32 || parts.length > 0xffff) throw new RangeError("package too large for a zip without Zip64");
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  parts.forEach((p, i) => {
    offsets.push(at);
    at = header(view, out, at, 0x04034b50, p, names[i], null);
    out.set(p.data, at);
    at += p.data.length;
  });
  const directory = at;
  parts.forEach((p, i) => (at = header(view, out, at, 0x02014b50, p, names[i], offsets[i])));
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, parts.length, true);
  view.setUint16(at + 10, parts.length, true);
  view.setUint32(at + 12, at - directory, true);
  view.setUint32(at + 16, directory, true);
  return out;
}

/** A local header (offset null) or a central directory record; returns the offset after it. */
function header(view: DataView, out: Uint8Array, at: number, signature: number, p: ZipPart, name: Uint8Array, offset: number | null): number {
  const central = offset !== null;
  let i = at;
  view.setUint32(i, signature, true);
  i += 4;
  if (central) {
    view.setUint16(i, 20, true); // made by: MS-DOS, zip 2.0
    i += 2;
  }
  view.setUint16(i, 20, true); // version needed: deflate
  view.setUint16(i + 2, UTF8_NAMES, true);
  view.setUint16(i + 4, p.method, true);
  view.setUint16(i + 6, p.dosTime, true);
  view.setUint16(i + 8, p.dosDate, true);
  view.setUint32(i + 10, p.crc32, true);
  view.setUint32(i + 14, p.data.length, true);
  view.setUint32(i + 18, p.size, true);
  view.setUint16(i + 22, name.length, true);
  view.setUint16(i + 24, 0, true); // no extra field
  i += 26;
  if (central) {
    // comment length, disk, internal and external attributes stay 0
    view.setUint32(i + 10, offset, true);
    i += 14;
  }
  out.set(name, i);
  return i + name.length;
}
