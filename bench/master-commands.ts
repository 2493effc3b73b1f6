// Issue 12's speed goals, as whole processes in one run: on a province's year (100 communes x 25
// indicators x 12 months, 30,000 data rows) and on three years (90,000), `tonghop status`, `tonghop
// import` of one corrected report and `tonghop consolidate` of the year, each a child process (Node's
// start-up included), against a child process that only unzips the same file and counts its cells. Runs
// alternate between the commands (bound, status, import, consolidate, bound, ...) so that a machine
// slowing down mid-run moves every figure alike; each writing run starts from a fresh copy of the master.
// exceljs's full load, and its load + write, of the same file are timed the same way beside them.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { patchMasterPackage } from "../src/io/xlsx-package";
import { ROOT } from "./build";
import { reportFile } from "./corpus";
import { allSpecs, provinceBook } from "./master-package";
import { round } from "./timing";

const RUNS = 5;
/** Goals of the issue: each command's time over the unzip-and-count process's. */
export const COMMAND_GOALS = { status: 4, import: 8, consolidate: 8 } as const;

export interface CommandFigures {
  label: string;
  dataRows: number;
  masterMB: number;
  /** Median wall and CPU (user + system) seconds of each command, as measured by /usr/bin/time. */
  seconds: Record<string, { wall: number; cpu: number }>;
  /** Each command's median wall time over the unzip-and-count process's. */
  ratios: Record<string, number>;
}

const main = join(ROOT, "bench", "dist", "src", "cli", "main.js");
const cliScript = `require(${JSON.stringify(main)}).main(process.argv.slice(1)).then((c) => { process.exitCode = c; })`;
const floorScript = join(ROOT, "bench", "dist", "bench", "unzip-count.js");
const exceljsLoad = `const E = require("exceljs"); const fs = require("fs"); (async () => { const w = new E.Workbook(); await w.xlsx.load(fs.readFileSync(process.argv[1])); if (process.argv[2] === "write") await w.xlsx.writeBuffer(); })()`;

/** One child process timed by /usr/bin/time: wall and CPU seconds; throws when it fails. */
function timed(args: string[], env: NodeJS.ProcessEnv = {}): { wall: number; cpu: number } {
  const run = spawnSync("/usr/bin/time", ["-f", "%e %U %S", process.execPath, ...args], { cwd: ROOT, env: { ...process.env, TONGHOP_SOFFICE: "", ...env }, encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
  const last = run.stderr.trim().split("\n").pop() ?? "";
  const [wall, user, system] = last.split(" ").map(Number);
  if (run.status !== 0 || !Number.isFinite(wall)) throw new Error(`${args.join(" ")} failed (${run.status}): ${run.stderr.slice(-600)}`);
  return { wall, cpu: user + system };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

async function figures(label: string, years: number): Promise<CommandFigures> {
  const dir = mkdtempSync(join(tmpdir(), "tonghop-master-bench-"));
  const book = provinceBook(years);
  const master = join(dir, "so.xlsx");
  const bytes = patchMasterPackage(null, allSpecs(book)).bytes;
  writeFileSync(master, bytes);
  const work = join(dir, "lam-viec.xlsx");
  const corrected = join(dir, "X00001 thang 3 (sua).xlsx");
  writeFileSync(corrected, reportFile(book.units[0], 7));

  const commands: Record<string, () => { wall: number; cpu: number }> = {
    "unzip and count cells": () => timed([floorScript, master]),
    status: () => timed(["-e", cliScript, "status", master, "--period", "2026-03", "--as-of", "2026-03-25"]),
    import: () => (copyFileSync(master, work), timed(["-e", cliScript, "import", work, corrected], { TONGHOP_NOW: "2026-03-25T09:00:00+07:00" })),
    consolidate: () => (copyFileSync(master, work), timed(["-e", cliScript, "consolidate", work, "--period", "2026", "--as-of", "2027-01-25"])),
    "exceljs full load": () => timed(["-e", exceljsLoad, master]),
    "exceljs full load + write": () => timed(["-e", exceljsLoad, master, "write"]),
  };
  for (const run of Object.values(commands)) run(); // warm-up: file cache, compiled code cache
  const samples: Record<string, { wall: number; cpu: number }[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let i = 0; i < RUNS; i++) for (const [key, run] of Object.entries(commands)) samples[key].push(run());

  const seconds: CommandFigures["seconds"] = {};
  for (const [key, list] of Object.entries(samples)) seconds[key] = { wall: round(median(list.map((s) => s.wall)), 2), cpu: round(median(list.map((s) => s.cpu)), 2) };
  const floor = median(samples["unzip and count cells"].map((s) => s.wall));
  const ratios = Object.fromEntries(Object.entries(samples).map(([key, list]) => [key, round(median(list.map((s) => s.wall)) / floor, 2)]));
  return { label, dataRows: book.data.length, masterMB: round(bytes.length / 2 ** 20, 2), seconds, ratios };
}

export async function masterCommands(): Promise<CommandFigures[]> {
  return [await figures("province, one year", 1), await figures("province, three years", 3)];
}

export function printCommandFigures(all: CommandFigures[]): void {
  for (const f of all) {
    console.log(`  ${f.label}: ${f.dataRows} data rows, master ${f.masterMB} MB (whole processes, median of ${RUNS})`);
    for (const [key, s] of Object.entries(f.seconds)) console.log(`    ${key.padEnd(28)} ${s.wall.toFixed(2).padStart(6)} s wall ${s.cpu.toFixed(2).padStart(6)} s CPU  ×${f.ratios[key]}`);
  }
}

if (require.main === module) {
  masterCommands()
    .then(printCommandFigures)
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
