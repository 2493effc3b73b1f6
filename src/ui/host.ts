// Where the pane runs: inside Excel (the open workbook, through Office.js) or as a plain web page (a
// workbook held in the browser). The pane only ever talks to this and to the application service, never
// to Office.js or exceljs itself.
import type { MasterStore } from "../app/store";

/** A workbook held in the browser: the web page's store, which the clerk downloads as a file. */
export interface BrowserWorkbook extends MasterStore {
  toBytes(): Promise<Uint8Array>;
}

/** How a file was handed over. */
export interface SavedFile {
  /**
   * Desktop Excel, whose webview may drop a download without a word: the product's web page was also
   * opened in the browser, where the clerk can make the same file from the saved workbook.
   */
  webPageOpened: boolean;
}

interface HostBase {
  /** Hands a file the pane made (templates, the upward report, the web page's workbook) to the user. */
  saveFile(name: string, bytes: Uint8Array): Promise<SavedFile>;
}

export interface ExcelHost extends HostBase {
  kind: "excel";
  /** The workbook open in Excel. */
  store: MasterStore;
}

export interface WebHost extends HostBase {
  kind: "web";
  /** A workbook file read into the browser (a Vietnamese message when it is no .xlsx). */
  loadWorkbook(bytes: Uint8Array, name: string): Promise<BrowserWorkbook>;
  /** An empty workbook in the browser, for a new master workbook. */
  emptyWorkbook(): Promise<BrowserWorkbook>;
}

export type Host = ExcelHost | WebHost;

/** A file the user picked or dropped, already read into memory. */
export interface LocalFile {
  name: string;
  bytes: Uint8Array;
  /** Milliseconds since the epoch, when the browser knows it. */
  lastModified: number | null;
}
