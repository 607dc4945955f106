// The client's per-attempt time limits share one timer per client, not one per attempt.
import { afterEach, describe, expect, it, vi } from "vitest";
import { DeadlineQueue } from "../src/deadlines.js";

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => vi.restoreAllMocks());

describe("DeadlineQueue", () => {
  it("aborts each unsettled attempt with its own TimeoutError deadline, and never a settled one", async () => {
    const queue = new DeadlineQueue(30);
    const [a, b] = [new AbortController(), new AbortController()];
    const da = queue.add(a);
    const db = queue.add(b);
    DeadlineQueue.settle(db);
    expect(a.signal.aborted).toBe(false);
    await wait(100);
    expect(a.signal.aborted).toBe(true);
    expect(a.signal.reason).toMatchObject({ name: "TimeoutError" });
    expect(da.timedOut).toBe(true);
    expect(b.signal.aborted).toBe(false);
    expect(db.timedOut).toBe(false);
  });

  it("gives a later attempt its full time, not the earlier attempt's deadline", async () => {
    // Wide margins: this machine is shared, and timers fire late under load.
    const queue = new DeadlineQueue(400);
    const first = new AbortController();
    queue.add(first);
    await wait(300);
    const second = new AbortController();
    queue.add(second);
    await wait(200);
    expect(first.signal.aborted).toBe(true);
    expect(second.signal.aborted).toBe(false);
    await wait(400);
    expect(second.signal.aborted).toBe(true);
  });

  it("drives a burst of attempts with one timer instead of one per attempt", async () => {
    const spy = vi.spyOn(globalThis, "setTimeout");
    const queue = new DeadlineQueue(20);
    const controllers = Array.from({ length: 200 }, () => new AbortController());
    for (const c of controllers) queue.add(c);
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
    await wait(80);
    expect(controllers.every((c) => c.signal.aborted)).toBe(true);
  });

  it("works where timers are numbers (browsers, workers, Deno): no unref needed", async () => {
    const real = globalThis.setTimeout;
    vi.spyOn(globalThis, "setTimeout").mockImplementation(((fn: () => void, ms?: number) => {
      real(fn, ms);
      return 7;
    }) as unknown as typeof setTimeout);
    const queue = new DeadlineQueue(10);
    const c = new AbortController();
    expect(() => queue.add(c)).not.toThrow();
    await wait(60);
    expect(c.signal.aborted).toBe(true);
  });
});
