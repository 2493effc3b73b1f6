// The names of the sheets a write passes through, and of the copies kept of outputs edited by hand.
// A sheet is never emptied in place: its replacement is written to "<name> ~ghi" (hidden), and when
// every sheet of the write is complete the old sheet becomes "<name> ~cũ", the new one takes the name,
// and the old one is deleted. A "~cũ" sheet still in the workbook is the last complete copy of a sheet
// whose write was interrupted at that moment: readers use it while the sheet itself is missing.

/** Excel's limit on a sheet name. */
const MAX_NAME = 31;
const STAGING = " ~ghi";
const BACKUP = " ~cũ";

/** Excel compares sheet names without regard to case; the engine's names are NFC. */
export function sheetKey(name: string): string {
  return name.normalize("NFC").toLowerCase();
}

export function stagingName(name: string): string {
  return name.slice(0, MAX_NAME - STAGING.length) + STAGING;
}

export function backupName(name: string): string {
  return name.slice(0, MAX_NAME - BACKUP.length) + BACKUP;
}

/**
 * "Tổng hợp (sửa tay)" and the numbered copies "Tổng hợp (sửa tay 2)", … that output-seal.ts names (the
 * numbers come with issue 12): the name of the sheet copied, or null for any other name.
 */
export function copiedSheet(name: string): string | null {
  const m = /^(.+) \(sửa tay(?: \d+)?\)$/u.exec(name.normalize("NFC"));
  return m ? m[1] : null;
}

/**
 * The copy name output-seal.ts gives, or the first numbered one that no sheet has: an earlier copy is
 * never written over.
 */
export function freeCopyName(copy: string, taken: (name: string) => boolean): string {
  if (!taken(copy)) return copy;
  for (let n = 2; ; n++) {
    const numbered = copy.replace(/\)$/, ` ${n})`);
    if (!taken(numbered)) return numbered;
  }
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
