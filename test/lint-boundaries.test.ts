// The boundaries of the README's layout are lint rules (eslint.config.mjs): each is shown here failing on a
// deliberate violation placed in the folder it guards, and passing where the same code is allowed. ESLint
// runs with the project's own config, as `npm run lint` runs it, in one child process (its config is an ES
// module, which jest's module system cannot load), on virtual files: nothing is written into src/.
import { execFileSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");

interface Message {
  ruleId: string | null;
  message: string;
}

type Case = [file: string, code: string];

const LINT_SNIPPETS = `
import { ESLint } from "eslint";
let input = "";
for await (const chunk of process.stdin) input += chunk;
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const [filePath, code] of JSON.parse(input)) out.push((await eslint.lintText(code, { filePath }))[0].messages);
process.stdout.write(JSON.stringify(out));
`;

/** ESLint's messages for each virtual file, in order. */
function lintAll(cases: Case[]): Message[][] {
  const stdout = execFileSync(process.execPath, ["--input-type=module", "-e", LINT_SNIPPETS], { cwd: ROOT, input: JSON.stringify(cases), encoding: "utf8" });
  return JSON.parse(stdout) as Message[][];
}

const rules = (messages: Message[]) => messages.map((m) => m.ruleId);

const REFUSED: [...Case, string][] = [
  ["src/core/zz-violation.ts", 'import ExcelJS from "exceljs";\nexport const wb = new ExcelJS.Workbook();\n', "no-restricted-imports"],
  ["src/core/zz-violation.ts", 'import { readFileSync } from "node:fs";\nexport const read = readFileSync;\n', "no-restricted-imports"],
  ["src/core/zz-violation.ts", 'import { sha256Hex } from "../io/hash";\nexport const h = sha256Hex;\n', "no-restricted-imports"],
  ["src/core/zz-violation.ts", 'export { zipSync } from "fflate";\n', "no-restricted-imports"],
  ["src/core/master-schema/zz-violation.ts", 'import { toIncomingFile } from "../../io/incoming";\nexport const t = toIncomingFile;\n', "no-restricted-imports"],
  ["src/core/master-schema/zz-violation.ts", 'import ExcelJS from "exceljs";\nexport const wb = new ExcelJS.Workbook();\n', "no-restricted-imports"],
  ["src/core/zz-violation.ts", 'export const load = () => import("fflate");\n', "no-restricted-syntax"],
  ["src/core/zz-violation.ts", "export const run = () => Excel.run(async () => undefined);\n", "no-restricted-globals"],
  ["src/core/zz-violation.ts", '/// <reference types="office-js" />\nexport const x = 1;\n', "@typescript-eslint/triple-slash-reference"],
  ["src/core/zz-violation.ts", "export type Ctx = Excel.RequestContext;\n", "no-restricted-syntax"],
  ["src/ui/zz-violation.ts", 'import { createExcelStore } from "../office/excel-store";\nexport const s = createExcelStore;\n', "no-restricted-imports"],
  ["src/ui/zz-violation.ts", 'import { readWorkbook } from "../io/xlsx";\nexport const r = readWorkbook;\n', "no-restricted-imports"],
  ["src/ui/zz-violation.ts", 'export const load = () => import("exceljs");\n', "no-restricted-syntax"],
  ["src/app/zz-violation.ts", 'import { zipSync } from "fflate";\nexport const z = zipSync;\n', "no-restricted-imports"],
  ["src/app/zz-violation.ts", 'import { sniffFormat } from "../io/xlsx/sniff";\nexport const s = sniffFormat;\n', "no-restricted-imports"],
  ["src/io/zz-violation.ts", "export const ready = () => Office.onReady();\n", "no-restricted-globals"],
];

const ALLOWED: Case[] = [
  ["src/core/zz-allowed.ts", 'import { parseCsv } from "./csv";\nexport const p = parseCsv;\n'],
  ["src/core/master-schema/zz-allowed.ts", 'import { SHEETS } from "../master-sheets";\nexport const s = SHEETS;\n'],
  ["src/app/zz-allowed.ts", 'import { toIncomingFile } from "../io/incoming";\nexport const t = toIncomingFile;\n'],
  ["src/io/zz-allowed.ts", 'import ExcelJS from "exceljs";\nexport const wb = new ExcelJS.Workbook();\n'],
  ["src/office/zz-allowed.ts", '/// <reference types="office-js" />\nexport const run = () => Excel.run(async (c: Excel.RequestContext) => c.sync());\n'],
];

let refused: Message[][];
let allowed: Message[][];

beforeAll(() => {
  const all = lintAll([...REFUSED.map(([file, code]): Case => [file, code]), ...ALLOWED]);
  refused = all.slice(0, REFUSED.length);
  allowed = all.slice(REFUSED.length);
}, 120_000);

test.each(REFUSED.map((c, i) => [...c, i] as const))("%s: %j is refused by %s", (_file, _code, rule, i) => {
  expect(rules(refused[i])).toContain(rule);
});

test.each(ALLOWED.map((c, i) => [...c, i] as const))("%s: %j is allowed", (_file, _code, i) => {
  expect(allowed[i]).toEqual([]);
});
