// Tells what kind of file the bytes are, so each non-xlsx kind gets its own advice.
import { isZip, readZipDirectory, type ZipDirectory } from "./zip";

export type FileKind = "xlsx" | "xls" | "xlsb" | "ods" | "encrypted" | "csv" | "unknown";

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ENCRYPTION_STREAMS = ["EncryptionInfo", "EncryptedPackage"];
const ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";
const DIRECTORY_ENTRY_SIZE = 128;

function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && CFB_MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * True when a compound file has a stream named like an encrypted OOXML package. Directory entries sit
 * at 128-byte boundaries (sectors are 512 or 4096 bytes), each starting with its UTF-16 name and the
 * name's byte length at offset 64; scanning them all avoids trusting a possibly damaged sector chain.
 */
function hasEncryptionStream(bytes: Uint8Array): boolean {
  for (let at = 512; at + DIRECTORY_ENTRY_SIZE <= bytes.length; at += DIRECTORY_ENTRY_SIZE) {
    const nameBytes = bytes[at + 64] | (bytes[at + 65] << 8);
    for (const name of ENCRYPTION_STREAMS) {
      if (nameBytes === (name.length + 1) * 2 && utf16At(bytes, at, name)) return true;
    }
  }
  return false;
}

function utf16At(bytes: Uint8Array, at: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (bytes[at + 2 * i] !== text.charCodeAt(i) || bytes[at + 2 * i + 1] !== 0) return false;
  }
  return true;
}

/** The spreadsheet kind of a zip package, from its part names. */
export function zipKind(bytes: Uint8Array, directory: ZipDirectory): FileKind {
  if (directory.has("xl/workbook.bin")) return "xlsb";
  const mimetype = directory.get("mimetype");
  if (mimetype && mimetype.method === 0) {
    const start = mimetype.localOffset + 30 + (bytes[mimetype.localOffset + 26] | (bytes[mimetype.localOffset + 27] << 8));
    const declared = new TextDecoder().decode(bytes.subarray(start, start + ODS_MIMETYPE.length));
    if (declared === ODS_MIMETYPE) return "ods";
  }
  // The workbook part may sit elsewhere than xl/ (the package relationships say where), but it is always
  // named workbook.xml, which no Word or PowerPoint package has.
  for (const name of directory.keys()) if (name.endsWith("workbook.xml")) return "xlsx";
  return "unknown";
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
  if (isCompoundFile(bytes)) return hasEncryptionStream(bytes) ? "encrypted" : "xls";
  if (isZip(bytes)) {
    try {
      return zipKind(bytes, readZipDirectory(bytes));
    } catch {
      return "unknown";
    }
  }
  if (bytes.length > 0 && !looksLikeMarkup(bytes) && looksLikeDelimitedText(bytes)) return "csv";
  return "unknown";
}
