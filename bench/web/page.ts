// The browser half of the benchmark, bundled by bench/browser.ts: loads the corpus the Node side wrote,
// then times in the page, with performance.now(), the product's reader as the pane calls it, the lower
// bound and exceljs. Playwright only starts the runs and collects the results.
import { readReportFile } from "../../src/app/master-service";
import { lowerBound } from "../lower-bound";
import { timePasses, type Throughput } from "../timing";

interface PageFile {
  name: string;
  bytes: Uint8Array;
}

export interface PageBench {
  load(): Promise<number>;
  product(passes: number): Promise<Throughput & { imported: number }>;
  lowerBound(passes: number): Promise<Throughput>;
  /** exceljs over the first `count` files (it is slow: the whole corpus would take minutes). */
  exceljs(count: number): Promise<Throughput>;
  /** Issue 4: the first `count` files as the pane gets them (File objects), read to IncomingFiles. */
  paneFiles(count: number, passes: number): Promise<Throughput>;
}

let files: PageFile[] = [];

async function load(): Promise<number> {
  const [index, body] = await Promise.all([
    fetch("corpus.json").then((r) => r.json() as Promise<{ name: string; size: number }[]>),
    fetch("corpus.bin").then((r) => r.arrayBuffer()),
  ]);
  let offset = 0;
  files = index.map((f) => {
    const bytes = new Uint8Array(body, offset, f.size).slice();
    offset += f.size;
    return { name: f.name, bytes };
  });
  return files.length;
}

async function readAll(list: PageFile[]) {
  const read = [];
  for (const f of list) read.push(await readReportFile(f.name, f.bytes, null));
  return read;
}

const bench: PageBench = {
  load,
  async product(passes) {
    const t = await timePasses(files.length, passes, () => readAll(files));
    const imported = (await readAll(files)).filter((f) => f.workbook !== null).length;
    return { ...t, imported };
  },
  lowerBound(passes) {
    let sink = 0;
    return timePasses(files.length, passes, () => {
      for (const f of files) sink += lowerBound(f.bytes);
      return sink;
    });
  },
  async exceljs(count) {
    const { default: ExcelJS } = await import(/* webpackChunkName: "exceljs" */ "exceljs");
    const loadAll = async (list: PageFile[]) => {
      for (const f of list) await new ExcelJS.Workbook().xlsx.load(f.bytes as unknown as ArrayBuffer);
    };
    const picked = files.slice(0, count);
    return timePasses(picked.length, 1, () => loadAll(picked), () => loadAll(picked.slice(0, Math.ceil(count / 10))));
  },
  paneFiles(count, passes) {
    const picked = files.slice(0, count).map((f) => new File([f.bytes as BlobPart], f.name, { lastModified: Date.UTC(2026, 2, 15) }));
    // What src/ui/view.ts and the controller do with a dropped or chosen file list.
    return timePasses(picked.length, passes, async () => {
      const got = await Promise.all(picked.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()), lastModified: f.lastModified })));
      for (const f of got) await readReportFile(f.name, f.bytes, f.lastModified);
    });
  },
};

(globalThis as unknown as { bench: PageBench }).bench = bench;
