import type { Middleware } from "openapi-fetch";
import type { AttemptErrorReason } from "@minimo/client";
import type { RecordErrorInput, RecordFn } from "./metrics.js";

// A middleware registered after one that short-circuits with a Response never sees onResponse or
// onError for that call; cap the start times so such calls cannot grow the map without bound.
const MAX_IN_FLIGHT = 10_000;

/** Why a fetch threw: `AbortSignal.timeout` rejects with TimeoutError, `abort()` with AbortError. */
export function errorReason(error: unknown): AttemptErrorReason {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === "TimeoutError") return "timeout";
  if (name === "AbortError") return "aborted";
  return "network";
}

/**
 * openapi-fetch middleware for a bare `createClient<paths>()`: one record per call (a bare client
 * does not retry). Timing is kept by request id, because another middleware may swap the Request.
 */
export function createMiddleware(alias: string, record: RecordFn, recordError: (i: RecordErrorInput) => void): Middleware {
  const started = new Map<string, number>();
  const take = (id: string): number | undefined => {
    const at = started.get(id);
    if (at !== undefined) started.delete(id);
    return at;
  };
  return {
    onRequest({ id }) {
      if (started.size >= MAX_IN_FLIGHT) started.delete(started.keys().next().value!);
      started.set(id, performance.now());
    },
    onResponse({ id, schemaPath, request, response }) {
      const at = take(id);
      const now = performance.now();
      record(alias, schemaPath, request.method, response.status, response.headers, at === undefined ? Number.NaN : (now - at) / 1000, at ?? now);
    },
    onError({ id, schemaPath, request, error }) {
      const at = take(id);
      recordError({
        key: alias,
        operation: schemaPath,
        method: request.method,
        reason: errorReason(error),
        durationSeconds: at === undefined ? Number.NaN : (performance.now() - at) / 1000,
      });
    },
  };
}
