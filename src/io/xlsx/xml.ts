// A small pull scanner over an XML string: tags by local name (prefixes like "x:" dropped), attributes
// on demand, element text with entities decoded. No DOM and no regular expressions per element, so a
// sheet is read in one indexOf-driven pass. Entities are never expanded from a DTD (no entity bombs).

export class XmlError extends Error {}

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes the five XML entities and numeric character references; anything else stays as written. */
export function decodeEntities(text: string): string {
  let amp = text.indexOf("&");
  if (amp < 0) return text;
  let out = "";
  let from = 0;
  while (amp >= 0) {
    const semi = text.indexOf(";", amp + 1);
    if (semi < 0 || semi - amp > 12) break;
    const name = text.slice(amp + 1, semi);
    const decoded = name.charCodeAt(0) === 35 ? numericReference(name) : NAMED_ENTITIES[name];
    if (decoded !== undefined) {
      out += text.slice(from, amp) + decoded;
      from = semi + 1;
    }
    amp = text.indexOf("&", decoded !== undefined ? semi + 1 : amp + 1);
  }
  return out + text.slice(from);
}

function numericReference(name: string): string | undefined {
  const hex = name.charCodeAt(1) === 120 || name.charCodeAt(1) === 88;
  const digits = name.slice(hex ? 2 : 1);
  if (!digits || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return undefined;
  const code = parseInt(digits, hex ? 16 : 10);
  return code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

/** OOXML writes characters XML cannot hold as "_xHHHH_" (and a literal "_x" as "_x005F_x"). */
export function decodeOoxmlEscapes(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** XML parsers turn literal CR LF and lone CR into LF; a real CR arrives as "&#13;" or "_x000D_". */
function normalizeLineBreaks(text: string): string {
  return text.indexOf("\r") < 0 ? text : text.replace(/\r\n?/g, "\n");
}

function isNameEnd(ch: number): boolean {
  // whitespace, "/", ">"
  return ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47 || ch === 62;
}

export class XmlScanner {
  /** Local name of the current tag. */
  name = "";
  /** The current tag is an end tag (</name>). */
  closing = false;
  /** The current tag is an empty element (<name/>). */
  selfClosing = false;
  /** Elements open around the scanner's position (after the current tag). */
  depth = 0;
  /** Where the current tag starts ("<") and ends (after ">"): lets a writer splice a part it did not parse whole. */
  tagStart = 0;
  tagEnd = 0;
  private pos = 0;
  private attrStart = 0;
  private attrEnd = 0;
  private attrCursor = 0;
  private attrNameStart = 0;
  private attrNameEnd = 0;
  private valueStart = 0;
  private valueEnd = 0;
  private sawRoot = false;

  constructor(private readonly xml: string) {}

  /** Moves to the next tag, skipping text, comments, processing instructions and DOCTYPE. */
  next(): boolean {
    const s = this.xml;
    for (;;) {
      const lt = s.indexOf("<", this.pos);
      if (lt < 0) {
        this.pos = s.length;
        return false;
      }
      const after = s.charCodeAt(lt + 1);
      if (after === 63 /* ? */) {
        this.pos = this.skipPast(lt, "?>");
        continue;
      }
      if (after === 33 /* ! */) {
        this.pos = this.skipDeclaration(lt);
        continue;
      }
      this.readTag(lt);
      return true;
    }
  }

  /** Throws unless the document had a root element and every element was closed (truncation, garbage). */
  finish(): void {
    while (this.next());
    if (!this.sawRoot || this.depth !== 0) throw new XmlError("unbalanced XML");
  }

  /** The decoded value of the current tag's attribute with this local name, or null. */
  attr(localName: string): string | null {
    this.attrCursor = this.attrStart;
    while (this.nextAttr()) if (this.attrIs(localName)) return this.attrValue();
    return null;
  }

  /**
   * Moves to the current tag's next attribute, skipping namespace declarations: one pass over a tag
   * reads all the attributes a caller wants, where `attr()` rescans the tag for each name.
   */
  nextAttr(): boolean {
    const s = this.xml;
    const end = this.attrEnd;
    let i = this.attrCursor;
    for (;;) {
      let ch = s.charCodeAt(i);
      while (i < end && (ch === 32 || ch === 9 || ch === 10 || ch === 13)) ch = s.charCodeAt(++i);
      if (i >= end) break;
      const nameStart = i;
      let colon = -1;
      while (i < end && ch !== 61 /* = */ && ch !== 32 && ch !== 9 && ch !== 10 && ch !== 13) {
        if (ch === 58) colon = i;
        ch = s.charCodeAt(++i);
      }
      const nameEnd = i;
      while (i < end && s.charCodeAt(i) !== 61) i++;
      i++;
      while (i < end && (ch = s.charCodeAt(i)) !== 34 && ch !== 39) i++;
      if (i >= end) break;
      const valueEnd = s.indexOf(ch === 39 ? "'" : '"', i + 1);
      if (valueEnd < 0 || valueEnd > end) break;
      this.attrCursor = valueEnd + 1;
      if (nameEnd - nameStart >= 5 && s.startsWith("xmlns", nameStart)) {
        i = valueEnd + 1;
        continue;
      }
      this.attrNameStart = colon >= 0 ? colon + 1 : nameStart;
      this.attrNameEnd = nameEnd;
      this.valueStart = i + 1;
      this.valueEnd = valueEnd;
      return true;
    }
    this.attrCursor = end;
    return false;
  }

  /** The qualified name ("x14ac:dyDescent", "r:id") of the attribute `nextAttr()` moved to. */
  attrQualifiedName(): string {
    let start = this.attrNameStart;
    while (start > 0 && !isNameEnd(this.xml.charCodeAt(start - 1))) start--;
    return this.xml.slice(start, this.attrNameEnd);
  }

  /** The attribute `nextAttr()` moved to has this local name. */
  attrIs(localName: string): boolean {
    return this.attrNameEnd - this.attrNameStart === localName.length && this.xml.startsWith(localName, this.attrNameStart);
  }

  /** The decoded value of the attribute `nextAttr()` moved to. */
  attrValue(): string {
    return decodeEntities(this.xml.slice(this.valueStart, this.valueEnd));
  }

  /**
   * The text content right after the current start tag, up to the next tag (CDATA included, entities
   * decoded). Leaves the scanner before that tag, so `next()` then sees it.
   */
  text(): string {
    if (this.selfClosing || this.closing) return "";
    return this.textAfterTag();
  }

  /**
   * The text between the current tag, whatever it is, and the next one: with `text()` on a start tag,
   * reads mixed content (`<text:p>a<text:s/>b</text:p>`), the text after an empty or an end tag too.
   */
  textAfterTag(): string {
    const s = this.xml;
    let out = "";
    let from = this.pos;
    for (;;) {
      const lt = s.indexOf("<", from);
      if (lt < 0) throw new XmlError("unterminated text");
      out += decodeEntities(normalizeLineBreaks(s.slice(from, lt)));
      if (s.startsWith("<![CDATA[", lt)) {
        const end = s.indexOf("]]>", lt + 9);
        if (end < 0) throw new XmlError("unterminated CDATA");
        out += s.slice(lt + 9, end);
        from = end + 3;
      } else if (s.startsWith("<!--", lt)) {
        from = this.skipPast(lt, "-->");
      } else {
        this.pos = lt;
        return out;
      }
    }
  }

  /**
   * The fast path for the commonest shapes, `<c ...><v>1</v></c>` and `<si><t>text</t></si>`: when the
   * current start tag's content is literally `open`, text without markup, then `close` (which ends the
   * current element too), moves past it all and returns the decoded text. Otherwise returns null and
   * leaves the scanner as it was, for the general path.
   */
  literalContent(open: string, close: string): string | null {
    if (this.selfClosing || this.closing) return null;
    const s = this.xml;
    const from = this.pos + open.length;
    if (!s.startsWith(open, this.pos)) return null;
    const lt = s.indexOf("<", from);
    if (lt < 0 || !s.startsWith(close, lt)) return null;
    this.pos = lt + close.length;
    this.closing = true;
    this.depth--;
    return decodeEntities(normalizeLineBreaks(s.slice(from, lt)));
  }

  /** After a start tag: moves past its matching end tag. */
  skipElement(): void {
    if (this.selfClosing || this.closing) return;
    const inside = this.depth;
    while (this.next()) if (this.depth < inside) return;
  }

  private readTag(lt: number): void {
    const s = this.xml;
    let i = lt + 1;
    this.closing = s.charCodeAt(i) === 47;
    if (this.closing) i++;
    const nameStart = i;
    let colon = -1;
    let ch: number;
    while (i < s.length && !isNameEnd((ch = s.charCodeAt(i)))) {
      if (ch === 58) colon = i;
      i++;
    }
    this.name = s.slice(colon >= 0 ? colon + 1 : nameStart, i);
    this.attrStart = i;
    // Attribute values may legally hold ">", so the tag ends at the first ">" outside quotes.
    let quote = 0;
    for (; i < s.length; i++) {
      ch = s.charCodeAt(i);
      if (quote) {
        if (ch === quote) quote = 0;
      } else if (ch === 34 || ch === 39) quote = ch;
      else if (ch === 62) break;
    }
    if (i >= s.length || i === nameStart) throw new XmlError("unterminated tag");
    this.selfClosing = !this.closing && s.charCodeAt(i - 1) === 47;
    this.attrEnd = this.selfClosing ? i - 1 : i;
    this.attrCursor = this.attrStart;
    this.tagStart = lt;
    this.pos = this.tagEnd = i + 1;
    if (this.closing) {
      if (--this.depth < 0) throw new XmlError("unbalanced end tag");
    } else {
      if (this.depth === 0 && this.sawRoot) throw new XmlError("two root elements");
      this.sawRoot = true;
      if (!this.selfClosing) this.depth++;
    }
  }

  private skipDeclaration(lt: number): number {
    const s = this.xml;
    if (s.startsWith("<!--", lt)) return this.skipPast(lt, "-->");
    if (s.startsWith("<![CDATA[", lt)) return this.skipPast(lt, "]]>");
    // <!DOCTYPE ...> possibly with an internal subset in [...]: its entities are never used.
    const bracket = s.indexOf("[", lt);
    const close = s.indexOf(">", lt);
    if (bracket >= 0 && bracket < close) return this.skipPast(bracket, "]>");
    return this.skipPast(lt, ">");
  }

  private skipPast(from: number, terminator: string): number {
    const end = this.xml.indexOf(terminator, from);
    if (end < 0) throw new XmlError("unterminated markup");
    return end + terminator.length;
  }
}
