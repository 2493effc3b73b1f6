// Figures 1-3 in Node: the product's reader, the full import path, the lower bound and plain exceljs,
// over the same corpus.
import ExcelJS from "exceljs";
import { sha256Hex } from "../src/io/hash";
import { toIncomingFile } from "../src/io/incoming";
import { readWorkbook } from "../src/io/xlsx";
import { DEFAULT_CATALOGUE } from "../src/core/catalogue";
import { importFiles, type IncomingFile } from "../src/core/import";
import { newMasterBook } from "../src/core/master-sheets";
import { parseReport } from "../src/core/report-parser";
import type { MasterBook, Unit } from "../src/core/types";
import { COMMUNE, IMPORT_NOW, PERIOD_KEY, type CorpusFile } from "./corpus";
import { lowerBound } from "./lower-bound";
import { timePasses, type Throughput } from "./timing";

export interface NodeImportFigures {
  reader: Throughput;
  readerAndParser: Throughput;
  fullImport: Throughput;
  lowerBound: Throughput;
  exceljs: Throughput;
  /** How the full import filed the corpus: every file must be "imported" for the figures to mean anything. */
  statuses: Record<string, number>;
  rowsPerReport: number;
}

export function benchBook(units: Unit[]): MasterBook {
  return newMasterBook(COMMUNE, units);
}

async function readAll(files: CorpusFile[]): Promise<IncomingFile[]> {
  const incoming: IncomingFile[] = [];
  for (const f of files) incoming.push(toIncomingFile(f.name, f.bytes, await sha256Hex(f.bytes), null));
  return incoming;
}

export async function nodeImport(files: CorpusFile[], units: Unit[], passes: number): Promise<NodeImportFigures> {
  const n = files.length;
  let sink = 0;
  const reader = await timePasses(n, passes, () => {
    for (const f of files) sink += readWorkbook(f.bytes).sheets.length;
  });
  const readerAndParser = await timePasses(n, passes, () => {
    for (const f of files) sink += parseReport(readWorkbook(f.bytes), f.name, DEFAULT_CATALOGUE).rows.length;
  });
  const fullImport = await timePasses(n, passes, async () => {
    sink += importFiles(benchBook(units), await readAll(files), { periodKey: PERIOD_KEY, now: IMPORT_NOW }).files.length;
  });
  const bound = await timePasses(n, passes, () => {
    for (const f of files) sink += lowerBound(f.bytes);
  });
  // exceljs is an order of magnitude slower: one timed pass after warming up on a tenth of the files.
  const loadAll = async (list: CorpusFile[]) => {
    for (const f of list) sink += (await new ExcelJS.Workbook().xlsx.load(f.bytes as unknown as ArrayBuffer)).worksheets.length;
  };
  const exceljs = await timePasses(n, 1, () => loadAll(files), () => loadAll(files.slice(0, Math.ceil(n / 10))));

  const outcome = importFiles(benchBook(units), await readAll(files), { periodKey: PERIOD_KEY, now: IMPORT_NOW });
  const statuses: Record<string, number> = {};
  for (const r of outcome.files) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  const firstSheet = readWorkbook(files[0].bytes).sheets[0];
  if (sink === 0) throw new Error("nothing was read");
  return { reader, readerAndParser, fullImport, lowerBound: bound, exceljs, statuses, rowsPerReport: firstSheet.rows.length };
}
