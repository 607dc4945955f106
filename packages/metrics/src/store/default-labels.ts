import type { Registry } from "prom-client";

// prom-client keeps default labels in a field it does not expose; when that field is missing
// (another prom-client version), assume there may be some and take the safe path.
export function hasDefaultLabels(registry: Registry): boolean {
  const labels = (registry as unknown as { _defaultLabels?: object | null })._defaultLabels;
  return labels === undefined || labels === null || Object.keys(labels).length > 0;
}
