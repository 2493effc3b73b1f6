// A small argument parser: positional words, "--name value" options and boolean flags.
import { InputError } from "../core/input-error";

export class UsageError extends InputError {}

export interface ParsedArgs {
  positional: string[];
  options: Record<string, string>;
  flags: Set<string>;
}

export function parseArgs(argv: string[], booleanFlags: string[], valueOptions: string[]): ParsedArgs {
  const positional: string[] = [];
  const options: Record<string, string> = Object.create(null);
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "-h") {
      flags.add("help");
      continue;
    }
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (booleanFlags.includes(name)) flags.add(name);
    else if (valueOptions.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`Tùy chọn --${name} cần một giá trị.`);
      options[name] = value;
    } else throw new UsageError(`Tùy chọn không hợp lệ: --${name}. Xem --help.`);
  }
  return { positional, options, flags };
}
