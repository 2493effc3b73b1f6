// A column the clerk added to a table the product rewrites stays beside the product's columns, each cell
// on the row of its key; what has no row any more is copied to a "(sửa tay)" sheet with a finding. The
// oracle is the notes the generator put in, by the key of the row they were put on.
import fc from "fast-check";
import { DATA } from "../src/core/master-schema/data-sheet";
import { LOG } from "../src/core/master-schema/log-sheet";
import { writeTable } from "../src/core/master-schema/table-schema";
import { SHEETS } from "../src/core/master-sheets";
import type { CellValue, Fact, LogEntry, SheetSpec } from "../src/core/types";
import { WorkbookStore } from "../src/io/workbook-store";

const fact = fc.record({
  period: fc.constantFrom("2026-01", "2026-02", "2026-03"),
  unit: fc.constantFrom("X01", "X02", "X03", "X04"),
  indicator: fc.constantFrom("MH01", "MH09", "CT04"),
  value: fc.integer({ min: 0, max: 500 }),
});
const keyOf = (f: { period: unknown; unit: unknown; indicator: unknown }) => `${f.period}|${f.unit}|${f.indicator}`;
const toFact = (f: { period: string; unit: string; indicator: string; value: number }): Fact => ({
  ...f,
  numerator: null,
  denominator: null,
  file: `${f.unit}.xlsx`,
  sheet: "Báo cáo",
  cell: "D9",
  hash: "a".repeat(64),
  importedAt: "2026-03-20T02:00:00.000Z",
});
const note = fc.oneof(fc.constantFrom("đã gọi điện", "chờ bản sửa", "=SUM(A1:A3)", "0123", " lề trước và sau "), fc.integer({ min: -5, max: 99 }));

/** The spec with one more column at `at`: `header` on the header row, notes on the rows given. */
function withClerkColumn(spec: SheetSpec, at: number, header: string, notes: Map<number, CellValue>): SheetSpec {
  const insert = <T>(row: readonly T[], value: T) => [...row.slice(0, at), value, ...row.slice(at)];
  return {
    ...spec,
    values: spec.values.map((row, r) => insert(row, r === 0 ? header : (notes.get(r) ?? null))),
    numberFormats: spec.numberFormats.map((row) => insert(row, "")),
    columnWidths: insert(spec.columnWidths, 14),
  };
}

async function storeWith(spec: SheetSpec): Promise<WorkbookStore> {
  const store = WorkbookStore.empty();
  await store.writeSheets([spec]);
  return store;
}

const column = (grid: CellValue[][], header: string) => grid[0].findIndex((h) => h === header);

test("notes in a clerk's column of the data sheet follow their facts through a rewrite; notes of facts gone are copied out with a finding", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.uniqueArray(fact, { selector: keyOf, minLength: 1, maxLength: 25 }),
      fc.uniqueArray(fact, { selector: keyOf, maxLength: 10 }),
      fc.func(fc.boolean()),
      fc.integer({ min: 0, max: DATA.columns.length }),
      fc.constantFrom("Ghi chú", "Đã kiểm tra", "Giá trị"),
      fc.array(fc.tuple(fc.nat(), note), { maxLength: 12 }),
      async (before, added, kept, anywhere, header, placed) => {
        // A header the product also has is the clerk's only to the right of the product's (findHeader: the first is the product's).
        const at = DATA.columns.some((c) => c.header === header) ? DATA.columns.length : anywhere;
        const old = writeTable(DATA, before.map(toFact));
        const notes = new Map(placed.map(([r, n]) => [1 + (r % before.length), n]));
        const store = await storeWith(withClerkColumn(old, at, header, notes));
        // Some facts stay (some with a new value), some are gone, some are new.
        const after = [...before.filter((f, i) => kept(i)).map((f) => ({ ...f, value: f.value + 1 })), ...added.filter((a) => !before.some((b) => keyOf(a) === keyOf(b)))];
        const problems = await store.writeSheets([writeTable(DATA, after.map(toFact))]);

        const grids = await store.readSheets([SHEETS.data, `${SHEETS.data} (sửa tay)`]);
        const data = grids[SHEETS.data];
        const noteColumn = data[0].lastIndexOf(header);
        expect(noteColumn).toBe(DATA.columns.length);
        const byKey = new Map(data.slice(1).map((r) => [keyOf({ period: r[0], unit: r[1], indicator: r[2] }), r[noteColumn] ?? null]));
        const staying = new Set(after.map(keyOf));
        const keyAt = (r: number) => keyOf({ period: old.values[r][0], unit: old.values[r][1], indicator: old.values[r][2] });
        for (const [r, n] of notes) if (staying.has(keyAt(r))) expect(byKey.get(keyAt(r))).toEqual(n);
        const keptCount = [...notes.keys()].filter((r) => staying.has(keyAt(r))).length;
        expect([...byKey.values()].filter((v) => v !== null).length).toBe(keptCount);

        const gone = [...notes].filter(([r]) => !staying.has(keyAt(r)));
        const copy = grids[`${SHEETS.data} (sửa tay)`];
        if (gone.length === 0) {
          expect(copy).toBeUndefined();
          expect(problems).toEqual([]);
          return;
        }
        expect(problems).toEqual([expect.objectContaining({ code: "CLERK_ROWS_MOVED", sheet: SHEETS.data })]);
        expect(problems[0].message).toContain(`"${SHEETS.data} (sửa tay)"`);
        const copied = copy.slice(1).map((r) => r.filter((c) => c !== null));
        const written = withClerkColumn(old, at, header, notes).values;
        for (const [r] of gone) expect(copied).toContainEqual(written[r].filter((c) => c !== null));
        expect(copied).toHaveLength(gone.length);
      },
    ),
    { numRuns: 40 },
  );
});

const entry = (at: string, file: string): LogEntry => ({ at, file, hash: "b".repeat(64), status: "imported", unit: "X01", period: "2026-03", message: "" });

test("a clerk's column of the import log stays on its lines as the log grows; rows the clerk wrote above the header are copied out", async () => {
  const first = [entry("2026-03-20T02:00:00.000Z", "X01.xlsx"), entry("2026-03-21T02:00:00.000Z", "X02.xlsx")];
  const old = writeTable(LOG, first);
  const spec = withClerkColumn(old, 2, "Người nhận", new Map([[2, "chị Lan"]]));
  const store = await storeWith({ ...spec, values: [["Sổ theo dõi của văn thư"], ...spec.values], numberFormats: [[""], ...spec.numberFormats] });
  const problems = await store.writeSheets([writeTable(LOG, [...first, entry("2026-03-22T02:00:00.000Z", "X03.xlsx")])]);
  const grids = await store.readSheets([SHEETS.log, `${SHEETS.log} (sửa tay)`]);
  const log = grids[SHEETS.log];
  const who = column(log, "Người nhận");
  expect(log.map((r) => [r[1], r[who] ?? null])).toEqual([
    ["Tệp", "Người nhận"],
    ["X01.xlsx", null],
    ["X02.xlsx", "chị Lan"],
    ["X03.xlsx", null],
  ]);
  expect(grids[`${SHEETS.log} (sửa tay)`][0]).toEqual(["Sổ theo dõi của văn thư"]);
  expect(problems.map((p) => p.code)).toEqual(["CLERK_ROWS_MOVED"]);
  expect(problems[0].message).toContain("phía trên dòng tiêu đề");
});

test("a table whose header the product no longer finds is copied whole before it is rewritten, and a second copy never overwrites the first", async () => {
  const renamed: SheetSpec = { ...writeTable(DATA, [toFact({ period: "2026-03", unit: "X01", indicator: "MH01", value: 7 })]) };
  renamed.values = [["Thời kỳ", "Đơn vị", "Chỉ số", "Số"], ...renamed.values.slice(1)];
  const store = await storeWith(renamed);
  await store.writeSheets([renamed]);
  const problems = await store.writeSheets([writeTable(DATA, [])]);
  const grids = await store.readSheets([`${SHEETS.data} (sửa tay)`, `${SHEETS.data} (sửa tay 2)`]);
  expect(grids[`${SHEETS.data} (sửa tay)`][1].slice(0, 4)).toEqual(["2026-03", "X01", "MH01", 7]);
  expect(grids[`${SHEETS.data} (sửa tay 2)`][1].slice(0, 4)).toEqual(["2026-03", "X01", "MH01", 7]);
  expect(problems[0].message).toContain(`"${SHEETS.data} (sửa tay 2)"`);
});
