// `tonghop …` run in this process, with what it printed: the command line's tests call the real main().
import { main } from "../../src/cli/main";

export interface Run {
  code: number;
  out: string;
  err: string;
}

export async function tonghop(...argv: string[]): Promise<Run> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), isTTY: false });
  return { code, out, err };
}
