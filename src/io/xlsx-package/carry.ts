// What a product sheet keeps when the product rewrites it. The sheet's cells, formats and layout are the
// product's; a few things in its XML are the clerk's and stay: the VBA code name (macros refer to the
// sheet by it), the tab colour, a sheet protection, and the drawing and notes anchored on it (charts,
// shapes, text boxes, pictures, comments). The rest of the old sheet (its conditional formats,
// validations, tables, filters, page breaks) described the old cells and goes with them.
import type { MasterPackageParts, SheetEntry } from "./package";
import type { SheetCarry } from "./sheet-xml";
import { relationshipsPartOf } from "../xlsx/package-parts";
import { decodePart } from "../xlsx/package-reader";
import { XmlScanner } from "../xlsx/xml";
import { child, parseElements, type XmlElement } from "./xml-edit";

export interface ReplacedSheet {
  /** The sheet's part as it is now. */
  bytes: Uint8Array;
  carry: SheetCarry;
  /** The sheet's relationships part, and its new text: only what the carried elements use; null = remove the part. */
  rels: { part: string; xml: string | null } | null;
}

/** Relationship kinds a sheet keeps with no element in the sheet naming them. */
const ATTACHED_BY_RELATIONSHIP = new Set(["comments", "threadedComment"]);

/** `name="value"` pairs of a start tag without prefixed attributes (whose prefixes the new part would not declare). */
function plainAttributes(tag: string): string {
  const scanner = new XmlScanner(tag.endsWith("/>") ? tag : tag.replace(/>$/, "/>"));
  scanner.next();
  let out = "";
  while (scanner.nextAttr()) {
    const name = scanner.attrQualifiedName();
    if (name.includes(":")) continue;
    out += ` ${name}="${scanner.attrValue().replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)}"`;
  }
  return out;
}

function emptyElement(xml: string, element: XmlElement | undefined, name: string): string | undefined {
  return element ? `<${name}${plainAttributes(xml.slice(element.start, element.openEnd))}/>` : undefined;
}

/** Where the sheet's cell table starts, or -1. indexOf, not a regular expression: it is most of a big part. */
function cellsStart(xml: string): number {
  const plain = xml.indexOf("<sheetData");
  if (plain >= 0) return plain;
  const colon = xml.indexOf(":sheetData");
  return colon < 0 ? -1 : xml.lastIndexOf("<", colon);
}

/** Where the text after the sheet's cell table starts (after </sheetData>, </x:sheetData> or <sheetData/>), or -1. */
function cellsEnd(xml: string): number {
  const close = xml.lastIndexOf("sheetData>");
  if (close >= 0 && xml.lastIndexOf("</", close) > xml.lastIndexOf(">", close)) return close + "sheetData>".length;
  const empty = xml.lastIndexOf("sheetData/>");
  return empty < 0 ? -1 : empty + "sheetData/>".length;
}

/** Whether a sheet's first view is selected: read from the start of its part, which is all that is inflated. */
export function isTabSelected(parts: MasterPackageParts, sheet: SheetEntry): boolean {
  const head = sheet.part ? parts.head(sheet.part) : null;
  if (head === null) return true; // unreadable: assume selected, so the active tab is not moved
  const start = cellsStart(head);
  const cut = start >= 0 ? start : head.lastIndexOf(">") + 1;
  try {
    const [root] = parseElements(head.slice(0, cut), 3);
    const view = root && child(root, "sheetViews")?.children.find((v) => v.name === "sheetView");
    const flag = view?.attrs.get("tabSelected");
    return flag === "1" || flag === "true";
  } catch {
    return true;
  }
}

/** Bytes decoded from either end of a big part: enough for the elements before and after its cells. */
const END_WINDOW = 1024 * 1024;

/** The sheet's XML before its cells and after them, decoding only those ends of a big UTF-8 part. */
function sheetEnds(bytes: Uint8Array): { head: string; tail: string } {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && bytes.length > 2 * END_WINDOW) {
    const start = decodePart(bytes.subarray(0, END_WINDOW));
    const end = decodePart(bytes.subarray(bytes.length - END_WINDOW));
    const [open, close] = [cellsStart(start), cellsEnd(end)];
    if (open >= 0 && close >= 0) return { head: start.slice(0, open), tail: end.slice(close) };
  }
  const xml = decodePart(bytes);
  const [open, close] = [cellsStart(xml), cellsEnd(xml)];
  return open < 0 || close < 0 ? { head: xml, tail: "" } : { head: xml.slice(0, open), tail: xml.slice(close) };
}

/** What the rewritten sheet keeps of this one, read from its current XML and relationships. */
export function replacedSheet(parts: MasterPackageParts, sheet: SheetEntry): ReplacedSheet {
  const bytes = parts.sheetBytes(sheet);
  const { head, tail: after } = sheetEnds(bytes);
  const [root] = parseElements(head, 3);
  const sheetPr = root && child(root, "sheetPr");
  // The tail after the cells is wrapped in an element of its own so that </worksheet> closes something.
  const tail = `<tail>${after}`;
  const [tailRoot] = parseElements(tail, 2);
  const at = (name: string) => (tailRoot ? child(tailRoot, name) : undefined);
  const carry: SheetCarry = {
    codeName: sheetPr?.attrs.get("codeName"),
    tabColor: sheetPr && emptyElement(head, child(sheetPr, "tabColor"), "tabColor"),
    protection: emptyElement(tail, at("sheetProtection"), "sheetProtection"),
    drawing: at("drawing")?.attrs.get("id"),
    legacyDrawing: at("legacyDrawing")?.attrs.get("id"),
    legacyDrawingHF: at("legacyDrawingHF")?.attrs.get("id"),
    picture: at("picture")?.attrs.get("id"),
  };
  return { bytes, carry, rels: keptRelationships(parts, sheet, carry) };
}

function keptRelationships(parts: MasterPackageParts, sheet: SheetEntry, carry: SheetCarry): ReplacedSheet["rels"] {
  const part = relationshipsPartOf(sheet.part);
  const rels = parts.xmlPart(part, 2);
  if (!rels) return null;
  const used = new Set([carry.drawing, carry.legacyDrawing, carry.legacyDrawingHF, carry.picture].filter((id) => id !== undefined));
  const kept = rels.root.children.filter((r) => {
    if (r.name !== "Relationship") return false;
    const type = r.attrs.get("Type") ?? "";
    return used.has(r.attrs.get("Id") ?? "") || ATTACHED_BY_RELATIONSHIP.has(type.slice(type.lastIndexOf("/") + 1));
  });
  if (kept.length === rels.root.children.length) return null; // unchanged: carried over as it is
  if (!kept.length) return { part: rels.name, xml: null };
  const { root } = rels;
  const xml =
    rels.xml.slice(0, root.openEnd).replace(/\/>$/, ">") + kept.map((r) => rels.xml.slice(r.start, r.end)).join("") + `</${root.prefix}${root.name}>`;
  return { part: rels.name, xml };
}
