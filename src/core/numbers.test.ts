import fc from "fast-check";
import { cellText, parseNumber } from "./numbers";

const num = (value: number, percent = false) => ({ kind: "number", value, percent });

test("numeric cells pass through", () => {
  expect(parseNumber(1234)).toEqual(num(1234));
  expect(parseNumber(0.85)).toEqual(num(0.85));
  expect(parseNumber(-3)).toEqual(num(-3));
});

test("Vietnamese text figures: dot thousands, comma decimals", () => {
  expect(parseNumber("1.234")).toEqual(num(1234));
  expect(parseNumber("1.234.567")).toEqual(num(1234567));
  expect(parseNumber("12.500")).toEqual(num(12500));
  expect(parseNumber("12,5")).toEqual(num(12.5));
  expect(parseNumber("1,234")).toEqual(num(1.234));
  expect(parseNumber("1.234,5")).toEqual(num(1234.5));
  expect(parseNumber(" 42 ")).toEqual(num(42));
  expect(parseNumber("+7")).toEqual(num(7));
  expect(parseNumber("-5")).toEqual(num(-5));
});

test("English-style figures still read right", () => {
  expect(parseNumber("1,234.5")).toEqual(num(1234.5));
  expect(parseNumber("1,234,567")).toEqual(num(1234567));
  expect(parseNumber("12.5")).toEqual(num(12.5));
  expect(parseNumber("0.123")).toEqual(num(0.123));
});

test("spaces and non-breaking spaces group thousands", () => {
  expect(parseNumber("1 234")).toEqual(num(1234));
  expect(parseNumber("1\u00a0234\u00a0567")).toEqual(num(1234567));
  expect(parseNumber("1 234,5")).toEqual(num(1234.5));
  expect(parseNumber("12 34")).toEqual({ kind: "text", text: "12 34" });
});

test("percentages become fractions flagged as percent", () => {
  expect(parseNumber("85%")).toEqual(num(0.85, true));
  expect(parseNumber("85 %")).toEqual(num(0.85, true));
  expect(parseNumber("85,5%")).toEqual(num(0.855, true));
  expect(parseNumber("100%")).toEqual(num(1, true));
});

test("not-applicable marks, blanks and non-numbers", () => {
  for (const na of ["-", "–", "x", "X", "không", "Không", "KHÔNG", "k/c", "n/a", "không".normalize("NFD")]) {
    expect(parseNumber(na)).toEqual({ kind: "na" });
  }
  expect(parseNumber(null)).toEqual({ kind: "blank" });
  expect(parseNumber("")).toEqual({ kind: "blank" });
  expect(parseNumber(" \u00a0 ")).toEqual({ kind: "blank" });
  expect(parseNumber("12 người")).toEqual({ kind: "text", text: "12 người" });
  expect(parseNumber("#DIV/0!")).toEqual({ kind: "text", text: "#DIV/0!" });
  expect(parseNumber("1.2.3")).toEqual({ kind: "text", text: "1.2.3" });
  expect(parseNumber(true)).toEqual({ kind: "text", text: "TRUE" });
  expect(parseNumber(new Date(Date.UTC(2026, 2, 15)))).toEqual({ kind: "text", text: "15/03/2026" });
  expect(parseNumber(Number.NaN).kind).toBe("text");
});

test("cellText shows dates as typed and survives invalid dates", () => {
  expect(cellText(new Date(Date.UTC(2026, 0, 5)))).toBe("05/01/2026");
  expect(cellText(new Date(Number.NaN))).toBe("");
  expect(cellText(12)).toBe("12");
});

function withDotThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

test("integers written with dot thousands read back exactly", () => {
  fc.assert(
    fc.property(fc.nat(Number.MAX_SAFE_INTEGER), (n) => {
      expect(parseNumber(withDotThousands(n))).toEqual(num(n));
    }),
  );
});

test("decimals written with a decimal comma read back exactly", () => {
  fc.assert(
    fc.property(fc.nat(10_000_000), fc.integer({ min: 1, max: 99 }), (whole, cents) => {
      const text = `${withDotThousands(whole)},${String(cents).padStart(2, "0")}`;
      expect(parseNumber(text)).toEqual(num(Number(`${whole}.${String(cents).padStart(2, "0")}`)));
    }),
  );
});

test("never throws on any cell", () => {
  const cell = fc.oneof(
    fc.string(),
    fc.stringMatching(/^[+\-\s]?[0-9., %\u00a0]{0,12}$/),
    fc.double(),
    fc.boolean(),
    fc.date({ noInvalidDate: false }),
    fc.constant(null),
  );
  fc.assert(
    fc.property(cell, (v) => {
      const p = parseNumber(v);
      if (p.kind === "number") expect(Number.isFinite(p.value)).toBe(true);
    }),
  );
});

test("a figure too long to be a number is text", () => {
  expect(parseNumber("9".repeat(400)).kind).toBe("text");
});
