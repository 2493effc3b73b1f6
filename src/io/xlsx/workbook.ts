// File bytes -> Workbook: finds the workbook part through the package relationships, then reads the
// shared strings, the date styles and each worksheet in workbook order.
import type { Sheet, Workbook } from "../../core/types";
import { asReadError, readErrors, type WorkbookReadError } from "./errors";
import { DEFAULT_READ_LIMITS, type ReadLimits } from "./limits";
import { targetOf, type Relationship } from "./package-parts";
import { PackageReader, readModified, readPart, relationshipsOf } from "./package-reader";
import { readSharedStrings } from "./rich-text";
import { looksLikeMarkup, sniffFormat, zipKind, type FileKind } from "./sniff";
import { readDateStyles } from "./styles";
import { readWorksheet, type SheetContext } from "./worksheet";
import { XmlScanner } from "./xml";
import { isZip, readZipDirectory } from "./zip";

interface SheetEntry {
  name: string;
  hidden: boolean;
  relationshipId: string;
}

interface WorkbookPart {
  sheets: SheetEntry[];
  date1904: boolean;
}

function refusalFor(kind: FileKind, bytes: Uint8Array): WorkbookReadError {
  switch (kind) {
    case "xls":
      return readErrors.xls();
    case "xlsb":
      return readErrors.xlsb();
    case "ods":
      return readErrors.ods();
    case "encrypted":
      return readErrors.encrypted();
    case "csv":
      return readErrors.csv();
    default:
      return isZip(bytes) ? readErrors.notWorkbookZip() : looksLikeMarkup(bytes) ? readErrors.markup() : readErrors.unknown();
  }
}

function isTrue(value: string | null): boolean {
  return value === "1" || value === "true";
}

function parseWorkbookPart(xml: string): WorkbookPart {
  const scanner = new XmlScanner(xml);
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  while (scanner.next()) {
    if (scanner.closing) continue;
    if (scanner.name === "sheet") {
      const state = scanner.attr("state");
      sheets.push({
        name: scanner.attr("name") ?? "",
        hidden: state === "hidden" || state === "veryHidden",
        relationshipId: scanner.attr("id") ?? "",
      });
    } else if (scanner.name === "workbookPr") {
      date1904 = isTrue(scanner.attr("date1904"));
    }
  }
  scanner.finish();
  return { sheets, date1904 };
}

/** A sheet relationship the reader reads as a grid: worksheets, not chartsheets, dialogs or macro sheets. */
function isWorksheet(relationship: Relationship | undefined): relationship is Relationship {
  if (!relationship) return false;
  return relationship.kind === "worksheet" || (relationship.kind === "" && /(^|\/)worksheets\//i.test(relationship.target));
}

function readPackage(bytes: Uint8Array, limits: ReadLimits): Workbook {
  const directory = readZipDirectory(bytes);
  const kind = zipKind(bytes, directory);
  if (kind !== "xlsx") throw refusalFor(kind, bytes);
  const reader = new PackageReader(bytes, directory, limits);

  const packageRels = relationshipsOf(reader, "");
  const workbookPath = [targetOf(packageRels, "officeDocument"), "xl/workbook.xml"].find((p) => p && reader.entry(p));
  const workbook = workbookPath && readPart(reader, workbookPath, parseWorkbookPart);
  if (!workbookPath || !workbook) throw readErrors.missingPart("phần sổ làm việc (xl/workbook.xml)");
  if (workbook.sheets.length > limits.maxSheets) throw readErrors.tooManySheets(workbook.sheets.length, limits.maxSheets);

  const workbookRels = relationshipsOf(reader, workbookPath);
  const relById = new Map(workbookRels.map((r) => [r.id, r]));
  const context: SheetContext = {
    sharedStrings: readPart(reader, targetOf(workbookRels, "sharedStrings") ?? "xl/sharedStrings.xml", readSharedStrings) ?? [],
    dateStyles: readPart(reader, targetOf(workbookRels, "styles") ?? "xl/styles.xml", readDateStyles) ?? [],
    date1904: workbook.date1904,
    limits,
  };

  const sheets: Sheet[] = [];
  for (const entry of workbook.sheets) {
    const relationship = relById.get(entry.relationshipId);
    if (!isWorksheet(relationship)) continue;
    const content = readPart(reader, relationship.target, (xml) => readWorksheet(xml, entry.name, context));
    if (content === null) throw readErrors.missingPart(`nội dung trang "${entry.name}"`);
    sheets.push({ name: entry.name, hidden: entry.hidden, ...content });
  }
  return { sheets, modifiedAt: readModified(reader, packageRels) };
}

/**
 * Reads an .xlsx/.xlsm file. Synchronous and free of Node APIs, so it runs in the browser too.
 * Throws WorkbookReadError (and only that) for files it cannot or will not read.
 */
export function readWorkbook(bytes: Uint8Array, limits: Partial<ReadLimits> = {}): Workbook {
  const effective: ReadLimits = { ...DEFAULT_READ_LIMITS, ...limits };
  try {
    if (bytes.length === 0) throw readErrors.empty();
    if (!isZip(bytes)) throw refusalFor(sniffFormat(bytes), bytes);
    return readPackage(bytes, effective);
  } catch (error) {
    throw asReadError(error);
  }
}
