// The web page's host: the master workbook lives in the browser and leaves it only as a download.
import type { Host } from "../ui/host";
import { WorkbookStore } from "./workbook-store";

export const DOWNLOAD_NAME = "so-tong-hop.xlsx";
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function offerDownload(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has started the download by the next task; the object URL can go after a while.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function createWebHost(): Host {
  const store = new WorkbookStore();
  return {
    kind: "web",
    store,
    openMasterFile: (bytes, name) => store.open(bytes, name),
    newMasterFile: () => store.create(),
    download: async () => offerDownload(await store.save(), DOWNLOAD_NAME),
  };
}
