// The web page's host: the master workbook lives in the browser and leaves it only as a download.
import { downloadFile } from "../ui/download";
import type { Host } from "../ui/host";
import { WorkbookStore } from "./workbook-store";

export const DOWNLOAD_NAME = "so-tong-hop.xlsx";

export function createWebHost(): Host {
  const store = new WorkbookStore();
  return {
    kind: "web",
    store,
    openMasterFile: (bytes, name) => store.open(bytes, name),
    newMasterFile: () => store.create(),
    download: async () => downloadFile(DOWNLOAD_NAME, await store.save()),
    saveFile: downloadFile,
  };
}
