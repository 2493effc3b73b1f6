// Reads parts of a zip package (.xlsx, .docx, .ods) as text while keeping count of every inflated byte
// against the limits, and parses them into what the readers need.
import { readErrors, WorkbookReadError } from "./errors";
import type { ReadLimits } from "./limits";
import { parseModified, parseRelationships, relationshipsPartOf, targetOf, type Relationship } from "./package-parts";
import { XmlError } from "./xml";
import { inflateEntry, type ZipDirectory, type ZipEntry } from "./zip";

const UTF8 = new TextDecoder("utf-8");

/** A fresh decoder per part when streaming (it holds state); the shared UTF-8 one for a whole part. */
function decoderFor(firstChunk: Uint8Array, streaming: boolean): TextDecoder {
  if (firstChunk[0] === 0xff && firstChunk[1] === 0xfe) return new TextDecoder("utf-16le");
  if (firstChunk[0] === 0xfe && firstChunk[1] === 0xff) return new TextDecoder("utf-16be");
  return streaming ? new TextDecoder("utf-8") : UTF8;
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
    // The first chunk waits: most parts arrive whole in one chunk and decode in one call, faster than
    // a streaming decode; a second chunk starts the stream.
    let first: Uint8Array | null = null;
    let decoder: TextDecoder | null = null;
    let text = "";
    try {
      inflateEntry(this.bytes, entry, (chunk) => {
        produced += chunk.length;
        if (produced > entry.size) throw readErrors.sizeLie(entry.name);
        if (!first) {
          first = chunk;
          return;
        }
        if (!decoder) {
          decoder = decoderFor(first, true);
          text = decoder.decode(first, { stream: true });
        }
        text += decoder.decode(chunk, { stream: true });
      });
    } catch (error) {
      if (error instanceof WorkbookReadError) throw error;
      throw readErrors.brokenPart(entry.name, error);
    }
    this.inflated += produced;
    if (decoder) return text + (decoder as TextDecoder).decode();
    return first ? decoderFor(first, false).decode(first) : "";
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
