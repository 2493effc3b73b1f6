// The floor for reading a report: unzip the two parts that hold the values and make one pass over
// them, counting cells and decoding the shared strings, nothing else. No reader can do less and still
// see every value; the product's reader is measured against this. Runs in Node and in the browser.
import { unzipSync } from "fflate";

const SHEET = "xl/worksheets/sheet1.xml";
const STRINGS = "xl/sharedStrings.xml";
const decoder = new TextDecoder();

const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"', "&apos;": "'" };

export function countCells(xml: string): number {
  let cells = 0;
  for (let at = xml.indexOf("<c ", 0); at !== -1; at = xml.indexOf("<c ", at + 3)) cells++;
  return cells;
}

export function decodeStrings(xml: string): string[] {
  const strings: string[] = [];
  let at = xml.indexOf("<t");
  while (at !== -1) {
    const open = xml.indexOf(">", at);
    const close = xml.indexOf("</t>", open);
    if (open === -1 || close === -1) break;
    const raw = xml.slice(open + 1, close);
    strings.push(raw.includes("&") ? raw.replace(/&(lt|gt|amp|quot|apos);/g, (e) => ENTITIES[e]) : raw);
    at = xml.indexOf("<t", close + 4);
  }
  return strings;
}

/** Cells plus string characters seen: returned so the work cannot be optimised away. */
export function lowerBound(bytes: Uint8Array): number {
  const parts = unzipSync(bytes, { filter: (f) => f.name === SHEET || f.name === STRINGS });
  const cells = countCells(decoder.decode(parts[SHEET]));
  const strings = decodeStrings(decoder.decode(parts[STRINGS]));
  let chars = 0;
  for (const s of strings) chars += s.length;
  return cells + chars;
}
