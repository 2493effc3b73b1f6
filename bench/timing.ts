// Timing shared by the Node and the browser measurements: a warm-up pass, then the median of a few
// timed passes over the same files. Uses only performance.now(), which both provide.

export interface Throughput {
  files: number;
  /** Median pass, milliseconds. */
  ms: number;
  filesPerSecond: number;
  /** Every timed pass, milliseconds: the spread within one run. */
  passesMs: number[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function throughput(files: number, passesMs: number[]): Throughput {
  const ms = median(passesMs);
  return { files, ms: round(ms), filesPerSecond: round((files * 1000) / ms), passesMs: passesMs.map((t) => round(t)) };
}

export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Runs `warmUp` (by default one `pass`), then `pass` `passes` times, timed. */
export async function timePasses(files: number, passes: number, pass: () => unknown, warmUp: () => unknown = pass): Promise<Throughput> {
  await warmUp();
  const times: number[] = [];
  for (let i = 0; i < passes; i++) {
    const start = performance.now();
    await pass();
    times.push(performance.now() - start);
  }
  return throughput(files, times);
}
