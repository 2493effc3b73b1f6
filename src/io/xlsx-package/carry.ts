// What a product sheet keeps when the product rewrites it. The sheet's cells, formats and layout are the
// product's; a few things in its XML are the clerk's and stay: the VBA code name (macros refer to the
// sheet by it), the tab colour, a sheet protection, and the drawing and notes anchored on it (charts,
// shapes, text boxes, pictures, comments). The rest of the old sheet (its conditional formats,
// validations, tables, filters, page breaks) described the old cells and goes with them.
import type { MasterPackageParts, SheetEntry } from "./package";
import type { SheetCarry } from "./sheet-xml";
import { relationshipsPartOf } from "../xlsx/package-parts";
import { XmlScanner } from "../xlsx/xml";
import { child, parseElements, type XmlElement } from "./xml-edit";

export interface ReplacedSheet {
  /** The sheet's XML as it is now. */
  xml: string;
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

/** Offsets of the sheet's cell table: the text before it and after it is all this module reads. */
function sheetDataBounds(xml: string): { start: number; end: number } | null {
  // indexOf, not a regular expression: the table is most of a sheet of tens of megabytes.
  let open = xml.indexOf("<sheetData");
  let prefix = "";
  if (open < 0) {
    const colon = xml.indexOf(":sheetData");
    if (colon < 0) return null;
    const lt = xml.lastIndexOf("<", colon);
    prefix = xml.slice(lt + 1, colon + 1);
    open = lt;
  }
  const tagEnd = xml.indexOf(">", open);
  if (tagEnd < 0) return null;
  if (xml[tagEnd - 1] === "/") return { start: open, end: tagEnd + 1 };
  const close = `</${prefix}sheetData>`;
  const end = xml.lastIndexOf(close);
  return end < 0 ? null : { start: open, end: end + close.length };
}

/** Whether a sheet's first view is selected: read from the start of its part, which is all that is inflated. */
export function isTabSelected(parts: MasterPackageParts, sheet: SheetEntry): boolean {
  const head = sheet.part ? parts.head(sheet.part) : null;
  if (head === null) return true; // unreadable: assume selected, so the active tab is not moved
  const cut = sheetDataBounds(head)?.start ?? head.lastIndexOf(">") + 1;
  try {
    const [root] = parseElements(head.slice(0, cut), 3);
    const view = root && child(root, "sheetViews")?.children.find((v) => v.name === "sheetView");
    const flag = view?.attrs.get("tabSelected");
    return flag === "1" || flag === "true";
  } catch {
    return true;
  }
}

/** What the rewritten sheet keeps of this one, read from its current XML and relationships. */
export function replacedSheet(parts: MasterPackageParts, sheet: SheetEntry): ReplacedSheet {
  const xml = parts.sheetText(sheet);
  const bounds = sheetDataBounds(xml) ?? { start: xml.length, end: xml.length };
  const head = xml.slice(0, bounds.start);
  const [root] = parseElements(head, 3);
  const sheetPr = root && child(root, "sheetPr");
  // The tail after the cells is wrapped in an element of its own so that </worksheet> closes something.
  const tail = `<tail>${xml.slice(bounds.end)}`;
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
  return { xml, carry, rels: keptRelationships(parts, sheet, carry) };
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
