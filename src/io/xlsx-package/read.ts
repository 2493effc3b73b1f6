// Reading the master workbook: only the sheets asked for are inflated and read, with the project's own
// reader; names are matched as Excel matches them.
import type { CellValue, Sheet } from "../../core/types";
import { MasterPackageParts, type SheetKind, type SheetVisibility } from "./package";

export interface MasterSheetInfo {
  /** As the workbook spells it (which may differ from the product's spelling by case or normalisation). */
  name: string;
  visibility: SheetVisibility;
  kind: SheetKind;
}

export interface MasterPackageContent {
  /** Keyed by the names asked for, as asked; a name with no worksheet of that name is absent. */
  grids: Record<string, CellValue[][]>;
  /** Every sheet of the workbook, in tab order. */
  sheets: MasterSheetInfo[];
  date1904: boolean;
}

const partsOf = new WeakMap<MasterPackage, MasterPackageParts>();

/** The parsed package behind an opened master, for patchMasterPackage (not exported from the folder). */
export function packageParts(opened: MasterPackage): MasterPackageParts {
  return partsOf.get(opened)!;
}

/**
 * A master workbook opened for reading: its sheet list at once, each sheet's cells when asked for.
 * Handing it to patchMasterPackage afterwards spares parsing the package, and inflating the sheets read, again.
 */
export class MasterPackage {
  private constructor(private readonly parts: MasterPackageParts) {
    partsOf.set(this, parts);
  }

  /** Throws MasterPackageError (one Vietnamese line) when the bytes are not a readable workbook. */
  static open(bytes: Uint8Array): MasterPackage {
    return new MasterPackage(MasterPackageParts.open(bytes));
  }

  get sheets(): MasterSheetInfo[] {
    return this.parts.sheets.map(({ name, visibility, kind }) => ({ name, visibility, kind }));
  }

  get date1904(): boolean {
    return this.parts.date1904;
  }

  /** The worksheet Excel would take for this name (same spelling first, else same name but for case). */
  find(name: string): MasterSheetInfo | undefined {
    const entry = this.parts.findSheet(name);
    return entry && { name: entry.name, visibility: entry.visibility, kind: entry.kind };
  }

  /** Inflates the named worksheets ahead of grids(), natively where the platform can (MasterPackageParts.preinflate). */
  async preinflate(names: readonly string[]): Promise<void> {
    await this.parts.preinflate(names.flatMap((name) => this.parts.findSheet(name) ?? []).filter((s) => s.kind === "worksheet"));
  }

  /** The grids of the named worksheets that exist, keyed by the names as asked. */
  grids(names: readonly string[]): Record<string, CellValue[][]> {
    const grids: Record<string, CellValue[][]> = {};
    for (const name of names) {
      const entry = this.parts.findSheet(name);
      if (entry?.kind === "worksheet") grids[name] = this.parts.readSheet(entry).rows;
    }
    return grids;
  }

  /** One worksheet whole (merges and visibility too), e.g. a report sheet pasted into the master. */
  sheet(name: string): Sheet | null {
    const entry = this.parts.findSheet(name);
    if (entry?.kind !== "worksheet") return null;
    return { name: entry.name, hidden: entry.visibility !== "visible", ...this.parts.readSheet(entry) };
  }
}

/** Reads the wanted sheets of a master workbook (and lists all of its sheets). */
export function readMasterPackage(bytes: Uint8Array, wantedSheetNames: readonly string[]): MasterPackageContent {
  const opened = MasterPackage.open(bytes);
  return { grids: opened.grids(wantedSheetNames), sheets: opened.sheets, date1904: opened.date1904 };
}
