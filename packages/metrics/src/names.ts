// The metric families are public API: Grafana dashboards and alert rules are written against
// these names, labels and help strings. Change them only with a migration note.

export const REQUESTS_TOTAL = "minimo_api_requests_total";
export const REQUESTS_TOTAL_HELP = "Responses received from the Minimo API, by key alias, route template, method and HTTP status code.";

export const UNAUTHORIZED_TOTAL = "minimo_api_unauthorized_total";
export const UNAUTHORIZED_TOTAL_HELP = "Responses with status 401 (missing, invalid, expired or revoked API key), by key alias.";

export const FORBIDDEN_TOTAL = "minimo_api_forbidden_total";
export const FORBIDDEN_TOTAL_HELP = "Responses with status 403 (the API key lacks the permission for the operation), by key alias.";

export const RATE_LIMITED_TOTAL = "minimo_api_rate_limited_total";
export const RATE_LIMITED_TOTAL_HELP = "Responses with status 429 (rate limit exceeded), by key alias.";

export const REQUEST_ERRORS_TOTAL = "minimo_api_request_errors_total";
export const REQUEST_ERRORS_TOTAL_HELP = "Attempts that ended without any HTTP response, by key alias, route template, method and reason (timeout, network, aborted).";

export const RETRIES_TOTAL = "minimo_api_retries_total";
export const RETRIES_TOTAL_HELP = "Attempts retried by the client, by key alias and route template.";

export const REQUEST_DURATION_SECONDS = "minimo_api_request_duration_seconds";
export const REQUEST_DURATION_SECONDS_HELP = "Time from sending an attempt to receiving its response headers, for attempts that got a response.";

export const RATE_LIMIT_LIMIT = "minimo_api_rate_limit_limit";
export const RATE_LIMIT_LIMIT_HELP = "Requests allowed per rate-limit window (X-RateLimit-Limit of the newest response that carried it), by key alias.";

export const RATE_LIMIT_REMAINING = "minimo_api_rate_limit_remaining";
export const RATE_LIMIT_REMAINING_HELP = "Requests left in the current rate-limit window (X-RateLimit-Remaining of the newest response that carried it), by key alias.";

export const RATE_LIMIT_RESET_TIMESTAMP_SECONDS = "minimo_api_rate_limit_reset_timestamp_seconds";
export const RATE_LIMIT_RESET_TIMESTAMP_SECONDS_HELP = "When the current rate-limit window resets, as Unix epoch seconds (X-RateLimit-Reset), by key alias.";

export const RATE_LIMIT_UPDATED_TIMESTAMP_SECONDS = "minimo_api_rate_limit_updated_timestamp_seconds";
export const RATE_LIMIT_UPDATED_TIMESTAMP_SECONDS_HELP = "When the rate-limit gauges of this key were last updated from a response, as Unix epoch seconds.";

/** The value of the `operation` label when an attempt matches no route template of the spec. */
export const UNMATCHED_OPERATION = "unmatched";

/** The value of the `code` label for a status outside 100-599 (class buckets are `2xx_other` …). */
export const OTHER_CODE = "other";

/** The value of the `method` label for a method that is not a standard HTTP method. */
export const OTHER_METHOD = "OTHER";

/** Default `key` label for every key alias that was not configured. */
export const DEFAULT_UNKNOWN_KEY_LABEL = "unknown";

/** Default duration buckets (seconds): the client's default timeout is 10 s. */
export const DEFAULT_DURATION_BUCKETS: readonly number[] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
