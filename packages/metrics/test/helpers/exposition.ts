import type { Registry } from "prom-client";
import { REQUEST_DURATION_SECONDS } from "../../src/names.js";

/**
 * The registry's text without the duration histogram's `_bucket` and `_sum` lines: they hold
 * measured times, which vary run to run. `_count` stays, so the number of observations is pinned.
 */
export async function stableExposition(registry: Registry): Promise<string> {
  const text = await registry.metrics();
  return text
    .split("\n")
    .filter((line) => !line.startsWith(`${REQUEST_DURATION_SECONDS}_bucket`) && !line.startsWith(`${REQUEST_DURATION_SECONDS}_sum`))
    .join("\n");
}

/** Sample lines (`name{labels} value`) of one family, in exposition order. */
export async function samples(registry: Registry, name: string): Promise<string[]> {
  const text = await registry.metrics();
  return text.split("\n").filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `));
}

/** Number of sample lines in the whole exposition. */
export async function seriesCount(registry: Registry): Promise<number> {
  const text = await registry.metrics();
  return text.split("\n").filter((line) => line.length > 0 && !line.startsWith("#")).length;
}
