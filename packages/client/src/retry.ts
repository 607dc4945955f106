/** How the client retries 429 and 503 answers and network failures. */
export interface RetryOptions {
  /** Most attempts in total, the first included. Default 3. */
  attempts?: number;
  /** First backoff step in ms; doubles per retry, with full jitter. Default 250. */
  baseDelayMs?: number;
  /** Longest single wait in ms; a `Retry-After` beyond it ends the retries. Default 10000. */
  maxDelayMs?: number;
  /** Longest total time in ms across all attempts and waits. Default 30000. */
  maxElapsedMs?: number;
  /** Methods that may be retried. Default the idempotent ones: GET, HEAD, OPTIONS, PUT, DELETE. Sends (POST) are never retried unless listed here. */
  methods?: readonly string[];
  /** Statuses that are retried. Default [429, 503]. */
  statuses?: readonly number[];
  /** Retry network errors and timeouts (never caller aborts). Default true. */
  onNetworkError?: boolean;
  /** Random source in [0, 1), for tests. Default `Math.random`. */
  random?: () => number;
  /** Waits `ms`, for tests. Default a timer that the caller's signal can cancel. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export type ResolvedRetry = Required<Omit<RetryOptions, "methods" | "statuses">> & {
  methods: ReadonlySet<string>;
  statuses: ReadonlySet<number>;
};

export const RETRY_DEFAULTS = {
  attempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 10_000,
  maxElapsedMs: 30_000,
  methods: ["GET", "HEAD", "OPTIONS", "PUT", "DELETE"],
  statuses: [429, 503],
  onNetworkError: true,
} as const;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export function resolveRetry(options: RetryOptions | false | undefined): ResolvedRetry {
  const o = options === false ? { attempts: 1 } : (options ?? {});
  for (const [name, value] of Object.entries(o)) {
    if (["attempts", "baseDelayMs", "maxDelayMs", "maxElapsedMs"].includes(name) && !(typeof value === "number" && value >= 0 && Number.isFinite(value))) {
      throw new TypeError(`createMinimoClient: retry.${name} must be a non-negative number`);
    }
  }
  return {
    attempts: Math.max(1, Math.floor(o.attempts ?? RETRY_DEFAULTS.attempts)),
    baseDelayMs: o.baseDelayMs ?? RETRY_DEFAULTS.baseDelayMs,
    maxDelayMs: o.maxDelayMs ?? RETRY_DEFAULTS.maxDelayMs,
    maxElapsedMs: o.maxElapsedMs ?? RETRY_DEFAULTS.maxElapsedMs,
    methods: new Set((o.methods ?? RETRY_DEFAULTS.methods).map((m) => m.toUpperCase())),
    statuses: new Set(o.statuses ?? RETRY_DEFAULTS.statuses),
    onNetworkError: o.onNetworkError ?? RETRY_DEFAULTS.onNetworkError,
    random: o.random ?? Math.random,
    sleep: o.sleep ?? sleep,
  };
}

/**
 * The wait before retry number `retry` (1-based): full jitter over an exponential step, but never
 * less than the server's `Retry-After`. `undefined` means do not retry (the wait would exceed
 * `maxDelayMs` or the time left).
 */
export function backoffDelay(policy: ResolvedRetry, retry: number, retryAfterSeconds: number | undefined, elapsedMs: number): number | undefined {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  const jittered = Math.floor(policy.random() * step);
  const floor = retryAfterSeconds === undefined ? 0 : Math.ceil(retryAfterSeconds * 1000);
  const delay = Math.max(jittered, floor);
  if (delay > policy.maxDelayMs || elapsedMs + delay > policy.maxElapsedMs) return undefined;
  return delay;
}
