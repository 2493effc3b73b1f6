// Workbooks the product did not write (Excel, LibreOffice, openpyxl, WPS, POI, fuzzers: the shared
// corpus of 354 real-world and damaged files) used as a master: each is patched with a product sheet,
// or refused with a coded Vietnamese error. A patched one keeps every other part byte for byte, its
// sheets read as before, and the product sheet reads back as written.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { SHEETS } from "../src/core/master-sheets";
import type { CellValue } from "../src/core/types";
import { MasterPackage, MasterPackageError, patchMasterPackage, readMasterPackage } from "../src/io/xlsx-package";
import { consolidationSpecs, sheetMismatches } from "./helpers/master-specs";

const CORPUS = path.resolve(__dirname, "../../shared/corpus/real-world-xlsx");
const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => /\.xls[xm]$/i.test(f)).sort() : [];
const findings = consolidationSpecs().find((s) => s.name === SHEETS.findings)!;
/** Parts a patch may change: the shared entries and the calculation chain it removes. */
const SHARED = /^(\[Content_Types\]\.xml|.*workbook\.xml|.*_rels\/workbook\.xml\.rels|.*styles\.xml|.*calcChain\.xml)$/i;

jest.setTimeout(600_000);

/** The parts by name; "\\" in a stored name (which the patch writes as "/", as the zip format wants) read as "/". */
function unzipped(bytes: Uint8Array): Record<string, Uint8Array> | null {
  try {
    return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name.replace(/\\/g, "/"), data]));
  } catch {
    return null;
  }
}

function opened(bytes: Uint8Array): MasterPackage | null {
  try {
    return MasterPackage.open(bytes);
  } catch (error) {
    if (error instanceof MasterPackageError) return null;
    throw error;
  }
}

function sameRows(a: CellValue[][] | undefined, b: CellValue[][] | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  for (let r = 0; r < a.length; r++) {
    const [x, y] = [a[r], b[r]];
    if (x.length !== y.length) return false;
    for (let c = 0; c < x.length; c++) {
      const [u, v] = [x[c], y[c]];
      if (u instanceof Date && v instanceof Date ? u.getTime() !== v.getTime() : u !== v) return false;
    }
  }
  return true;
}

(files.length ? test : test.skip)(`every corpus workbook is patched or refused with a coded Vietnamese error (${files.length} files)`, () => {
  const outcomes = { patched: 0, refused: {} as Record<string, number> };
  const problems: string[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(readFileSync(path.join(CORPUS, file)));
    let patched: Uint8Array;
    try {
      patched = patchMasterPackage(bytes, [findings]).bytes;
    } catch (error) {
      if (!(error instanceof MasterPackageError) || !/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựđ]/.test(error.message)) problems.push(`${file}: ${String(error)}`);
      else outcomes.refused[error.code] = (outcomes.refused[error.code] ?? 0) + 1;
      continue;
    }
    outcomes.patched++;
    const before = unzipped(bytes);
    const after = unzipped(patched);
    if (!after) {
      problems.push(`${file}: the patched file does not unzip`);
      continue;
    }
    for (const name of Object.keys(before ?? {})) {
      if (SHARED.test(name)) continue;
      const a = before![name];
      const b = after[name];
      if (!b || a.length !== b.length || a.some((x, i) => x !== b[i])) {
        // The only other part a patch may change is the old product sheet's own (none in this corpus).
        problems.push(`${file}: part ${name} changed`);
        break;
      }
    }
    const mismatches = sheetMismatches(readMasterPackage(patched, [SHEETS.findings]).grids[SHEETS.findings], findings);
    if (mismatches.length) problems.push(`${file}: ${mismatches[0]}`);
    // Sheet by sheet, so that one file's grids are never all held at once.
    const old = opened(bytes);
    const now = opened(patched);
    if (old && !now) problems.push(`${file}: readable before the patch, not after`);
    if (old && now) {
      for (const { name, kind } of old.sheets) {
        if (kind !== "worksheet") continue;
        if (!sameRows(old.sheet(name)?.rows, now.sheet(name)?.rows)) problems.push(`${file}: sheet "${name}" reads differently`);
      }
    }
  }
  expect(problems).toEqual([]);
  // Most of the corpus is ordinary workbooks: the patch must take them, not refuse them.
  expect(outcomes.patched).toBeGreaterThan(files.length * 0.8);
  console.log(`corpus as masters: ${outcomes.patched} patched, refused ${JSON.stringify(outcomes.refused)}; RSS ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`);
});
