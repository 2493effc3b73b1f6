// The Word reader: .docx file bytes -> a Workbook of one grid sheet (see layout.ts for how a document
// becomes rows). Browser-safe, like the .xlsx reader whose zip and limits it shares.
import type { Workbook } from "../../core/types";
import { asReadError } from "../xlsx/errors";
import { DEFAULT_READ_LIMITS, type ReadLimits } from "../xlsx/limits";
import { targetOf } from "../xlsx/package-parts";
import { PackageReader, readModified, readPart, relationshipsOf } from "../xlsx/package-reader";
import { readZipDirectory } from "../xlsx/zip";
import { readDocumentBlocks } from "./document";
import { docxErrors } from "./errors";
import { documentSheet } from "./layout";

export { DOCUMENT_SHEET } from "./layout";

/** Reads a .docx (or .docm) file. Throws WorkbookReadError, and only that, for files it cannot read. */
export function readDocx(bytes: Uint8Array, limits: Partial<ReadLimits> = {}): Workbook {
  const effective: ReadLimits = { ...DEFAULT_READ_LIMITS, ...limits };
  try {
    const reader = new PackageReader(bytes, readZipDirectory(bytes), effective);
    const packageRels = relationshipsOf(reader, "");
    const documentPart = [targetOf(packageRels, "officeDocument"), "word/document.xml"].find((p) => p && reader.entry(p));
    const blocks = documentPart && readPart(reader, documentPart, readDocumentBlocks);
    if (!blocks) throw docxErrors.noDocument();
    return { sheets: [documentSheet(blocks, effective)], modifiedAt: readModified(reader, packageRels) };
  } catch (error) {
    throw asReadError(error);
  }
}
