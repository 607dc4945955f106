// The per-key store and its serializer: flat typed arrays written by the record path, serialized
// straight to exposition text, and plugged into prom-client as custom metric families.
export { MetricsStore, UNKNOWN_ROW, type Route } from "./store.js";
export { registerStoreFamilies, isStoreFamily, StoreFamily } from "./families.js";
export { renderMetrics } from "./render.js";
