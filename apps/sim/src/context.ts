// What every part of the sandbox shares: the clock, the key store, the rate limiter, the faults
// and the data. One object per sandbox, so two sandboxes in one process never share state.
import type { ErrorForm } from "./errors.js";
import type { Faults } from "./faults.js";
import type { KeyStore, StoredKey } from "./keys.js";
import type { Operation, SpecDocument } from "./operations.js";
import type { RateLimiter } from "./rate-limit.js";
import type { SimState } from "./state.js";

export interface SimContext {
  now: () => number;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  keys: KeyStore;
  limiter: RateLimiter;
  faults: Faults;
  state: SimState;
  spec: SpecDocument;
  operations: readonly Operation[];
}

/** Per-request facts, kept in `res.locals.sim`. */
export interface RequestFacts {
  key?: StoredKey;
  operation?: Operation;
  /** The error form the operation documents per status (see `sendError`). */
  errorForms?: Record<string, ErrorForm>;
  /** Bytes of the JSON body as read, when the JSON parser ran. */
  bodyBytes?: number;
}
