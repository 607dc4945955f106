export { createMinimoMetrics } from "./metrics.js";
export type { HeaderSource, MinimoMetrics, MinimoMetricsOptions, RecordErrorInput, RecordResponseInput, RecordRetryInput } from "./metrics.js";
export { aliasProblem } from "./key-labels.js";
export { errorReason } from "./middleware.js";
export * from "./names.js";
