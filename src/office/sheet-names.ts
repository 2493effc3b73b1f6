// The names of the sheets a write passes through; the copies kept of outputs edited by hand are named
// by core/output-seal.ts.
// A sheet is never emptied in place: its replacement is written to "<name> ~ghi" (hidden), and when
// every sheet of the write is complete the old sheet becomes "<name> ~cũ", the new one takes the name,
// and the old one is deleted. A "~cũ" sheet still in the workbook is the last complete copy of a sheet
// whose write was interrupted at that moment: readers use it while the sheet itself is missing.

import { copiedSheet } from "../core/output-seal";
import { MAX_SHEET_NAME, sheetKey } from "../core/sheet-names";

const STAGING = " ~ghi";
const BACKUP = " ~cũ";

export function stagingName(name: string): string {
  return name.slice(0, MAX_SHEET_NAME - STAGING.length) + STAGING;
}

export function backupName(name: string): string {
  return name.slice(0, MAX_SHEET_NAME - BACKUP.length) + BACKUP;
}

/**
 * Whether a sheet belongs to the product: one of its sheets, a copy of one kept after a hand edit, or a
 * sheet of an interrupted write. "Nhập từ trang tính" reads every other sheet as a unit's report.
 */
export function isProductSheet(name: string, productSheets: readonly string[]): boolean {
  const key = sheetKey(name);
  const copied = copiedSheet(name);
  return productSheets.some((p) => {
    const own = sheetKey(p);
    return key === own || key === sheetKey(stagingName(p)) || key === sheetKey(backupName(p)) || (copied !== null && sheetKey(copied) === own);
  });
}
