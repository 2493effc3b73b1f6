// Reads parts of a zip package as text while keeping count of every inflated byte against the limits.
import { readErrors, WorkbookReadError } from "./errors";
import type { ReadLimits } from "./limits";
import { inflateEntry, type ZipDirectory, type ZipEntry } from "./zip";

function decoderFor(firstChunk: Uint8Array): TextDecoder {
  if (firstChunk[0] === 0xff && firstChunk[1] === 0xfe) return new TextDecoder("utf-16le");
  if (firstChunk[0] === 0xfe && firstChunk[1] === 0xff) return new TextDecoder("utf-16be");
  return new TextDecoder("utf-8");
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
    let decoder: TextDecoder | null = null;
    let text = "";
    try {
      inflateEntry(this.bytes, entry, (chunk) => {
        produced += chunk.length;
        if (produced > entry.size) throw readErrors.sizeLie(entry.name);
        decoder ??= decoderFor(chunk);
        text += decoder.decode(chunk, { stream: true });
      });
    } catch (error) {
      if (error instanceof WorkbookReadError) throw error;
      throw readErrors.brokenPart(entry.name, error);
    }
    this.inflated += produced;
    return decoder ? text + (decoder as TextDecoder).decode() : text;
  }
}
