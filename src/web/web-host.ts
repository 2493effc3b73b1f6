// The web page's host: the master workbook lives in the browser and leaves it only as a download.
// exceljs is loaded on first use, after the scheduler fix it needs to run at full speed in a browser.
import type { WebHost } from "../ui/host";
import { downloadFile } from "../ui/download";
import { installFastTimers } from "./immediate";

let stores: Promise<typeof import("../io/workbook-store")> | null = null;

function workbookStore() {
  installFastTimers();
  stores ??= import(/* webpackChunkName: "exceljs" */ "../io/workbook-store");
  return stores;
}

export function createWebHost(): WebHost {
  return {
    kind: "web",
    loadWorkbook: async (bytes, name) => (await workbookStore()).WorkbookStore.fromBytes(bytes, name),
    emptyWorkbook: async () => (await workbookStore()).WorkbookStore.empty(),
    saveFile: downloadFile,
  };
}
