import { copiedSheet, isEditedOutput, keepEditedOutputs, sealSheet } from "./output-seal";
import { tableSheet, col } from "./sheet-spec";
import type { CellValue, OutValue } from "./types";

const spec = sealSheet(tableSheet("Tổng hợp", [col("Mã", 8), col("Kết quả", 10, "0.0%")], [["CT03", 1372 / 2204], ["MH09", 16]]));
const readBack = (values: OutValue[][]): CellValue[][] => values.map((r) => r.map((v) => v));

test("an output read back as written is not edited, even with trailing empty cells", () => {
  const grid = readBack(spec.values);
  expect(isEditedOutput(grid)).toBe(false);
  expect(isEditedOutput([...grid.map((r) => [...r, null, ""]), [], [null]])).toBe(false);
});

test("a value typed into an output, a row deleted or the seal removed is noticed", () => {
  const typed = readBack(spec.values);
  typed[2][1] = 20;
  expect(isEditedOutput(typed)).toBe(true);
  expect(isEditedOutput(readBack(spec.values).filter((_, r) => r !== 1))).toBe(true);
  expect(isEditedOutput(readBack(spec.values).slice(0, -1))).toBe(true);
  expect(isEditedOutput([])).toBe(false);
});

test("an edited output is kept as a copy, with a message naming both sheets", () => {
  const typed = readBack(spec.values);
  typed[2][1] = 20;
  const { backups, problems } = keepEditedOutputs({ "Tổng hợp": typed, "Tình trạng nộp": readBack(spec.values) }, ["Tổng hợp", "Tình trạng nộp"], () => false);
  expect(backups.map((b) => b.name)).toEqual(["Tổng hợp (sửa tay)"]);
  expect(backups[0].values[2][1]).toBe(20);
  expect(problems[0]).toMatchObject({ code: "OUTPUT_EDITED", severity: "warning", sheet: "Tổng hợp" });
  expect(problems[0].message).toContain("Tổng hợp (sửa tay)");
});

test("each copy takes the first free number, so an earlier copy is never written over", () => {
  const typed = readBack(spec.values);
  typed[2][1] = 20;
  const sheets = new Set(["tổng hợp", "tổng hợp (sửa tay)", "tổng hợp (sửa tay 2)"]);
  const { backups, problems } = keepEditedOutputs({ "Tổng hợp": typed }, ["Tổng hợp"], (n) => sheets.has(n.toLowerCase()));
  expect(backups.map((b) => b.name)).toEqual(["Tổng hợp (sửa tay 3)"]);
  expect(problems[0].message).toContain('"Tổng hợp (sửa tay 3)"');
  expect(copiedSheet("Tổng hợp (sửa tay 3)")).toBe("Tổng hợp");
  expect(copiedSheet("Tổng hợp (sửa)")).toBeNull();
});
