// A units list file (.csv saved from Excel, or .xlsx) -> units for a new master workbook.
import { readReportFile } from "../app/session";
import { parseCsv } from "../core/csv";
import { SHEETS } from "../core/master-sheets";
import { readUnits } from "../core/master-read";
import type { CellValue, Finding, Unit } from "../core/types";
import type { LocalFile } from "./host";

export interface UnitsFromFile {
  units: Unit[];
  problems: Finding[];
}

async function gridOf(file: LocalFile): Promise<CellValue[][]> {
  if (/\.csv$/i.test(file.name)) return parseCsv(new TextDecoder("utf-8").decode(file.bytes));
  const incoming = await readReportFile(file.name, file.bytes, file.lastModified);
  if (!incoming.workbook) throw new Error(incoming.readError?.message ?? "Không đọc được tệp danh sách đơn vị.");
  // A master workbook or a units export: its "Đơn vị" sheet; otherwise the first visible sheet.
  const sheets = incoming.workbook.sheets;
  const sheet = sheets.find((s) => s.name.normalize("NFC") === SHEETS.units) ?? sheets.find((s) => !s.hidden) ?? sheets[0];
  return sheet?.rows ?? [];
}

export async function readUnitsFile(file: LocalFile): Promise<UnitsFromFile> {
  const problems: Finding[] = [];
  const units = readUnits(await gridOf(file), problems, file.name);
  return { units, problems };
}
