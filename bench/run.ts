// `npm run bench`: generates the corpus, measures every figure of issue 7 (and issue 4's speed) in one
// run on this machine, prints them with their ratios and goals, and writes bench/results.json.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { browserImport } from "./browser";
import { buildProduct, ROOT } from "./build";
import { formatGoals, formatReaders, printFormatReaders } from "./formats";
import { bundleSizes } from "./bundle-size";
import { benchUnits, makeCorpus } from "./corpus";
import { national } from "./national";
import { masterPackage, printMasterFigures } from "./master-package";
import { nodeImport } from "./node-import";
import { officeFigures } from "./office";
import { round } from "./timing";

const FILES = 1000;
const PANE_FILES = 200;
const PASSES = 5;

function machine() {
  const model = /model name\s*:\s*(.*)/.exec(safeRead("/proc/cpuinfo"))?.[1] ?? cpus()[0]?.model ?? "?";
  return { nproc: cpus().length, cpu: model, memoryGB: round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform} ${process.arch}` };
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

function goal(label: string, met: boolean, detail: string): { label: string; met: boolean; detail: string } {
  console.log(`  ${met ? "ĐẠT     " : "CHƯA ĐẠT"}  ${label}: ${detail}`);
  return { label, met, detail };
}

async function main(): Promise<void> {
  const started = Date.now();
  const units = benchUnits(FILES);
  const files = makeCorpus(units);
  const corpusKB = round(files.reduce((s, f) => s + f.bytes.length, 0) / FILES / 1024);
  console.log(`Corpus: ${FILES} unit reports, ${corpusKB} KB each on average`);

  console.log("Node: import...");
  const node = await nodeImport(files, units, PASSES);
  console.log("Chromium: import...");
  const chromium = await browserImport(files, PASSES, PANE_FILES);
  console.log("National consolidation...");
  const nat = national();
  console.log("Office.js store through Microsoft's client (excel-wire-fake)...");
  const office = await officeFigures();
  console.log("Readers by format...");
  const formats = await formatReaders();
  console.log("Master workbook, province scale...");
  const master = await masterPackage();
  console.log("Pane bundle...");
  const webDir = mkdtempSync(join(tmpdir(), "tonghop-web-"));
  await buildProduct(webDir);
  const bundle = bundleSizes(webDir);

  const ratios = {
    nodeReaderOverLowerBound: round(node.lowerBound.filesPerSecond / node.reader.filesPerSecond, 2),
    nodeReaderAndParserOverLowerBound: round(node.lowerBound.filesPerSecond / node.readerAndParser.filesPerSecond, 2),
    nodeFullImportOverLowerBound: round(node.lowerBound.filesPerSecond / node.fullImport.filesPerSecond, 2),
    nodeExceljsOverReader: round(node.reader.filesPerSecond / node.exceljs.filesPerSecond, 1),
    chromiumProductOverLowerBound: round(chromium.lowerBound.filesPerSecond / chromium.product.filesPerSecond, 2),
    chromiumExceljsOverProduct: round(chromium.product.filesPerSecond / chromium.exceljs.filesPerSecond, 1),
  };
  const fps = (t: { filesPerSecond: number }) => `${t.filesPerSecond} tệp/s`;
  console.log(`\n1-3. Import, ${FILES} reports (median of ${PASSES} passes; exceljs: 1 pass)`);
  console.log(`  Node     readWorkbook                ${fps(node.reader)}  (×${ratios.nodeReaderOverLowerBound} the lower bound's time)`);
  console.log(`  Node     readWorkbook + parseReport  ${fps(node.readerAndParser)}  (×${ratios.nodeReaderAndParserOverLowerBound})`);
  console.log(`  Node     toIncomingFile + importFiles ${fps(node.fullImport)}  (×${ratios.nodeFullImportOverLowerBound})`);
  console.log(`  Node     lower bound                 ${fps(node.lowerBound)}`);
  console.log(`  Node     exceljs xlsx.load           ${fps(node.exceljs)}  (product ${ratios.nodeExceljsOverReader}× faster)`);
  console.log(`  Chromium readReportFile              ${fps(chromium.product)}  (×${ratios.chromiumProductOverLowerBound} the lower bound's time)`);
  console.log(`  Chromium lower bound                 ${fps(chromium.lowerBound)}`);
  console.log(`  Chromium exceljs xlsx.load (${chromium.exceljs.files} files) ${fps(chromium.exceljs)}  (product ${ratios.chromiumExceljsOverProduct}× faster)`);
  console.log(`4. National consolidation: ${nat.communes} communes, ${nat.facts} facts, ${nat.submissions} submissions`);
  console.log(`  consolidateBook month ${nat.monthMs} ms, year ${nat.yearMs} ms; of which consolidate() ${nat.consolidateMonthMs} / ${nat.consolidateYearMs} ms, unitStatuses ${nat.statusesMonthMs} / ${nat.statusesYearMs} ms`);
  for (const m of nat.memory) console.log(`  heap: ${m.communes} communes, ${m.facts} facts -> data ${m.dataMB} MB (${m.bytesPerFact} B/fact)`);
  for (const o of office) for (const [step, f] of Object.entries(o.steps)) console.log(`5. Office.js, ${o.label} (${o.facts} facts), ${step}: ${f.syncs} syncs, largest request ${f.largestRequestBytes} B, largest response ${f.largestResponseBytes} B, ${f.ms} ms`);
  console.log(`6. Pane first load ${round(bundle.firstLoadGzipBytes / 1024)} KB gzipped; lazy ${round(bundle.lazyGzipBytes / 1024)} KB gzipped`);
  console.log(`7. Chromium, ${PANE_FILES} files as the pane reads them: ${fps(chromium.paneFiles)}`);
  printFormatReaders(formats);
  console.log("9. Master workbook read and patched (issue 12; ratios to unzipping the same file and counting its cells)");
  printMasterFigures(master);

  console.log("\nGoals:");
  const goals = [
    goal("Import within 3× of the lower bound (Node, reader)", ratios.nodeReaderOverLowerBound <= 3, `×${ratios.nodeReaderOverLowerBound} (reader + parser ×${ratios.nodeReaderAndParserOverLowerBound})`),
    goal("Import within 3× of the lower bound (Chromium)", ratios.chromiumProductOverLowerBound <= 3, `×${ratios.chromiumProductOverLowerBound}`),
    goal("National consolidation < 1 s (month)", nat.monthMs < 1000, `${nat.monthMs} ms`),
    goal("National consolidation < 1 s (year)", nat.yearMs < 1000, `${nat.yearMs} ms`),
    goal("Office.js: nothing over Excel on the web's 5 MB", office.every((o) => Object.values(o.steps).every((f) => f.exceeded === 0)), office.map((o) => `${o.label}: ${round(Math.max(...Object.values(o.steps).map((f) => Math.max(f.largestRequestBytes, f.largestResponseBytes))) / 1e6, 2)} MB`).join("; ")),
    goal("First load ≤ 200 KB gzipped", bundle.firstLoadGzipBytes <= 200 * 1024, `${round(bundle.firstLoadGzipBytes / 1024)} KB`),
    goal("200 files in Chromium ≥ 300 files/s", chromium.paneFiles.filesPerSecond >= 300, fps(chromium.paneFiles)),
    ...formatGoals(formats, goal),
  ];

  const results = {
    takenAt: new Date().toISOString(),
    machine: { ...machine(), chromium: chromium.chromium },
    corpus: { files: FILES, averageKB: corpusKB, rowsPerReport: node.rowsPerReport, statuses: node.statuses },
    node,
    chromium,
    ratios,
    national: nat,
    office,
    bundle,
    formats,
    master,
    goals,
    seconds: round((Date.now() - started) / 1000),
  };
  writeFileSync(join(ROOT, "bench", "results.json"), JSON.stringify(results, null, 2) + "\n");
  console.log(`\nbench/results.json written (${results.seconds} s).`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
