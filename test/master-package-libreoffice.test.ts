// The patched master opened by another program: LibreOffice converts it (every sheet to CSV, the whole
// workbook to PDF), shows the product's sheets as written and the clerk's sheets as they were, and, when
// it recalculates on load as Excel does for fullCalcOnLoad, the clerk's formula over "Tổng hợp" sees the
// new figures.
import { execFile } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { parseCsv } from "../src/core/csv";
import { SHEETS } from "../src/core/master-sheets";
import { findSoffice } from "../src/io/soffice";
import { patchMasterPackage, readMasterPackage } from "../src/io/xlsx-package";
import { CLERK_SHEETS, clerkMaster } from "./helpers/clerk-master";
import { consolidationSpecs } from "./helpers/master-specs";

jest.setTimeout(240_000);
const run = promisify(execFile);
let dir: string;
let soffice: string;

/** LibreOffice's "recalculate on load: always" for Excel files (its default is "never"). */
const RECALCULATE_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>`;

beforeAll(async () => {
  const found = await findSoffice();
  if (!found) throw new Error("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui");
  soffice = found;
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "tonghop-lo-"));
  await fs.mkdir(path.join(dir, "profile-recalc", "user"), { recursive: true });
  await fs.writeFile(path.join(dir, "profile-recalc", "user", "registrymodifications.xcu"), RECALCULATE_ALWAYS);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Every sheet of each workbook as CSV, through one LibreOffice run with its own profile. */
async function sheetsAsCsv(workbooks: Record<string, Uint8Array>, profile: string): Promise<Record<string, Record<string, string[][]>>> {
  const out = path.join(dir, `csv-${profile}`);
  await fs.mkdir(out, { recursive: true });
  const inputs: string[] = [];
  for (const [name, bytes] of Object.entries(workbooks)) {
    inputs.push(path.join(dir, `${name}.xlsx`));
    await fs.writeFile(inputs[inputs.length - 1], bytes);
  }
  // Filter options: comma, double quote, UTF-8, from row 1, formatted as shown, ..., -1 = every sheet to its own file.
  const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
  await run(soffice, [`-env:UserInstallation=file://${path.join(dir, profile)}`, "--headless", "--convert-to", filter, "--outdir", out, ...inputs], { timeout: 180_000 });
  const result: Record<string, Record<string, string[][]>> = {};
  for (const name of Object.keys(workbooks)) result[name] = {};
  for (const file of await fs.readdir(out)) {
    const name = Object.keys(workbooks).find((n) => file.startsWith(`${n}-`))!;
    const sheet = file.slice(name.length + 1, -".csv".length).normalize("NFC");
    result[name][sheet] = parseCsv(await fs.readFile(path.join(out, file), "utf8")).map((row) => row.map((c) => (c === null ? "" : String(c))));
  }
  return result;
}

const specs = consolidationSpecs();
const consolidated = specs.find((s) => s.name === SHEETS.consolidated)!;

test("LibreOffice opens the patched clerk's master: every sheet is there, the product's as written, the clerk's as they were", async () => {
  const original = clerkMaster();
  const patched = patchMasterPackage(original, specs).bytes;
  const { before, after } = await sheetsAsCsv({ before: original, after: patched }, "profile");
  expect(Object.keys(after).sort()).toEqual([...CLERK_SHEETS, ...specs.map((s) => s.name).filter((n) => !CLERK_SHEETS.includes(n as never))].sort());
  // The clerk's sheets show what they showed, except the pivot table, which LibreOffice refreshes from
  // its source, the product's data sheet: it now counts the new data.
  const pivot = "Phân tích";
  for (const sheet of CLERK_SHEETS.filter((n) => n !== pivot && !specs.some((s) => s.name === n))) expect(after[sheet]).toEqual(before[sheet]);
  expect(after[pivot].slice(0, 3)).toEqual(before[pivot].slice(0, 3));
  expect(after[pivot].map((r) => r[0])).toContain("2026-03");
  // The report's first indicator row as LibreOffice shows it: code, name, target, verdict.
  const row = after[SHEETS.consolidated].find((r) => r[1] === "CT01")!;
  expect(row.slice(0, 6)).toEqual(["1", "CT01", consolidated.values.find((r) => r[1] === "CT01")![2], "người", "Tỷ lệ", "≥ 100%"]);
  expect(after[SHEETS.consolidated].at(-1)?.[0]).toMatch(/^Mã kiểm tra/);
});

test("recalculated on load, the clerk's formula over \"Tổng hợp\" shows the new figures, not the cached ones", async () => {
  const patched = patchMasterPackage(clerkMaster(), specs).bytes;
  const sheets = (await sheetsAsCsv({ recalc: patched }, "profile-recalc")).recalc;
  const grid = readMasterPackage(patched, [SHEETS.consolidated]).grids[SHEETS.consolidated];
  const g8 = grid[7][6] as number;
  const g9 = grid[8][6] as number;
  // B5 = SUM('Tổng hợp'!G8:G9)*100 (the first two results), cached as 75 from last month.
  expect(typeof g8 === "number" && typeof g9 === "number").toBe(true);
  expect(Number(sheets["Biểu đồ"][4][1])).toBeCloseTo((g8 + g9) * 100, 6);
  expect((g8 + g9) * 100).not.toBeCloseTo(75, 3);
});

test("LibreOffice prints a new workbook: the report is there, landscape", async () => {
  const created = patchMasterPackage(null, specs, { activate: SHEETS.consolidated }).bytes;
  const input = path.join(dir, "new.xlsx");
  await fs.writeFile(input, created);
  await run(soffice, [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, input], { timeout: 180_000 });
  const { stdout } = await run("pdfinfo", ["-f", "1", "-l", "200", path.join(dir, "new.pdf")]);
  const pages = [...stdout.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => Number(m[1]) > Number(m[2]));
  const { stdout: text } = await run("pdftotext", ["-layout", path.join(dir, "new.pdf"), "-"]);
  const reportPage = text.split("\f").findIndex((page) => page.includes("BÁO CÁO TỔNG HỢP KẾT QUẢ"));
  expect(reportPage).toBeGreaterThanOrEqual(0);
  expect(pages[reportPage]).toBe(true);
});
