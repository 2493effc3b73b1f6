// The OpenDocument spreadsheet reader: .ods file bytes -> Workbook (content.xml for the sheets, meta.xml
// for the last-modified instant). Browser-safe, like the .xlsx reader whose zip and limits it shares.
import type { Workbook } from "../../core/types";
import { asReadError, readErrors } from "../xlsx/errors";
import { DEFAULT_READ_LIMITS, type ReadLimits } from "../xlsx/limits";
import { PackageReader, readPart } from "../xlsx/package-reader";
import { readZipDirectory } from "../xlsx/zip";
import { readContent } from "./content";
import { parseMetaModified } from "./meta";

/** Reads an .ods file. Throws WorkbookReadError, and only that, for files it cannot read. */
export function readOds(bytes: Uint8Array, limits: Partial<ReadLimits> = {}): Workbook {
  const effective: ReadLimits = { ...DEFAULT_READ_LIMITS, ...limits };
  try {
    const reader = new PackageReader(bytes, readZipDirectory(bytes), effective);
    const sheets = readPart(reader, "content.xml", (xml) => readContent(xml, effective));
    if (!sheets) throw readErrors.missingPart("phần nội dung bảng tính (content.xml)");
    return { sheets, modifiedAt: readPart(reader, "meta.xml", parseMetaModified) };
  } catch (error) {
    throw asReadError(error);
  }
}
