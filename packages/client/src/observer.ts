/** What the client knows about one attempt of one call. */
export interface AttemptInfo {
  /** The spec's route template (openapi-fetch's `schemaPath`), e.g. `/public/v1/contacts/{id}`. */
  operation: string;
  /** Upper-case HTTP method. */
  method: string;
  /** 1 for the first attempt, 2 for the first retry, and so on. */
  attempt: number;
  /** `performance.now()` when the attempt was sent; orders concurrent responses. */
  startedAt: number;
}

/** Why an attempt ended without a response. */
export type AttemptErrorReason = "timeout" | "network" | "aborted";

/**
 * Receives every attempt the client makes, exactly once, from inside its retry loop.
 * `@minimo/metrics` implements it; anything else can too (tracing, logging).
 * Implementations must not throw and must not read the response body.
 */
export interface AttemptObserver {
  onResponse(info: AttemptInfo & { response: Response; durationSeconds: number }): void;
  onError(info: AttemptInfo & { reason: AttemptErrorReason; error: unknown; durationSeconds: number }): void;
  onRetry?(info: AttemptInfo & { delayMs: number; status?: number; reason?: AttemptErrorReason }): void;
}
