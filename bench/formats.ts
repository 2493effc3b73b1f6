// Figure 8: each report reader against its own lower bound, on the same reports in every format (the
// LibreOffice-saved fixtures of test/fixtures/formats, read over and over). A lower bound does the least
// any reader must: unzip the part that holds the values (or walk the compound file to the workbook
// stream) and make one pass over the cell records, decoding their text — no limits, no checks, no grid.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { readDocx } from "../src/io/docx";
import { readOds } from "../src/io/ods";
import { readXls } from "../src/io/xls";
import { readWorkbook } from "../src/io/xlsx";
import { ROOT } from "./build";
import { lowerBound as xlsxLowerBound } from "./lower-bound";
import { round, timePasses, type Throughput } from "./timing";

const REPORTS = ["standard-CAX-2026-03", "two-row-header-THHB-2026-03", "nfd-TCN01-2026-03", "late-PKT-2026-03", "date-line-DTN-2026-03", "tcvn3-VHXH-2026-03"];
/** Each pass reads every report at least this many times, and for at least PASS_MS: small files read in microseconds. */
const ROUNDS = 100;
const PASS_MS = 200;
const PASSES = 5;
const decoder = new TextDecoder();
const utf16le = new TextDecoder("utf-16le");

type Format = "xlsx" | "docx" | "ods" | "xls";

function fixture(name: string, format: Format): Uint8Array {
  const fromXlsxFixtures = format === "xlsx" && !name.startsWith("date-line") && !name.startsWith("tcvn3");
  return new Uint8Array(readFileSync(join(ROOT, "test", "fixtures", fromXlsxFixtures ? "libreoffice" : "formats", `${name}.${format}`)));
}

/** The text elements of one XML part, found by their end tags and measured: the one pass any reader makes. */
function textPass(xml: string, close: string): number {
  let seen = 0;
  for (let end = xml.indexOf(close); end !== -1; end = xml.indexOf(close, end + close.length)) seen += 1 + end - xml.lastIndexOf(">", end);
  return seen;
}

function docxLowerBound(bytes: Uint8Array): number {
  const part = unzipSync(bytes, { filter: (f) => f.name === "word/document.xml" })["word/document.xml"];
  return textPass(decoder.decode(part), "</w:t>");
}

function odsLowerBound(bytes: Uint8Array): number {
  const part = unzipSync(bytes, { filter: (f) => f.name === "content.xml" })["content.xml"];
  return textPass(decoder.decode(part), "</text:p>");
}

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;

/** The compound file walked without a single check: FAT from the header's slots, directory, one stream. */
function workbookStream(b: Uint8Array): Uint8Array {
  const size = 1 << u16(b, 30);
  const sector = (id: number) => b.subarray((id + 1) * size, (id + 2) * size);
  const fat: number[] = [];
  for (let i = 0; i < Math.min(u32(b, 44), 109); i++) {
    const s = sector(u32(b, 76 + 4 * i));
    for (let k = 0; k < size; k += 4) fat.push(u32(s, k));
  }
  // Each chain is walked; consecutive sectors are taken as a view (as the reader does), others copied.
  const chain = (start: number, table: number[], read: (id: number) => Uint8Array) => {
    const ids: number[] = [];
    for (let id = start; id < 0xfffffffa && ids.length < table.length; id = table[id]) ids.push(id);
    if (ids.every((id, i) => i === 0 || id === ids[i - 1] + 1)) {
      const first = read(ids[0]);
      return new Uint8Array(first.buffer, first.byteOffset, ids.length * first.length);
    }
    const out = new Uint8Array(ids.length * read(ids[0]).length);
    ids.forEach((id, i) => out.set(read(id), i * read(id).length));
    return out;
  };
  const directory = chain(u32(b, 48), fat, sector);
  for (let at = 0; at < directory.length; at += 128) {
    if (u16(directory, at + 64) !== 18 || directory[at] !== 0x57) continue; // "Workbook"
    const start = u32(directory, at + 116);
    const length = u32(directory, at + 120);
    if (length >= 4096) return chain(start, fat, sector).subarray(0, length);
    const mini = chain(u32(directory, 116), fat, sector);
    const miniFatBytes = chain(u32(b, 60), fat, sector);
    const miniFat = Array.from({ length: miniFatBytes.length / 4 }, (_, i) => u32(miniFatBytes, 4 * i));
    return chain(start, miniFat, (id) => mini.subarray(id * 64, id * 64 + 64)).subarray(0, length);
  }
  return new Uint8Array(0);
}

const CELL_RECORDS = new Set([0x00fd, 0x0204, 0x0203, 0x027e, 0x00bd, 0x0205, 0x0006, 0x0207]);

function xlsLowerBound(bytes: Uint8Array): number {
  const stream = workbookStream(bytes);
  let seen = 0;
  for (let at = 0; at + 4 <= stream.length; at += 4 + u16(stream, at + 2)) {
    const type = u16(stream, at);
    if (CELL_RECORDS.has(type)) seen++;
    if (type !== 0x00fc) continue;
    // The shared strings, decoded (the fixtures' tables fit one record: no CONTINUE to follow).
    const end = at + 4 + u16(stream, at + 2);
    for (let p = at + 12; p + 3 <= end; ) {
      const count = u16(stream, p);
      const flags = stream[p + 2];
      p += 3;
      const runs = flags & 8 ? u16(stream, p) : 0;
      p += flags & 8 ? 2 : 0;
      const extended = flags & 4 ? u32(stream, p) : 0;
      p += flags & 4 ? 4 : 0;
      const width = flags & 1 ? 2 : 1;
      const bytes = stream.subarray(p, Math.min(p + count * width, end));
      const text = width === 1 ? String.fromCharCode.apply(null, bytes as unknown as number[]) : utf16le.decode(bytes);
      seen += text.length;
      p += count * width + 4 * runs + extended;
    }
  }
  return seen;
}

const READERS: Record<Format, { read: (bytes: Uint8Array) => unknown; lowerBound: (bytes: Uint8Array) => number; label: string }> = {
  xlsx: { read: readWorkbook, lowerBound: xlsxLowerBound, label: "readWorkbook" },
  docx: { read: readDocx, lowerBound: docxLowerBound, label: "readDocx" },
  ods: { read: readOds, lowerBound: odsLowerBound, label: "readOds" },
  xls: { read: readXls, lowerBound: xlsLowerBound, label: "readXls" },
};

export interface FormatFigures {
  reports: number;
  /** Reads per pass: every report, as many rounds as PASS_MS needs. */
  reads: Record<Format, number>;
  averageKB: Record<Format, number>;
  reader: Record<Format, Throughput>;
  lowerBound: Record<Format, Throughput>;
  /** Reader time over lower-bound time, per format. */
  ratio: Record<Format, number>;
}

export async function formatReaders(): Promise<FormatFigures> {
  const formats = Object.keys(READERS) as Format[];
  const figures: FormatFigures = { reports: REPORTS.length, reads: {}, averageKB: {}, reader: {}, lowerBound: {}, ratio: {} } as FormatFigures;
  let sink = 0;
  for (const format of formats) {
    const files = REPORTS.map((name) => fixture(name, format));
    const { read, lowerBound } = READERS[format];
    let fastest = Infinity;
    for (let k = 0; k < 5; k++) {
      const probe = performance.now();
      for (const bytes of files) sink += lowerBound(bytes);
      fastest = Math.min(fastest, performance.now() - probe);
    }
    const rounds = Math.max(ROUNDS, Math.ceil(PASS_MS / Math.max(fastest, 0.01)));
    const all = (f: (bytes: Uint8Array) => unknown) => () => {
      for (let i = 0; i < rounds; i++) for (const bytes of files) sink += f(bytes) ? 1 : 0;
    };
    figures.averageKB[format] = round(files.reduce((n, f) => n + f.length, 0) / files.length / 1024);
    figures.reads[format] = rounds * files.length;
    figures.reader[format] = await timePasses(figures.reads[format], PASSES, all(read));
    figures.lowerBound[format] = await timePasses(figures.reads[format], PASSES, all(lowerBound));
    figures.ratio[format] = round(figures.lowerBound[format].filesPerSecond / figures.reader[format].filesPerSecond, 2);
  }
  if (sink < 0) console.log(sink);
  return figures;
}

export function printFormatReaders(f: FormatFigures): void {
  console.log(`8. Readers by format, the same ${f.reports} LibreOffice-saved reports, read over and over (median of ${PASSES} passes)`);
  for (const format of Object.keys(READERS) as Format[]) {
    const r = READERS[format];
    console.log(`  .${format.padEnd(4)} ${r.label.padEnd(12)} ${f.reader[format].filesPerSecond} tệp/s, lower bound ${f.lowerBound[format].filesPerSecond} tệp/s (×${f.ratio[format]}; ${f.averageKB[format]} KB each, ${f.reads[format]} reads a pass)`);
  }
}

/** Figure 8's goals, made with the run's own `goal`: the .xlsx line is the reference (its goal is figure 1's). */
export function formatGoals<G>(f: FormatFigures, goal: (label: string, met: boolean, detail: string) => G): G[] {
  return (["docx", "ods", "xls"] as const).map((format) => goal(`.${format} reader within 3× of its lower bound`, f.ratio[format] <= 3, `×${f.ratio[format]}`));
}
