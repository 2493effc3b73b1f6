// Reading a figure from a report cell. Units type numbers the Vietnamese way ("1.234" is one thousand two
// hundred and thirty-four, "12,5" is twelve and a half), sometimes the English way, sometimes as text.
//
// Choices, so that every reader of a report sees the same figure:
// - a single dot followed by exactly three digits is a thousands separator ("1.234" = 1234, "12.500" = 12500);
//   any other single dot is a decimal point ("12.5" = 12.5, "0.123" = 0.123);
// - a single comma is always a decimal comma, as in Vietnamese ("1,234" = 1.234, "12,5" = 12.5);
// - several dots or several commas are thousands separators ("1.234.567", "1,234,567");
// - with both, the last one is the decimal separator ("1.234,5" and "1,234.5" are both 1234.5);
// - spaces (also non-breaking ones) are thousands separators only between groups of three ("1 234");
// - "85%" is the fraction 0.85 with percent: true;
// - a number followed by a word ("12 người") is text: validation reports it as not a number rather than
//   guessing which word is a unit.
import type { CellValue, ParsedValue } from "./types";
import { foldText } from "./fold";

/** What units write for "not applicable", after foldText. */
const NOT_APPLICABLE = new Set(["-", "--", "–", "—", "x", "khong", "k/c", "n/a"]);
/** Longer than any of them even when decomposed (NFD): no need to fold it. */
const MAX_NOT_APPLICABLE_LENGTH = 12;

const SPACES = "[ \\u00a0\\u202f]";
const NUMERIC_TEXT = /^([+\-\u2212]?)\s*([0-9][0-9., \u00a0\u202f]*)\s*(%?)$/;
const HAS_SPACE = new RegExp(SPACES);
const SPACE_GROUPED = new RegExp(`^(\\d{1,3}(?:${SPACES}\\d{3})+)(?:[.,](\\d+))?$`);
const PLAIN = /^(\d+)$/;
const DOT_THOUSANDS = /^(\d{1,3}(?:\.\d{3})+)$/;
const COMMA_THOUSANDS = /^(\d{1,3}(?:,\d{3})+)$/;
const DOT_DECIMAL = /^(\d+)\.(\d+)$/;
const COMMA_DECIMAL = /^(\d+),(\d+)$/;
const DOTS_THEN_COMMA = /^(\d{1,3}(?:\.\d{3})*),(\d+)$/;
const COMMAS_THEN_DOT = /^(\d{1,3}(?:,\d{3})*)\.(\d+)$/;
/** "1.234": one dot, a leading group without a leading zero, then exactly three digits. */
const SINGLE_DOT_THOUSANDS = /^[1-9]\d{0,2}\.\d{3}$/;

// Kept at module scope: a global looked up per cell is slow where tests and add-ins sandbox the code.
const isFiniteNumber = Number.isFinite;

/** The figure a cell holds, or why it is not one. Never throws. */
export function parseNumber(value: CellValue): ParsedValue {
  if (value === null || value === undefined) return { kind: "blank" };
  if (typeof value === "number") {
    return isFiniteNumber(value) ? { kind: "number", value, percent: false } : { kind: "text", text: `${value}` };
  }
  if (typeof value !== "string") return { kind: "text", text: cellText(value) };
  const text = value.trim();
  if (text === "") return { kind: "blank" };
  const parsed = parseNumericText(text);
  if (parsed) return parsed;
  if (text.length <= MAX_NOT_APPLICABLE_LENGTH && NOT_APPLICABLE.has(foldText(text))) return { kind: "na" };
  return { kind: "text", text };
}

/** How a non-empty cell reads as text: dates as dd/mm/yyyy (their UTC fields are what was typed). */
export function cellText(value: CellValue): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return `${value}`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value === null || value === undefined) return "";
  // A Date, possibly from another realm (so no instanceof).
  if (!isFiniteNumber(value.getTime())) return "";
  const pad = (n: number) => `${n}`.padStart(2, "0");
  return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
}

function parseNumericText(text: string): ParsedValue | null {
  const m = NUMERIC_TEXT.exec(text);
  if (!m) return null;
  const parts = splitDigits(m[2].trim());
  if (!parts) return null;
  const percent = m[3] === "%";
  // Building the decimal string and letting Number round it once keeps "85,5%" exactly 0.855.
  const magnitude = +`${parts.whole}.${parts.fraction || "0"}${percent ? "e-2" : ""}`;
  if (!isFiniteNumber(magnitude)) return null; // hundreds of digits: not a figure anyone reported
  const signed = m[1] === "" || m[1] === "+" ? magnitude : -magnitude;
  return { kind: "number", value: signed === 0 ? 0 : signed, percent };
}

/** Integer and fraction digits of an unsigned number written with any of the separators above. */
function splitDigits(body: string): { whole: string; fraction: string } | null {
  if (HAS_SPACE.test(body)) {
    const spaced = SPACE_GROUPED.exec(body);
    return spaced ? { whole: spaced[1].replace(/\D/g, ""), fraction: spaced[2] ?? "" } : null;
  }
  const dot = body.indexOf(".");
  const comma = body.indexOf(",");
  let m: RegExpExecArray | null;
  if (dot < 0 && comma < 0) {
    m = PLAIN.exec(body);
    return m ? { whole: m[1], fraction: "" } : null;
  }
  if (dot >= 0 && comma >= 0) {
    m = DOTS_THEN_COMMA.exec(body) ?? COMMAS_THEN_DOT.exec(body);
    return m ? { whole: m[1].replace(/\D/g, ""), fraction: m[2] } : null;
  }
  const separator = dot >= 0 ? "." : ",";
  if (body.indexOf(separator) !== body.lastIndexOf(separator)) {
    m = (separator === "." ? DOT_THOUSANDS : COMMA_THOUSANDS).exec(body);
    return m ? { whole: m[1].replace(/\D/g, ""), fraction: "" } : null;
  }
  if (SINGLE_DOT_THOUSANDS.test(body)) return { whole: body.replace(".", ""), fraction: "" };
  m = (separator === "." ? DOT_DECIMAL : COMMA_DECIMAL).exec(body);
  return m ? { whole: m[1], fraction: m[2] } : null;
}
