// Files the command line makes beside the master (an upward report, templates): never written over the
// master itself, and over an existing file only with --force.
import { promises as fs } from "node:fs";
import { InputError } from "../core/input-error";

/** Throws an InputError when `out` is the master (`master`: its real path) or, without `force`, any existing file. */
export async function checkOutput(out: string, master: string, force: boolean): Promise<void> {
  const [there, own] = await Promise.all([fs.stat(out).catch(() => null), fs.stat(master).catch(() => null)]);
  if (!there) return;
  if (own && there.dev === own.dev && there.ino === own.ino) {
    throw new InputError(`"${out}" là chính sổ tổng hợp: không ghi đè lên sổ. Hãy chọn tệp khác với --out.`);
  }
  if (!force) throw new InputError(`Tệp "${out}" đã có. Dùng --force để ghi đè, hoặc chọn tên khác với --out.`);
}
