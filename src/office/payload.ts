// Excel on the web refuses a request or a response over 5 MB (RequestPayloadSizeLimitExceeded,
// ResponsePayloadSizeLimitExceeded). Reads are cut into syncs of about 3 MB of response, writes into
// requests of about 4 MB, estimated as Microsoft's client serialises them (see REQUEST_COSTS).

/** A megabyte under the limit for the parts of a response that are not cell data. */
export const READ_BUDGET_BYTES = 3 * 1024 * 1024;
/** 4 MB: what a request is planned to stay under; the estimate is an upper bound on the real bytes. */
export const DEFAULT_MAX_REQUEST_BYTES = 4 * 1024 * 1024;

/**
 * Bytes each queued operation adds to a request, beyond its own data, as excel-web-16.00.debug.js
 * serialises it: the object paths it creates (GetRangeByIndexes, Format, Fill, ...) and the actions on
 * them (Instantiate, the _KeepReference Excel.run adds for a tracked object, the SetProperty or Method,
 * the "L" lists of path ids). Measured through the client against excel-wire-fake with six-digit ids,
 * then raised for seven-digit ones (a context would need ten million objects to reach eight). The
 * tests check that the estimate of every request stays above the bytes the client really sends.
 */
export const REQUEST_COSTS = {
  /** The request's envelope and the workbook and worksheets paths every request instantiates again. */
  request: 400,
  /** A worksheet addressed in the request (its path by id, and its instantiation). */
  sheet: 260,
  /** A range (untracked: no _KeepReference) and a property write on it: its path, Instantiates, the SetProperty. */
  rangeWrite: 480,
  /** One more navigation (format, fill, font) and its property write. */
  nav: 180,
  /** One more property write on the same object. */
  property: 130,
  /** A values write of more than 1,500 cells: the client's _ValidateArraySize before its chunks. */
  validate: 140,
  /** Each chunk of such a write: two GetRow paths, a GetBoundingRect, their Instantiates, the SetProperty. */
  chunk: 1000,
  /** A method or property on a sheet: rename, show, move, delete, activate, freeze, suspend. */
  sheetAction: 150,
  /** worksheets.add and hiding the new sheet. */
  addSheet: 420,
  /** Page layout: paper size, orientation, zoom. */
  print: 560,
  /** The paths to the header and footer of every page (pageLayout, headersFooters, defaultForAllPages); each part is a `property` and its text more. */
  bands: 520,
  /** A method of the page layout (setPrintArea, setPrintTitleRows, setPrintTitleColumns) and its path, without its address. */
  pageMethod: 300,
  /** The achievement chart: add, name, title, legend, labels, axis, categories, position, size. */
  chart: 3800,
} as const;

/** Office.js cuts a write of more than this many cells into row chunks (setRangePropertiesInBulk). */
export const CLIENT_CHUNK_CELLS = 1500;

/** Rows per chunk of a values write `columns` wide, as the client computes it. */
export function chunkRows(columns: number): number {
  return Math.max(1, Math.round(CLIENT_CHUNK_CELLS / columns));
}

/** The UTF-8 length of JSON.stringify(v), without building the string. */
export function jsonBytes(v: unknown): number {
  if (v === null || v === undefined) return 4;
  if (typeof v === "number") return Number.isFinite(v) ? String(v).length : 4;
  if (typeof v === "boolean") return v ? 4 : 5;
  if (typeof v === "string") return stringBytes(v);
  if (Array.isArray(v)) {
    let n = 2 + Math.max(0, v.length - 1);
    for (const x of v) n += jsonBytes(x);
    return n;
  }
  return new TextEncoder().encode(JSON.stringify(v)).length;
}

function stringBytes(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22 || c === 0x5c) n += 2;
    else if (c < 0x20) n += c === 8 || c === 9 || c === 10 || c === 12 || c === 13 ? 2 : 6;
    else if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) {
      n += 4;
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) n += 6; // a lone surrogate is escaped
    else n += 3;
  }
  return n;
}
