// The Office.js store on excel-wire-fake: Microsoft's own client against an in-memory workbook with Excel
// on the web's 5 MB limits (../shared/excel-wire-fake/README.md).
import { createWireExcel, Workbook, type WireExcel } from "../../../shared/excel-wire-fake";
import type { MasterStore } from "../../src/app/store";
import type { OutValue, SheetSpec } from "../../src/core/types";
import { dateToSerial } from "../../src/office/cells";
import { createExcelStore, type ExcelStoreOptions } from "../../src/office/excel-store";
import type { ExistingSheet } from "../../src/office/write-plan";
import { harnessStore } from "./print-ranges";

export type Behaviour = { apostropheInTextCell?: "strip" | "keep"; atSignStartsFormula?: boolean };

/** The store on a wire Excel, every ExcelApi supported unless said otherwise; print areas and titles: print-ranges.ts. */
export function storeOn(wire: WireExcel, options: ExcelStoreOptions = {}): MasterStore {
  return harnessStore(createExcelStore(wire.run, { supports: () => true, ...options }));
}

/** A new wire Excel and the store on it. */
export function wireStore(options: { workbook?: Workbook; behaviour?: Behaviour; store?: ExcelStoreOptions } = {}) {
  const wire = createWireExcel({ workbook: options.workbook, behaviour: options.behaviour });
  const store = storeOn(wire, options.store);
  return { wire, store };
}

/** Syncs that reached Excel, in order (the cleanup Excel.run sends after a batch is not one). */
export function syncs(wire: WireExcel) {
  return wire.stats.requests.filter((r) => r.sync !== null);
}

/** A spec's cells as Excel holds them: "" for empty, a date as its day serial. */
export function excelCells(spec: SheetSpec): (string | number | boolean)[][] {
  const width = Math.max(0, ...spec.values.map((r) => r.length));
  const cell = (v: OutValue | undefined) => (v === null || v === undefined ? "" : v instanceof Date ? dateToSerial(v) : v);
  const rows = spec.values.map((r) => Array.from({ length: width }, (_, c) => cell(r[c])));
  while (rows.length && rows[rows.length - 1].every((v) => v === "")) rows.pop();
  return rows;
}

/** A copy of a wire workbook (cells, styles, sheet states), to start several runs from the same book. */
export function cloneWorkbook(wb: Workbook): Workbook {
  const copy = new Workbook({ sheets: [] });
  for (const s of wb.sheets) {
    const t = copy.addSheet(s.name, { visibility: s.visibility, protected: s.protected });
    s.rows.forEach((row, r) => row.forEach((cell, c) => Object.assign(t.at(r, c), { ...cell })));
    t.styles = s.styles.map((x) => ({ box: { ...x.box }, props: { ...x.props } }));
    t.merges = s.merges.map((m) => ({ ...m }));
    t.frozen = { ...s.frozen };
    t.pageLayout = structuredClone(s.pageLayout);
    t.columnWidths = new Map(s.columnWidths);
    t.rowHeights = new Map(s.rowHeights);
    t.charts = structuredClone(s.charts);
  }
  copy.active = wb.active ? copy.sheet(wb.active.name) : null;
  return copy;
}

/** The store, remembering the specs of its last write. */
export function recordingStore(store: MasterStore): MasterStore & { lastSpecs: () => SheetSpec[] } {
  let specs: SheetSpec[] = [];
  return {
    ...store,
    writeSheets: (s, activate, keepEdited) => ((specs = s), store.writeSheets(s, activate, keepEdited)),
    lastSpecs: () => specs,
  };
}

/** The sheets of a wire workbook as the first sync of a write sees them. */
export function existingSheets(wb: Workbook): ExistingSheet[] {
  return wb.sheets.map((s) => ({ id: s.id, name: s.name, position: s.position, visible: s.visibility === "Visible", protected: s.protected }));
}

