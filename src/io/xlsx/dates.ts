// Excel keeps dates as day serials styled with a date number format. These helpers decide which formats
// are dates and turn serials into Dates whose UTC fields are the wall clock Excel shows.

/** Built-in number format ids Excel displays as dates or times. */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

const DAY_MS = 86_400_000;
/** Serial of 1970-01-01 in the 1900 system (counting Excel's phantom 1900-02-29). */
const UNIX_EPOCH_SERIAL = 25_569;
const DATE1904_OFFSET = 1_462;
/** 9999-12-31, the last day Excel displays. */
const MAX_SERIAL = 2_958_466;

/**
 * True when a format code shows a date or time: it has a d, m, y, h or s token outside quoted text,
 * "[...]" sections (colours, conditions, "[$-42A]" locales) and escaped or padding characters.
 */
export function isDateFormatCode(code: string): boolean {
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      if (end < 0) return false;
      i = end;
    } else if (ch === "[") {
      const end = code.indexOf("]", i + 1);
      if (end < 0) return false;
      i = end;
    } else if (ch === "\\" || ch === "_" || ch === "*") {
      i++;
    } else if ("dmyhsDMYHS".includes(ch)) {
      return true;
    }
  }
  return false;
}

export function isDateFormat(numFmtId: number, customCode: string | undefined): boolean {
  return customCode !== undefined ? isDateFormatCode(customCode) : BUILTIN_DATE_FORMATS.has(numFmtId);
}

/**
 * The wall-clock Date (UTC fields) of an Excel serial, or null outside Excel's date range. In the 1900
 * system serials 1-60 sit before Excel's phantom 29 February 1900, so they are shifted by a day to show
 * the same day Excel shows; time-only values (below 1) land on 1899-12-30 as everywhere else.
 */
export function serialToDate(serial: number, date1904: boolean): Date | null {
  if (!(serial >= 0) || serial >= MAX_SERIAL) return null;
  const days = serial - UNIX_EPOCH_SERIAL + (date1904 ? DATE1904_OFFSET : 0);
  return fixPhantomLeapDay(new Date(Math.round(days * DAY_MS)), date1904);
}

const FIRST_DAY_1900 = Date.UTC(1899, 11, 31);
const FIRST_REAL_DAY_1900 = Date.UTC(1900, 0, 1);
const PHANTOM_LEAP_DAY = Date.UTC(1900, 2, 1);

/**
 * The inverse of serialToDate, for writers: the serial of a wall-clock Date (UTC fields), or null when
 * Excel cannot show it (before 1900-01-01, or 1904-01-01 in the 1904 system; from year 10000).
 */
export function dateToSerial(date: Date, date1904: boolean): number | null {
  const t = date.getTime();
  if (Number.isNaN(t)) return null;
  let serial = t / DAY_MS + UNIX_EPOCH_SERIAL - (date1904 ? DATE1904_OFFSET : 0);
  // Excel counts a 29 February 1900 that never was: days before 1 March 1900 sit one serial lower.
  if (!date1904 && t >= FIRST_REAL_DAY_1900 && t < PHANTOM_LEAP_DAY) serial -= 1;
  else if (!date1904 && t < FIRST_REAL_DAY_1900 && serial >= 1) return null;
  return serial >= 0 && serial < MAX_SERIAL ? serial : null;
}

/** Dates that readers computed from the 1899-12-30 epoch, moved to the day Excel shows before 1900-03-01. */
export function fixPhantomLeapDay(date: Date, date1904: boolean): Date {
  const t = date.getTime();
  return !date1904 && t >= FIRST_DAY_1900 && t < PHANTOM_LEAP_DAY ? new Date(t + DAY_MS) : date;
}

/** "2026-03-15", "2026-03-15T08:30:00", with optional fraction and zone: the wall clock as written. */
export function parseIsoWallClock(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?/.exec(text.trim());
  if (!m) return null;
  const ms = m[7] ? Math.round(parseFloat(m[7]) * 1000) : 0;
  const t = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), ms);
  return Number.isNaN(t) ? null : new Date(t);
}
