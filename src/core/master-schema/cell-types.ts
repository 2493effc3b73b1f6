// The kinds of value a stored sheet holds, each as one pair: how a value is written into a cell (value
// and number format) and how a cell read back, perhaps retyped by the clerk, becomes that value again.
import { isValidDay, parseDateCell, parseDayArg, parseInstantText, wallClockDateToDay } from "../dates";
import { foldText } from "../fold";
import { parseNumber } from "../numbers";
import { cellToInstant, dayToCell, DAY, INSTANT, instantToCell, TEXT } from "../sheet-spec";
import type { CellValue, OutValue } from "../types";

export type CellRead<V> = { ok: true; value: V } | { ok: false };

export interface CellType<V> {
  /** The value of a blank cell. */
  readonly blank: V;
  /** What a cell of this type holds, for the message about one that does not: "số". */
  readonly expects: string;
  /** The number format of its cells, or of one cell when it depends on the value (a day or a time). */
  readonly format: string | ((value: V) => string);
  write(value: V): OutValue;
  /** A cell that is not blank, read back. */
  read(cell: Exclude<CellValue, null>): CellRead<V>;
}

const ok = <V>(value: V): CellRead<V> => ({ ok: true, value });
const unreadable: CellRead<never> = { ok: false };

/** Blank as a clerk sees it: nothing, or only spaces. */
export function isBlankCell(cell: CellValue): cell is null | "" {
  return cell === null || (typeof cell === "string" && cell.trim() === "");
}

/** A stored cell as text: NFC and trimmed, so a decomposed or padded retyping reads the same; a date as its day. */
export function storedText(cell: CellValue): string {
  if (cell === null) return "";
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : wallClockDateToDay(cell);
  return String(cell).normalize("NFC").trim();
}

/** Text as written; "" is an empty cell. Codes stay text, so "0123" keeps its zero. */
export const text: CellType<string> = {
  blank: "",
  expects: "chữ",
  format: TEXT,
  write: (v) => (v === "" ? null : v),
  read: (cell) => ok(storedText(cell)),
};

function numberType(format: string): CellType<number> {
  return {
    blank: 0,
    expects: "số",
    format,
    write: (v) => v,
    read: (cell) => {
      const p = parseNumber(cell);
      return p.kind === "number" ? ok(p.value) : unreadable;
    },
  };
}

/** A whole number: a year, a day of the month, a count of errors. Blank is 0. */
export const integer = numberType("0");

/** A number shown with `format`; blank is 0. */
export const amount = numberType;

/** A figure that may be missing: a fact's value, numerator or denominator. Blank is null. */
export function figure(format: string): CellType<number | null> {
  const { expects, read } = numberType(format);
  return { blank: null, expects, format, write: (v) => v, read };
}

/** A calendar day "YYYY-MM-DD", written as an Excel date. */
export const day: CellType<string> = {
  blank: "",
  expects: "một ngày (ngày/tháng/năm)",
  format: DAY,
  write: (v) => dayToCell(v) ?? (v || null),
  read: (cell) => {
    const d = parseDateCell(cell);
    return d === null ? unreadable : ok(d);
  },
};

/** An ISO instant, written as the Vietnam wall-clock time Excel shows. */
export const instant: CellType<string> = {
  blank: "",
  expects: "một thời điểm (ngày/tháng/năm giờ:phút)",
  format: INSTANT,
  write: (v) => instantToCell(v) ?? (v || null),
  read: (cell) => {
    if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? unreadable : ok(cellToInstant(cell));
    const at = typeof cell === "string" ? parseInstantText(cell) : null;
    return at === null ? unreadable : ok(at.toISOString());
  },
};

const DAY_MS = 86_400_000;

/**
 * The clerk's own received date: a day as typed ("YYYY-MM-DD"), or an instant when a time is given.
 * A time of exactly 00:00 reads back as the bare day, which the received rule treats as that same instant.
 */
export const dayOrInstant: CellType<string> = {
  blank: "",
  expects: "một ngày (ngày/tháng/năm, có thể kèm giờ:phút)",
  format: (v) => (isValidDay(v) || v === "" ? DAY : INSTANT),
  write: (v) => dayToCell(v) ?? instantToCell(v) ?? (v || null),
  read: (cell) => {
    if (cell instanceof Date) {
      if (Number.isNaN(cell.getTime())) return unreadable;
      return ok(cell.getTime() % DAY_MS === 0 ? wallClockDateToDay(cell) : cellToInstant(cell));
    }
    if (typeof cell === "string") {
      const typedDay = parseDayArg(cell);
      if (typedDay !== null) return ok(typedDay);
      const at = parseInstantText(cell);
      if (at !== null) return ok(at.toISOString());
    }
    const d = parseDateCell(cell);
    return d === null ? unreadable : ok(d);
  },
};

/**
 * One of a few values, written as its Vietnamese label. Reading accepts the label in any case or
 * spelling (NFD, no diacritics), the English key, and whatever `parse` recognises besides.
 */
export function choice<T extends string>(labels: Record<T, string>, blank: NoInfer<T>, parse?: (text: string) => T | null): CellType<T> {
  const byFolded = new Map<string, T>();
  for (const [key, label] of Object.entries(labels) as [T, string][]) {
    byFolded.set(foldText(label), key);
    byFolded.set(key, key);
  }
  return {
    blank,
    expects: `một trong các giá trị ${Object.values<string>(labels)
      .map((l) => `"${l}"`)
      .join(", ")}`,
    format: TEXT,
    write: (v) => labels[v],
    read: (cell) => {
      const t = storedText(cell);
      const value = parse?.(t) ?? byFolded.get(foldText(t)) ?? null;
      return value === null ? unreadable : ok(value);
    },
  };
}

/** Yes or no, written as `yes` / `no`; read as yes when `isYes` says so of the folded text, else no. */
export function flag(yes: string, no: string, isYes: (folded: string) => boolean): CellType<boolean> {
  return {
    blank: false,
    expects: `"${yes}" hoặc "${no}"`,
    format: TEXT,
    write: (v) => (v ? yes : no),
    read: (cell) => ok(isYes(foldText(storedText(cell)))),
  };
}

/** Indicator codes in one cell, "CT01, CT02": read split at commas, semicolons or spaces, in capitals. */
export const codeList: CellType<string[]> = {
  blank: [],
  expects: "các mã cách nhau bởi dấu phẩy",
  format: TEXT,
  write: (v) => (v.length === 0 ? null : v.join(", ")),
  read: (cell) =>
    ok(
      storedText(cell)
        .split(/[,;\s]+/)
        .map((s) => s.toUpperCase())
        .filter(Boolean),
    ),
};
