export { createMinimoMetrics } from "./metrics.js";
export { renderMetrics } from "./store/render.js";
export type { HeaderSource, MinimoMetrics, MinimoMetricsOptions, RecordBudgetInput, RecordErrorInput, RecordResponseInput, RecordRetryInput } from "./metrics.js";
export { aliasProblem } from "./key-labels.js";
export { errorReason } from "./middleware.js";
export { keyAccepted } from "./key-accepted.js";
export { codeLabel, CODE_LABELS } from "./code-labels.js";
export * from "./names.js";
