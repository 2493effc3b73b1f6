/// <reference types="office-js" />
// The task pane's entry, for Excel and for the plain web page alike. Inside Excel the pane works on the
// open workbook through Office.js; anywhere else (Office.onReady reports no host, or Office.js could not
// load because there is no network, or the web build leaves it out) it runs on a workbook in the browser.
import { downloadFile } from "../ui/download";
import type { Host, SavedFile } from "../ui/host";
import { PaneController } from "../ui/controller";
import { mountPane } from "../ui/view";

async function excelHost(): Promise<Host> {
  const { createExcelStore } = await import(/* webpackChunkName: "excel" */ "../office/excel-store");
  return { kind: "excel", store: createExcelStore(), saveFile: saveFromExcel };
}

/**
 * A file the pane made, from inside Excel. Excel on the web runs the pane in the browser, where the
 * download works. A desktop Excel runs it in a webview that may drop a download without a word; for that,
 * Office documents the OpenBrowserWindow API ("to accomplish tasks that cannot always be done in the
 * sandboxed webview control within the add-in itself; for example, downloading a PDF file when the
 * webview control is provided by Microsoft Edge"; Windows, Mac and iPad, not the web). So there the
 * download is tried and this same page is also opened in the default browser, as the web page, where
 * the clerk opens the saved workbook and makes the same file.
 */
async function saveFromExcel(name: string, bytes: Uint8Array): Promise<SavedFile> {
  const saved = await downloadFile(name, bytes);
  if (!Office.context.requirements.isSetSupported("OpenBrowserWindowApi", "1.1")) return saved;
  Office.context.ui.openBrowserWindow(location.origin + location.pathname);
  return { webPageOpened: true };
}

async function webHost(): Promise<Host> {
  const { createWebHost } = await import(/* webpackChunkName: "web" */ "../web/web-host");
  return createWebHost();
}

async function chooseHost(): Promise<Host> {
  if (typeof Office === "undefined") return webHost();
  const info = await Office.onReady();
  return info.host === Office.HostType.Excel ? excelHost() : webHost();
}

async function start(): Promise<void> {
  const root = document.getElementById("app");
  if (!root) return;
  const host = await chooseHost();
  document.documentElement.dataset.host = host.kind;
  const controller = new PaneController(host);
  mountPane(root, controller);
  await controller.start();
}

start().catch((e: unknown) => {
  const root = document.getElementById("app");
  const message = document.createElement("p");
  message.setAttribute("role", "alert");
  message.textContent = `Không khởi động được: ${e instanceof Error ? e.message : String(e)}`;
  root?.replaceChildren(message);
});
