// A wall clock a test can move forward: it follows real time (so upstream headers stamped with
// the real clock still make sense) plus whatever the test skipped, instead of sleeping.

export interface TestClock {
  /** Milliseconds since the epoch, as `Date.now()` would be after the skips. */
  now(): number;
  /** Moves the clock forward by `ms` at once. */
  advance(ms: number): void;
}

export function testClock(): TestClock {
  let skipped = 0;
  return {
    now: () => Date.now() + skipped,
    advance: (ms) => {
      skipped += ms;
    },
  };
}
