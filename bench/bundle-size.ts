// Figure 6: what the pane loads first (its HTML and the local scripts and stylesheets the HTML names,
// gzipped) and what webpack split off to load later, from the product's production build.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface BundleFigures {
  /** taskpane.html and every local file it references, gzipped bytes. Office.js (Microsoft's CDN) is not ours. */
  firstLoadGzipBytes: number;
  firstLoadFiles: { file: string; bytes: number; gzipBytes: number }[];
  /** Scripts no page references: the lazy chunks (exceljs), gzipped bytes. */
  lazyGzipBytes: number;
  lazyFiles: { file: string; bytes: number; gzipBytes: number }[];
}

function sizeOf(dir: string, file: string) {
  const body = readFileSync(join(dir, file));
  return { file, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
}

/** Local script and stylesheet paths a page names (absolute http(s) URLs are someone else's). */
function referencedFiles(html: string): string[] {
  // The production HTML is minified: attribute values may come without quotes.
  const refs = [...html.matchAll(/<(?:script|link)\b[^>]*?\s(?:src|href)=["']?([^"'\s>]+)/g)].map((m) => m[1]);
  return refs.filter((r) => !/^(https?:)?\/\//.test(r) && /\.(js|css)$/.test(r)).map((r) => r.replace(/^\.?\//, ""));
}

export function bundleSizes(dir: string): BundleFigures {
  const files = readdirSync(dir);
  const pages = files.filter((f) => f.endsWith(".html"));
  const referenced = new Set(pages.flatMap((p) => referencedFiles(readFileSync(join(dir, p), "utf8"))));
  const first = ["taskpane.html", ...referencedFiles(readFileSync(join(dir, "taskpane.html"), "utf8"))].map((f) => sizeOf(dir, f));
  const lazy = files.filter((f) => f.endsWith(".js") && !referenced.has(f)).map((f) => sizeOf(dir, f));
  const total = (list: { gzipBytes: number }[]) => list.reduce((sum, f) => sum + f.gzipBytes, 0);
  return { firstLoadGzipBytes: total(first), firstLoadFiles: first, lazyGzipBytes: total(lazy), lazyFiles: lazy };
}
