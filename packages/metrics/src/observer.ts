import type { AttemptObserver } from "@minimo/client";
import type { RecordErrorInput, RecordFn, RecordRetryInput } from "./metrics.js";

/**
 * The `AttemptObserver` that `createMinimoClient({ observe })` calls once per attempt, inside its
 * retry loop: every attempt is counted exactly once, retries included.
 */
export function createObserver(alias: string, record: RecordFn, recordError: (i: RecordErrorInput) => void, recordRetry: (i: RecordRetryInput) => void): AttemptObserver {
  return {
    onResponse(i) {
      record(alias, i.operation, i.method, i.response.status, i.response.headers, i.durationSeconds, i.startedAt);
    },
    onError(i) {
      recordError({ key: alias, operation: i.operation, method: i.method, reason: i.reason, durationSeconds: i.durationSeconds });
    },
    onRetry(i) {
      recordRetry({ key: alias, operation: i.operation, method: i.method });
    },
  };
}
