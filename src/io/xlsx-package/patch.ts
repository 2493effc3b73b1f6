// Writing the master workbook by patching its package: the product's sheets are replaced or added, the
// few shared entries they need are spliced in, and every other part is copied as it was stored.
import { INPUT_SHEETS, OWNED_SHEETS } from "../../core/master-sheets";
import { isEditedOutput, SEAL_LABEL } from "../../core/output-seal";
import type { CellValue, OutValue, SheetSpec } from "../../core/types";
import { replacedSheet, isTabSelected, type ReplacedSheet } from "./carry";
import { asMasterError, masterErrors } from "./errors";
import { emptyWorkbookPackage } from "./fresh";
import { isValidSheetName, sameSpelling, sheetKey } from "../../core/sheet-names";
import { sameBytes } from "../same-bytes";
import { MasterPackageParts, type SheetEntry, type XmlPart } from "./package";
import { MasterPackage, packageParts } from "./read";
import { renderSheet } from "./sheet-xml";
import { EMPTY_STYLES_XML, StyleBook } from "./styles";
import { editContentTypes, editRelationships, editWorkbook, namespacesOf, relationshipIds, STYLES_TYPE, WORKSHEET_TYPE, type NewRelationship, type NewSheet } from "./workbook-edit";
import { relationshipsPartOf } from "../xlsx/package-parts";
import { child, parseRoot } from "./xml-edit";
import { deflatedPart, storedPart, writeZip, type ZipPart } from "./zip-writer";

export interface PatchOptions {
  /** The sheet the workbook opens on: a sheet written now or one already there. */
  activate?: string;
  /**
   * The sheets the product owns: a spec with one of these names replaces the sheet of that name. A spec
   * with any other name (a "(sửa tay)" copy) must be a new sheet: an existing one is never overwritten.
   * Default: every sheet of SHEETS (input and output sheets).
   */
  productSheets?: readonly string[];
  /** Creation time written in a new workbook's properties (only when `original` is null); default now. */
  now?: Date;
}

export interface PatchResult {
  bytes: Uint8Array;
  /** The sheet the workbook opens on, or null when it has none of its own choosing. */
  activeSheet: string | null;
  /** The specs' names that replaced a sheet, and those that were added, as the workbook spells them. */
  replaced: string[];
  added: string[];
}

const DEFAULT_PRODUCT_SHEETS: readonly string[] = [...INPUT_SHEETS, ...OWNED_SHEETS];
const INPUT_KEYS: ReadonlySet<string> = new Set(INPUT_SHEETS.map(sheetKey));
const encoder = new TextEncoder();

interface Target {
  spec: SheetSpec;
  existing: SheetEntry | null;
  /** Tab position once patched. */
  index: number;
  /** A new sheet's place: before this existing tab (a sheet for paper), or null: after every sheet. */
  before: number | null;
  part: string;
  name: string;
}

/**
 * Replaces or adds the specs' sheets in `original` (null: a new workbook) and returns the new package.
 * `original` may be the MasterPackage the caller read the sheets from: the package is then not parsed,
 * nor the sheets read inflated, a second time. Throws MasterPackageError, and only that; the caller then
 * writes nothing.
 */
export function patchMasterPackage(original: Uint8Array | MasterPackage | null, specs: readonly SheetSpec[], options: PatchOptions = {}): PatchResult {
  try {
    return patch(original, specs, options);
  } catch (error) {
    throw asMasterError(error);
  }
}

function patch(original: Uint8Array | MasterPackage | null, specs: readonly SheetSpec[], options: PatchOptions): PatchResult {
  checkNames(specs);
  if (original === null && !specs.length) throw masterErrors.noSheets();
  const parts = original instanceof MasterPackage ? packageParts(original) : MasterPackageParts.open(original ?? emptyWorkbookPackage(options.now ?? new Date()));
  const { bytes } = parts;
  const ns = namespacesOf(parts.workbook);
  const workbookDir = parts.workbook.name.slice(0, parts.workbook.name.lastIndexOf("/") + 1);
  const written = new Map<string, { name: string; bytes: Uint8Array }>();
  const removed = new Set<string>();
  const write = (name: string, text: string) => written.set(name.toLowerCase(), { name, bytes: encoder.encode(asUtf8(text)) });
  const remove = (name: string) => removed.add(name.toLowerCase());

  const { targets, tabOf } = planTargets(parts, specs, new Set((options.productSheets ?? DEFAULT_PRODUCT_SHEETS).map(sheetKey)), workbookDir);
  const activeTab = chooseActiveTab(parts, targets, options.activate, tabOf);

  const stylesPart = parts.targetOf("styles") ?? freeName(parts, (n) => `${workbookDir}styles${n > 1 ? n : ""}.xml`);
  const stylesXml = parts.entry(stylesPart) ? parts.text(stylesPart)! : EMPTY_STYLES_XML;
  let styles: StyleBook;
  try {
    styles = new StyleBook(stylesXml);
  } catch (error) {
    throw masterErrors.damagedPart(stylesPart, error);
  }
  for (const target of targets) {
    const old: ReplacedSheet | null = target.existing && replacedSheet(parts, target.existing);
    // The clerk's sheets are written unselected even when the workbook opens on them: a selected sheet that
    // a later write does not rewrite holds the workbook on it (chooseActiveTab), and "Đơn vị", where a new
    // book opens, would keep every consolidation from opening on "Tổng hợp".
    const selected = target.index === activeTab && !INPUT_KEYS.has(sheetKey(target.name));
    const xml = encodePieces(renderSheet(target.spec, { styles, date1904: parts.date1904, selected, carry: old?.carry ?? {}, namespaces: ns }));
    // A sheet whose content did not change (the data sheet at a consolidation) keeps its stored bytes.
    if (!old || !sameBytes(old.bytes, xml)) written.set(target.part.toLowerCase(), { name: target.part, bytes: xml });
    if (old?.rels?.xml === null) remove(old.rels.part);
    else if (old?.rels) write(old.rels.part, old.rels.xml);
  }
  const newStyles = styles.toXml();
  if (newStyles !== null) write(stylesPart, newStyles);

  // The calculation chain lists formula cells by sheet; Excel rebuilds it, and reports a damaged file
  // when it names cells the product rewrote. fullCalcOnLoad makes the rebuild happen on open.
  const calcChain = parts.targetOf("calcChain") ?? (parts.entry(`${workbookDir}calcChain.xml`) ? `${workbookDir}calcChain.xml` : undefined);
  if (calcChain) remove(calcChain);
  const dropIds = new Set(parts.relationships.filter((r) => r.kind === "calcChain").map((r) => r.id));

  const nextId = relationshipIds(parts.relationships.map((r) => r.id));
  let sheetId = parts.sheets.reduce((max, s) => Math.max(max, s.sheetId), 0);
  const newSheets: NewSheet[] = [];
  const newRelationships: NewRelationship[] = [];
  const relative = (part: string) => (part.startsWith(workbookDir) ? part.slice(workbookDir.length) : `/${part}`);
  for (const target of targets) {
    if (target.existing) continue;
    const relationshipId = nextId();
    newSheets.push({ name: target.name, sheetId: ++sheetId, relationshipId, before: target.before });
    newRelationships.push({ id: relationshipId, type: `${ns.relationshipTypes}/worksheet`, target: relative(target.part) });
  }
  const stylesIsNew = !parts.targetOf("styles");
  if (stylesIsNew) newRelationships.push({ id: nextId(), type: `${ns.relationshipTypes}/styles`, target: relative(stylesPart) });

  write(
    parts.workbook.name,
    editWorkbook(
      parts.workbook,
      {
        newSheets,
        activeTab: activeTab !== currentTab(parts) ? activeTab : null,
        rewritten: new Set(targets.flatMap((t) => (t.existing ? [t.existing.index] : []))),
        printed: targets.flatMap((t) => (t.spec.print ? [{ index: t.index, name: t.name, print: t.spec.print }] : [])),
        tabOf,
      },
      ns,
    ),
  );
  const rels: XmlPart = parts.workbookRels ?? emptyRelationships(parts.workbook.name);
  write(rels.name, editRelationships(rels, newRelationships, dropIds));
  write(
    parts.contentTypes.name,
    editContentTypes(
      parts.contentTypes,
      [...targets.map((t) => ({ part: t.part, type: WORKSHEET_TYPE })), ...(stylesIsNew ? [{ part: stylesPart, type: STYLES_TYPE }] : [])],
      calcChain ? [calcChain] : [],
    ),
  );

  const zipParts: ZipPart[] = [];
  for (const entry of parts.directory.values()) {
    const key = entry.name.toLowerCase();
    if (removed.has(key)) continue;
    const content = written.get(key);
    zipParts.push(content ? deflatedPart(entry.name, content.bytes) : storedPart(bytes, entry));
    written.delete(key);
  }
  for (const content of written.values()) zipParts.push(deflatedPart(content.name, content.bytes));

  const names: string[] = [];
  parts.sheets.forEach((s, i) => (names[tabOf(i)] = s.name));
  for (const t of targets) if (!t.existing) names[t.index] = t.name;
  return {
    bytes: writeZip(zipParts),
    activeSheet: activeTab === null ? null : (names[activeTab] ?? null),
    replaced: targets.filter((t) => t.existing).map((t) => t.name),
    added: newSheets.map((s) => s.name),
  };
}

function checkNames(specs: readonly SheetSpec[]): void {
  const seen = new Set<string>();
  for (const { name } of specs) {
    if (!isValidSheetName(name) || seen.has(sheetKey(name))) throw masterErrors.invalidName(name);
    seen.add(sheetKey(name));
  }
}

/**
 * Which sheet each spec becomes: the existing sheet of its name, or a new one: a sheet for paper before
 * the first existing sheet that is not one (types.ts, `leading`), in the order of the specs; any other
 * at the end. `tabOf` gives an existing sheet's tab once the new ones are in.
 */
function planTargets(parts: MasterPackageParts, specs: readonly SheetSpec[], product: ReadonlySet<string>, workbookDir: string): { targets: Target[]; tabOf: (old: number) => number } {
  const leading = new Set(specs.filter((s) => s.leading).map((s) => sheetKey(s.name)));
  const found = parts.sheets.findIndex((s) => !leading.has(sheetKey(s.name)));
  const at = found < 0 ? null : found;
  const inserted = at === null ? 0 : specs.filter((s) => s.leading && !parts.findSheet(s.name)).length;
  const tabOf = (old: number) => (at !== null && old >= at ? old + inserted : old);
  const allocated = new Set<string>();
  let nextLeading = at ?? 0;
  let nextIndex = parts.sheets.length + inserted;
  const targets = specs.map((spec): Target => {
    const existing = parts.findSheet(spec.name);
    if (!existing) {
      const part = freeName(parts, (n) => `${workbookDir}worksheets/sheet${n}.xml`, allocated);
      allocated.add(part.toLowerCase());
      const before = spec.leading && at !== null ? at : null;
      return { spec, existing: null, index: before !== null ? nextLeading++ : nextIndex++, before, part, name: spec.name };
    }
    if (existing.kind !== "worksheet") throw masterErrors.notWorksheet(existing.name);
    if (!product.has(sheetKey(spec.name))) throw masterErrors.nameTaken(existing.name, spec.name);
    if (!sameSpelling(existing.name, spec.name) && !writtenByProduct(parts.readSheet(existing).rows, spec)) throw masterErrors.nameTaken(existing.name, spec.name);
    if (!existing.part) throw masterErrors.damagedPart(`trang "${existing.name}"`);
    return { spec, existing, index: tabOf(existing.index), before: null, part: existing.part, name: existing.name };
  });
  return { targets, tabOf };
}

/** The first of `candidate(1)`, `candidate(2)`... that the package holds neither as a part nor as a leftover relationships part. */
function freeName(parts: MasterPackageParts, candidate: (n: number) => string, allocated: ReadonlySet<string> = new Set()): string {
  for (let n = 1; ; n++) {
    const name = candidate(n);
    if (!parts.entry(name) && !parts.entry(relationshipsPartOf(name)) && !allocated.has(name.toLowerCase())) return name;
  }
}

function same(a: OutValue | CellValue, b: CellValue): boolean {
  if (typeof a === "string" && typeof b === "string") return sheetKey(a.trim()) === sheetKey(b.trim());
  return a === b;
}

/**
 * A sheet named like a product sheet but for case is the product's only when its content says so: an
 * output with its seal intact, or a table with the product's header row. Anything else is the clerk's.
 */
function writtenByProduct(grid: CellValue[][], spec: SheetSpec): boolean {
  const lastRow = spec.values[spec.values.length - 1];
  const sealed = typeof lastRow?.[0] === "string" && lastRow[0].startsWith(SEAL_LABEL);
  if (sealed) return grid.some((row) => row.some((c) => c !== null && c !== "")) && !isEditedOutput(grid);
  const header = spec.values[0] ?? [];
  return header.some((h) => h !== null && h !== "") && header.every((h, c) => h === null || h === "" || same(h, grid[0]?.[c] ?? null));
}

function currentTab(parts: MasterPackageParts): number {
  const view = child(parts.workbook.root, "bookViews")?.children.find((v) => v.name === "workbookView");
  const tab = Number(view?.attrs.get("activeTab") ?? 0);
  return Number.isInteger(tab) && tab >= 0 ? tab : 0;
}

/**
 * The tab to open on. The requested one, unless the tab open now is a sheet the product does not rewrite
 * and is selected in its own XML: selecting another then would group the two, and the clerk's next
 * typing would go into both. That sheet's XML is not the product's to change, so the workbook keeps it.
 */
function chooseActiveTab(parts: MasterPackageParts, targets: Target[], activate: string | undefined, tabOf: (old: number) => number): number | null {
  const count = parts.sheets.length + targets.filter((t) => !t.existing).length;
  if (count === 0) return null;
  const current = Math.min(currentTab(parts), count - 1);
  const open = parts.sheets[current];
  // The tab open now, where it will be once the new sheets are in.
  const stay = open ? tabOf(current) : current;
  const free = !open || targets.some((t) => t.existing === open) || !isTabSelected(parts, open);
  if (!activate || !free) return stay;
  const target = targets.find((t) => sheetKey(t.spec.name) === sheetKey(activate));
  const existing = target?.existing ?? (target ? null : parts.findSheet(activate));
  if (existing === undefined) return stay;
  if (existing === null) return target!.index; // a new sheet, visible
  return existing.visibility === "visible" ? tabOf(existing.index) : stay;
}

function emptyRelationships(source: string): XmlPart {
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  return { name: relationshipsPartOf(source), xml, root: parseRoot(xml, 2) };
}

/** Pieces of text as one UTF-8 buffer: each piece encoded on its own, never one giant string. */
function encodePieces(pieces: string[]): Uint8Array {
  const encoded = pieces.map((piece) => encoder.encode(piece));
  const out = new Uint8Array(encoded.reduce((n, bytes) => n + bytes.length, 0));
  let at = 0;
  for (const bytes of encoded) {
    out.set(bytes, at);
    at += bytes.length;
  }
  return out;
}

/** Parts are written as UTF-8 whatever they were read as: the declaration must say so. */
function asUtf8(xml: string): string {
  if (!xml.startsWith("<?xml")) return xml;
  const end = xml.indexOf("?>");
  const declaration = xml.slice(0, end).replace(/(encoding\s*=\s*)(["'])[^"']*\2/, "$1$2UTF-8$2");
  return declaration + xml.slice(end);
}
