// The master workbook held in the browser (exceljs): the web page's MasterStore. exceljs is loaded on
// first use, after the scheduler fix it needs to run at full speed in a browser.
import type { MasterStore } from "../app/store";
import { SHEETS } from "../core/master-sheets";
import { keepEditedOutputs } from "../core/output-seal";
import type { CellValue, Finding, Sheet, SheetSpec } from "../core/types";
import { installFastTimers } from "./immediate";

type Parts = typeof import("./exceljs-parts");
type ExcelWorkbook = import("exceljs").Workbook;

let parts: Promise<Parts> | null = null;

/** exceljs and the writers, loaded once. */
export function loadExcel(): Promise<Parts> {
  installFastTimers();
  parts ??= import(/* webpackChunkName: "exceljs" */ "./exceljs-parts");
  return parts;
}

const nfc = (name: string) => name.normalize("NFC");
/** The sheets openMaster looks for: a workbook with neither is not a master workbook. */
const MASTER_MARKERS: string[] = [SHEETS.units, SHEETS.data];

export class WorkbookStore implements MasterStore {
  private workbook: ExcelWorkbook | null = null;

  /** Starts an empty workbook (the master sheets are written into it next). */
  async create(): Promise<void> {
    const { ExcelJS } = await loadExcel();
    const wb = new ExcelJS.Workbook();
    wb.creator = "Tổng hợp báo cáo Bình dân học vụ số";
    wb.created = new Date();
    this.workbook = wb;
  }

  /** Loads a master workbook file; the workbook in memory is replaced only when the file is one. */
  async open(bytes: Uint8Array, name: string): Promise<void> {
    const { ExcelJS } = await loadExcel();
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    } catch (e) {
      throw new Error(`Không mở được sổ tổng hợp: tệp không phải .xlsx hoặc đã hỏng (${(e as Error).message}).`);
    }
    if (!wb.worksheets.some((ws) => MASTER_MARKERS.includes(nfc(ws.name)))) {
      throw new Error(`“${name}” không phải sổ tổng hợp (không có trang “${SHEETS.units}” và “${SHEETS.data}”). Hãy chọn đúng sổ, hoặc bấm “Tạo sổ mới”.`);
    }
    this.workbook = wb;
  }

  /** The workbook as .xlsx bytes. */
  async save(): Promise<Uint8Array> {
    const { saveMasterWorkbook } = await loadExcel();
    return saveMasterWorkbook(this.requireWorkbook());
  }

  async readSheets(names: readonly string[]): Promise<Record<string, CellValue[][]>> {
    if (!this.workbook) return {};
    const { worksheetToSheet } = await loadExcel();
    const wanted = new Set(names);
    const grids: Record<string, CellValue[][]> = {};
    for (const ws of this.workbook.worksheets) {
      if (wanted.has(nfc(ws.name))) grids[nfc(ws.name)] = worksheetToSheet(ws).rows;
    }
    return grids;
  }

  async writeSheets(specs: SheetSpec[], activate?: string, keepEdited: readonly string[] = []): Promise<Finding[]> {
    const { writeSheets } = await loadExcel();
    const { backups, problems } = keepEditedOutputs(await this.readSheets(keepEdited), keepEdited);
    const wb = this.workbook ?? (await this.create(), this.requireWorkbook());
    writeSheets(wb, [...backups, ...specs]);
    if (activate) {
      const index = wb.worksheets.findIndex((ws) => nfc(ws.name) === activate);
      if (index >= 0) wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: index, visibility: "visible" }];
    }
    return problems;
  }

  async readOtherSheets(productSheets: readonly string[]): Promise<Sheet[]> {
    if (!this.workbook) return [];
    const { worksheetToSheet } = await loadExcel();
    const own = new Set(productSheets);
    return this.workbook.worksheets.filter((ws) => !own.has(nfc(ws.name))).map(worksheetToSheet);
  }

  /** A web page has no grid to select in: findings show their cell address instead. */
  async selectCell(): Promise<void> {}

  private requireWorkbook(): ExcelWorkbook {
    if (!this.workbook) throw new Error("Chưa có sổ tổng hợp: hãy tạo hoặc mở sổ trước.");
    return this.workbook;
  }
}
