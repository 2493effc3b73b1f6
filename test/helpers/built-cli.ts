// The command line compiled as users run it, for tests that run it as separate processes (a kill, two
// writers at once, another user): built once per test file into its own folder.
import { execFile, spawn, type SpawnOptions } from "node:child_process";
import { promises as fs } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const ROOT = path.resolve(__dirname, "../..");

/** Compiles src/ into `dir` (type errors elsewhere in a shared tree must not stop the emit); returns its main.js. */
export async function buildCli(dir: string): Promise<string> {
  await promisify(execFile)(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(ROOT, "tsconfig.build.json"), "--outDir", dir], { cwd: ROOT }).catch(() => undefined);
  const main = path.join(dir, "cli", "main.js");
  await fs.access(main);
  return main;
}

/** `tonghop argv…` as a child process of the build at `main`; its dependencies come from the project's node_modules. */
export function spawnCli(main: string, argv: string[], options: SpawnOptions = {}) {
  const script = `require(${JSON.stringify(main)}).main(process.argv.slice(1)).then((c) => { process.exitCode = c; })`;
  return spawn(process.execPath, ["-e", script, ...argv], {
    ...options,
    env: { ...process.env, NODE_PATH: path.join(ROOT, "node_modules"), ...options.env },
  });
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Waits for a child to end, with what it printed. */
export function finished(child: ReturnType<typeof spawn>): Promise<Finished> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d) => (stdout += d));
  child.stderr?.on("data", (d) => (stderr += d));
  return new Promise((resolve) => child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })));
}
