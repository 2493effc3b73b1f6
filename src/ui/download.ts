// Hands a file to the user as a browser download: the web page, and the add-in's pane where Excel's
// webview allows it (Excel on the web does; Excel on a desktop may block it).
import type { SavedFile } from "./host";

const TYPES: Record<string, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  zip: "application/zip",
};

export async function downloadFile(name: string, bytes: Uint8Array): Promise<SavedFile> {
  const type = TYPES[name.slice(name.lastIndexOf(".") + 1).toLowerCase()] ?? "application/octet-stream";
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has started the download by the next task; the object URL can go after a while.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { webPageOpened: false };
}
