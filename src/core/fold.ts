// Folding text for comparison: "Quý I / 2026", "quy i/2026" and a decomposed (NFD) spelling all compare equal.

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Lower case, no diacritics (đ -> d), single spaces, trimmed. For matching only, never for display. */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[\s\u00a0\u200b]+/g, " ")
    .trim();
}

/** foldText without any spaces or punctuation: "Mã  đơn-vị" -> "madonvi". For labels and codes. */
export function foldCompact(text: string): string {
  return foldText(text).replace(/[^a-z0-9]/g, "");
}
