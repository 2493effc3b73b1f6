// Figures 1, 2, 3 and 7 in headless Chromium: bundles bench/web/page.ts with webpack (production, the
// product's ts-loader settings), serves it with the corpus from 127.0.0.1, and asks the page to time itself.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch } from "../test/e2e/browser";
import { ROOT, runWebpack, serve } from "./build";
import type { CorpusFile } from "./corpus";
import type { Throughput } from "./timing";
import type { PageBench } from "./web/page";

export interface BrowserFigures {
  chromium: string;
  product: Throughput & { imported: number };
  lowerBound: Throughput;
  exceljs: Throughput;
  paneFiles: Throughput;
}

// The product's own ts-loader rule, so the bench bundles exactly as the pane is built.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack.config.js is CommonJS, shared with the build
const { typescriptRule } = require(join(ROOT, "webpack.config.js")) as { typescriptRule: object };

function bundle(out: string): Promise<void> {
  return runWebpack({
    mode: "production",
    entry: join(ROOT, "bench/web/page.ts"),
    output: { path: out, filename: "page.js" },
    resolve: { extensions: [".ts", ".js"] },
    module: { rules: [typescriptRule] },
    performance: { hints: false },
  });
}

function writeCorpus(dir: string, files: CorpusFile[]): void {
  writeFileSync(join(dir, "corpus.json"), JSON.stringify(files.map((f) => ({ name: f.name, size: f.bytes.length }))));
  writeFileSync(join(dir, "corpus.bin"), Buffer.concat(files.map((f) => f.bytes)));
  writeFileSync(join(dir, "index.html"), `<!doctype html><meta charset="utf-8"><title>bench</title><script src="page.js"></script>`);
}

type Bench = { bench: PageBench };

/** exceljs reads about 30 files/s in Chromium: 200 files keep the run short and the rate steady. */
const EXCELJS_FILES = 200;

export async function browserImport(files: CorpusFile[], passes: number, paneCount: number): Promise<BrowserFigures> {
  const dir = mkdtempSync(join(tmpdir(), "tonghop-bench-"));
  await bundle(dir);
  writeCorpus(dir, files);
  const { server, base } = await serve(dir);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    page.on("pageerror", (e) => console.error(`page error: ${e.message}`));
    await page.goto(`${base}/index.html`);
    const loaded = await page.evaluate(() => (globalThis as unknown as Bench).bench.load());
    if (loaded !== files.length) throw new Error(`the page loaded ${loaded} of ${files.length} files`);
    const lowerBound = await page.evaluate((p) => (globalThis as unknown as Bench).bench.lowerBound(p), passes);
    const product = await page.evaluate((p) => (globalThis as unknown as Bench).bench.product(p), passes);
    const paneFiles = await page.evaluate(([n, p]) => (globalThis as unknown as Bench).bench.paneFiles(n, p), [paneCount, passes * 3] as const);
    const exceljs = await page.evaluate((n) => (globalThis as unknown as Bench).bench.exceljs(n), EXCELJS_FILES);
    return { chromium: browser.version(), product, lowerBound, exceljs, paneFiles };
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
}
