// The metric names the exporter publishes, read from docs/contracts.md (the names are public
// API), so a rule or panel that uses a name nobody emits fails a test.
import { readFileSync } from "node:fs";
import { CONTRACTS } from "./paths.js";

/** Series Prometheus itself adds for every target. */
export const PROMETHEUS_SERIES = ["up", "scrape_duration_seconds", "scrape_samples_scraped", "scrape_series_added", "ALERTS"];

/** Every series name the contracts allow: families plus histogram suffixes, plus Prometheus' own. */
export function contractSeriesNames(): Set<string> {
  const text = readFileSync(CONTRACTS, "utf8");
  const families = new Set([...text.matchAll(/`(minimo_[a-z_]+)(?:\{[^`]*\})?`/g)].map((m) => m[1]!));
  const names = new Set<string>(PROMETHEUS_SERIES);
  for (const f of families) {
    names.add(f);
    if (f.endsWith("_seconds") && text.includes(`${f}{`) && /histogram/.test(text.slice(text.indexOf(f), text.indexOf(f) + 120))) {
      for (const s of ["_bucket", "_sum", "_count"]) names.add(f + s);
    }
  }
  return names;
}
