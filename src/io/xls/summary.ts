// The "\u0005SummaryInformation" property set of an Office 97-2003 file ([MS-OLEPS]): its last-saved
// time, which survives e-mail and Zalo as docProps/core.xml's does for .xlsx.
import { u16, u32 } from "./records";

const PID_LAST_SAVE_TIME = 13;
const VT_FILETIME = 64;
/** Milliseconds from 1601-01-01 (FILETIME's epoch) to 1970-01-01. */
const FILETIME_EPOCH_MS = 11_644_473_600_000;

/** The last-saved instant, or null when the stream is absent, damaged or has none. */
export function lastSaveTime(stream: Uint8Array | null): Date | null {
  if (!stream || stream.length < 48 || u16(stream, 0) !== 0xfffe) return null;
  const set = u32(stream, 44);
  if (set + 8 > stream.length) return null;
  const count = u32(stream, set + 4);
  for (let i = 0, p = set + 8; i < count && p + 8 <= stream.length; i++, p += 8) {
    if (u32(stream, p) !== PID_LAST_SAVE_TIME) continue;
    const at = set + u32(stream, p + 4);
    if (at + 12 > stream.length || u32(stream, at) !== VT_FILETIME) return null;
    const ticks = u32(stream, at + 4) + u32(stream, at + 8) * 0x1_0000_0000;
    const date = new Date(Math.round(ticks / 10_000) - FILETIME_EPOCH_MS);
    // An unset time is stored as zero (1601) or a duration: not an instant worth showing.
    return date.getUTCFullYear() >= 1980 && date.getUTCFullYear() <= 9999 ? date : null;
  }
  return null;
}
