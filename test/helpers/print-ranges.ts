// excel-wire-fake keeps whatever is set on a sheet's pageLayout, but does not model its methods (its
// README: "pageLayout (any property, kept as set)"; a method on it throws "… is not modelled"), and
// Office.js sets a print area and print titles only through setPrintArea, setPrintTitleRows and
// setPrintTitleColumns. So the specs written through the harness leave those three out: the object fake
// checks them (test/print-setup.test.ts, test/e2e/excel-mode.test.ts), and office-scale.test.ts prices
// them through Microsoft's client. Everything else of the page setup goes through the harness.
import type { MasterStore } from "../../src/app/store";
import type { SheetSpec } from "../../src/core/types";

export function withoutPrintRanges(spec: SheetSpec): SheetSpec {
  if (!spec.print) return spec;
  const print = { ...spec.print };
  delete print.area;
  delete print.titleRows;
  delete print.titleColumns;
  return { ...spec, print };
}

/** The store (and what else it offers), given every spec without its print area and titles. */
export function harnessStore<S extends MasterStore>(store: S): S {
  return { ...store, writeSheets: (specs, activate, keepEdited) => store.writeSheets(specs.map(withoutPrintRanges), activate, keepEdited) };
}
