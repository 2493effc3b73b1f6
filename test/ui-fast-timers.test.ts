// The MessageChannel timers the web page installs before exceljs loads.
import { FAST_TIMERS, installFastTimers } from "../src/web/immediate";

function fakeGlobal() {
  const native: { fn: () => void; delay: number }[] = [];
  const target = {
    setTimeout: (fn: () => void, delay: number) => native.push({ fn, delay }),
    clearTimeout: jest.fn(),
  } as unknown as typeof globalThis;
  return { target, native };
}

describe("installFastTimers", () => {
  it("runs setTimeout(0) and setImmediate callbacks in order on the next task, leaving real delays to the browser", async () => {
    const { target, native } = fakeGlobal();
    installFastTimers(target);
    const order: string[] = [];
    target.setTimeout(() => order.push("a"), 0);
    (target.setImmediate as unknown as (fn: (x: string) => void, x: string) => void)((x) => order.push(x), "b");
    target.setTimeout(() => order.push("c"));
    target.setTimeout(() => order.push("late"), 50);
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual(["a", "b", "c"]);
    expect(native.map((n) => n.delay)).toEqual([50]);
  });

  it("cancels a pending zero timeout, and installs only once", async () => {
    const { target } = fakeGlobal();
    installFastTimers(target);
    const first = target.setTimeout;
    installFastTimers(target);
    expect(target.setTimeout).toBe(first);
    expect((target as unknown as Record<symbol, unknown>)[FAST_TIMERS]).toBe(true);
    const ran = jest.fn();
    target.clearTimeout(target.setTimeout(ran, 0));
    await new Promise((r) => setTimeout(r, 20));
    expect(ran).not.toHaveBeenCalled();
  });
});
