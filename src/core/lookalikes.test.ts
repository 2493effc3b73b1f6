import { describeLookalike, latinCode } from "./lookalikes";

test("plain codes come back as they are", () => {
  expect(latinCode("CT01")).toEqual({ text: "CT01", replaced: [], foreign: [] });
});

test("Cyrillic and Greek letters drawn like Latin ones are read as Latin, each named once", () => {
  const cyrillic = latinCode("СТ0С"); // С, Т, С Cyrillic
  expect(cyrillic.text).toBe("CT0C");
  expect(cyrillic.replaced.map((r) => [r.char, r.latin, r.script])).toEqual([
    ["С", "C", "Kirin"],
    ["Т", "T", "Kirin"],
  ]);
  expect(latinCode("ΜΗ09").text).toBe("MH09"); // Greek capitals
  expect(describeLookalike(cyrillic.replaced[0])).toBe("“С” (chữ Kirin, U+0421) đọc là “C”");
});

test("full-width forms are made plain; Vietnamese letters are not foreign, other symbols are", () => {
  expect(latinCode("ＣＴ０１").text).toBe("CT01");
  expect(latinCode("ĐTN").foreign).toEqual([]);
  expect(latinCode("C★A-Д").foreign).toEqual(["★", "Д"]);
});
