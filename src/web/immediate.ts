// exceljs's browser build defers its work through a bundled `process.nextTick` that calls setTimeout(fn, 0),
// and through setImmediate when one exists. Browsers clamp nested setTimeout(0) to about 4 ms: reading
// 1,000 small workbooks took 48 s instead of 2 s. A MessageChannel message runs on the next task without
// that clamp. exceljs captures setTimeout when it loads, so this must be installed before it loads.

/** Set on the global object once installed; a page that sets it beforehand keeps the browser's timers. */
export const FAST_TIMERS = Symbol.for("tonghop.fastTimers");

type Callback = (...args: unknown[]) => void;

export function installFastTimers(target: typeof globalThis = globalThis): void {
  const g = target as unknown as Record<string | symbol, unknown> & typeof globalThis;
  if (g[FAST_TIMERS] || typeof MessageChannel !== "function") return;
  g[FAST_TIMERS] = true;

  const queue = new Map<number, () => void>();
  // Negative ids never collide with the browser's own timer ids, which are positive.
  let next = -1;
  const channel = new MessageChannel();
  channel.port1.onmessage = (event: MessageEvent<number>) => {
    const run = queue.get(event.data);
    queue.delete(event.data);
    run?.();
  };
  // Node (the tests) would otherwise stay alive for the listening port; browsers have no unref.
  (channel.port1 as unknown as { unref?: () => void }).unref?.();
  const defer = (fn: Callback, args: unknown[]): number => {
    const id = next--;
    queue.set(id, () => fn(...args));
    channel.port2.postMessage(id);
    return id;
  };

  const nativeSetTimeout = g.setTimeout.bind(g);
  const nativeClearTimeout = g.clearTimeout.bind(g);
  g.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) =>
    typeof handler === "function" && !(Number(delay) > 0) ? defer(handler as Callback, args) : nativeSetTimeout(handler, delay, ...args)) as typeof setTimeout;
  g.clearTimeout = ((id?: number) => {
    if (typeof id === "number" && queue.delete(id)) return;
    nativeClearTimeout(id);
  }) as typeof clearTimeout;

  if (typeof g.setImmediate !== "function") {
    g.setImmediate = ((fn: Callback, ...args: unknown[]) => defer(fn, args)) as unknown as typeof setImmediate;
    g.clearImmediate = ((id: number) => void queue.delete(id)) as unknown as typeof clearImmediate;
  }
}
