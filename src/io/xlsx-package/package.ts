// An opened master workbook package: its zip directory, workbook part, relationships, content types and
// sheet list, parsed once, with each part inflated only when asked for. Both reading and patching start here.
import { readErrors, WorkbookReadError } from "../xlsx/errors";
import { DEFAULT_READ_LIMITS, type ReadLimits } from "../xlsx/limits";
import { parseRelationships, relationshipsPartOf, type Relationship } from "../xlsx/package-parts";
import { decodePart, PackageReader } from "../xlsx/package-reader";
import { readSharedStrings } from "../xlsx/rich-text";
import { sniffFormat, zipKind } from "../xlsx/sniff";
import { readDateStyles } from "../xlsx/styles";
import { readWorksheet, type SheetContent, type SheetContext } from "../xlsx/worksheet";
import { inflateSync } from "fflate";
import { entryData, inflateEntry, inflateNative, isZip, readZipDirectory, type ZipDirectory, type ZipEntry } from "../xlsx/zip";
import { asMasterError, masterErrors } from "./errors";
import { sameSpelling, sheetKey } from "../../core/sheet-names";
import { child, children, parseRoot, type XmlElement } from "./xml-edit";

/**
 * The master is the clerk's own file, not an untrusted report, and grows with the years: a province's
 * three years hold ~90,000 data rows (~1M cells, ~55 MB of sheet XML). The limits still refuse a zip bomb.
 */
export const MASTER_READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  ...DEFAULT_READ_LIMITS,
  maxUncompressedBytes: 1024 * 1024 * 1024,
  maxEntryBytes: 256 * 1024 * 1024,
  maxSheets: 4096,
  maxCells: 10_000_000,
});

export type SheetKind = "worksheet" | "chartsheet" | "dialogsheet" | "macrosheet" | "other";
export type SheetVisibility = "visible" | "hidden" | "veryHidden";

/** One `<sheet>` of xl/workbook.xml. */
export interface SheetEntry {
  /** The name as the workbook spells it. */
  name: string;
  visibility: SheetVisibility;
  kind: SheetKind;
  sheetId: number;
  relationshipId: string;
  /** The part holding the sheet ("" when its relationship is missing). */
  part: string;
  /** Position among the tabs. */
  index: number;
  element: XmlElement;
}

export interface XmlPart {
  name: string;
  xml: string;
  root: XmlElement;
}

const CONTENT_TYPES = "[Content_Types].xml";
/**
 * Sheet XML compresses 10-30 times; past this a declared size is not believed enough to allocate it at
 * once (the part is streamed instead, its buffer growing with what really comes out).
 */
const PLAUSIBLE_RATIO = 128;
/** Below this a part inflates faster in JavaScript than through the platform's stream. */
const NATIVE_MIN_SIZE = 64 * 1024;

function sheetKind(relationship: Relationship | undefined): SheetKind {
  if (!relationship) return "other";
  if (relationship.kind === "worksheet" || (relationship.kind === "" && /(^|\/)worksheets\//i.test(relationship.target))) return "worksheet";
  if (relationship.kind === "chartsheet") return "chartsheet";
  if (relationship.kind === "dialogsheet") return "dialogsheet";
  if (/macrosheet$/i.test(relationship.kind)) return "macrosheet";
  return "other";
}

function visibilityOf(state: string | undefined): SheetVisibility {
  return state === "hidden" || state === "veryHidden" ? state : "visible";
}

export class MasterPackageParts {
  private readonly reader: PackageReader;
  private context: SheetContext | null = null;
  /** The inflated bytes of each worksheet read so far: a patch after a read reuses them instead of inflating again. */
  private readonly sheetBytesRead = new Map<string, Uint8Array>();
  /** Bytes inflated by inflateWhole, counted against the package's limit with the reader's. */
  private inflatedWhole = 0;
  readonly workbook: XmlPart;
  readonly workbookRels: XmlPart | null;
  readonly relationships: Relationship[];
  readonly contentTypes: XmlPart;
  readonly sheets: SheetEntry[];
  readonly date1904: boolean;

  private constructor(
    readonly bytes: Uint8Array,
    readonly directory: ZipDirectory,
    private readonly limits: ReadLimits,
  ) {
    this.reader = new PackageReader(bytes, directory, limits);
    const contentTypes = this.xmlPart(CONTENT_TYPES, 2);
    if (!contentTypes) throw readErrors.missingPart(CONTENT_TYPES);
    this.contentTypes = contentTypes;
    const rootRels = this.relationshipsOf("");
    const workbookPath = [rootRels.find((r) => r.kind === "officeDocument" && r.target)?.target, "xl/workbook.xml"].find((p) => p && this.entry(p));
    const workbook = workbookPath ? this.xmlPart(workbookPath, 3) : null;
    if (!workbook) throw readErrors.missingPart("phần sổ làm việc (xl/workbook.xml)");
    this.workbook = workbook;
    this.workbookRels = this.xmlPart(relationshipsPartOf(workbook.name), 2);
    this.relationships = this.workbookRels ? parseRelationships(this.workbookRels.xml, workbook.name) : [];
    const byId = new Map(this.relationships.map((r) => [r.id, r]));
    const sheetsElement = child(workbook.root, "sheets");
    this.sheets = (sheetsElement ? children(sheetsElement, "sheet") : []).map((element, index) => {
      const relationshipId = element.attrs.get("id") ?? "";
      const relationship = byId.get(relationshipId);
      return {
        name: element.attrs.get("name") ?? "",
        visibility: visibilityOf(element.attrs.get("state")),
        kind: sheetKind(relationship),
        sheetId: Number(element.attrs.get("sheetId")) || 0,
        relationshipId,
        part: relationship?.target ?? "",
        index,
        element,
      };
    });
    if (this.sheets.length > limits.maxSheets) throw readErrors.tooManySheets(this.sheets.length, limits.maxSheets);
    const flag = child(workbook.root, "workbookPr")?.attrs.get("date1904");
    this.date1904 = flag === "1" || flag === "true";
  }

  /** Opens the package; a file that is not a readable workbook is refused with a MasterPackageError. */
  static open(bytes: Uint8Array, limits: ReadLimits = MASTER_READ_LIMITS): MasterPackageParts {
    try {
      if (bytes.length === 0) throw masterErrors.damaged();
      if (!isZip(bytes)) throw sniffFormat(bytes) === "encrypted" ? masterErrors.encrypted() : masterErrors.format();
      const directory = readZipDirectory(bytes);
      if (zipKind(bytes, directory) !== "xlsx") throw masterErrors.format();
      for (const entry of directory.values()) if (entry.encrypted) throw masterErrors.encrypted();
      return new MasterPackageParts(bytes, directory, limits);
    } catch (error) {
      throw asMasterError(error);
    }
  }

  entry(part: string): ZipEntry | undefined {
    return this.directory.get(part.toLowerCase());
  }

  /** A part's text (null when absent); a part that does not inflate is a damaged master. */
  text(part: string): string | null {
    return this.inflating(part, () => this.reader.text(part));
  }

  private inflating<T>(part: string, run: () => T): T {
    try {
      return run();
    } catch (error) {
      throw this.inflateError(part, error);
    }
  }

  private async inflatingAsync(part: string, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      throw this.inflateError(part, error);
    }
  }

  private inflateError(part: string, error: unknown): Error {
    return error instanceof WorkbookReadError && error.code === "FILE_UNREADABLE" ? masterErrors.damagedPart(part, error) : asMasterError(error);
  }

  /**
   * The first kilobytes of a part's text, inflating no further (the sheet view of a sheet the product
   * does not rewrite); null when absent or unreadable, for callers that then assume the cautious answer.
   */
  head(part: string, bytes = 64 * 1024): string | null {
    const entry = this.entry(part);
    if (!entry) return null;
    const chunks: Uint8Array[] = [];
    let length = 0;
    const enough = new Error("enough");
    try {
      inflateEntry(this.bytes, entry, (chunk) => {
        chunks.push(chunk.slice());
        length += chunk.length;
        if (length >= bytes) throw enough;
      });
    } catch (error) {
      if (error !== enough) return null;
    }
    const all = new Uint8Array(length);
    let at = 0;
    for (const c of chunks) all.set(c, (at += c.length) - c.length);
    return new TextDecoder().decode(all.subarray(0, Math.min(length, bytes)));
  }

  /** A part parsed into elements down to `depth`; null when absent. */
  xmlPart(part: string, depth: number): XmlPart | null {
    const xml = this.text(part);
    if (xml === null) return null;
    try {
      return { name: this.entry(part)!.name, xml, root: parseRoot(xml, depth) };
    } catch (error) {
      throw masterErrors.damagedPart(part, error);
    }
  }

  relationshipsOf(part: string): Relationship[] {
    const rels = relationshipsPartOf(part);
    const xml = this.text(rels);
    if (xml === null) return [];
    try {
      return parseRelationships(xml, part);
    } catch (error) {
      throw masterErrors.damagedPart(rels, error);
    }
  }

  /** The workbook's part of this relationship kind ("styles", "sharedStrings", "calcChain"), if any. */
  targetOf(kind: string): string | undefined {
    return this.relationships.find((r) => r.kind === kind && r.target)?.target;
  }

  /** The sheet Excel would take for this name: the same spelling first, else the same name but for case. */
  findSheet(name: string): SheetEntry | undefined {
    return this.sheets.find((s) => sameSpelling(s.name, name)) ?? this.sheets.find((s) => sheetKey(s.name) === sheetKey(name));
  }

  /** A worksheet's XML bytes, inflated once. */
  sheetBytes(sheet: SheetEntry): Uint8Array {
    const cached = this.sheetBytesRead.get(sheet.part);
    if (cached) return cached;
    const bytes = sheet.part ? this.inflating(sheet.part, () => this.inflateWhole(sheet.part) ?? this.reader.partBytes(sheet.part)) : null;
    // A sheet the workbook lists without its part is a damaged file; Excel would say so too.
    if (bytes === null) throw masterErrors.damagedPart(sheet.part || `trang "${sheet.name}"`);
    this.sheetBytesRead.set(sheet.part, bytes);
    return bytes;
  }

  /**
   * A big deflated part in one call, into a buffer of its declared size and one byte more (a part longer
   * than it says fills that byte and is refused): several times faster than streaming it, in a browser
   * most of all, where a province's data sheet took a second. Null when the reader's streaming is used
   * instead: a small, stored or implausibly declared part.
   */
  private inflateWhole(part: string): Uint8Array | null {
    const whole = this.wholeEntry(part, 1 << 20);
    return whole && this.checkedWhole(whole.entry, inflateSync(whole.data, { out: new Uint8Array(whole.entry.size + 1) }));
  }

  /**
   * The entry and deflated bytes of a part of at least `minSize` bytes to inflate in one call, counted
   * against the package's limit; null for the others.
   */
  private wholeEntry(part: string, minSize: number): { entry: ZipEntry; data: Uint8Array } | null {
    const entry = this.entry(part);
    if (!entry || entry.method !== 8 || entry.encrypted || entry.size < minSize) return null;
    const data = entryData(this.bytes, entry);
    if (entry.size > data.length * PLAUSIBLE_RATIO || entry.size > this.limits.maxEntryBytes) return null;
    if ((this.inflatedWhole += entry.size) > this.limits.maxUncompressedBytes) throw readErrors.tooLargeUncompressed(this.limits.maxUncompressedBytes);
    return { entry, data };
  }

  private checkedWhole(entry: ZipEntry, out: Uint8Array): Uint8Array {
    if (out.length > entry.size) throw readErrors.sizeLie(entry.name);
    return out;
  }

  /**
   * Inflates the big parts of these worksheets ahead of reading them, with the platform's own inflater
   * where it has one (inflateNative): opening a province's master, the web page waits for its data sheet
   * to inflate more than for anything else. Where there is none, readSheet inflates them as before.
   */
  async preinflate(sheets: readonly SheetEntry[]): Promise<void> {
    for (const sheet of sheets) {
      if (!sheet.part || this.sheetBytesRead.has(sheet.part)) continue;
      await this.inflatingAsync(sheet.part, async () => {
        const whole = this.wholeEntry(sheet.part, NATIVE_MIN_SIZE);
        const out = whole && (await inflateNative(whole.data, whole.entry.size));
        if (!whole) return;
        // No native inflater: the entry is counted again when readSheet inflates it.
        if (!out) this.inflatedWhole -= whole.entry.size;
        else this.sheetBytesRead.set(sheet.part, this.checkedWhole(whole.entry, out));
      });
    }
  }

  /** The cells of a worksheet, through the project's reader. */
  readSheet(sheet: SheetEntry): SheetContent {
    const context = this.sheetContext();
    const xml = decodePart(this.sheetBytes(sheet));
    try {
      return readWorksheet(xml, sheet.name, context);
    } catch (error) {
      throw error instanceof WorkbookReadError ? asMasterError(error) : masterErrors.damagedPart(sheet.part, error);
    }
  }

  private sheetContext(): SheetContext {
    if (this.context) return this.context;
    const parse = <T>(part: string | undefined, fallback: string, read: (xml: string) => T): T | null => {
      const name = part ?? fallback;
      const xml = this.text(name);
      if (xml === null) return null;
      try {
        return read(xml);
      } catch (error) {
        throw masterErrors.damagedPart(name, error);
      }
    };
    this.context = {
      sharedStrings: parse(this.targetOf("sharedStrings"), "xl/sharedStrings.xml", readSharedStrings) ?? [],
      dateStyles: parse(this.targetOf("styles"), "xl/styles.xml", readDateStyles) ?? [],
      date1904: this.date1904,
      limits: this.limits,
    };
    return this.context;
  }
}
