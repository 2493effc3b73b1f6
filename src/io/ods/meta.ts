// meta.xml's dc:date: when the document was last saved.
import { parseIsoWallClock } from "../xlsx/dates";
import { XmlScanner } from "../xlsx/xml";

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/**
 * The instant of dc:date. ODF allows a date-time without a zone, and LibreOffice writes the local clock
 * that way: offices in Vietnam save on Vietnam time (UTC+7), which the product's dates all are, so a
 * zone-less value is read as Vietnam time.
 */
export function parseMetaModified(xml: string): Date | null {
  const scanner = new XmlScanner(xml);
  while (scanner.next()) {
    if (scanner.name !== "date" || scanner.closing) continue;
    const text = scanner.text().trim();
    if (/(?:Z|[+-]\d{2}:?\d{2})$/.test(text)) {
      const date = new Date(text);
      return Number.isNaN(date.getTime()) ? null : date;
    }
    const wall = parseIsoWallClock(text);
    return wall && new Date(wall.getTime() - VIETNAM_OFFSET_MS);
  }
  return null;
}
