// The Excel 97-2003 reader: .xls file bytes (a compound file holding a BIFF8 "Workbook" stream) ->
// Workbook. Browser-safe. Excel 2-95 workbooks (BIFF2-5) and encrypted ones are refused with a message
// saying what to do; the command line then tries LibreOffice.
import type { Sheet, Workbook } from "../../core/types";
import { asReadError } from "../xlsx/errors";
import { DEFAULT_READ_LIMITS, type ReadLimits } from "../xlsx/limits";
import { CompoundFile } from "./cfb";
import { xlsErrors } from "./errors";
import { readGlobals, WORKSHEET } from "./globals";
import { lastSaveTime } from "./summary";
import { readWorksheet } from "./worksheet";

/** Reads an .xls file. Throws WorkbookReadError, and only that, for files it cannot read. */
export function readXls(bytes: Uint8Array, limits: Partial<ReadLimits> = {}): Workbook {
  const effective: ReadLimits = { ...DEFAULT_READ_LIMITS, ...limits };
  try {
    const container = new CompoundFile(bytes, effective);
    const stream = container.stream("Workbook");
    if (!stream) throw container.has("Book") ? xlsErrors.tooOld() : xlsErrors.noWorkbook();
    const globals = readGlobals(stream, effective);
    const sheets: Sheet[] = [];
    for (const entry of globals.sheets) {
      if (entry.type !== WORKSHEET) continue;
      const content = readWorksheet(stream, entry.offset, entry.name, globals, effective);
      if (content) sheets.push({ name: entry.name, hidden: entry.hidden, ...content });
    }
    return { sheets, modifiedAt: lastSaveTime(container.stream("\u0005SummaryInformation")) };
  } catch (error) {
    throw asReadError(error);
  }
}
