/** Rate-limit facts read from one response; a field is absent when its header is absent or garbage. */
export interface RateLimitInfo {
  /** Requests allowed in the current window. */
  limit?: number;
  /** Requests left in the current window. */
  remaining?: number;
  /** When the window resets, as Unix epoch seconds. */
  resetAt?: number;
  /** Seconds to wait before retrying (from `Retry-After`, or the body's `error.retry_after`). */
  retryAfterSeconds?: number;
}

export interface ReadRateLimitOptions {
  /** The response body, already parsed, to read `error.retry_after` from. */
  body?: unknown;
  /** Current time in epoch milliseconds, for delta-seconds values. Default `Date.now()`. */
  now?: number;
}

/** Anything with `Headers.get`: a fetch `Headers`, or a lookalike that reads a few names. */
export interface HeaderSource {
  get(name: string): string | null;
}

// Values above this are not counts anyone sends; they are garbage (or an overflow).
const MAX_COUNT = 1e12;
// A reset value above this is a timestamp, not a delta (2001-09-09 in epoch seconds).
const EPOCH_SECONDS_THRESHOLD = 1e9;
const EPOCH_MS_THRESHOLD = 1e12;
// Epoch milliseconds up to the year 5138; anything larger is garbage.
const MAX_RESET = 1e14;
const NUMBER = /^\d+(\.\d+)?$/;

function first(headers: HeaderSource, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = headers.get(name);
    if (value !== null && value !== undefined) return value;
  }
  return undefined;
}

/** The first item of an IETF structured list (`100, 100;w=60` → `100`), as a non-negative number. */
function count(raw: string | undefined, max = MAX_COUNT): number | undefined {
  if (raw === undefined) return undefined;
  const head = raw.split(/[,;]/, 1)[0]!.trim();
  if (!NUMBER.test(head)) return undefined;
  const value = Number(head);
  return Number.isFinite(value) && value <= max ? value : undefined;
}

function resetAt(raw: string | undefined, now: number): number | undefined {
  const value = count(raw, MAX_RESET);
  if (value === undefined) return undefined;
  if (value >= EPOCH_MS_THRESHOLD) return value / 1000;
  if (value >= EPOCH_SECONDS_THRESHOLD) return value;
  return now / 1000 + value;
}

function retryAfter(raw: string | undefined, now: number): number | undefined {
  if (raw === undefined) return undefined;
  const seconds = count(raw);
  if (seconds !== undefined) return seconds;
  const date = Date.parse(raw);
  if (Number.isNaN(date) || !/[a-z]/i.test(raw)) return undefined;
  return Math.max(0, (date - now) / 1000);
}

function bodyRetryAfter(body: unknown): number | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const error = (body as { error?: unknown }).error;
  if (typeof error !== "object" || error === null) return undefined;
  const value = (error as { retry_after?: unknown }).retry_after;
  return typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= MAX_COUNT ? value : undefined;
}

/**
 * Reads the rate-limit state from a response: `X-RateLimit-*` (what Minimo refers to) or the IETF
 * draft `RateLimit-*` names; reset as epoch seconds, epoch milliseconds or delta seconds;
 * `Retry-After` as seconds or an HTTP date; else the body's `error.retry_after`. Never throws.
 */
export function readRateLimit(source: Response | HeaderSource | { headers: HeaderSource }, options: ReadRateLimitOptions = {}): RateLimitInfo {
  const info: RateLimitInfo = {};
  try {
    const headers: HeaderSource = "headers" in source && typeof source.headers?.get === "function" ? source.headers : (source as HeaderSource);
    const now = options.now ?? Date.now();
    const limit = count(first(headers, ["x-ratelimit-limit", "ratelimit-limit"]));
    const remaining = count(first(headers, ["x-ratelimit-remaining", "ratelimit-remaining"]));
    const reset = resetAt(first(headers, ["x-ratelimit-reset", "ratelimit-reset"]), now);
    const wait = retryAfter(first(headers, ["retry-after"]), now) ?? bodyRetryAfter(options.body);
    if (limit !== undefined) info.limit = limit;
    if (remaining !== undefined) info.remaining = remaining;
    if (reset !== undefined) info.resetAt = reset;
    if (wait !== undefined) info.retryAfterSeconds = wait;
  } catch {
    // A broken header object is garbage input like any other: report nothing.
  }
  return info;
}
