import fc from "fast-check";
import { SHEETS } from "../core/master-sheets";
import type { SheetSpec } from "../core/types";
import { ExistingSheet, Op, planWrite, WriteInput } from "./write-plan";

const FEATURES = { suspendCalculation: true, suspendScreen: true, pageLayout: true };

function spec(name: string, rows: string[][], formats?: string[][]): SheetSpec {
  return { name, values: rows, numberFormats: formats ?? rows.map((r) => r.map(() => "@")), fills: [], boldRows: [0], columnWidths: [10, 20], freeze: { rows: 1, columns: 0 } };
}

function plan(specs: SheetSpec[], existing: ExistingSheet[] = [], budget = 4 * 1024 * 1024, extra: Partial<WriteInput> = {}) {
  return planWrite({ specs, existing, copies: new Map(), maxRequestBytes: budget, features: FEATURES, ...extra });
}

const sheetOf = (id: string, name: string, position: number): ExistingSheet => ({ id, name, position, visible: true, protected: false });

test("property: the requests write every row of every sheet once, in order, each under the budget unless one row alone exceeds it", () => {
  const rows = fc.array(fc.array(fc.string({ maxLength: 40 }), { minLength: 2, maxLength: 2 }), { maxLength: 60 });
  fc.assert(
    fc.property(fc.array(rows, { minLength: 1, maxLength: 4 }), fc.integer({ min: 20_000, max: 60_000 }), (sheets, budget) => {
      const specs = sheets.map((r, i) => spec(`S${i}`, r));
      const p = plan(specs, [], budget);
      const written = p.requests.flatMap((r) => r.ops).flatMap((op) => (op.kind === "values" ? Array.from({ length: op.bottom - op.top }, (_, k) => `${p.sheets[op.staged].spec.name}:${op.top + k}`) : []));
      expect(written).toEqual(specs.flatMap((s) => s.values.map((_, r) => `${s.name}:${r}`)));
      for (const r of p.requests) {
        const values = r.ops.filter((op): op is Extract<Op, { kind: "values" }> => op.kind === "values");
        const oneRow = values.length === 1 && values[0].bottom - values[0].top === 1;
        if (!oneRow) expect(r.bytes).toBeLessThanOrEqual(budget);
      }
    }),
  );
});

test("no sheet is replaced before every new sheet is written, and the data sheets are replaced last", () => {
  const specs = [SHEETS.log, SHEETS.data, SHEETS.consolidated, SHEETS.submissions, SHEETS.findings].map((name) => spec(name, Array.from({ length: 400 }, (_, i) => [`${name} ${i}`, "x".repeat(200)])));
  const existing = specs.map((s, i) => sheetOf(`id${i}`, s.name, i));
  const p = plan(specs, existing, 60_000);
  expect(p.requests.length).toBeGreaterThan(3);
  const ops = p.requests.flatMap((r) => r.ops);
  const lastWrite = ops.map((op) => op.kind).lastIndexOf("format");
  const firstSwap = ops.findIndex((op) => op.kind === "rename");
  expect(firstSwap).toBeGreaterThan(lastWrite);
  expect(p.requests[p.requests.length - 1].ops).toEqual(expect.arrayContaining([...p.swap, ...p.finish]));
  const renamedTo = ops.flatMap((op) => (op.kind === "rename" && "staged" in op.sheet ? [op.name] : []));
  expect(renamedTo).toEqual([SHEETS.consolidated, SHEETS.findings, SHEETS.data, SHEETS.submissions, SHEETS.log]);
});

test("in every block the values are written before their number formats, which are one scalar per rectangle", () => {
  const rows = Array.from({ length: 30 }, (_, i) => [`a${i}`, "b"]);
  const formats = rows.map((_, i) => (i === 0 ? ["@", "@"] : ["@", "#,##0"]));
  const ops = plan([spec("S", rows, formats)]).requests.flatMap((r) => r.ops);
  const kinds = ops.map((op) => op.kind).filter((k) => k === "values" || k === "format");
  expect(kinds[0]).toBe("values");
  expect(ops.filter((op) => op.kind === "format")).toHaveLength(3);
  expect(ops.filter((op) => op.kind === "format")).toEqual(expect.arrayContaining([
    { kind: "format", staged: 0, range: { top: 0, left: 0, bottom: 29, right: 0 }, format: "@" },
    { kind: "format", staged: 0, range: { top: 0, left: 1, bottom: 0, right: 1 }, format: "@" },
    { kind: "format", staged: 0, range: { top: 1, left: 1, bottom: 29, right: 1 }, format: "#,##0" },
  ]));
});

test("a new sheet takes its old sheet's place and visibility; a copy of an edited output stays beside it", () => {
  const existing = [sheetOf("a", "Sheet1", 0), sheetOf("b", SHEETS.consolidated, 1), { ...sheetOf("c", SHEETS.data, 2), visible: false }];
  const p = plan([spec(SHEETS.consolidated, [["x"]]), spec(SHEETS.data, [["y"]])], existing, 4 * 1024 * 1024, { copies: new Map([[SHEETS.consolidated.toLowerCase(), "Tổng hợp (sửa tay)"]]) });
  expect(p.swap).toEqual([
    { kind: "rename", sheet: { id: "b" }, name: "Tổng hợp (sửa tay)" },
    { kind: "rename", sheet: { staged: 0 }, name: SHEETS.consolidated },
    { kind: "show", sheet: { staged: 0 } },
    { kind: "move", sheet: { staged: 0 }, position: 1 },
    { kind: "rename", sheet: { id: "c" }, name: `${SHEETS.data} ~cũ` },
    { kind: "rename", sheet: { staged: 1 }, name: SHEETS.data },
    { kind: "move", sheet: { staged: 1 }, position: 3 },
    { kind: "delete", sheet: { id: "c" } },
  ]);
});

test("sheets an interrupted write left are cleared away, and a '~cũ' sheet whose sheet is missing is the one replaced", () => {
  const existing = [sheetOf("a", "Sheet1", 0), sheetOf("b", `${SHEETS.data} ~cũ`, 1), sheetOf("c", `${SHEETS.data} ~ghi`, 2), sheetOf("d", SHEETS.log, 3), sheetOf("e", `${SHEETS.log} ~cũ`, 4)];
  const p = plan([spec(SHEETS.data, [["x"]]), spec(SHEETS.log, [["y"]])], existing);
  const first = p.requests[0].ops;
  expect(first.slice(0, first.findIndex((op) => op.kind === "add")).filter((op) => op.kind === "delete")).toEqual([
    { kind: "delete", sheet: { id: "c" } },
    { kind: "delete", sheet: { id: "e" } },
  ]);
  expect(p.sheets.map((s) => s.old?.id)).toEqual(["b", "d"]);
  expect(p.swap.filter((op) => op.kind === "rename")).toEqual([
    { kind: "rename", sheet: { staged: 0 }, name: SHEETS.data },
    { kind: "rename", sheet: { id: "d" }, name: `${SHEETS.log} ~cũ` },
    { kind: "rename", sheet: { staged: 1 }, name: SHEETS.log },
  ]);
});

test("the chart is planned only when some achievement is a number", () => {
  const consolidated = (achievement: string | number | null): SheetSpec => ({ ...spec(SHEETS.consolidated, []), values: [["Mã", "Đạt"], ["CT01", achievement]], numberFormats: [["@", "@"], ["@", "0%"]], bars: { top: 1, left: 1, bottom: 1, right: 1 } });
  expect(plan([consolidated(null)]).finish.some((op) => op.kind === "chart")).toBe(false);
  expect(plan([consolidated(0.8)]).finish.some((op) => op.kind === "chart")).toBe(true);
});

/** The tab order after a plan's ops, carried out as Excel moves sheets: a sheet put at a position moves the others along. */
function tabsAfter(p: ReturnType<typeof plan>, existing: ExistingSheet[]): string[] {
  const tabs = [...existing].sort((a, b) => a.position - b.position).map((s) => ({ key: s.id, name: s.name }));
  const find = (ref: { id: string } | { staged: number }) => tabs.findIndex((t) => t.key === ("id" in ref ? ref.id : `staged:${ref.staged}`));
  for (const op of p.requests.flatMap((r) => r.ops)) {
    if (op.kind === "add") tabs.push({ key: `staged:${op.staged}`, name: op.name });
    else if (op.kind === "delete") tabs.splice(find(op.sheet), 1);
    else if (op.kind === "rename") tabs[find(op.sheet)].name = op.name;
    else if (op.kind === "move") tabs.splice(op.position, 0, ...tabs.splice(find(op.sheet), 1));
  }
  return tabs.map((t) => t.name);
}

test("a new sheet for paper goes before the first sheet that is not for paper, in the order of the specs; an existing one keeps its place", () => {
  const paper = (name: string): SheetSpec => ({ ...spec(name, [["x"]]), leading: true });
  const specs = [paper(SHEETS.consolidated), paper(SHEETS.byUnit), paper(SHEETS.status), spec(SHEETS.findings, [["y"]])];
  const clerkFirst = [sheetOf("a", "Sheet1", 0), sheetOf("b", SHEETS.consolidated, 1), sheetOf("c", SHEETS.settings, 2)];
  expect(tabsAfter(plan(specs, clerkFirst), clerkFirst)).toEqual([SHEETS.byUnit, SHEETS.status, "Sheet1", SHEETS.consolidated, SHEETS.settings, SHEETS.findings]);
  const reportFirst = [sheetOf("b", SHEETS.consolidated, 0), sheetOf("c", SHEETS.settings, 1), sheetOf("d", `${SHEETS.status} ~ghi`, 2)];
  expect(tabsAfter(plan(specs, reportFirst), reportFirst)).toEqual([SHEETS.consolidated, SHEETS.byUnit, SHEETS.status, SHEETS.settings, SHEETS.findings]);
  const onlyPaper = [sheetOf("b", SHEETS.consolidated, 0)];
  expect(tabsAfter(plan(specs, onlyPaper), onlyPaper)).toEqual([SHEETS.consolidated, SHEETS.byUnit, SHEETS.status, SHEETS.findings]);
});

test("each row's height is set once, a wrapped header's with its wrapping; wrapped body columns and the top alignment cover the rows under the frozen ones", () => {
  const rows = Array.from({ length: 8 }, (_, i) => [`a${i}`, "b", "c", "d"]);
  const s: SheetSpec = { ...spec("S", rows), columnWidths: [5, 5, 5, 5], freeze: { rows: 2, columns: 0 }, wrapRows: [1], wrapColumns: [1, 2], rowHeights: [{ row: 1, points: 45 }, { row: 3, points: 30 }, { row: 4, points: 30 }, { row: 6, points: 45 }] };
  const ops = plan([s]).requests.flatMap((r) => r.ops);
  const all = { left: 0, right: 3 };
  expect(ops.filter((op) => op.kind === "wrap" || op.kind === "height" || op.kind === "alignTop")).toEqual([
    { kind: "wrap", staged: 0, range: { top: 1, bottom: 1, ...all }, points: 45 },
    { kind: "height", staged: 0, first: 3, last: 4, points: 30 },
    { kind: "height", staged: 0, first: 6, last: 6, points: 45 },
    { kind: "alignTop", staged: 0, range: { top: 2, bottom: 7, ...all } },
    { kind: "wrap", staged: 0, range: { top: 2, left: 1, bottom: 7, right: 2 } },
  ]);
  // A wrapped header without a height of its own is two lines tall.
  expect(plan([{ ...s, rowHeights: undefined, wrapColumns: undefined }]).requests[0].ops.filter((op) => op.kind === "wrap")).toEqual([{ kind: "wrap", staged: 0, range: { top: 1, bottom: 1, ...all }, points: 32 }]);
});

test("the page setup, last in the finishing: A4, the fit or 100%, only the header and footer parts given, then the print area and titles", () => {
  const header = { left: "UBND xã A", right: "Tính đến 25/03/2026" };
  const print = { paper: "A4", orientation: "landscape", fitToWidth: 1, fitToHeight: 0, area: { top: 0, left: 0, bottom: 30, right: 11 }, titleRows: { first: 6, last: 6 }, header, footer: { right: "Trang &P/&N" } } as const;
  const consolidated: SheetSpec = { ...spec(SHEETS.consolidated, [["Mã", "Đạt"], ["CT01", "x"]]), print };
  const wide: SheetSpec = { ...spec(SHEETS.byUnit, [["x"]]), freeze: { rows: 0, columns: 0 }, print: { ...print, fitToWidth: 0, header: undefined, footer: undefined, titleRows: { first: 4, last: 5 }, titleColumns: { first: 0, last: 1 } } };
  const p = plan([consolidated, wide]);
  expect(p.finish).toEqual([
    { kind: "freeze", sheet: { staged: 0 }, rows: 1, columns: 0 },
    { kind: "page", sheet: { staged: 0 }, orientation: "Landscape", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } },
    { kind: "bands", sheet: { staged: 0 }, parts: [{ part: "leftHeader", text: "UBND xã A" }, { part: "rightHeader", text: "Tính đến 25/03/2026" }, { part: "rightFooter", text: "Trang &P/&N" }] },
    { kind: "printRange", sheet: { staged: 0 }, method: "setPrintArea", address: "A1:L31" },
    { kind: "printRange", sheet: { staged: 0 }, method: "setPrintTitleRows", address: "$7:$7" },
    { kind: "page", sheet: { staged: 1 }, orientation: "Landscape", zoom: { scale: 100 } },
    { kind: "printRange", sheet: { staged: 1 }, method: "setPrintArea", address: "A1:L31" },
    { kind: "printRange", sheet: { staged: 1 }, method: "setPrintTitleRows", address: "$5:$6" },
    { kind: "printRange", sheet: { staged: 1 }, method: "setPrintTitleColumns", address: "$A:$B" },
  ]);
  // A host without ExcelApi 1.9 gets no page setup at all.
  expect(plan([consolidated], [], 4 * 1024 * 1024, { features: { ...FEATURES, pageLayout: false } }).finish.map((op) => op.kind)).toEqual(["freeze"]);
});

test("a clerk's sheet that exists is patched, not replaced: its changed cells only, after every replacement", () => {
  const existing = [sheetOf("s", SHEETS.settings, 0), sheetOf("d", SHEETS.data, 1)];
  const settings = spec(SHEETS.settings, [["Thiết lập", "Giá trị"], ["Năm", "2026"], ["Kỳ tổng hợp gần nhất", "2026-02"], ["Mới", "x"]]);
  const current = new Map([[SHEETS.settings.toLowerCase(), [["Thiết lập", "Giá trị", "của văn thư"], ["Năm", "2026"], ["Kỳ tổng hợp gần nhất", "2026-01"]]]]);
  const p = plan([settings, spec(SHEETS.data, [["y"]])], existing, 4 * 1024 * 1024, { current });
  expect(p.sheets.map((s) => s.spec.name)).toEqual([SHEETS.data]);
  expect(p.inPlace).toEqual([SHEETS.settings]);
  expect(p.patch).toEqual([
    { kind: "patch", sheet: { id: "s" }, range: { top: 2, left: 1, bottom: 2, right: 1 }, values: [["'2026-02"]], formats: [{ range: { top: 2, left: 1, bottom: 2, right: 1 }, format: "@" }] },
    { kind: "patch", sheet: { id: "s" }, range: { top: 3, left: 0, bottom: 3, right: 1 }, values: [["'Mới", "'x"]], formats: [{ range: { top: 3, left: 0, bottom: 3, right: 1 }, format: "@" }] },
  ]);
  const last = p.requests[p.requests.length - 1].ops;
  expect(last.slice(last.indexOf(p.swap[p.swap.length - 1]) + 1, last.length - p.finish.length)).toEqual(p.patch);
  expect(p.requests.flatMap((r) => r.ops).filter((op) => "sheet" in op && "id" in op.sheet && op.sheet.id === "s" && op.kind !== "patch")).toEqual([]);
});
