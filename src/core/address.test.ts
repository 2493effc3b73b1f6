import { cellAddress, columnName, parseAddress } from "./address";
import fc from "fast-check";

test("column names follow Excel", () => {
  expect(columnName(0)).toBe("A");
  expect(columnName(25)).toBe("Z");
  expect(columnName(26)).toBe("AA");
  expect(columnName(16383)).toBe("XFD");
  expect(cellAddress(11, 3)).toBe("D12");
});

test("addresses round-trip", () => {
  fc.assert(
    fc.property(fc.nat(1048575), fc.nat(16383), (r, c) => {
      expect(parseAddress(cellAddress(r, c))).toEqual({ row: r, col: c });
    }),
  );
  expect(parseAddress("hello")).toBeNull();
});
