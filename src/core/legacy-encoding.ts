// Text typed with the old 8-bit Vietnamese fonts. Before Unicode, offices typed with TCVN3 (ABC) fonts
// such as ".VnTime" or VNI fonts such as "VNI-Times": the file stores the font's byte codes, which Excel
// reads as Windows-1252 / Latin-1 letters, so "Đơn vị" arrives as "§¬n vÞ" (TCVN3) or "Ñôn vò" (VNI).
//
// The tables below were written from the published charts (TCVN 5712:1993 VN3, and the VNI Windows chart).
// TCVN3 has one byte per letter but only lower-case toned letters: capitals came from separate ".VnTimeH"
// fonts that draw the same bytes as capitals. VNI writes a toned letter as its base letter followed by a
// mark byte ("aù" = á), except for đ, ơ, ư and the toned i, which have bytes of their own.
export type LegacyEncoding = "tcvn3" | "vni";

// TCVN3: runs of consecutive byte codes and the letters they stand for.
const TCVN3_RUNS: ReadonlyArray<readonly [number, string]> = [
  [0xa1, "ĂÂÊÔƠƯĐăâêôơưđ"],
  [0xb5, "àảãáạ"],
  [0xbb, "ằẳẵắ"],
  [0xc6, "ặầẩẫấậè"],
  [0xce, "ẻẽéẹềểễếệìỉ"],
  [0xdc, "ĩíịò"],
  [0xe1, "ỏõóọồổỗốộờởỡớợù"],
  [0xf1, "ủũúụừửữứựỳỷỹýỵ"],
];

const TCVN3_DECODE = new Map<string, string>();
for (const [start, letters] of TCVN3_RUNS) {
  Array.from(letters).forEach((letter, i) => TCVN3_DECODE.set(String.fromCharCode(start + i), letter));
}
const TCVN3_ENCODE = new Map(Array.from(TCVN3_DECODE, ([byte, letter]) => [letter, byte]));

const GRAVE = "\u0300";
const ACUTE = "\u0301";
const TILDE = "\u0303";
const HOOK = "\u0309";
const DOT = "\u0323";
const CIRCUMFLEX = "\u0302";
const BREVE = "\u0306";
const HORN = "\u031b";

interface VniMark {
  modifier: "" | typeof CIRCUMFLEX | typeof BREVE;
  tone: string;
}

// VNI mark bytes (lower-case forms; the upper-case Latin-1 letter is the same mark on a capital).
const VNI_MARK_LIST: ReadonlyArray<readonly [string, VniMark]> = [
  ["ù", { modifier: "", tone: ACUTE }],
  ["ø", { modifier: "", tone: GRAVE }],
  ["û", { modifier: "", tone: HOOK }],
  ["õ", { modifier: "", tone: TILDE }],
  ["ï", { modifier: "", tone: DOT }],
  ["â", { modifier: CIRCUMFLEX, tone: "" }],
  ["á", { modifier: CIRCUMFLEX, tone: ACUTE }],
  ["à", { modifier: CIRCUMFLEX, tone: GRAVE }],
  ["å", { modifier: CIRCUMFLEX, tone: HOOK }],
  ["ã", { modifier: CIRCUMFLEX, tone: TILDE }],
  ["ä", { modifier: CIRCUMFLEX, tone: DOT }],
  ["ê", { modifier: BREVE, tone: "" }],
  ["é", { modifier: BREVE, tone: ACUTE }],
  ["è", { modifier: BREVE, tone: GRAVE }],
  ["ú", { modifier: BREVE, tone: HOOK }],
  ["ü", { modifier: BREVE, tone: TILDE }],
  ["ë", { modifier: BREVE, tone: DOT }],
];

// VNI letters with a byte of their own.
const VNI_LETTER_LIST: ReadonlyArray<readonly [string, string]> = [
  ["ñ", "đ"],
  ["ô", "ơ"],
  ["ö", "ư"],
  ["í", "í"],
  ["ì", "ì"],
  ["æ", "ỉ"],
  ["ó", "ĩ"],
  ["ò", "ị"],
  ["î", "ỵ"],
];

function withCapitals<T>(list: ReadonlyArray<readonly [string, T]>, upper: (v: T) => T): Map<string, T> {
  return new Map(list.flatMap(([byte, v]) => [[byte, v] as const, [byte.toUpperCase(), upper(v)] as const]));
}

const VNI_MARKS = withCapitals(VNI_MARK_LIST, (m) => m);
const VNI_LETTERS = withCapitals(VNI_LETTER_LIST, (s) => s.toUpperCase());
const VNI_LETTER_ENCODE = new Map(Array.from(VNI_LETTERS, ([byte, letter]) => [letter, byte]));
const VNI_MARK_ENCODE = new Map(VNI_MARK_LIST.map(([byte, m]) => [m.modifier + m.tone, byte]));

/** Latin-1 letters that ordinary Unicode Vietnamese also uses: alone they prove nothing. */
const UNICODE_VIETNAMESE = new Set(Array.from("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý"));
/** Vowel pairs of real Vietnamese words ("hoà", "quá", "quân", "tiên", "già", "giúp") that look like VNI. */
const UNICODE_PAIRS = new Set(["oà", "oá", "oã", "oè", "oé", "uà", "uá", "uã", "uâ", "uê", "uè", "ué", "iê", "yê", "ià", "iá", "iã", "iú", "iù"]);
/** Letters only Unicode text has (precomposed Vietnamese, combining marks): such text is not legacy. */
// eslint-disable-next-line no-misleading-character-class -- the combining marks are wanted on their own: any one is Unicode-only
const UNICODE_ONLY = /[\u0100-\u024f\u0300-\u036f\u1ea0-\u1ef9]/;
const LATIN1_LETTER = /[\u00a1-\u00ff]/;
const ASCII_LETTER = /[A-Za-z]/;
const ASCII_VOWEL = /[aeiouyAEIOUY]/;

const isTcvn3 = (c: string) => TCVN3_DECODE.has(c);
const isVni = (c: string) => VNI_MARKS.has(c) || VNI_LETTERS.has(c);
const isLetter = (c: string | undefined) => c !== undefined && (ASCII_LETTER.test(c) || isTcvn3(c) || isVni(c));

const isCapital = (c: string | undefined) => c !== undefined && c !== c.toLowerCase();
const isLower = (c: string | undefined) => c !== undefined && c !== c.toUpperCase();

/** Which encoding one letter, read with its neighbours, points to (null when it proves nothing). */
function letterEvidence(c: string, prev: string | undefined, next: string | undefined): LegacyEncoding | null {
  const t = isTcvn3(c);
  const v = isVni(c);
  if (!t && !v) return null;
  const unicode = UNICODE_VIETNAMESE.has(c);
  if (!unicode && t !== v) {
    // "§", "¬", "¸" (TCVN3) or "Ä", "Å", "Û" (VNI): letters of one encoding only; a lone "©" is just a sign.
    return v || isLetter(prev) || isLetter(next) ? (t ? "tcvn3" : "vni") : null;
  }
  const afterVowel = prev !== undefined && (ASCII_VOWEL.test(prev) || "ôöÔÖ".includes(prev));
  const capitalInsideWord = isCapital(c) && isLetter(prev) && isLower(next);
  if (VNI_MARKS.has(c) && afterVowel && !(isCapital(c) && isLower(prev))) {
    // A VNI mark after its vowel ("aù"), unless real words put those two letters together ("quá").
    return unicode && UNICODE_PAIRS.has((prev + c).toLowerCase()) ? null : "vni";
  }
  // "KÕt", "MÉu": TCVN3 toned letters are Latin-1 capitals, and Unicode text has no capital inside a word.
  if (capitalInsideWord) return "tcvn3";
  if (prev !== undefined && ASCII_LETTER.test(prev) && !afterVowel) {
    // After a consonant a VNI mark, or VNI's word-initial đ, makes no sense; a TCVN3 vowel does ("häc", "chñ").
    return !unicode && (VNI_MARKS.has(c) || c.toLowerCase() === "ñ") ? "tcvn3" : null;
  }
  return c.toLowerCase() === "ñ" && !isLetter(prev) ? "vni" : null; // VNI đ starting a word: "Ñôn vò"
}

/** How strongly a text looks like each legacy encoding: one point per letter that points to it. */
function evidence(chars: string[]): { tcvn3: number; vni: number } {
  const score = { tcvn3: 0, vni: 0 };
  chars.forEach((c, i) => {
    const points = letterEvidence(c, chars[i - 1], chars[i + 1]);
    if (points) score[points]++;
  });
  return score;
}

/**
 * The legacy encoding a text was typed in, or null for ordinary (Unicode or ASCII) text. `hint` is the
 * encoding other cells of the same sheet were found in: with it, any letter that encoding uses and Unicode
 * text never does is enough ("Tæng sè" alone is ambiguous, on a TCVN3 sheet it is "Tổng số").
 */
export function detectLegacyEncoding(text: string, hint?: LegacyEncoding | null): LegacyEncoding | null {
  if (!LATIN1_LETTER.test(text) || UNICODE_ONLY.test(text)) return null;
  const chars = Array.from(text);
  const score = evidence(chars);
  if (score.tcvn3 > score.vni) return "tcvn3";
  if (score.vni > score.tcvn3) return "vni";
  if (!hint) return null;
  const belongs = hint === "tcvn3" ? isTcvn3 : isVni;
  return score.tcvn3 + score.vni > 0 || chars.some((c) => belongs(c) && !UNICODE_VIETNAMESE.has(c)) ? hint : null;
}

/** Legacy text as NFC Unicode. */
export function decodeLegacy(text: string, encoding: LegacyEncoding): string {
  return (encoding === "tcvn3" ? decodeTcvn3(text) : decodeVni(text)).normalize("NFC");
}

/**
 * Unicode text as a legacy font would have stored it: for test fixtures and sample files. TCVN3 has no
 * toned capitals, so those are written with the lower-case byte, as the ".VnTimeH" fonts expect.
 */
export function encodeLegacy(text: string, encoding: LegacyEncoding): string {
  const chars = Array.from(text.normalize("NFC"));
  return chars.map(encoding === "tcvn3" ? encodeTcvn3Letter : encodeVniLetter).join("");
}

function decodeTcvn3(text: string): string {
  // A word typed in capitals (with a ".VnTimeH" font) gets capital toned letters too.
  return text.replace(/\S+/g, (word) => {
    const decoded = Array.from(word, (c) => TCVN3_DECODE.get(c) ?? c).join("");
    const capitals = word.replace(/[^A-Z]/g, "").length;
    return capitals >= 2 && !/[a-z]/.test(word) ? decoded.toUpperCase() : decoded;
  });
}

function decodeVni(text: string): string {
  const chars = Array.from(text);
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    const letter = VNI_LETTERS.get(chars[i]) ?? chars[i];
    const mark = VNI_MARKS.get(chars[i + 1]);
    if (mark && takesMark(letter, mark)) {
      out += (letter + mark.modifier + mark.tone).normalize("NFC");
      i++;
    } else {
      out += letter;
    }
  }
  return out;
}

function takesMark(letter: string, mark: VniMark): boolean {
  const base = letter.toLowerCase();
  if (mark.modifier === CIRCUMFLEX) return "aeo".includes(base);
  if (mark.modifier === BREVE) return base === "a";
  return "aeiouyơư".includes(base);
}

function encodeTcvn3Letter(c: string): string {
  return TCVN3_ENCODE.get(c) ?? TCVN3_ENCODE.get(c.toLowerCase()) ?? c;
}

function encodeVniLetter(c: string): string {
  const own = VNI_LETTER_ENCODE.get(c);
  if (own) return own;
  const [base, ...marks] = Array.from(c.normalize("NFD"));
  if (marks.length === 0 || !ASCII_VOWEL.test(base)) return c;
  const horned = marks.includes(HORN);
  const vniBase = horned ? VNI_LETTER_ENCODE.get((base + HORN).normalize("NFC")) ?? base : base;
  // NFD puts a dot below before the circumflex or breve ("ậ" = a + dot + circumflex): rebuild the key in table order.
  const modifier = marks.find((m) => m === CIRCUMFLEX || m === BREVE) ?? "";
  const tone = marks.find((m) => m !== CIRCUMFLEX && m !== BREVE && m !== HORN) ?? "";
  if (modifier + tone === "") return vniBase;
  const mark = VNI_MARK_ENCODE.get(modifier + tone);
  if (mark === undefined) return c;
  return vniBase + (base === base.toUpperCase() ? mark.toUpperCase() : mark);
}
