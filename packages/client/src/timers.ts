// Timers differ by runtime: Node returns a Timeout object with unref(); browsers, workers and
// Deno return a number. The client must not keep a Node process alive, and must not throw elsewhere.

/** Lets the process exit while `timer` is pending, where the runtime supports it; a no-op elsewhere. */
export function unrefTimer(timer: ReturnType<typeof setTimeout>): void {
  const t = timer as unknown as { unref?: () => unknown };
  if (typeof t === "object" && t !== null && typeof t.unref === "function") t.unref();
}
