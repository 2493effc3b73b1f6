// Sheet names as Excel compares them. Excel refuses two sheets whose names differ only by case, and the
// product matches its own names after NFC (a name typed on a Mac may arrive decomposed).

/** The form under which two sheet names are the same sheet to Excel (and to the product). */
export function sheetKey(name: string): string {
  return name.normalize("NFC").toLowerCase();
}

/** The same name exactly, up to Unicode normalisation (not case). */
export function sameSpelling(a: string, b: string): boolean {
  return a.normalize("NFC") === b.normalize("NFC");
}

const FORBIDDEN = /[:\\/?*[\]]/;
/** Excel's limit on a sheet name. */
export const MAX_SHEET_NAME = 31;

/** A name Excel accepts for a sheet: 1-31 characters, none of : \ / ? * [ ], not starting or ending with '. */
export function isValidSheetName(name: string): boolean {
  return name.length > 0 && name.length <= MAX_SHEET_NAME && !FORBIDDEN.test(name) && !name.startsWith("'") && !name.endsWith("'");
}
