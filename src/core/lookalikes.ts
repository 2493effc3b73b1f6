// Codes typed with letters that only look Latin: a Cyrillic "С" or a Greek "Τ" pasted from a chat or a
// Russian keyboard layout makes "СТ01" look like CT01 and match nothing. Codes are read in Latin with the
// exact characters named, so the unit can fix its file.
import { foldCompact } from "./fold";

/** Cyrillic and Greek capitals and small letters drawn like a Latin letter, and that letter. */
const LOOKALIKES = new Map<string, { latin: string; script: "Kirin" | "Hy Lạp" }>([
  ...[..."АВЕКМНОРСТУХЅІЈ"].map((ch, i) => [ch, { latin: "ABEKMHOPCTYXSIJ"[i], script: "Kirin" as const }] as const),
  ...[..."аеорсухѕіј"].map((ch, i) => [ch, { latin: "aeopcyxsij"[i], script: "Kirin" as const }] as const),
  ...[..."ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ"].map((ch, i) => [ch, { latin: "ABEZHIKMNOPTYX"[i], script: "Hy Lạp" as const }] as const),
  ...[..."ο"].map((ch) => [ch, { latin: "o", script: "Hy Lạp" as const }] as const),
]);

export interface LookalikeChar {
  char: string;
  latin: string;
  script: "Kirin" | "Hy Lạp";
}

export interface LatinCode {
  /** The code with every lookalike replaced by its Latin letter, and full-width forms made plain (NFKC). */
  text: string;
  /** The lookalikes found, in order, each once. */
  replaced: LookalikeChar[];
  /** Letters, digits and symbols that are not Latin (with or without diacritics) nor look-alikes, each once. */
  foreign: string[];
}

const LETTER_OR_SYMBOL = /[\p{L}\p{N}\p{S}]/u;

const NONE_REPLACED: LookalikeChar[] = [];
const NONE_FOREIGN: string[] = [];

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** A code as Latin text, with what had to change. Plain ASCII codes come back unchanged and cheaply. */
export function latinCode(code: string): LatinCode {
  if (isAscii(code)) return { text: code, replaced: NONE_REPLACED, foreign: NONE_FOREIGN };
  const replaced: LookalikeChar[] = [];
  const foreign: string[] = [];
  let text = "";
  for (const ch of code.normalize("NFKC")) {
    const look = LOOKALIKES.get(ch);
    if (look) {
      if (!replaced.some((r) => r.char === ch)) replaced.push({ char: ch, ...look });
      text += look.latin;
      continue;
    }
    // Comparing codes folds case, diacritics and punctuation away; anything else folded away is foreign.
    if (LETTER_OR_SYMBOL.test(ch) && foldCompact(ch) === "" && !foreign.includes(ch)) foreign.push(ch);
    text += ch;
  }
  return { text, replaced, foreign };
}

/** "“С” (chữ Kirin, U+0421) thay bằng “C”": what a message says about one character. */
export function describeLookalike(c: LookalikeChar): string {
  return `“${c.char}” (chữ ${c.script}, ${codePoint(c.char)}) đọc là “${c.latin}”`;
}

/** "“★” (U+2605), “Д” (U+0414)": characters a code may not hold, as a message names them. */
export function describeForeign(chars: readonly string[]): string {
  return chars.map((ch) => `“${ch}” (${codePoint(ch)})`).join(", ");
}

function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}
