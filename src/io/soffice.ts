// .xls and .ods through LibreOffice, for the command line: `soffice --headless --convert-to xlsx`.
// The reader refuses these formats with a clear message; when LibreOffice is installed the CLI converts
// them first instead.
import { execFile } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";

const CANDIDATES = ["soffice", "libreoffice", "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"];
let found: Promise<string | null> | null = null;

function run(cmd: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: timeoutMs }, (err) => (err ? reject(err) : resolve()));
  });
}

/** The LibreOffice binary, or null when it is not installed (TONGHOP_SOFFICE overrides, "" disables). */
export function findSoffice(): Promise<string | null> {
  const override = process.env.TONGHOP_SOFFICE;
  if (override !== undefined) return Promise.resolve(override || null);
  found ??= (async () => {
    for (const c of CANDIDATES) {
      try {
        await run(c, ["--version"], 20_000);
        return c;
      } catch {
        // try the next name
      }
    }
    return null;
  })();
  return found;
}

export const NO_SOFFICE_HINT = "Cài LibreOffice (gói Debian libreoffice-calc-nogui) để dòng lệnh tự chuyển tệp .xls/.ods sang .xlsx.";

/** Converts one file to .xlsx bytes in a private temporary folder; null when the conversion fails. */
export async function convertToXlsx(soffice: string, bytes: Uint8Array, ext: string): Promise<Uint8Array | null> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "tonghop-convert-"));
  try {
    const input = path.join(dir, `input${ext}`);
    await fs.writeFile(input, bytes);
    // A private profile: a second LibreOffice (or a desktop one already open) must not block the conversion.
    const profile = `file://${path.join(dir, "profile")}`;
    await run(soffice, [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "xlsx", "--outdir", dir, input], 120_000);
    const out = await fs.readFile(path.join(dir, "input.xlsx"));
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch {
    return null;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
