export { createMinimoClient, MINIMO_SERVERS, type MinimoClient, type MinimoClientOptions } from "./client.js";
export { parseApiKey, isApiKeyFormat, apiKeyProblem, redactApiKeys, InvalidApiKeyError, type ParsedApiKey } from "./api-key.js";
export { readRateLimit, type HeaderSource, type RateLimitInfo, type ReadRateLimitOptions } from "./rate-limit.js";
export { matchOperation, findOperation, OPERATIONS, type Operation } from "./operations.js";
export { operationsFromSpec } from "./derive-operations.js";
export { DOCUMENTED_STATUSES } from "./generated/statuses.js";
export { RETRY_DEFAULTS, type RetryOptions } from "./retry.js";
export type { AttemptInfo, AttemptObserver, AttemptErrorReason } from "./observer.js";
export type { paths, components, operations } from "./generated/minimo.js";
