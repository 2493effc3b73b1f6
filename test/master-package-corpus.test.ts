// Workbooks the product did not write (Excel, LibreOffice, openpyxl, WPS, POI, fuzzers: the shared
// corpus of 354 real-world and damaged files) used as a master: each is patched with a product sheet,
// or refused with a coded Vietnamese error. A patched one keeps every other part byte for byte, its
// sheets read as before, and the product sheet reads back as written.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { SHEETS } from "../src/core/master-sheets";
import { readWorkbook, WorkbookReadError } from "../src/io/xlsx";
import { MasterPackageError, patchMasterPackage, readMasterPackage } from "../src/io/xlsx-package";
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

function readable(bytes: Uint8Array) {
  try {
    return readWorkbook(bytes, { maxSheets: 5000 });
  } catch (error) {
    if (error instanceof WorkbookReadError) return null;
    throw error;
  }
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
    const old = readable(bytes);
    const now = readable(patched);
    if (old && !now) problems.push(`${file}: readable before the patch, not after`);
    if (old && now) {
      for (const sheet of old.sheets) {
        const same = now.sheets.find((s) => s.name === sheet.name);
        if (!same || JSON.stringify(same.rows) !== JSON.stringify(sheet.rows)) problems.push(`${file}: sheet "${sheet.name}" reads differently`);
      }
    }
  }
  expect(problems).toEqual([]);
  // Most of the corpus is ordinary workbooks: the patch must take them, not refuse them.
  expect(outcomes.patched).toBeGreaterThan(files.length * 0.8);
  console.log(`corpus as masters: ${outcomes.patched} patched, refused ${JSON.stringify(outcomes.refused)}`);
});
