// The master workbook held in memory through exceljs: the web page's MasterStore, and under the command
// line's file store (master-file.ts). Office.js's counterpart is office/excel-store.ts.
import ExcelJS from "exceljs";
import type { MasterStore } from "../app/store";
import { InputError } from "../core/input-error";
import { keepEditedOutputs } from "../core/output-seal";
import type { CellValue, Finding, Sheet, SheetSpec } from "../core/types";
import { writeSheets } from "./exceljs-sheets";
import { worksheetToSheet } from "./xlsx/exceljs-grid";

const nfc = (name: string) => name.normalize("NFC");

export class WorkbookStore implements MasterStore {
  private constructor(private readonly workbook: ExcelJS.Workbook) {}

  /** A workbook without sheets: the master sheets are written into it next. */
  static empty(): WorkbookStore {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = "Tổng hợp báo cáo Bình dân học vụ số";
    workbook.created = new Date();
    return new WorkbookStore(workbook);
  }

  /** An .xlsx file's workbook; `name` is the file's, for the message when it is not one. */
  static async fromBytes(bytes: Uint8Array, name: string): Promise<WorkbookStore> {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    } catch (e) {
      throw new InputError(`Không mở được sổ tổng hợp “${name}”: tệp không phải .xlsx hoặc đã hỏng (${(e as Error).message}).`);
    }
    return new WorkbookStore(workbook);
  }

  /** The workbook as .xlsx bytes. */
  async toBytes(): Promise<Uint8Array> {
    return new Uint8Array((await this.workbook.xlsx.writeBuffer()) as ArrayBuffer);
  }

  async readSheets(names: readonly string[]): Promise<Record<string, CellValue[][]>> {
    const wanted = new Set(names);
    const grids: Record<string, CellValue[][]> = {};
    for (const ws of this.workbook.worksheets) if (wanted.has(nfc(ws.name))) grids[nfc(ws.name)] = worksheetToSheet(ws).rows;
    return grids;
  }

  async writeSheets(specs: SheetSpec[], activate?: string, keepEdited: readonly string[] = []): Promise<Finding[]> {
    const { backups, problems } = keepEditedOutputs(await this.readSheets(keepEdited), keepEdited);
    writeSheets(this.workbook, [...backups, ...specs]);
    if (activate) {
      const index = this.workbook.worksheets.findIndex((ws) => nfc(ws.name) === activate);
      if (index >= 0) this.workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: index, visibility: "visible" }];
    }
    return problems;
  }

  async readOtherSheets(productSheets: readonly string[]): Promise<Sheet[]> {
    const own = new Set(productSheets);
    return this.workbook.worksheets.filter((ws) => !own.has(nfc(ws.name))).map(worksheetToSheet);
  }

  /** No grid to select in: findings show their cell address instead. */
  async selectCell(): Promise<void> {}
}
