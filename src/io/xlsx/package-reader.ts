// Reads parts of a zip package (.xlsx, .docx, .ods) as text while keeping count of every inflated byte
// against the limits, and parses them into what the readers need.
import { readErrors, WorkbookReadError } from "./errors";
import type { ReadLimits } from "./limits";
import { parseModified, parseRelationships, relationshipsPartOf, targetOf, type Relationship } from "./package-parts";
import { XmlError } from "./xml";
import { inflateEntry, type ZipDirectory, type ZipEntry } from "./zip";

const UTF8 = new TextDecoder("utf-8");

function decoderFor(bytes: Uint8Array): TextDecoder {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be");
  return UTF8;
}

/** A part's bytes as text: UTF-8, or UTF-16 when a byte-order mark says so. */
export function decodePart(bytes: Uint8Array): string {
  return decoderFor(bytes).decode(bytes);
}

export class PackageReader {
  private inflated = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly directory: ZipDirectory,
    private readonly limits: ReadLimits,
  ) {}

  entry(part: string): ZipEntry | undefined {
    return this.directory.get(part.toLowerCase());
  }

  /** The part's text, or null when the package has no such part. */
  text(part: string): string | null {
    const bytes = this.inflate(part, false);
    return bytes && decodePart(bytes);
  }

  /** The part's bytes, inflated, in a buffer of their own; null when the package has no such part. */
  partBytes(part: string): Uint8Array | null {
    return this.inflate(part, true);
  }

  private inflate(part: string, own: boolean): Uint8Array | null {
    const entry = this.entry(part);
    if (!entry) return null;
    const { maxEntryBytes, maxUncompressedBytes } = this.limits;
    const allowance = Math.min(maxEntryBytes, maxUncompressedBytes - this.inflated);
    const bitingLimit = allowance === maxEntryBytes ? maxEntryBytes : maxUncompressedBytes;
    const tooLarge = () => readErrors.tooLargeUncompressed(bitingLimit);
    // The declared size is checked before inflating; while inflating, the real size may not pass it
    // either, so a part that lies about its size stops right where the lie starts.
    if (entry.size > allowance) throw tooLarge();
    let produced = 0;
    // Most parts arrive whole in one chunk and decode in one call. A part that arrives in pieces is
    // gathered into one buffer (never past its declared size) and decoded once:
    // far cheaper than decoding piece by piece into a string of many pieces.
    let first: Uint8Array | null = null;
    let whole: Uint8Array | null = null;
    try {
      inflateEntry(this.bytes, entry, (chunk) => {
        if (produced + chunk.length > entry.size) throw readErrors.sizeLie(entry.name);
        if (!first) first = chunk;
        else {
          // The buffer grows towards the declared size rather than trusting it up front: a part that
          // declares far more than it holds does not get that much memory.
          if (!whole) (whole = new Uint8Array(Math.min(entry.size, Math.max(entry.compressedSize * 8, 1 << 20)))).set(first);
          if (produced + chunk.length > whole.length) {
            const bigger = new Uint8Array(Math.min(entry.size, Math.max(whole.length * 2, produced + chunk.length)));
            bigger.set(whole.subarray(0, produced));
            whole = bigger;
          }
          whole.set(chunk, produced);
        }
        produced += chunk.length;
      });
    } catch (error) {
      if (error instanceof WorkbookReadError) throw error;
      throw readErrors.brokenPart(entry.name, error);
    }
    this.inflated += produced;
    if (whole) return (whole as Uint8Array).subarray(0, produced);
    // A single chunk may be the inflater's scratch buffer, which the next part reuses.
    const single = (first as Uint8Array | null) ?? new Uint8Array(0);
    return own ? single.slice() : single;
  }
}

/** Reads and parses one part; null when absent. Malformed XML names the part in the refusal. */
export function readPart<T>(reader: PackageReader, part: string, parse: (xml: string) => T): T | null {
  const xml = reader.text(part);
  if (xml === null) return null;
  try {
    return parse(xml);
  } catch (error) {
    throw error instanceof XmlError ? readErrors.brokenPart(part, error) : error;
  }
}

/** The relationships of an OOXML part ("" for the package itself). */
export function relationshipsOf(reader: PackageReader, part: string): Relationship[] {
  return readPart(reader, relationshipsPartOf(part), (xml) => parseRelationships(xml, part)) ?? [];
}

/** The OOXML package's last-modified instant, from its core properties. */
export function readModified(reader: PackageReader, packageRels: Relationship[]): Date | null {
  return readPart(reader, targetOf(packageRels, "core-properties") ?? "docProps/core.xml", parseModified);
}
