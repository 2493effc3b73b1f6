// Where the master workbook lives, seen from the pane: the open Excel workbook (Office.js) or a workbook
// held in the browser (exceljs). The pane talks to this and never to Office.js or exceljs itself.
import type { CellValue, Finding, Sheet, SheetSpec } from "../core/types";

export interface MasterStore {
  /** The named sheets that exist, as grids of values, in one round trip. */
  readSheets(names: readonly string[]): Promise<Record<string, CellValue[][]>>;
  /**
   * Replaces each sheet's content by its spec (creating missing sheets), then shows `activate`. The
   * sheets named in `keepEdited` (outputs) are first checked for hand edits, in the same round trip that
   * learns which sheets exist: an edited one is kept as a copy (output-seal.ts), and a finding says so.
   */
  writeSheets(specs: SheetSpec[], activate?: string, keepEdited?: readonly string[]): Promise<Finding[]>;
  /** Every sheet that is not one of the product's: report sheets pasted or moved into this workbook. */
  readOtherSheets(productSheets: readonly string[]): Promise<Sheet[]>;
  /** Selects a cell of this workbook, for a finding whose source is one of its sheets. */
  selectCell(sheet: string, cell: string): Promise<void>;
}
