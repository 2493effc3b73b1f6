// The text of a string item (<si> in the shared strings, <is> in a cell): plain or rich-text runs
// concatenated; phonetic runs (<rPh>, furigana) are not part of the value.
import { MAX_CELL_TEXT } from "./limits";
import { decodeOoxmlEscapes, XmlScanner } from "./xml";

/** Called on the item's start tag; leaves the scanner on its end tag. */
export function readStringItem(scanner: XmlScanner): string {
  if (scanner.selfClosing) return "";
  const inside = scanner.depth;
  let text = "";
  let phoneticDepth = 0;
  while (scanner.next() && scanner.depth >= inside) {
    if (scanner.name === "rPh") {
      if (!scanner.closing && !scanner.selfClosing) phoneticDepth++;
      else if (scanner.closing) phoneticDepth--;
    } else if (scanner.name === "t" && !scanner.closing && phoneticDepth === 0) {
      text += scanner.text();
    }
  }
  return decodeCellText(text);
}

/** Cell text as Excel would hold it: escapes decoded, cut at Excel's 32,767-character limit. */
export function decodeCellText(raw: string): string {
  const text = decodeOoxmlEscapes(raw);
  return text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT) : text;
}

export function readSharedStrings(xml: string): string[] {
  const scanner = new XmlScanner(xml);
  const strings: string[] = [];
  while (scanner.next()) {
    if (scanner.name !== "si" || scanner.closing) continue;
    const literal = scanner.literalContent("<t>", "</t></si>");
    strings.push(literal !== null ? decodeCellText(literal) : readStringItem(scanner));
  }
  scanner.finish();
  return strings;
}
