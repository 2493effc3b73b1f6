// Bundled for the browser and injected before the add-in page's own scripts: stands in for Office.js
// inside Excel on the web, with the fake Excel object model of the jest tests as the open workbook. The
// workbook is kept in sessionStorage on request, so a reload is the clerk closing and reopening the pane
// on the same workbook.
import { FakeWorkbook } from "../office-fake";

type Scalar = string | number | boolean;

/** What a test reads and changes through page.evaluate. */
export interface ExcelFakeHandle {
  workbook: FakeWorkbook;
  /** Puts `values` into sheet `name` (created when missing) as the cells' content, as typed or pasted. */
  fill(name: string, values: Scalar[][], formats: string[][]): void;
  /** Every sheet as plain data; keep() stores it for the next page load. */
  snapshot(): SavedSheet[];
  keep(): void;
  /** The addresses the pane asked Office to open in the browser (desktop Excel only). */
  browserWindows: string[];
}

/**
 * `window.excelFakePlatform`, set by an init script before this one runs: "PC" stands in for desktop
 * Excel, which has the OpenBrowserWindow API; Excel on the web ("OfficeOnline") by default.
 */
const PLATFORM_KEY = "excelFakePlatform";

export interface SavedSheet {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  cells: [string, { value: Scalar; format: string; formula: string | null; formatAtWrite: string | null }][];
}

const STORAGE_KEY = "excel-fake-workbook";

function restore(workbook: FakeWorkbook): void {
  const saved = sessionStorage.getItem(STORAGE_KEY);
  if (!saved) return;
  for (const s of JSON.parse(saved) as SavedSheet[]) workbook.addSheet(s.name, [], { visibility: s.visibility }).cells = new Map(s.cells);
}

function install(): void {
  const workbook = new FakeWorkbook();
  restore(workbook);
  const handle: ExcelFakeHandle = {
    workbook,
    fill(name, values, formats) {
      const sheet = workbook.sheet(name) ?? workbook.addSheet(name);
      sheet.cells.clear();
      values.forEach((row, r) =>
        row.forEach((value, c) => {
          const cell = sheet.at(r, c);
          cell.value = value;
          cell.format = formats[r]?.[c] ?? "General";
        }),
      );
    },
    snapshot: () => workbook.sheets.map((s) => ({ name: s.name, visibility: s.visibility, cells: [...s.cells] })),
    keep: () => sessionStorage.setItem(STORAGE_KEY, JSON.stringify(handle.snapshot())),
    browserWindows: [],
  };
  const platform = (window as unknown as Record<string, string | undefined>)[PLATFORM_KEY] ?? "OfficeOnline";
  const desktop = platform !== "OfficeOnline";
  // Office.onReady both calls its callback and returns a promise, as Office.js does.
  const info = { host: "Excel", platform };
  const office = {
    onReady: (callback?: (i: typeof info) => void) =>
      Promise.resolve().then(() => {
        callback?.(info);
        return info;
      }),
    HostType: { Excel: "Excel" },
    // Every ExcelApi; OpenBrowserWindowApi only on a desktop (Windows, Mac), not on the web.
    context: {
      requirements: { isSetSupported: (name: string) => desktop || name !== "OpenBrowserWindowApi" },
      ui: { openBrowserWindow: (url: string) => void handle.browserWindows.push(url) },
    },
  };
  Object.assign(window, { Office: office, Excel: { run: workbook.run }, excelFake: handle });
}

install();
