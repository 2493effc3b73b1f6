// The command line killed (SIGKILL) at random moments of an import, many of them while it writes the
// master workbook: afterwards the workbook always opens and holds the old data or the new, never a mix.
import type { spawn } from "node:child_process";
import { watch } from "node:fs";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { newMasterBook } from "../src/core/master-sheets";
import { consolidateBook } from "../src/core/period-consolidation";
import type { MasterBook } from "../src/core/types";
import { listReportFiles } from "../src/io/node-files";
import { buildCli, finished, spawnCli } from "./helpers/built-cli";
import { reportXlsx } from "./helpers/hostile";
import { masterXlsx, openXlsx } from "./helpers/master-xlsx";
import { testUnit } from "./helpers/report-grid";

const REPORTS = 300;
const KILLS = 8;
const NOW = "2026-03-25T09:00:00+07:00";
/** write-file-atomic's temporary file, and the lock directory of a writer that died holding it. */
const LEFTOVER = /^SO\.xlsx\.(\d+|lock)$/;

let dir: string;
let cli: string;
let pristine: Uint8Array;

const units = Array.from({ length: REPORTS }, (_, i) => testUnit(`U${i}`, `Tổ công nghệ số thôn ${i}`));
const masterDir = () => path.join(dir, "so");
const masterFile = () => path.join(masterDir(), "SO.xlsx");

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "tonghop-crash-"));
  cli = await buildCli(path.join(dir, "build"));
  await fs.mkdir(path.join(dir, "bao-cao"));
  await fs.mkdir(masterDir());
  for (let i = 0; i < REPORTS; i++) {
    const values = { MH01: 1 + (i % 4), MH09: 2 + (i % 3), MH10: 20 + i, CT04: { n: i % 50, d: 50 } };
    await fs.writeFile(path.join(dir, "bao-cao", `U${i}.xlsx`), reportXlsx({ unit: units[i].name, code: units[i].code, period: "Tháng 3/2026", date: "15/03/2026", values }));
  }
  pristine = await masterXlsx(newMasterBook({ year: 2026 }, units));
}, 120_000);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

type Run = { code: number | null; signal: NodeJS.Signals | null; stderr: string; ms: number };

/**
 * Runs `tonghop import` on a fresh copy of the pristine master. `killAt` gets the child and a signal
 * that fires on the first change the child makes in the master's folder besides its lock (the temporary
 * file, or the workbook itself if it were ever written in place).
 */
async function runImport(killAt: (child: ReturnType<typeof spawn>, firstWrite: Promise<void>) => void = () => undefined, staleLock: "keep" | "clear" = "clear"): Promise<Run> {
  await fs.writeFile(masterFile(), pristine);
  // A killed writer's lock is taken over once stale (seconds later): cleared here so that each run writes at once.
  if (staleLock === "clear") await fs.rm(`${masterFile()}.lock`, { recursive: true, force: true });
  let wrote: () => void = () => undefined;
  const firstWrite = new Promise<void>((resolve) => (wrote = resolve));
  // The lock is made before anything is written: the first write is the first other change.
  const watcher = watch(masterDir(), (_event, name) => (name && !name.endsWith(".lock") ? wrote() : undefined));
  const started = performance.now();
  const child = spawnCli(cli, ["import", masterFile(), path.join(dir, "bao-cao")], { env: { TONGHOP_NOW: NOW }, stdio: ["ignore", "ignore", "pipe"] });
  killAt(child, firstWrite);
  const { code, signal, stderr } = await finished(child);
  const run: Run = { code, signal, stderr, ms: performance.now() - started };
  watcher.close();
  return run;
}

const totals = (book: MasterBook) => consolidateBook(book, "2026-03", new Date(NOW)).indicators.map((i) => [i.code, i.value, i.unitsReporting]);

test("a kill at any moment leaves a workbook that opens, with the old data or the new", async () => {
  const full = await runImport();
  expect([full.code, full.stderr]).toEqual([0, ""]);
  const after = (await openXlsx(await fs.readFile(masterFile()))).book;
  expect(after.data.length).toBe(REPORTS * 4); // four indicators each
  const newTotals = totals(after);

  const outcomes: string[] = [];
  for (let k = 0; k < KILLS; k++) {
    // Half the kills at a random moment of the run, half within milliseconds of its first write.
    const duringWrite = k % 2 === 1;
    const delay = Math.random() * (duringWrite ? 5 : full.ms * 1.1);
    const run = await runImport((child, firstWrite) => {
      if (duringWrite) void firstWrite.then(() => setTimeout(() => child.kill("SIGKILL"), delay));
      else setTimeout(() => child.kill("SIGKILL"), delay);
    });

    const bytes = new Uint8Array(await fs.readFile(masterFile()));
    const loaded = await openXlsx(bytes); // throws on a corrupt workbook
    const old = Buffer.compare(Buffer.from(bytes), Buffer.from(pristine)) === 0;
    if (!old) expect(totals(loaded.book)).toEqual(newTotals);
    else expect(loaded.book.data).toEqual([]);
    const leftovers = (await fs.readdir(masterDir())).filter((n) => n !== "SO.xlsx");
    outcomes.push(
      `kill ${k + 1} (${duringWrite ? "just after its first write" : "at a random moment"}, +${Math.round(delay)} ms): ` +
        `${run.signal ?? `exit ${run.code}`}, workbook holds the ${old ? "old" : "new"} data, leftovers [${leftovers.join(", ")}]`,
    );
    // What a killed writer leaves is its temporary file or its lock, never a half-written workbook.
    for (const name of leftovers) expect(name).toMatch(LEFTOVER);
  }
  console.log(`full import of ${REPORTS} reports: ${Math.round(full.ms)} ms\n${outcomes.join("\n")}`);

  // With leftovers beside it, the next import still works (a dead writer's lock is taken over once it is
  // stale), and takes the leftovers away.
  await fs.mkdir(`${masterFile()}.lock`, { recursive: true });
  const stale = new Date(Date.now() - 60_000);
  await fs.utimes(`${masterFile()}.lock`, stale, stale);
  expect((await runImport(undefined, "keep")).code).toBe(0);
  expect(totals((await openXlsx(await fs.readFile(masterFile()))).book)).toEqual(newTotals);
  expect((await listReportFiles([masterDir()])).map((e) => path.basename(e.path))).toEqual(["SO.xlsx"]);
}, 180_000);
