// The master workbook held in memory as its .xlsx package: the web page's MasterStore, and under the
// command line's (master-file.ts adds the file, its lock and its atomic replace). Office.js's counterpart
// is office/excel-store.ts. Sheets are read with the project's own reader, only those asked for; a write
// patches the package (xlsx-package/): the product's sheets are replaced, every other part is carried
// over byte for byte. Before a write, outputs edited by hand are kept as "(sửa tay)" copies
// (output-seal.ts), columns the clerk added to the product's tables are carried along
// (master-schema/clerk-columns.ts), and a sheet whose cells would not change is not rewritten.
import type { MasterStore } from "../app/store";
import { sameGrid } from "../core/cell-compare";
import { InputError } from "../core/input-error";
import { keepClerkContent } from "../core/master-schema/clerk-columns";
import { copiedSheet, keepEditedOutputs } from "../core/output-seal";
import { sheetKey } from "../core/sheet-names";
import type { CellValue, Finding, Sheet, SheetSpec } from "../core/types";
import { MasterPackage, patchMasterPackage } from "./xlsx-package";


/** Called with the new bytes before the store adopts them (the file store saves them there); a throw leaves the store as it was. */
export type Persist = (bytes: Uint8Array) => Promise<void>;

export class WorkbookStore implements MasterStore {
  /** Sheets read since the last write, by the names asked (null: no such worksheet). */
  private readonly read = new Map<string, CellValue[][] | null>();

  private constructor(
    private bytes: Uint8Array | null,
    private opened: MasterPackage | null,
    private readonly persist: Persist | null,
  ) {}

  /** A workbook without sheets: the master sheets are written into it next. */
  static empty(persist: Persist | null = null): WorkbookStore {
    return new WorkbookStore(null, null, persist);
  }

  /** An .xlsx file's workbook; a file that is not one is refused with a MasterPackageError (one Vietnamese line). */
  static async fromBytes(bytes: Uint8Array, persist: Persist | null = null): Promise<WorkbookStore> {
    return new WorkbookStore(bytes, MasterPackage.open(bytes), persist);
  }

  /** The workbook as .xlsx bytes. */
  async toBytes(): Promise<Uint8Array> {
    if (!this.bytes) throw new InputError("Sổ tổng hợp mới chưa có trang nào để tải về.");
    return this.bytes;
  }

  async readSheets(names: readonly string[]): Promise<Record<string, CellValue[][]>> {
    const grids: Record<string, CellValue[][]> = {};
    await this.opened?.preinflate(names.filter((name) => !this.read.has(name)));
    for (const name of names) {
      if (!this.read.has(name)) this.read.set(name, this.opened?.grids([name])[name] ?? null);
      const grid = this.read.get(name);
      if (grid) grids[name] = grid;
    }
    return grids;
  }

  async writeSheets(specs: SheetSpec[], activate?: string, keepEdited: readonly string[] = []): Promise<Finding[]> {
    const current = await this.readSheets([...new Set([...keepEdited, ...specs.map((s) => s.name)])]);
    const added = new Set<string>();
    const taken = (name: string) => added.has(sheetKey(name)) || this.opened?.find(name) !== undefined;
    const edited = keepEditedOutputs(current, keepEdited, taken);
    for (const b of edited.backups) added.add(sheetKey(b.name));
    const clerk = keepClerkContent(specs, current, taken);
    const changed = clerk.specs.filter((spec) => !(current[spec.name] && sameGrid(spec.values, current[spec.name])));
    const writes = [...edited.backups, ...clerk.copies, ...changed];
    if (writes.length > 0) {
      const { bytes } = patchMasterPackage(this.opened, writes, { activate });
      await this.persist?.(bytes);
      this.bytes = bytes;
      this.opened = MasterPackage.open(bytes);
      this.read.clear();
    }
    return [...edited.problems, ...clerk.problems];
  }

  async readOtherSheets(productSheets: readonly string[]): Promise<Sheet[]> {
    if (!this.opened) return [];
    const own = new Set(productSheets.map(sheetKey));
    const isProduct = (name: string) => own.has(sheetKey(name)) || own.has(sheetKey(copiedSheet(name) ?? ""));
    return this.opened.sheets.filter((s) => s.kind === "worksheet" && !isProduct(s.name)).flatMap((s) => this.opened!.sheet(s.name) ?? []);
  }

  /** No grid to select in: findings show their cell address instead. */
  async selectCell(): Promise<void> {}
}
