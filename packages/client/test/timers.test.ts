// The client runs where timers are numbers (browsers, workers, Deno): unref only where it exists.
import { describe, expect, it } from "vitest";
import { unrefTimer } from "../src/timers.js";

describe("unrefTimer", () => {
  it("unrefs a Node timer", () => {
    const timer = setTimeout(() => undefined, 10_000);
    unrefTimer(timer);
    expect(timer.hasRef()).toBe(false);
    clearTimeout(timer);
  });

  it("does nothing (and does not throw) for a number timer", () => {
    expect(() => unrefTimer(42 as unknown as ReturnType<typeof setTimeout>)).not.toThrow();
  });
});
