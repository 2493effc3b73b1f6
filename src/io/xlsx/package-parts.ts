// OOXML package plumbing: relationship parts and how their targets resolve to part names.
import { XmlScanner } from "./xml";

export interface Relationship {
  id: string;
  /** Last segment of the relationship type URI ("worksheet", "sharedStrings", "officeDocument"...). */
  kind: string;
  /** Resolved part name (no leading "/"), or "" for external targets. */
  target: string;
}

/** "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels"; "" (the package) -> "_rels/.rels". */
export function relationshipsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function directoryOf(part: string): string {
  return part.slice(0, part.lastIndexOf("/") + 1);
}

function percentDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Resolves a relationship target against the source part: absolute "/xl/..." or relative with "..". */
export function resolveTarget(sourcePart: string, target: string): string {
  const cleaned = percentDecode(target.replace(/\\/g, "/"));
  const joined = cleaned.startsWith("/") ? cleaned : directoryOf(sourcePart) + cleaned;
  const segments: string[] = [];
  for (const segment of joined.split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== "." && segment !== "") segments.push(segment);
  }
  return segments.join("/");
}

export function parseRelationships(xml: string, sourcePart: string): Relationship[] {
  const scanner = new XmlScanner(xml);
  const relationships: Relationship[] = [];
  while (scanner.next()) {
    if (scanner.closing || scanner.name !== "Relationship") continue;
    const type = scanner.attr("Type") ?? "";
    const target = scanner.attr("Target") ?? "";
    const external = scanner.attr("TargetMode") === "External";
    relationships.push({
      id: scanner.attr("Id") ?? "",
      kind: type.slice(type.lastIndexOf("/") + 1),
      target: external || !target ? "" : resolveTarget(sourcePart, target),
    });
  }
  scanner.finish();
  return relationships;
}

export function targetOf(relationships: Relationship[], kind: string): string | undefined {
  return relationships.find((r) => r.kind === kind && r.target)?.target;
}

/** dcterms:modified of the core properties part (docProps/core.xml), an instant. */
export function parseModified(xml: string): Date | null {
  const scanner = new XmlScanner(xml);
  while (scanner.next()) {
    if (scanner.name === "modified" && !scanner.closing) {
      const date = new Date(scanner.text().trim());
      return Number.isNaN(date.getTime()) ? null : date;
    }
  }
  return null;
}
