// The declaration machinery on a small table of its own: what any stored sheet gets from it.
import { figure, text } from "./cell-types";
import { columnsOf, readTable, writeTable, type TableSchema } from "./table-schema";
import type { Finding } from "../types";

interface Row {
  code: string;
  count: number | null;
}
const column = columnsOf<Row>();
const TABLE: TableSchema<Row> = {
  sheet: "Bảng",
  columns: [column("code", "Mã", 8, text, { required: true }), column("count", "Số lượng", 10, figure("#,##0"))],
  order: (a, b) => (a.code < b.code ? -1 : 1),
};

test("rows are written in the declared order, with the declared headers, widths and formats", () => {
  const spec = writeTable(TABLE, [
    { code: "B", count: 2 },
    { code: "A", count: null },
  ]);
  expect(spec.values).toEqual([
    ["Mã", "Số lượng"],
    ["A", null],
    ["B", 2],
  ]);
  expect(spec.columnWidths).toEqual([8, 10]);
  expect(spec.numberFormats.slice(1)).toEqual([
    ["@", "#,##0"],
    ["@", "#,##0"],
  ]);
});

test("without a message of its own, a row missing a required value names the missing header", () => {
  const problems: Finding[] = [];
  const rows = readTable(TABLE, [["Ghi chú đầu trang"], ["Số lượng", "Mã"], [3, null], [4, "A"]], problems);
  expect(rows).toEqual([{ code: "A", count: 4 }]);
  expect(problems.map((p) => [p.cell, p.message])).toEqual([["A3", 'Dòng 3 của trang "Bảng" thiếu "Mã": bỏ qua dòng này.']]);
});

test("a missing sheet or header is silent unless the declaration says what to tell", () => {
  const problems: Finding[] = [];
  expect(readTable(TABLE, undefined, problems)).toBeNull();
  expect(readTable(TABLE, [["x", "y"]], problems)).toBeNull();
  expect(problems).toEqual([]);
});
