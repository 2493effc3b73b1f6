// Where the pane runs: inside Excel (the open workbook, through Office.js) or as a plain web page (a
// workbook held in the browser). The pane only ever talks to this, never to Office.js or exceljs.
import type { MasterStore } from "../app/store";

export interface Host {
  kind: "excel" | "web";
  store: MasterStore;
  /** Web: loads a master workbook file into the browser (throws a Vietnamese message when it cannot). */
  openMasterFile?(bytes: Uint8Array, name: string): Promise<void>;
  /** Web: starts an empty workbook in the browser, before the master sheets are written into it. */
  newMasterFile?(): Promise<void>;
  /** Web: hands the master workbook to the user as a download. */
  download?(): Promise<void>;
  /** Hands a file the pane made (templates, the upward report) to the user. */
  saveFile(name: string, bytes: Uint8Array): Promise<void>;
}

/** A file the user picked or dropped, already read into memory. */
export interface LocalFile {
  name: string;
  bytes: Uint8Array;
  /** Milliseconds since the epoch, when the browser knows it. */
  lastModified: number | null;
}
