// The minimal edits the product makes to the package's shared parts: xl/workbook.xml (new <sheet>
// entries, the active tab, recalculation on open, print areas and titles of rewritten sheets), its
// relationships and [Content_Types].xml. Each is a splice into the part's text; nothing else in them changes.
import { columnName } from "../../core/address";
import type { PrintSetup } from "../../core/types";
import type { XmlPart } from "./package";
import { appendInside, child, children, escapeAttribute, escapeText, prefixFor, Splice, withAttribute, withPrefix, type XmlElement } from "./xml-edit";

export interface Namespaces {
  main: string;
  relationships: string;
  /** Relationship types are this + "/worksheet", "/styles"... */
  relationshipTypes: string;
}

const TRANSITIONAL: Namespaces = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  relationships: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  relationshipTypes: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
};
/** "Strict Open XML Spreadsheet", which Excel can save: other namespace names for the same elements. */
const STRICT: Namespaces = {
  main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  relationships: "http://purl.oclc.org/ooxml/officeDocument/relationships",
  relationshipTypes: "http://purl.oclc.org/ooxml/officeDocument/relationships",
};

export function namespacesOf(workbook: XmlPart): Namespaces {
  return prefixFor(workbook.xml, workbook.root, STRICT.main) !== null ? STRICT : TRANSITIONAL;
}

export const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
export const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

export interface NewSheet {
  name: string;
  sheetId: number;
  relationshipId: string;
  /** The tab of the existing sheet it goes before (types.ts, `leading`), or null: after every sheet. */
  before: number | null;
}

export interface WorkbookEdits {
  newSheets: NewSheet[];
  /** Tab to open on, or null to leave the workbook's choice. */
  activeTab: number | null;
  /** Tab positions of the sheets rewritten now: their print areas and filter ranges described old cells. */
  rewritten: Set<number>;
  /** The sheets written now whose spec prints a given area or titles (types.ts, PrintSetup): their names replace the old ones. */
  printed: { index: number; name: string; print: PrintSetup }[];
  /** An existing sheet's tab once the new sheets are in (they move the sheets after them along). */
  tabOf: (old: number) => number;
}

/**
 * Built-in names of a rewritten sheet that go with its old cells: print area, filter range, advanced
 * filter criteria and output. Print titles (the header rows to repeat) stay: the product's header rows
 * do not move.
 */
const CONTENT_BOUND_NAMES = new Set(["_xlnm.print_area", "_xlnm._filterdatabase", "_xlnm.criteria", "_xlnm.extract"]);

/** Children of <workbook> that come after <calcPr>, in schema order: a new calcPr goes before the first present. */
const AFTER_CALC_PR = ["oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];
const PRINT_AREA = "_xlnm.Print_Area";
const PRINT_TITLES = "_xlnm.Print_Titles";

/** A sheet's name in a formula: "'Tổng hợp'", apostrophes doubled. */
const sheetRef = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** The sheet-scoped names that print `p`: `'Sheet'!$A$1:$L$31`, and columns then rows `'Sheet'!$A:$B,'Sheet'!$5:$6`. */
function printNames(index: number, name: string, p: PrintSetup): string[] {
  const at = sheetRef(name);
  const cell = (row: number, col: number) => `$${columnName(col)}$${row + 1}`;
  const titles = [
    ...(p.titleColumns ? [`${at}!$${columnName(p.titleColumns.first)}:$${columnName(p.titleColumns.last)}`] : []),
    ...(p.titleRows ? [`${at}!$${p.titleRows.first + 1}:$${p.titleRows.last + 1}`] : []),
  ];
  const defined = (n: string, formula: string) => `<definedName name="${n}" localSheetId="${index}">${escapeText(formula)}</definedName>`;
  return [...(p.area ? [defined(PRINT_AREA, `${at}!${cell(p.area.top, p.area.left)}:${cell(p.area.bottom, p.area.right)}`)] : []), ...(titles.length ? [defined(PRINT_TITLES, titles.join(","))] : [])];
}

export function editWorkbook(part: XmlPart, edits: WorkbookEdits, ns: Namespaces): string {
  const { xml, root } = part;
  const splice = new Splice(xml);
  const p = root.prefix;
  const tag = (e: XmlElement) => xml.slice(e.start, e.openEnd);

  const sheets = child(root, "sheets");
  if (edits.newSheets.length) {
    if (!sheets) throw new Error("workbook without <sheets>");
    const r = prefixFor(xml, root, ns.relationships);
    const id = r === null ? `xmlns:r="${ns.relationships}" r:id` : `${r}id`;
    const entry = (s: NewSheet) => `<${p}sheet name="${escapeAttribute(s.name)}" sheetId="${s.sheetId}" ${id}="${escapeAttribute(s.relationshipId)}"/>`;
    const existing = children(sheets, "sheet");
    const placeOf = (s: NewSheet) => (s.before === null ? undefined : existing[s.before]);
    for (const before of new Set(edits.newSheets.map(placeOf))) {
      if (before) splice.insert(before.start, edits.newSheets.filter((s) => placeOf(s) === before).map(entry).join(""));
    }
    const last = edits.newSheets.filter((s) => !placeOf(s)).map(entry).join("");
    if (last) appendInside(xml, splice, sheets, last);
  }

  if (edits.activeTab !== null) {
    const view = child(root, "bookViews")?.children.find((v) => v.name === "workbookView");
    if (view) {
      let t = withAttribute(tag(view), "activeTab", String(edits.activeTab));
      const first = edits.tabOf(Number(view.attrs.get("firstSheet") ?? 0));
      if (first > edits.activeTab) t = withAttribute(t, "firstSheet", String(edits.activeTab));
      else if (view.attrs.has("firstSheet") && String(first) !== view.attrs.get("firstSheet")) t = withAttribute(t, "firstSheet", String(first));
      splice.replace(view.start, view.openEnd, t);
    } else if (sheets) {
      // bookViews comes right before sheets in the schema.
      splice.insert(sheets.start, withPrefix(`<bookViews><workbookView activeTab="${edits.activeTab}"/></bookViews>`, p));
    }
  }

  const definedNames = child(root, "definedNames");
  const printed = new Set(edits.printed.map((p) => p.index));
  const added = withPrefix(edits.printed.flatMap((s) => printNames(s.index, s.name, s.print)).join(""), p);
  if (definedNames) {
    // Names are looked at as the workbook has them (old tabs); the names added are on the new tabs.
    const names = children(definedNames, "definedName");
    const goes = (n: XmlElement) => {
      const name = (n.attrs.get("name") ?? "").toLowerCase();
      const sheet = Number(n.attrs.get("localSheetId"));
      return (CONTENT_BOUND_NAMES.has(name) && edits.rewritten.has(sheet)) || (name === PRINT_TITLES.toLowerCase() && edits.rewritten.has(sheet) && printed.has(edits.tabOf(sheet)));
    };
    const dropped = names.filter(goes);
    if (!added && dropped.length === definedNames.children.length && dropped.length) splice.remove(definedNames);
    else for (const n of dropped) splice.remove(n);
    // A name scoped to a sheet follows the sheet to its new tab.
    for (const n of names) {
      const sheet = n.attrs.get("localSheetId");
      if (sheet === undefined || goes(n) || !/^\d+$/.test(sheet)) continue;
      const moved = String(edits.tabOf(Number(sheet)));
      if (moved !== sheet) splice.replace(n.start, n.openEnd, withAttribute(tag(n), "localSheetId", moved));
    }
    if (added) appendInside(xml, splice, definedNames, added);
  } else if (added) {
    // definedNames comes right before calcPr and what follows it in the schema.
    const next = root.children.find((c) => c.name === "calcPr" || AFTER_CALC_PR.includes(c.name));
    const text = `<${p}definedNames>${added}</${p}definedNames>`;
    if (next) splice.insert(next.start, text);
    else appendInside(xml, splice, root, text);
  }

  // Cached results of the clerk's formulas over product sheets are stale until Excel recalculates.
  const calcPr = child(root, "calcPr");
  if (calcPr) splice.replace(calcPr.start, calcPr.openEnd, withAttribute(tag(calcPr), "fullCalcOnLoad", "1"));
  else {
    const next = root.children.find((c) => AFTER_CALC_PR.includes(c.name));
    const text = `<${p}calcPr fullCalcOnLoad="1"/>`;
    if (next) splice.insert(next.start, text);
    else appendInside(xml, splice, root, text);
  }
  return splice.toString();
}

export interface NewRelationship {
  id: string;
  type: string;
  /** Relative to the source part's folder. */
  target: string;
}

/** The relationships part with some relationships added and some (by id) removed. */
export function editRelationships(part: XmlPart, add: NewRelationship[], removeIds: ReadonlySet<string>): string {
  const { xml, root } = part;
  const splice = new Splice(xml);
  for (const r of root.children) if (r.name === "Relationship" && removeIds.has(r.attrs.get("Id") ?? "")) splice.remove(r);
  const text = add.map((r) => `<Relationship Id="${escapeAttribute(r.id)}" Type="${escapeAttribute(r.type)}" Target="${escapeAttribute(r.target)}"/>`).join("");
  if (text) appendInside(xml, splice, root, withPrefix(text, root.prefix));
  return splice.toString();
}

/** A new, unused relationship id: rId followed by a number above every rIdN present. */
export function relationshipIds(existing: readonly string[]): () => string {
  const taken = new Set(existing.map((id) => id.toLowerCase()));
  let n = existing.reduce((max, id) => Math.max(max, Number(/^rId(\d+)$/i.exec(id)?.[1] ?? 0)), 0);
  return () => {
    let id: string;
    do id = `rId${++n}`;
    while (taken.has(id.toLowerCase()));
    taken.add(id.toLowerCase());
    return id;
  };
}

/** "/xl/worksheets/sheet1.xml" and "xl/worksheets/sheet1.xml" compare equal; so do other cases and escapes. */
function partKey(partName: string): string {
  let name = partName.replace(/^\/+/, "");
  try {
    name = decodeURIComponent(name);
  } catch {
    // a malformed escape is compared as written
  }
  return name.toLowerCase();
}

/** [Content_Types].xml with overrides set (added, or their type corrected) and others removed. */
export function editContentTypes(part: XmlPart, set: { part: string; type: string }[], remove: readonly string[]): string {
  const { xml, root } = part;
  const splice = new Splice(xml);
  const overrides = new Map<string, XmlElement>();
  for (const o of root.children) if (o.name === "Override") overrides.set(partKey(o.attrs.get("PartName") ?? ""), o);
  for (const name of remove) {
    const o = overrides.get(partKey(name));
    if (o) splice.remove(o);
  }
  let added = "";
  for (const { part: name, type } of set) {
    const o = overrides.get(partKey(name));
    if (!o) added += `<Override PartName="/${escapeAttribute(name)}" ContentType="${type}"/>`;
    else if (o.attrs.get("ContentType") !== type) splice.replace(o.start, o.openEnd, withAttribute(xml.slice(o.start, o.openEnd), "ContentType", type));
  }
  if (added) appendInside(xml, splice, root, withPrefix(added, root.prefix));
  return splice.toString();
}
