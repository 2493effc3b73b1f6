// A units list file -> the units of a new master workbook: the one reader behind `tonghop init --units`
// and the pane's "Tạo sổ mới". Text saved from Excel (CSV, "Unicode Text") or a workbook: its "Đơn vị"
// sheet when it has one (a master workbook, or a units sheet copied out of one), else its first visible sheet.
import { parseCsv } from "../core/csv";
import { InputError } from "../core/input-error";
import { readUnits } from "../core/master-read";
import { SHEETS } from "../core/master-sheets";
import type { CellValue, Finding, Unit } from "../core/types";
import { decodeTextFile } from "./text-file";
import { readWorkbook, sniffFormat, WorkbookReadError } from "./xlsx";
import { looksLikeMarkup } from "./xlsx/sniff";
import { isZip } from "./xlsx/zip";

export interface UnitsList {
  units: Unit[];
  /** Rows skipped or read with a guess (an unknown frequency), each with its reason. */
  problems: Finding[];
}

const HEADER = "“Mã đơn vị, Tên đơn vị, Loại, Đơn vị cấp trên, Tần suất” (có thể thêm Liên hệ, Hoạt động từ, Hoạt động đến)";

/** Throws an InputError when the file cannot be read or holds no unit at all: a book without units is no use. */
export function readUnitsList(name: string, bytes: Uint8Array): UnitsList {
  const problems: Finding[] = [];
  const units = readUnits(gridOf(name, bytes), problems, name);
  if (units.length === 0) {
    const reasons = problems.slice(0, 3).map((p) => p.message).join(" ");
    throw new InputError(`Không đọc được đơn vị nào từ “${name}”: tệp cần dòng tiêu đề ${HEADER}. ${reasons}`.trim());
  }
  return { units, problems };
}

/** Not a spreadsheet package nor markup saved under a spreadsheet's name: the workbook reader names those best. */
function isText(bytes: Uint8Array): boolean {
  const kind = sniffFormat(bytes);
  return kind === "csv" || (kind === "unknown" && !isZip(bytes) && !looksLikeMarkup(bytes));
}

function gridOf(name: string, bytes: Uint8Array): CellValue[][] {
  if (isText(bytes)) return parseCsv(decodeTextFile(name, bytes));
  try {
    const sheets = readWorkbook(bytes).sheets;
    const sheet = sheets.find((s) => s.name.normalize("NFC") === SHEETS.units) ?? sheets.find((s) => !s.hidden) ?? sheets[0];
    return sheet?.rows ?? [];
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new InputError(`Không đọc được danh sách đơn vị “${name}”: ${e.message}`);
    throw e;
  }
}
