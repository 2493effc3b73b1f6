// The compound file container of Office 97-2003 files ([MS-CFB]): a little file system of fixed-size
// sectors, chained by a FAT, with a directory of streams and a mini stream for the small ones.
//
// Nothing in the header or the chains is trusted: every sector number must lie inside the file, every
// chain may visit each sector once (a chain that loops is a hostile file, not a long stream), counts and
// declared sizes may not exceed what the file can hold, and no stream larger than the limits is read.
import type { ReadLimits } from "../xlsx/limits";
import { readErrors } from "../xlsx/errors";
import { xlsErrors } from "./errors";

const END_OF_CHAIN = 0xfffffffe;
const FREE_SECTOR = 0xffffffff;
/** Sector numbers above this are markers (end of chain, FAT or DIFAT sector, free), never sectors. */
const MAX_REGULAR_SECTOR = 0xfffffffa;
const NO_STREAM = 0xffffffff;
const HEADER_DIFAT_ENTRIES = 109;
const DIRECTORY_ENTRY = 128;
const MINI_SECTOR = 64;

const STORAGE = 1;
const STREAM = 2;
const ROOT = 5;

/** Where a chain's sectors are: the file's (sector n after the header) or the mini stream's. */
interface SectorSpace {
  data: Uint8Array;
  /** Offset of sector 0 in `data`. */
  base: number;
  sectorSize: number;
  fat: Uint32Array;
  /** Sectors `data` holds. */
  count: number;
}

interface DirectoryEntry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

export class CompoundFile {
  private readonly sectorSize: number;
  private readonly sectorCount: number;
  private readonly fat: Uint32Array;
  private readonly entries: DirectoryEntry[];
  private readonly streams = new Map<string, DirectoryEntry>();
  private miniStream: Uint8Array | null = null;
  private miniFat: Uint32Array | null = null;
  private readBytes = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: ReadLimits,
  ) {
    const shift = u16(bytes, 30);
    const major = u16(bytes, 26);
    if (bytes.length < 512 || (shift !== 9 && shift !== 12) || u16(bytes, 32) !== 6) throw xlsErrors.brokenContainer();
    this.sectorSize = 1 << shift;
    // A last sector cut short still counts: some writers do not pad it, and reads past the end fail below.
    this.sectorCount = Math.max(0, Math.ceil((bytes.length - this.sectorSize) / this.sectorSize));
    this.fat = this.readFat();
    this.entries = this.readDirectory(major);
    this.indexRootStreams();
  }

  has(name: string): boolean {
    return this.streams.has(name.toLowerCase());
  }

  /** The bytes of a stream directly under the root storage (names compare case-insensitively), or null. */
  stream(name: string): Uint8Array | null {
    const entry = this.streams.get(name.toLowerCase());
    if (!entry) return null;
    // A stream larger than the file itself is a lie, not a large stream.
    if (entry.size > this.bytes.length) throw xlsErrors.brokenContainer();
    const maxStream = Math.min(this.limits.maxEntryBytes, this.limits.maxUncompressedBytes - this.readBytes);
    if (entry.size > maxStream) throw readErrors.tooLargeUncompressed(maxStream === this.limits.maxEntryBytes ? maxStream : this.limits.maxUncompressedBytes);
    const data = entry.size < this.miniStreamCutoff ? this.readMini(entry) : this.readSectors(entry.start, entry.size);
    this.readBytes += data.length;
    return data;
  }

  private get miniStreamCutoff(): number {
    return u32(this.bytes, 56);
  }

  private sector(id: number): Uint8Array {
    const at = (id + 1) * this.sectorSize;
    return this.bytes.subarray(at, Math.min(at + this.sectorSize, this.bytes.length));
  }

  /**
   * The sectors of the FAT, from the header's 109 slots and then the DIFAT chain: their count may not
   * exceed the file's sectors, and the DIFAT chain is walked at most once around.
   */
  private readFat(): Uint32Array {
    const b = this.bytes;
    const fatSectors = u32(b, 44);
    const difatSectors = u32(b, 72);
    if (fatSectors > this.sectorCount || difatSectors > this.sectorCount) throw xlsErrors.brokenContainer();
    const ids: number[] = [];
    for (let i = 0; i < Math.min(fatSectors, HEADER_DIFAT_ENTRIES); i++) ids.push(u32(b, 76 + 4 * i));
    const perDifat = this.sectorSize / 4 - 1;
    let next = u32(b, 68);
    const walked = new Set<number>();
    while (ids.length < fatSectors) {
      if (walked.size >= difatSectors || next >= this.sectorCount || walked.has(next)) throw xlsErrors.brokenContainer();
      walked.add(next);
      const difat = this.sector(next);
      if (difat.length < this.sectorSize) throw xlsErrors.brokenContainer();
      for (let i = 0; i < perDifat && ids.length < fatSectors; i++) ids.push(u32(difat, 4 * i));
      next = u32(difat, 4 * perDifat);
    }
    const perSector = this.sectorSize / 4;
    const fat = new Uint32Array(fatSectors * perSector);
    ids.forEach((id, i) => {
      if (id >= this.sectorCount) throw xlsErrors.brokenContainer();
      const sector = this.sector(id);
      for (let k = 0; k < perSector && 4 * k + 3 < sector.length; k++) fat[i * perSector + k] = u32(sector, 4 * k);
    });
    return fat;
  }

  /**
   * Follows a chain from `start` for `size` bytes. Each step must name a sector inside the file (or mini
   * stream) not met before on the chain: a loop ends as a refusal, not as a stream read twice. Writers
   * lay most streams out in consecutive sectors: those are returned as a view, not copied.
   */
  private readChain(start: number, size: number, space: SectorSpace): Uint8Array {
    if (size === 0) return new Uint8Array(0);
    const { data, base, sectorSize, fat, count } = space;
    const needed = Math.ceil(size / sectorSize);
    if (needed > count) throw xlsErrors.brokenContainer();
    const ids: number[] = [];
    let visited: Set<number> | null = null;
    for (let i = 0, id = start; i < needed; i++) {
      if (id >= count || id > MAX_REGULAR_SECTOR) throw xlsErrors.brokenContainer();
      // A chain of consecutive sectors cannot loop; after the first jump every sector is checked.
      if (visited || (i > 0 && id !== ids[i - 1] + 1)) {
        visited ??= new Set(ids);
        if (visited.has(id)) throw xlsErrors.brokenContainer();
        visited.add(id);
      }
      ids.push(id);
      id = id < fat.length ? fat[id] : FREE_SECTOR;
    }
    if (!visited) {
      const at = base + start * sectorSize;
      if (at + size > data.length) throw xlsErrors.brokenContainer();
      return data.subarray(at, at + size);
    }
    const out = new Uint8Array(size);
    ids.forEach((id, i) => {
      const at = base + id * sectorSize;
      const part = Math.min(sectorSize, size - i * sectorSize);
      if (at + part > data.length) throw xlsErrors.brokenContainer();
      out.set(data.subarray(at, at + part), i * sectorSize);
    });
    return out;
  }

  /** A chain of whole sectors up to its end (the directory, the mini FAT): at most every sector once. */
  private wholeChain(start: number): Uint8Array {
    const ids: number[] = [];
    for (let id = start; id !== END_OF_CHAIN; id = this.fat[id]) {
      if (id >= this.sectorCount || id >= this.fat.length || ids.length >= this.sectorCount) throw xlsErrors.brokenContainer();
      ids.push(id);
    }
    return this.readSectors(start, ids.length * this.sectorSize);
  }

  private readSectors(start: number, size: number): Uint8Array {
    return this.readChain(start, size, { data: this.bytes, base: this.sectorSize, sectorSize: this.sectorSize, fat: this.fat, count: this.sectorCount });
  }

  private readDirectory(major: number): DirectoryEntry[] {
    const data = this.wholeChain(u32(this.bytes, 48));
    const entries: DirectoryEntry[] = [];
    for (let at = 0; at + DIRECTORY_ENTRY <= data.length; at += DIRECTORY_ENTRY) {
      const nameBytes = Math.min(u16(data, at + 64), 64);
      let name = "";
      for (let i = 0; i + 1 < nameBytes - 1; i += 2) name += String.fromCharCode(u16(data, at + i));
      // Version 3 files may leave garbage in a stream size's high half; version 4 sizes are 64-bit.
      const high = major === 4 ? u32(data, at + 124) : 0;
      entries.push({
        name,
        type: data[at + 66],
        left: u32(data, at + 68),
        right: u32(data, at + 72),
        child: u32(data, at + 76),
        start: u32(data, at + 116),
        size: u32(data, at + 120) + high * 0x1_0000_0000,
      });
    }
    if (entries[0]?.type !== ROOT) throw xlsErrors.brokenContainer();
    return entries;
  }

  /** The root's children form a tree through their left and right siblings: walked once each, iteratively. */
  private indexRootStreams(): void {
    const seen = new Set<number>();
    const pending = [this.entries[0].child];
    while (pending.length) {
      const id = pending.pop()!;
      if (id === NO_STREAM) continue;
      if (id >= this.entries.length || seen.has(id)) throw xlsErrors.brokenContainer();
      seen.add(id);
      const entry = this.entries[id];
      if (entry.type === STREAM) this.streams.set(entry.name.toLowerCase(), entry);
      else if (entry.type !== STORAGE) throw xlsErrors.brokenContainer();
      pending.push(entry.left, entry.right);
    }
  }

  private readMini(entry: DirectoryEntry): Uint8Array {
    if (!this.miniStream || !this.miniFat) {
      const root = this.entries[0];
      this.miniStream = this.readSectors(root.start, root.size);
      const miniFatSectors = u32(this.bytes, 64);
      if (miniFatSectors > this.sectorCount) throw xlsErrors.brokenContainer();
      const table = miniFatSectors ? this.wholeChain(u32(this.bytes, 60)) : new Uint8Array(0);
      this.miniFat = new Uint32Array(table.length >> 2);
      for (let i = 0; i < this.miniFat.length; i++) this.miniFat[i] = u32(table, 4 * i);
    }
    const count = Math.floor(this.miniStream.length / MINI_SECTOR);
    return this.readChain(entry.start, entry.size, { data: this.miniStream, base: 0, sectorSize: MINI_SECTOR, fat: this.miniFat, count });
  }
}
