// Byte-for-byte equality, browser-safe: the package patcher keeps a sheet whose XML did not change, and the
// command line saves only over the bytes it read.

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
