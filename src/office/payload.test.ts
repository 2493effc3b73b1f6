import fc from "fast-check";
import { chunkRows, jsonBytes } from "./payload";

test("property: jsonBytes is the UTF-8 length of JSON.stringify, for any cell rows", () => {
  const cell = fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null));
  fc.assert(
    fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 6 }), (rows) => {
      expect(jsonBytes(rows)).toBe(Buffer.byteLength(JSON.stringify(rows), "utf8"));
    }),
  );
});

test("the client's chunks: about 1,500 cells a chunk, never less than a row", () => {
  expect(chunkRows(11)).toBe(136);
  expect(chunkRows(10)).toBe(150);
  expect(chunkRows(4000)).toBe(1);
});
