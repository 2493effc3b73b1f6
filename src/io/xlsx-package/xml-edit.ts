// Editing XML parts without re-serialising them: the few elements the product changes are located with
// the reader's scanner, and the text around them is kept as it was, character for character, whatever
// namespaces, prefixes, extensions (x14, x15, mc:AlternateContent) or comments the producer wrote.
import { XmlScanner } from "../xlsx/xml";

export interface XmlElement {
  /** Local name ("sheet" for "x:sheet"). */
  name: string;
  /** "x:" when the element was written "x:sheet", "" otherwise. */
  prefix: string;
  /** Attributes by local name (namespace declarations left out); the first of a repeated name counts. */
  attrs: Map<string, string>;
  /** Offsets in the part: the start tag's "<", after its ">", the end tag's "<", after the end tag. */
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  selfClosing: boolean;
  children: XmlElement[];
}

/**
 * The element tree of a part down to `maxDepth` levels (1 = the root alone). Elements deeper down are
 * skipped over, not built, so a large part costs one scan. Unclosed elements (a slice of a part) are
 * closed at the end of the text.
 */
export function parseElements(xml: string, maxDepth: number): XmlElement[] {
  const scanner = new XmlScanner(xml);
  const roots: XmlElement[] = [];
  const stack: XmlElement[] = [];
  while (scanner.next()) {
    if (scanner.closing) {
      const open = stack.length > 0 && stack.length === scanner.depth + 1 ? stack.pop() : undefined;
      if (open) {
        open.closeStart = scanner.tagStart;
        open.end = scanner.tagEnd;
      }
      continue;
    }
    const depth = scanner.selfClosing ? scanner.depth + 1 : scanner.depth;
    if (depth > maxDepth) {
      scanner.skipElement();
      continue;
    }
    const element: XmlElement = {
      name: scanner.name,
      prefix: prefixOf(xml, scanner.tagStart),
      attrs: attributes(scanner),
      start: scanner.tagStart,
      openEnd: scanner.tagEnd,
      closeStart: scanner.tagEnd,
      end: scanner.tagEnd,
      selfClosing: scanner.selfClosing,
      children: [],
    };
    (stack.length ? stack[stack.length - 1].children : roots).push(element);
    if (!scanner.selfClosing) stack.push(element);
  }
  for (const open of stack) open.closeStart = open.end = xml.length;
  return roots;
}

/** The root element of a whole part; throws (XmlError) on XML that is not well formed. */
export function parseRoot(xml: string, maxDepth: number): XmlElement {
  new XmlScanner(xml).finish();
  const [root] = parseElements(xml, maxDepth);
  return root;
}

function prefixOf(xml: string, tagStart: number): string {
  let i = tagStart + 1;
  if (xml.charCodeAt(i) === 47) i++;
  const m = /^[A-Za-z_][\w.-]*:/.exec(xml.slice(i, i + 64));
  return m ? m[0] : "";
}

function attributes(scanner: XmlScanner): Map<string, string> {
  const attrs = new Map<string, string>();
  while (scanner.nextAttr()) {
    const qname = scanner.attrQualifiedName();
    const local = qname.slice(qname.indexOf(":") + 1);
    if (!attrs.has(local)) attrs.set(local, scanner.attrValue());
  }
  return attrs;
}

export function children(parent: XmlElement, name: string): XmlElement[] {
  return parent.children.filter((c) => c.name === name);
}

export function child(parent: XmlElement, name: string): XmlElement | undefined {
  return parent.children.find((c) => c.name === name);
}

/** The namespace prefix ("r:", "" for the default namespace) bound to `uri` on the root, or null. */
export function prefixFor(xml: string, root: XmlElement, uri: string): string | null {
  const tag = xml.slice(root.start, root.openEnd);
  const re = /\sxmlns(?::([\w.-]+))?\s*=\s*("([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(tag); m; m = re.exec(tag)) {
    if ((m[3] ?? m[4]) === uri) return m[1] ? `${m[1]}:` : "";
  }
  return null;
}

/** Text replacements on one string, applied together; offsets refer to the original text. */
export class Splice {
  private readonly edits: { start: number; end: number; text: string }[] = [];

  constructor(private readonly original: string) {}

  replace(start: number, end: number, text: string): void {
    this.edits.push({ start, end, text });
  }

  insert(at: number, text: string): void {
    this.edits.push({ start: at, end: at, text });
  }

  remove(element: { start: number; end: number }): void {
    this.replace(element.start, element.end, "");
  }

  get changed(): boolean {
    return this.edits.length > 0;
  }

  toString(): string {
    // Stable: insertions at one offset keep the order they were made in.
    const edits = this.edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
    let out = "";
    let at = 0;
    for (const e of edits) {
      if (e.start < at) throw new Error("overlapping XML edits");
      out += this.original.slice(at, e.start) + e.text;
      at = e.end;
    }
    return out + this.original.slice(at);
  }
}

/** Inserts text as the last content of an element, turning `<x/>` into `<x>…</x>` when needed. */
export function appendInside(xml: string, splice: Splice, element: XmlElement, text: string): void {
  if (!element.selfClosing) {
    splice.insert(element.closeStart, text);
    return;
  }
  const tag = xml.slice(element.start, element.openEnd).replace(/\s*\/>$/, ">");
  splice.replace(element.start, element.end, `${tag}${text}</${element.prefix}${element.name}>`);
}

/** Fragments written into a part whose elements carry a prefix ("x:font") get the same prefix. */
export function withPrefix(fragment: string, prefix: string): string {
  return prefix ? fragment.replace(/<(\/?)([A-Za-z])/g, `<$1${prefix}$2`) : fragment;
}

/** A start tag with one attribute set (added before the tag's end, or its value replaced). */
export function withAttribute(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`);
  const quoted = `"${escapeAttribute(value)}"`;
  if (re.test(tag)) return tag.replace(re, (_, lead: string) => `${lead}${quoted}`);
  return tag.replace(/\s*(\/?)>$/, (_, slash: string) => ` ${name}=${quoted}${slash}>`);
}

export function escapeAttribute(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ENTITY[c]).replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

export function escapeText(text: string): string {
  return /[&<>]/.test(text) ? text.replace(/[&<>]/g, (c) => ENTITY[c]) : text;
}
