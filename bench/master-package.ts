// Issue 12's master-workbook figures inside one process, in one run: a province's year (100 communes x
// 25 indicators x 12 months = 30,000 data rows) and three years (90,000), timed against the floor of
// unzipping the file and counting its cells. For each master: (a) that floor, (b) reading the sheets,
// (c) patching the import sheets and (c') every sheet a consolidation writes, (d) exceljs's full load,
// (e) exceljs's full write. Whole commands, as processes, are master-commands.ts.
// Standalone: `npm run bench:master` (also part of `npm run bench`).
import ExcelJS from "exceljs";
import { PRODUCT_SHEETS, STATUS_SHEETS } from "../src/app/master-service";
import { INPUT_SHEETS } from "../src/core/master-sheets";
import { inputSheetSpecs } from "../src/core/master-write";
import { consolidationSheets, importSheets } from "../src/core/outputs";
import { consolidateBook } from "../src/core/period-consolidation";
import type { MasterBook, SheetSpec } from "../src/core/types";
import { MasterPackage, patchMasterPackage, readMasterPackage } from "../src/io/xlsx-package";
import { unzipAndCount } from "./lower-bound";
import { nationalBook } from "./national";
import { round } from "./timing";

const PROVINCE = 100;
const AS_OF = new Date("2027-01-25T02:00:00Z");

export interface MasterFigures {
  label: string;
  dataRows: number;
  masterMB: number;
  timings: Record<string, Timing>;
  /** Each figure over (a), the unzip-and-count floor of the same file, in wall time and in CPU time. */
  ratios: Record<string, number>;
  cpuRatios: Record<string, number>;
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
export function provinceBook(years: number): MasterBook {
  const one = nationalBook(PROVINCE);
  const shift = (key: string, by: number) => key.replace(/^2026/, String(2026 - by));
  const spread = <T extends { period: string }>(rows: T[]) => Array.from({ length: years }, (_, by) => rows.map((r) => ({ ...r, period: shift(r.period, by) }))).flat();
  return { ...one, data: spread(one.data), submissions: spread(one.submissions) };
}

export function allSpecs(book: MasterBook): SheetSpec[] {
  return [...inputSheetSpecs(book), ...consolidationSheets(book, consolidateBook(book, "2026", AS_OF), AS_OF)];
}

async function figures(label: string, years: number, passes: number): Promise<MasterFigures> {
  const book = provinceBook(years);
  const specs = allSpecs(book);
  const imports = importSheets(book);
  const consolidation = specs.filter((s) => !INPUT_SHEETS.includes(s.name as never));
  // One corrected report: the data sheet changes by one row, the log by one entry.
  const corrected = { ...book, data: book.data.map((f, i) => (i === 7 ? { ...f, value: (f.value ?? 0) + 1 } : f)), log: [...book.log, { at: AS_OF.toISOString(), file: "X00001 2026-03 (sửa).xlsx", hash: "c".repeat(64), status: "replaced" as const, unit: "X00001", period: "2026-03", message: "Thay thế bản trước." }] };
  const importsAfter = importSheets(corrected);
  const ours = patchMasterPackage(null, specs).bytes;
  let sink = 0;
  const ms: Record<string, Timing> = {};
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
  let loaded: ExcelJS.Workbook | null = null;
  ms["(d) exceljs full load"] = await median(1, async () => {
    loaded = new ExcelJS.Workbook();
    await loaded.xlsx.load(ours as unknown as ArrayBuffer);
  });
  ms["(e) exceljs full write"] = await median(1, async () => (sink += (await loaded!.xlsx.writeBuffer()).byteLength));
  if (sink === 0) throw new Error("nothing measured");

  const floorOf = () => ms["(a) unzip and count cells"];
  const ratios: Record<string, number> = {};
  const cpuRatios: Record<string, number> = {};
  for (const [key, t] of Object.entries(ms)) {
    ratios[key] = round(t.ms / floorOf().ms, 2);
    cpuRatios[key] = round(t.cpuMs / floorOf().cpuMs, 2);
  }
  return { label, dataRows: book.data.length, masterMB: round(ours.length / 2 ** 20, 2), timings: ms, ratios, cpuRatios };
}

export async function masterPackage(): Promise<MasterFigures[]> {
  return [await figures("province, one year", 1, 5), await figures("province, three years", 3, 3)];
}

export function printMasterFigures(all: MasterFigures[]): void {
  for (const f of all) {
    console.log(`  ${f.label}: ${f.dataRows} data rows; master ${f.masterMB} MB`);
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
