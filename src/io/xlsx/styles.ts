// Which cell styles (cellXfs indices) carry a date number format.
import { isDateFormat } from "./dates";
import { XmlScanner } from "./xml";

/** dateStyles[s] is true when cells with s="s" show their number as a date or time. */
export function readDateStyles(xml: string): boolean[] {
  const scanner = new XmlScanner(xml);
  const customFormats = new Map<number, string>();
  const dateStyles: boolean[] = [];
  let inCellXfs = false;
  while (scanner.next()) {
    const { name } = scanner;
    if (name === "cellXfs") inCellXfs = !scanner.closing && !scanner.selfClosing;
    else if (scanner.closing) continue;
    else if (name === "numFmt") {
      const id = Number(scanner.attr("numFmtId"));
      const code = scanner.attr("formatCode");
      if (Number.isInteger(id) && code !== null) customFormats.set(id, code);
    } else if (name === "xf" && inCellXfs) {
      const id = Number(scanner.attr("numFmtId") ?? 0);
      dateStyles.push(isDateFormat(id, customFormats.get(id)));
    }
  }
  scanner.finish();
  return dateStyles;
}
