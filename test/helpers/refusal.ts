// What every refusal of a file must be: refused, in Vietnamese, saying the expected thing, with no
// programmer's text leaking into it; and the batches of hostile files the refusals are tested on.
import type { IncomingFile } from "../../src/core/import";

/** Each hostile file's maker, returning its bytes and what its refusal must say. */
export type HostileMakers = Record<string, () => { bytes: Uint8Array; says: RegExp }>;

/** Makes and reads every hostile file, timing each (some take a while to make). */
export function readHostile(makers: HostileMakers, read: (name: string, bytes: Uint8Array) => IncomingFile): { files: IncomingFile[]; says: Map<string, RegExp>; timings: string[] } {
  const files: IncomingFile[] = [];
  const says = new Map<string, RegExp>();
  const timings: string[] = [];
  for (const [name, make] of Object.entries(makers)) {
    const started = performance.now();
    const { bytes, says: pattern } = make();
    files.push(read(name, bytes));
    says.set(name, pattern);
    timings.push(`${name}: ${Math.round(performance.now() - started)} ms`);
  }
  return { files, says, timings };
}
export const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

export function expectClearRefusal(result: { status: string; message: string } | undefined, pattern: RegExp): void {
  expect(result?.status).toBe("refused");
  expect(result!.message).toMatch(VIETNAMESE);
  expect(result!.message).toMatch(pattern);
  expect(result!.message).not.toMatch(/undefined|\[object|Error:/);
}
