// Fixed-window rate limiting per key. A window opens with the first counted request and lasts
// `windowSeconds`; `X-RateLimit-Reset` is the epoch second at which it closes.
import type { RateLimitPolicy } from "./keys.js";

/** What the rate-limit headers report for one request. */
export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Epoch ms at which the current window closes. */
  resetAt: number;
}

interface Window {
  start: number;
  count: number;
  policy: RateLimitPolicy;
}

/**
 * Policy for requests that carry no identifiable key (missing, malformed or unknown): one window
 * per client address. They are counted so the headers move, but they get 401, never 429.
 */
export const ANONYMOUS_POLICY: RateLimitPolicy = Object.freeze({ limit: 60, windowSeconds: 60 });

export class RateLimiter {
  #windows = new Map<string, Window>();

  #current(id: string, policy: RateLimitPolicy, now: number): Window | undefined {
    const w = this.#windows.get(id);
    // A policy change starts a fresh window, so the headers never mix two limits.
    if (!w || now >= w.start + w.policy.windowSeconds * 1000 || w.policy.limit !== policy.limit || w.policy.windowSeconds !== policy.windowSeconds) return undefined;
    return w;
  }

  /** The state without counting a request. */
  peek(id: string, policy: RateLimitPolicy, now: number): RateLimitState {
    const w = this.#current(id, policy, now);
    if (!w) return { limit: policy.limit, remaining: policy.limit, resetAt: now + policy.windowSeconds * 1000 };
    return stateOf(w);
  }

  /** Counts one request; `allowed` is false once the window's limit is used up. */
  consume(id: string, policy: RateLimitPolicy, now: number): RateLimitState & { allowed: boolean } {
    let w = this.#current(id, policy, now);
    if (!w) {
      w = { start: now, count: 0, policy: { ...policy } };
      this.#windows.set(id, w);
    }
    const allowed = w.count < policy.limit;
    if (allowed) w.count += 1;
    return { ...stateOf(w), allowed };
  }

  /** Forgets one key's window (or all of them). */
  clear(id?: string): void {
    if (id === undefined) this.#windows.clear();
    else this.#windows.delete(id);
  }
}

function stateOf(w: Window): RateLimitState {
  return {
    limit: w.policy.limit,
    remaining: Math.max(0, w.policy.limit - w.count),
    resetAt: w.start + w.policy.windowSeconds * 1000,
  };
}

/** Whole seconds until the window closes, at least 1 (the value of Retry-After and `retry_after`). */
export function retryAfterSeconds(state: RateLimitState, now: number): number {
  return Math.max(1, Math.ceil((state.resetAt - now) / 1000));
}
