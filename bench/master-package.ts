// Issue 12's master-workbook figures, in one run: a province's year (100 communes x 25 indicators x 12
// months = 30,000 data rows) and three years (90,000), timed against the floor of unzipping the file and
// counting its cells. For each master: (a) that floor, (b) readMasterPackage of every product sheet,
// (c) patchMasterPackage rewriting the import sheets and (c') every sheet a consolidation writes,
// (d) exceljs's full load, (e) exceljs's full write; and the two ways of drawing the product's sheets:
// exceljs rendering them into a package of their own, or this module writing their XML.
// Standalone: `npm run bench:master` (also part of `npm run bench`).
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { INPUT_SHEETS, OWNED_SHEETS, SHEETS } from "../src/core/master-sheets";
import { inputSheetSpecs } from "../src/core/master-write";
import { consolidationSheets, importSheets } from "../src/core/outputs";
import { consolidateBook } from "../src/core/period-consolidation";
import type { MasterBook, SheetSpec } from "../src/core/types";
import { writeSheets } from "../src/io/exceljs-sheets";
import { MasterPackage, patchMasterPackage, readMasterPackage } from "../src/io/xlsx-package";
import { countCells, decodeStrings } from "./lower-bound";
import { nationalBook } from "./national";
import { round } from "./timing";

const PROVINCE = 100;
const AS_OF = new Date("2027-01-25T02:00:00Z");
const PRODUCT_SHEETS = [...INPUT_SHEETS, ...OWNED_SHEETS];
/** What a status report needs: the deadlines, the units and who sent what when (not the data). */
const STATUS_SHEETS = [SHEETS.settings, SHEETS.deadlines, SHEETS.units, SHEETS.submissions];

export interface MasterFigures {
  label: string;
  dataRows: number;
  /** The master as the product writes it today (exceljs), and as this module writes it. */
  exceljsMasterMB: number;
  patchedMasterMB: number;
  /** "exceljs master" rows are measured on the exceljs-written file, the others on ours. */
  timings: Record<string, Timing>;
  /** Each figure over (a), the unzip-and-count floor of the same file, in wall time and in CPU time. */
  ratios: Record<string, number>;
  cpuRatios: Record<string, number>;
}

/** The floor: inflate every part and make one pass over each worksheet and the shared strings. */
function unzipAndCount(bytes: Uint8Array): number {
  const parts = unzipSync(bytes);
  const decoder = new TextDecoder();
  let seen = 0;
  for (const [name, data] of Object.entries(parts)) {
    if (name.startsWith("xl/worksheets/") && name.endsWith(".xml")) seen += countCells(decoder.decode(data));
    else if (name === "xl/sharedStrings.xml") for (const s of decodeStrings(decoder.decode(data))) seen += s.length;
  }
  return seen;
}

interface Timing {
  /** Median wall-clock milliseconds. */
  ms: number;
  /** Median CPU milliseconds of this process (all its threads): steadier than wall time on a shared box. */
  cpuMs: number;
}

async function median(passes: number, run: () => unknown): Promise<Timing> {
  await run(); // warm-up
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < passes; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const cpu = process.cpuUsage();
    const start = performance.now();
    await run();
    walls.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
  }
  const mid = (values: number[]) => round([...values].sort((a, b) => a - b)[values.length >> 1]);
  return { ms: mid(walls), cpuMs: mid(cpus) };
}

/** The province's year repeated over `years` years (2024-2026): the data grows, the units stay. */
function provinceBook(years: number): MasterBook {
  const one = nationalBook(PROVINCE);
  const shift = (key: string, by: number) => key.replace(/^2026/, String(2026 - by));
  const spread = <T extends { period: string }>(rows: T[]) => Array.from({ length: years }, (_, by) => rows.map((r) => ({ ...r, period: shift(r.period, by) }))).flat();
  return { ...one, data: spread(one.data), submissions: spread(one.submissions) };
}

function allSpecs(book: MasterBook): SheetSpec[] {
  return [...inputSheetSpecs(book), ...consolidationSheets(book, consolidateBook(book, "2026", AS_OF), AS_OF)];
}

async function exceljsWrite(specs: SheetSpec[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  writeSheets(workbook, specs);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

async function figures(label: string, years: number, passes: number): Promise<MasterFigures> {
  const book = provinceBook(years);
  const specs = allSpecs(book);
  const imports = importSheets(book);
  const consolidation = specs.filter((s) => !INPUT_SHEETS.includes(s.name as never));
  // One corrected report: the data sheet changes by one row, the log by one entry.
  const corrected = { ...book, data: book.data.map((f, i) => (i === 7 ? { ...f, value: (f.value ?? 0) + 1 } : f)), log: [...book.log, { at: AS_OF.toISOString(), file: "X00001 2026-03 (sửa).xlsx", hash: "c".repeat(64), status: "replaced" as const, unit: "X00001", period: "2026-03", message: "Thay thế bản trước." }] };
  const importsAfter = importSheets(corrected);
  const exceljsMaster = await exceljsWrite(specs);
  const ours = patchMasterPackage(exceljsMaster, specs).bytes;
  let sink = 0;
  const ms: Record<string, Timing> = {};
  // Our own master is what the product will read and patch once phase 2 lands; the exceljs one is today's.
  const open = () => MasterPackage.open(ours);
  ms["(a) unzip and count cells"] = await median(passes, () => (sink += unzipAndCount(ours)));
  ms["(b) read the sheets status needs"] = await median(passes, () => (sink += Object.keys(open().grids(STATUS_SHEETS)).length));
  ms["(b) read every product sheet"] = await median(passes, () => (sink += Object.keys(readMasterPackage(ours, PRODUCT_SHEETS).grids).length));
  ms["(c) patch the import sheets"] = await median(passes, () => (sink += patchMasterPackage(ours, imports).bytes.length));
  ms["(c) read every sheet, then patch the import sheets"] = await median(passes, () => {
    const opened = open();
    sink += Object.keys(opened.grids(PRODUCT_SHEETS)).length + patchMasterPackage(opened, importsAfter).bytes.length;
  });
  ms["(c') read every sheet, then patch the consolidation sheets"] = await median(passes, () => {
    const opened = open();
    sink += Object.keys(opened.grids(PRODUCT_SHEETS)).length + patchMasterPackage(opened, consolidation).bytes.length;
  });
  ms["(a) exceljs master: unzip and count cells"] = await median(passes, () => (sink += unzipAndCount(exceljsMaster)));
  ms["(b) exceljs master: read every product sheet"] = await median(passes, () => (sink += Object.keys(readMasterPackage(exceljsMaster, PRODUCT_SHEETS).grids).length));
  let loaded: ExcelJS.Workbook | null = null;
  ms["(d) exceljs full load"] = await median(1, async () => {
    loaded = new ExcelJS.Workbook();
    await loaded.xlsx.load(exceljsMaster as unknown as ArrayBuffer);
  });
  ms["(e) exceljs full write"] = await median(1, async () => (sink += (await loaded!.xlsx.writeBuffer()).byteLength));
  // The two ways of drawing the product's import sheets, each into a package holding only them.
  ms["exceljs renders the import sheets"] = await median(1, async () => (sink += (await exceljsWrite(imports)).length));
  ms["this module writes the import sheets' XML"] = await median(passes, () => (sink += patchMasterPackage(null, imports).bytes.length));
  if (sink === 0) throw new Error("nothing measured");

  const floorOf = (key: string) => ms[key.includes("exceljs") && !key.startsWith("exceljs renders") ? "(a) exceljs master: unzip and count cells" : "(a) unzip and count cells"];
  const ratios: Record<string, number> = {};
  const cpuRatios: Record<string, number> = {};
  for (const [key, t] of Object.entries(ms)) {
    ratios[key] = round(t.ms / floorOf(key).ms, 2);
    cpuRatios[key] = round(t.cpuMs / floorOf(key).cpuMs, 2);
  }
  return { label, dataRows: book.data.length, exceljsMasterMB: round(exceljsMaster.length / 2 ** 20, 2), patchedMasterMB: round(ours.length / 2 ** 20, 2), timings: ms, ratios, cpuRatios };
}

export async function masterPackage(): Promise<MasterFigures[]> {
  return [await figures("province, one year", 1, 5), await figures("province, three years", 3, 3)];
}

export function printMasterFigures(all: MasterFigures[]): void {
  for (const f of all) {
    console.log(`  ${f.label}: ${f.dataRows} data rows; master ${f.exceljsMasterMB} MB as exceljs writes it, ${f.patchedMasterMB} MB patched`);
    console.log(`    ${"".padEnd(58)} ${"wall ms".padStart(9)} ${"ratio".padStart(7)} ${"CPU ms".padStart(9)} ${"ratio".padStart(7)}`);
    for (const [key, t] of Object.entries(f.timings)) {
      console.log(`    ${key.padEnd(58)} ${String(t.ms).padStart(9)} ${`×${f.ratios[key]}`.padStart(7)} ${String(t.cpuMs).padStart(9)} ${`×${f.cpuRatios[key]}`.padStart(7)}`);
    }
  }
}

if (require.main === module) {
  masterPackage()
    .then(printMasterFigures)
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
