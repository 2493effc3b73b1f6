// Text file bytes -> text, for units lists saved from Excel on a Vietnamese Windows: "CSV UTF-8" (with or
// without a BOM), "CSV" in the Windows code page (Windows-1258, which writes most toned letters as a base
// letter and a combining tone mark) and "Unicode Text" (UTF-16 LE with a BOM, tab-separated). Anything
// else is refused with the encoding named, rather than read into wrong names.
import { InputError } from "../core/input-error";

const SAVE_AS_UTF8 = "Hãy mở tệp bằng Excel và lưu lại với kiểu “CSV UTF-8 (Comma delimited)”.";

/** TextDecoder with `fatal`: a byte sequence that is not valid in the encoding throws instead of becoming U+FFFD. */
function strict(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function refuse(name: string, what: string): never {
  throw new InputError(`Không đọc được “${name}”: ${what}. ${SAVE_AS_UTF8}`);
}

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** The text of the file, NFC, without its BOM; throws an InputError naming the encoding it cannot read. */
export function decodeTextFile(name: string, bytes: Uint8Array): string {
  const text = decode(name, bytes).normalize("NFC");
  // Excel writes "?" for a letter its code page lacks: the names are already lost in the file.
  const lost = text.split(/\r\n|\r|\n/).findIndex((line) => /\p{L}\?|\?\p{L}/u.test(line));
  if (lost >= 0) refuse(name, `dòng ${lost + 1} có dấu “?” thay cho chữ có dấu (tệp được lưu bằng bảng mã không đủ chữ tiếng Việt)`);
  return text;
}

function decode(name: string, bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff])) refuse(name, "tệp dùng bảng mã UTF-32");
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return strict("utf-8", bytes.subarray(3)) ?? refuse(name, "tệp ghi là UTF-8 nhưng có byte không hợp lệ trong UTF-8");
  if (startsWith(bytes, [0xff, 0xfe])) return strict("utf-16le", bytes.subarray(2)) ?? refuse(name, "tệp ghi là Unicode (UTF-16 LE) nhưng bị hỏng");
  if (startsWith(bytes, [0xfe, 0xff])) return strict("utf-16be", bytes.subarray(2)) ?? refuse(name, "tệp ghi là Unicode (UTF-16 BE) nhưng bị hỏng");
  if (bytes.includes(0)) refuse(name, "tệp có byte 0: có thể là Unicode (UTF-16) không có dấu BOM, hoặc không phải tệp văn bản");
  const utf8 = strict("utf-8", bytes);
  if (utf8 !== null) return utf8;
  const ansi = strict("windows-1258", bytes);
  // Windows-1258 leaves a few bytes unassigned; the decoder maps them to C1 controls, which no text has.
  if (ansi === null || /[\u0080-\u009f]/.test(ansi)) refuse(name, "tệp không phải UTF-8, Unicode (UTF-16) hay Windows-1258 (bảng mã tiếng Việt của Windows)");
  return ansi;
}
