// What the commands of this folder share beyond main.ts's helpers.
import { vnDay } from "../../core/dates";
import { currentPeriodKey } from "../../core/periods";
import type { ParsedArgs } from "../args";
import { now } from "../main";

/** --period, or the month containing today (Vietnam time), as `consolidate` does. */
export function periodArg(args: ParsedArgs): string {
  return args.options.period ?? currentPeriodKey(vnDay(now()));
}
