// The web page's host: the master workbook lives in the browser and leaves it only as a download. Its
// store (the package patcher) is loaded on first use, so that the page's first load stays small.
import type { WebHost } from "../ui/host";
import { downloadFile } from "../ui/download";
import { installFastTimers } from "./immediate";

let stores: Promise<typeof import("../io/workbook-store")> | null = null;

function workbookStore() {
  stores ??= import(/* webpackChunkName: "master", webpackPrefetch: true */ "../io/workbook-store");
  return stores;
}

export function createWebHost(): WebHost {
  // exceljs still writes the templates and the upward report (loaded on first use): its scheduler fix
  // must be in place before it loads.
  installFastTimers();
  return {
    kind: "web",
    loadWorkbook: async (bytes) => (await workbookStore()).WorkbookStore.fromBytes(bytes),
    emptyWorkbook: async () => (await workbookStore()).WorkbookStore.empty(),
    saveFile: downloadFile,
  };
}
