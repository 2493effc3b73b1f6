// Tells what kind of file the bytes are, from their content (never the name): each kind is read by its own
// reader, or refused with advice of its own.
import { inflateEntry, isZip, readZipDirectory, type ZipDirectory, type ZipEntry } from "./zip";

export type FileKind =
  | "xlsx"
  | "xls"
  | "xlsb"
  | "ods"
  | "docx"
  | "doc"
  | "odt"
  | "encrypted"
  | "csv"
  | "pdf"
  | "image"
  | "rtf"
  /** A zip, rar or 7z archive that is not an Office or OpenDocument file. */
  | "archive"
  | "unknown";

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ENCRYPTION_STREAMS = ["EncryptionInfo", "EncryptedPackage"];
const WORKBOOK_STREAMS = ["Workbook", "Book"];
const WORD_STREAM = "WordDocument";
// A Map: a mimetype entry saying "constructor" must not find Object.prototype.
const ODF_MIMETYPES = new Map<string, FileKind>([
  ["application/vnd.oasis.opendocument.spreadsheet", "ods"],
  ["application/vnd.oasis.opendocument.text", "odt"],
]);
const DIRECTORY_ENTRY_SIZE = 128;

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && CFB_MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * The kind of a compound file (Office 97-2003, or an encrypted OOXML package) from the names of its
 * streams. Directory entries sit at 128-byte boundaries (sectors are 512 or 4096 bytes), each starting
 * with its UTF-16 name and the name's byte length at offset 64; scanning them all avoids trusting a
 * possibly damaged sector chain. A compound file with none of the names is taken for a damaged .xls,
 * which its reader then refuses.
 */
function compoundFileKind(bytes: Uint8Array): FileKind {
  let word = false;
  let workbook = false;
  for (let at = 512; at + DIRECTORY_ENTRY_SIZE <= bytes.length; at += DIRECTORY_ENTRY_SIZE) {
    const nameBytes = bytes[at + 64] | (bytes[at + 65] << 8);
    if (nameBytes < 2 || nameBytes > 64) continue;
    const named = (name: string) => nameBytes === (name.length + 1) * 2 && utf16At(bytes, at, name);
    if (ENCRYPTION_STREAMS.some(named)) return "encrypted";
    word ||= named(WORD_STREAM);
    workbook ||= WORKBOOK_STREAMS.some(named);
  }
  return word && !workbook ? "doc" : "xls";
}

function utf16At(bytes: Uint8Array, at: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (bytes[at + 2 * i] !== text.charCodeAt(i) || bytes[at + 2 * i + 1] !== 0) return false;
  }
  return true;
}

/**
 * An OpenDocument's declared type. ODF stores the mimetype entry uncompressed, first; some programs
 * deflate it all the same, and a short one is inflated (a long one is not a mimetype).
 */
function mimetypeText(bytes: Uint8Array, entry: ZipEntry): string {
  let text = "";
  try {
    if (entry.compressedSize > 200 || entry.size > 200) return "";
    inflateEntry(bytes, entry, (chunk) => (text += new TextDecoder().decode(chunk.subarray(0, 200))));
  } catch {
    return "";
  }
  return text.trim();
}

/** The kind of a zip package, from its part names (and an OpenDocument's stored mimetype). */
export function zipKind(bytes: Uint8Array, directory: ZipDirectory): FileKind {
  if (directory.has("xl/workbook.bin")) return "xlsb";
  const mimetype = directory.get("mimetype");
  const kind = mimetype && ODF_MIMETYPES.get(mimetypeText(bytes, mimetype));
  if (kind) return kind;
  // The workbook part may sit elsewhere than xl/ (the package relationships say where), but it is always
  // named workbook.xml, which no Word or PowerPoint package has; a Word package's main part is document.xml.
  let document = false;
  for (const name of directory.keys()) {
    if (name.endsWith("workbook.xml")) return "xlsx";
    document ||= name === "word/document.xml" || name.endsWith("/document.xml");
  }
  return document ? "docx" : "archive";
}

const MAGIC: ReadonlyArray<readonly [FileKind, readonly number[]]> = [
  ["image", [0x89, 0x50, 0x4e, 0x47]], // PNG
  ["image", [0xff, 0xd8, 0xff]], // JPEG
  ["image", [0x47, 0x49, 0x46, 0x38]], // GIF8
  ["image", [0x49, 0x49, 0x2a, 0x00]], // TIFF, little-endian
  ["image", [0x4d, 0x4d, 0x00, 0x2a]], // TIFF, big-endian
  ["rtf", [0x7b, 0x5c, 0x72, 0x74, 0x66]], // {\rtf
  ["archive", [0x52, 0x61, 0x72, 0x21]], // Rar!
  ["archive", [0x37, 0x7a, 0xbc, 0xaf]], // 7z
  ["archive", [0x1f, 0x8b]], // gzip
];

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  return bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);
}

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const FTYP = [0x66, 0x74, 0x79, 0x70]; // ISO media "ftyp": HEIC photos from phones
const WEBP = [0x57, 0x45, 0x42, 0x50];

/** Photos and scans sent instead of the report: PDF (its header may follow some junk) and image formats. */
function pictureKind(bytes: Uint8Array): FileKind | null {
  const head = Math.min(bytes.length - PDF.length, 1024);
  for (let at = 0; at <= head; at++) if (startsWith(bytes, PDF, at)) return "pdf";
  for (const [kind, magic] of MAGIC) if (startsWith(bytes, magic)) return kind;
  // BMP: "BM", the file size, then four reserved zero bytes (a bare "BM" may begin a CSV line).
  const bmp = startsWith(bytes, [0x42, 0x4d]) && startsWith(bytes, [0, 0, 0, 0], 6);
  if (bmp || startsWith(bytes, FTYP, 4) || (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, WEBP, 8))) return "image";
  return null;
}

/** Text whose first kilobytes are printable and hold field separators. */
function looksLikeDelimitedText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  let separators = 0;
  for (const b of head) {
    if (b === 0 || (b < 32 && b !== 9 && b !== 10 && b !== 13)) return false;
    if (b === 44 || b === 59 || b === 9) separators++;
  }
  return separators > 0;
}

/** Text starting with "<" (HTML or XML saved under an Excel name), after an optional BOM and blanks. */
export function looksLikeMarkup(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 32 || bytes[i] === 9 || bytes[i] === 10 || bytes[i] === 13)) i++;
  return bytes[i] === 60;
}

export function sniffFormat(bytes: Uint8Array): FileKind {
  if (isCompoundFile(bytes)) return compoundFileKind(bytes);
  if (isZip(bytes)) {
    try {
      return zipKind(bytes, readZipDirectory(bytes));
    } catch {
      return "unknown";
    }
  }
  const picture = pictureKind(bytes);
  if (picture) return picture;
  if (bytes.length > 0 && !looksLikeMarkup(bytes) && looksLikeDelimitedText(bytes)) return "csv";
  return "unknown";
}
