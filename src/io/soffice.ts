// What the native readers refuse but LibreOffice can open, for the command line: Excel 5.0/95 and
// encrypted .xls files, Word 97-2003 .doc, OpenDocument text and RTF, converted with
// `soffice --headless --convert-to xlsx|docx` and then read natively. The web page and the pane have no
// LibreOffice: there the refusal's own message says what to do.
import { execFile } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { IncomingFile } from "../core/import";
import type { FileKind } from "./xlsx";

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

export const NO_SOFFICE_HINT =
  "Cài LibreOffice (gói Debian libreoffice-calc-nogui và libreoffice-writer-nogui) để dòng lệnh tự chuyển tệp .xls cũ, .doc, .odt sang dạng đọc được.";

export interface Conversion {
  /** The extension LibreOffice is told the file has. */
  from: string;
  to: "xlsx" | "docx";
}

/**
 * The conversion that may rescue a file the native readers refused: an .xls they refuse as too old or
 * encrypted (LibreOffice opens Excel 5.0/95, and files protected with Excel's default password), and the
 * word-processor formats they do not read. Null for a file that was read, or is beyond rescue.
 */
export function conversionFor(kind: FileKind, file: IncomingFile): Conversion | null {
  if (!file.readError) return null;
  switch (kind) {
    case "xls":
      return file.readError.code === "FILE_FORMAT" || file.readError.code === "FILE_ENCRYPTED" ? { from: ".xls", to: "xlsx" } : null;
    case "doc":
      return { from: ".doc", to: "docx" };
    case "odt":
      return { from: ".odt", to: "docx" };
    case "rtf":
      return { from: ".rtf", to: "docx" };
    default:
      return null;
  }
}

/** Converts one file in a private temporary folder; null when the conversion fails. */
export async function convertWithLibreOffice(soffice: string, bytes: Uint8Array, conversion: Conversion): Promise<Uint8Array | null> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "tonghop-convert-"));
  try {
    const input = path.join(dir, `input${conversion.from}`);
    await fs.writeFile(input, bytes);
    // A private profile: a second LibreOffice (or a desktop one already open) must not block the conversion.
    const profile = `file://${path.join(dir, "profile")}`;
    await run(soffice, [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", conversion.to, "--outdir", dir, input], 120_000);
    const out = await fs.readFile(path.join(dir, `input.${conversion.to}`));
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch {
    return null;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
