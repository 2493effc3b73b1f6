// The cell formats the product's sheets need, found in or appended to xl/styles.xml. Existing number
// formats, fonts, fills, borders and cell formats keep their indices (the clerk's cells point at them);
// an entry the product needs is reused when an identical one is already there, so patching the same
// master again and again does not make its styles grow.
import { appendInside, child, escapeAttribute, parseElements, parseRoot, Splice, withAttribute, withPrefix, type XmlElement } from "./xml-edit";

/** What a product cell looks like, in the terms of SheetSpec. */
export interface CellLook {
  /** Excel number format code; "" = General. */
  numFmt: string;
  bold: boolean;
  wrap: boolean;
  /** Aligned to the top of the cell (a table body beside wrapped names); else wrapped text is centred. */
  top?: boolean;
  /** RGB hex without "#". */
  fill?: string;
  fontColor?: string;
}

/** Built-in number formats (ECMA-376 18.8.30) the product uses, which need no <numFmt>. */
const BUILTIN_FORMATS: Record<string, number> = { "": 0, General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };
/** Custom number formats start here (Excel's own first id). */
const FIRST_CUSTOM_FORMAT = 164;
/** The typeface exceljs gave the product's fonts: LibreOffice falls back to a serif for a font without a face. */
const FONT_FACE = "Calibri";
const FONT_SIZE = 11;

/** Children of <styleSheet>, in the order the schema requires. */
const SECTION_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

/** The minimal entries a workbook needs: the default font, the two fills Excel reserves, no border, the Normal style. */
const BASE: Record<string, string[]> = {
  fonts: [`<font><sz val="${FONT_SIZE}"/><name val="${FONT_FACE}"/><family val="2"/></font>`],
  fills: [`<fill><patternFill patternType="none"/></fill>`, `<fill><patternFill patternType="gray125"/></fill>`],
  borders: [`<border><left/><right/><top/><bottom/><diagonal/></border>`],
  cellStyleXfs: [`<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`],
  cellXfs: [`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`],
  cellStyles: [`<cellStyle name="Normal" xfId="0" builtinId="0"/>`],
};

export const EMPTY_STYLES_XML =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
  Object.entries(BASE).map(([section, entries]) => `<${section} count="${entries.length}">${entries.join("")}</${section}>`).join("") +
  `</styleSheet>`;

/** An element's identity for reuse: its name, attributes and children, order-insensitive. */
function canonical(element: XmlElement): string {
  const attrs = [...element.attrs.entries()].map(([k, v]) => `${k}=${k === "rgb" ? v.toUpperCase() : v}`).sort();
  const inner = element.children.map(canonical).sort();
  return `${element.name}(${attrs.join(",")})[${inner.join(",")}]`;
}

function canonicalOf(fragment: string): string {
  return canonical(parseElements(fragment, 8)[0]);
}

interface Section {
  /** Canonical form -> index of the first entry with it. */
  known: Map<string, number>;
  count: number;
  added: string[];
  element: XmlElement | undefined;
}

export class StyleBook {
  private readonly root: XmlElement;
  private readonly sections = new Map<string, Section>();
  private readonly customFormats = new Map<string, number>();
  private nextFormatId = FIRST_CUSTOM_FORMAT;
  private readonly addedFormats: string[] = [];
  private readonly looks = new Map<string, number>();
  private readonly emptyBorder: number;

  constructor(private readonly xml: string) {
    this.root = parseRoot(xml, 6);
    for (const name of ["fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles"]) {
      const element = child(this.root, name);
      const section: Section = { known: new Map(), count: 0, added: [], element };
      for (const entry of element?.children ?? []) {
        const key = canonical(entry);
        if (!section.known.has(key)) section.known.set(key, section.count);
        section.count++;
      }
      this.sections.set(name, section);
      // A workbook without these entries has cells pointing at nothing: give index 0 its meaning.
      if (section.count === 0) for (const entry of BASE[name]) this.add(name, entry);
    }
    if (this.sections.get("fills")!.count === 1) this.add("fills", BASE.fills[1]);
    for (const numFmt of child(this.root, "numFmts")?.children ?? []) {
      const id = Number(numFmt.attrs.get("numFmtId"));
      const code = numFmt.attrs.get("formatCode");
      if (!Number.isInteger(id)) continue;
      if (code !== undefined && !this.customFormats.has(code)) this.customFormats.set(code, id);
      this.nextFormatId = Math.max(this.nextFormatId, id + 1);
    }
    this.emptyBorder = this.find("borders", BASE.borders[0]);
  }

  /** The cellXfs index for cells that look like this. */
  styleOf(look: CellLook): number {
    const key = `${look.numFmt}\u0001${look.bold ? 1 : 0}${look.wrap ? 1 : 0}${look.top ? 1 : 0}\u0001${look.fill ?? ""}\u0001${look.fontColor ?? ""}`;
    let id = this.looks.get(key);
    if (id === undefined) {
      id = this.xfFor(look);
      this.looks.set(key, id);
    }
    return id;
  }

  /** The new styles.xml, or null when the product needed nothing that was not there already. */
  toXml(): string | null {
    const splice = new Splice(this.xml);
    const atEnd: string[] = [];
    if (this.addedFormats.length) {
      const numFmts = child(this.root, "numFmts");
      const total = (numFmts?.children.length ?? 0) + this.addedFormats.length;
      this.writeSection(splice, atEnd, "numFmts", numFmts, this.addedFormats.join(""), total);
    }
    for (const [name, section] of this.sections) {
      if (section.added.length) this.writeSection(splice, atEnd, name, section.element, section.added.join(""), section.count);
    }
    // Sections with no later sibling go at the end, in schema order, in one edit (the root may be <styleSheet/>).
    if (atEnd.length) appendInside(this.xml, splice, this.root, atEnd.join(""));
    return splice.changed ? splice.toString() : null;
  }

  private writeSection(splice: Splice, atEnd: string[], name: string, element: XmlElement | undefined, entries: string, count: number): void {
    if (element) {
      const tag = withAttribute(this.xml.slice(element.start, element.openEnd), "count", String(count));
      entries = withPrefix(entries, element.prefix);
      if (element.selfClosing) splice.replace(element.start, element.end, `${tag.replace(/\s*\/>$/, ">")}${entries}</${element.prefix}${name}>`);
      else {
        splice.replace(element.start, element.openEnd, tag);
        splice.insert(element.closeStart, entries);
      }
      return;
    }
    const prefix = this.root.prefix;
    const text = `<${prefix}${name} count="${count}">${withPrefix(entries, prefix)}</${prefix}${name}>`;
    const later = SECTION_ORDER.slice(SECTION_ORDER.indexOf(name) + 1);
    const next = this.root.children.find((c) => later.includes(c.name));
    if (next) splice.insert(next.start, text);
    else atEnd.push(text);
  }

  private xfFor(look: CellLook): number {
    const numFmtId = this.formatId(look.numFmt);
    const styled = look.bold || look.fontColor !== undefined;
    const fontId = styled ? this.find("fonts", fontXml(look.bold, look.fontColor)) : 0;
    const fillId = look.fill ? this.find("fills", `<fill><patternFill patternType="solid"><fgColor rgb="${argb(look.fill)}"/><bgColor indexed="64"/></patternFill></fill>`) : 0;
    const aligned = look.wrap || look.top;
    const apply = [numFmtId ? ` applyNumberFormat="1"` : "", fontId ? ` applyFont="1"` : "", fillId ? ` applyFill="1"` : "", aligned ? ` applyAlignment="1"` : ""].join("");
    const alignment = aligned ? `<alignment vertical="${look.top ? "top" : "center"}"${look.wrap ? ` wrapText="1"` : ""}/>` : "";
    const xf = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${this.emptyBorder}" xfId="0"${apply}${alignment ? `>${alignment}</xf>` : "/>"}`;
    return this.find("cellXfs", xf);
  }

  private formatId(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let id = this.customFormats.get(code);
    if (id === undefined) {
      id = this.nextFormatId++;
      this.customFormats.set(code, id);
      this.addedFormats.push(`<numFmt numFmtId="${id}" formatCode="${escapeAttribute(code)}"/>`);
    }
    return id;
  }

  /** The index of an entry identical to `fragment` in a section, appending it when there is none. */
  private find(section: string, fragment: string): number {
    const s = this.sections.get(section)!;
    return s.known.get(canonicalOf(fragment)) ?? this.add(section, fragment);
  }

  private add(section: string, fragment: string): number {
    const s = this.sections.get(section)!;
    const index = s.count++;
    s.added.push(fragment);
    const key = canonicalOf(fragment);
    if (!s.known.has(key)) s.known.set(key, index);
    return index;
  }
}

function argb(hex: string): string {
  return "FF" + hex.toUpperCase();
}

function fontXml(bold: boolean, color: string | undefined): string {
  return `<font>${bold ? "<b/>" : ""}<sz val="${FONT_SIZE}"/>${color ? `<color rgb="${argb(color)}"/>` : ""}<name val="${FONT_FACE}"/><family val="2"/></font>`;
}
