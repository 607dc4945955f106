// The state store's interface: the recorder updates a key's usage in memory (never waiting), the
// findings read a snapshot, and a backend persists it off the request path. The file store is
// one backend; a shared one (several replicas) implements the same four operations.
import type { KeyUsage, PostureData } from "../types.js";

export interface PostureStore {
  /** The live usage record of `alias`, created (history starting at `now`) when missing. In memory. */
  usage(alias: string, now: number): KeyUsage;
  /** The live record, or undefined; never creates one. */
  peek(alias: string): KeyUsage | undefined;
  /** A deep copy of everything, coverage extended to `now`. */
  snapshot(now: number): PostureData;
  /** Folds another view of the state (a restart's leftovers, a replica's) into this one. */
  merge(other: PostureData): void;
  /** Drops the records of aliases no longer configured (`unknown` is kept). */
  retain(aliases: readonly string[]): void;
  /** Persists now (the timer calls this); resolves when durable. */
  flush(): Promise<void>;
  /** Stops the timer and persists one last time. */
  close(): Promise<void>;
}

export function freshUsage(now: number): KeyUsage {
  return {
    since: now,
    permissions: {},
    forbidden: {},
    baseline: {},
    newCallers: [],
    newCallersTotal: 0,
    browser: { count: 0 },
    keyInUrl: { count: 0 },
    rotationCallers: [],
  };
}
