import fc from "fast-check";
import { serialToDate } from "../io/xlsx/dates";
import { cellValue, dateToSerial, excelGrid, excelValue, parseRangeAddress } from "./cells";

test("every non-empty string is sent with Excel's quote prefix, whatever it looks like; an empty one empties the cell", () => {
  for (const text of ['=HYPERLINK("http://x")', "+84 912", "-5 người", "@abc", "  =1+1", "'0123", "Thôn 1", "0123", "1/2/2026", "TRUE", "12%"]) expect(excelValue(text)).toBe(`'${text}`);
  expect(excelValue("")).toBe("");
});

test("dates become day serials, empty and non-finite cells empty strings", () => {
  expect(excelValue(new Date("1970-01-01T00:00:00Z"))).toBe(25_569);
  expect(excelValue(new Date("2026-03-01T12:00:00Z"))).toBe(46_082.5);
  expect(excelValue(null)).toBe("");
  expect(excelValue(Number.NaN)).toBe("");
  expect(excelValue(new Date(Number.NaN))).toBe("");
});

test("property: a wall-clock date survives the trip to a serial and back to the second", () => {
  fc.assert(
    fc.property(fc.date({ min: new Date("1900-03-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true }), (d) => {
      const second = new Date(Math.floor(d.getTime() / 1000) * 1000);
      expect(serialToDate(dateToSerial(second), false)).toEqual(second);
    }),
  );
});

test("a read number is a date only when its format shows a date", () => {
  expect(cellValue(46_082, "dd/mm/yyyy")).toEqual(new Date("2026-03-01T00:00:00Z"));
  expect(cellValue(46_082, "#,##0")).toBe(46_082);
  expect(cellValue(46_082, "General")).toBe(46_082);
  expect(cellValue("", "@")).toBeNull();
  expect(cellValue("#N/A", "General")).toBe("#N/A");
});

test("a range address names the cells it covers, 0-based", () => {
  expect(parseRangeAddress("'Báo cáo!'!B3:D10")).toEqual({ top: 2, left: 1, bottom: 9, right: 3 });
  expect(parseRangeAddress("Sheet1!C2")).toEqual({ top: 1, left: 2, bottom: 1, right: 2 });
});

test("a ragged spec becomes one rectangle of values and of its own formats, General where it names none", () => {
  const grid = excelGrid({ name: "S", values: [["Tiêu đề"], [], ["a", 1, null]], numberFormats: [["@"], [], ["@", "0", ""]], fills: [], boldRows: [], columnWidths: [], freeze: { rows: 0, columns: 0 } });
  expect(grid.width).toBe(3);
  expect(grid.values).toEqual([["'Tiêu đề", "", ""], ["", "", ""], ["'a", 1, ""]]);
  expect(grid.formats).toEqual([["@", "General", "General"], ["General", "General", "General"], ["@", "0", "General"]]);
});
