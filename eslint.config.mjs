// Lint: typescript-eslint's recommended rules, and the architecture's boundaries as rules, so that the
// layering in the README is checked rather than hoped for (test/lint-boundaries.test.ts shows each failing):
//   src/core          imports only src/core: no Office.js, node:*, exceljs, fflate, nor any package;
//   src/ui, src/app   never import src/office, src/io/xlsx, exceljs or fflate;
//   Office.js         (its globals, its types, its reference) only in src/office and src/taskpane.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const OFFICE_GLOBALS = ["Office", "Excel", "OfficeExtension", "OfficeCore", "OfficeRuntime"];
const OFFICE_NAME = `^(${OFFICE_GLOBALS.join("|")})$`;

const officeOnlyThere = {
  "no-restricted-globals": ["error", ...OFFICE_GLOBALS.map((name) => ({ name, message: "Office.js is used only in src/office (and the pane's entry, src/taskpane)." }))],
  "@typescript-eslint/triple-slash-reference": ["error", { types: "never" }],
  "no-restricted-syntax": [
    "error",
    { selector: `TSQualifiedName[left.type='Identifier'][left.name=${JSON.stringify(OFFICE_NAME).replace(/^"|"$/g, "/")}]`, message: "Office.js types are used only in src/office and src/taskpane." },
  ],
};

/** Imports (static, re-exports, and `import()`) whose module name matches `regex`. */
function forbid(regex, message) {
  return { regex, message };
}

const UI_APP_FORBIDDEN = [
  forbid("^\\.\\.?/(.*/)?office(/|$)", "src/ui and src/app reach Excel only through a MasterStore (src/app/store.ts)."),
  forbid("^\\.\\.?/(.*/)?io/xlsx(/|$)", "src/ui and src/app read files through src/io's entry points (incoming.ts, units-file.ts), never src/io/xlsx."),
  forbid("^(exceljs|fflate|@microsoft/office-js)(/|$)", "src/ui and src/app never load exceljs, fflate or Office.js: the stores in src/io and src/office do."),
];

const CORE_MESSAGE = "src/core is pure: it imports only src/core (no Office.js, node:*, exceljs, fflate, nor any package).";

/** For a file `depth` folders below src/core: any package, and any relative path climbing out of src/core. */
function coreForbidden(depth) {
  return [forbid("^(?!\\.)", CORE_MESSAGE), forbid(`^(\\./)?(\\.\\./){${depth + 1},}`, CORE_MESSAGE)];
}

/** The core rules for files at each depth of src/core (it has one level of subfolders today; room for two more). */
const CORE_DEPTHS = [0, 1, 2, 3].map((depth) => ({
  files: [`src/core/${"*/".repeat(depth)}*.ts`],
  ignores: ["src/core/**/*.test.ts"],
  rules: {
    "no-restricted-imports": ["error", { patterns: coreForbidden(depth) }],
    "no-restricted-syntax": [...officeOnlyThere["no-restricted-syntax"], ...dynamicImports(coreForbidden(depth))],
  },
}));

/** no-restricted-imports does not see `import("…")`: the same patterns as a syntax rule. */
function dynamicImports(patterns) {
  return patterns.map(({ regex, message }) => ({ selector: `ImportExpression[source.value=/${regex.replace(/\//g, "\\/")}/]`, message }));
}

export default tseslint.config(
  { ignores: ["dist/**", "bench/dist/**", "node_modules/**", "out/**", "coverage/**"] },
  {
    files: ["**/*.ts"],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    // A leading underscore marks a parameter kept for a signature (the Office.js fakes implement the real API).
    rules: { "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }] },
  },
  {
    files: ["src/**/*.ts"],
    ignores: ["src/office/**", "src/taskpane/**"],
    rules: officeOnlyThere,
  },
  ...CORE_DEPTHS,
  {
    files: ["src/ui/**/*.ts", "src/app/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: UI_APP_FORBIDDEN }],
      "no-restricted-syntax": [...officeOnlyThere["no-restricted-syntax"], ...dynamicImports(UI_APP_FORBIDDEN)],
    },
  },
);
