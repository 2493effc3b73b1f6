// What every command of `tonghop` shares: its output, its clock, the master workbook it names, and the
// arguments they all take.
import { MasterService } from "../app/master-service";
import { parseDayArg, vnDay, vnEndOfDay } from "../core/dates";
import { currentPeriodKey } from "../core/periods";
import { openMasterFile } from "../io/master-file";
import { ParsedArgs, UsageError } from "./args";

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  isTTY: boolean;
}

export const defaultIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stderr.isTTY),
};

/** The clock: TONGHOP_NOW (an ISO instant) lets tests and demos fix "now". */
export function now(): Date {
  const fixed = process.env.TONGHOP_NOW;
  if (fixed) {
    const t = Date.parse(fixed);
    if (!Number.isNaN(t)) return new Date(t);
  }
  return new Date();
}

/** The master workbook named first on the command line; `help` gives the usage line shown when it is missing. */
export function masterPath(args: ParsedArgs, help: string): string {
  const file = args.positional[0];
  if (!file) throw new UsageError(`Thiếu đường dẫn sổ tổng hợp. Cách dùng: ${help.split("\n")[0]}`);
  return file;
}

export interface OpenMaster {
  /** As named on the command line. */
  file: string;
  /** The file replaced when the book is written (symlinks followed). */
  target: string;
  master: MasterService;
}

/**
 * Runs a command over the master workbook file named first on the command line, and releases it however
 * the command ends. A writing command holds the master's lock throughout and refuses, unless --force,
 * a workbook Excel or LibreOffice has open; `sheets` reads only those sheets (a status report).
 */
export async function withMaster<T>(args: ParsedArgs, help: string, how: { write: boolean; sheets?: readonly string[] }, run: (open: OpenMaster) => Promise<T>): Promise<T> {
  const file = masterPath(args, help);
  const opened = await openMasterFile(file, { write: how.write, force: args.flags.has("force") });
  try {
    const master = await MasterService.open(opened.store, file, { sheets: how.sheets });
    return await run({ file, target: opened.target, master });
  } finally {
    await opened.close();
  }
}

export function asOfArg(args: ParsedArgs): Date {
  const text = args.options["as-of"];
  if (text === undefined) return now();
  const day = parseDayArg(text);
  if (!day) throw new UsageError(`Ngày --as-of "${text}" không hợp lệ (dạng YYYY-MM-DD, ví dụ 2026-03-25).`);
  return vnEndOfDay(day);
}

/** --period, or the month containing today (Vietnam time). */
export function periodArg(args: ParsedArgs): string {
  return args.options.period ?? currentPeriodKey(vnDay(now()));
}
