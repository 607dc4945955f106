// How long a scrape may wait for fresh probe results (blackbox_exporter's getTimeout).
import type { ExporterConfig } from "../config/types.js";

/** Milliseconds from `X-Prometheus-Scrape-Timeout-Seconds` (else `scrape_timeout_seconds`) minus the offset, never below 0. */
export function scrapeWaitMs(header: string | undefined, config: Pick<ExporterConfig, "scrapeTimeoutSeconds" | "scrapeTimeoutOffsetSeconds">): number {
  const given = header === undefined ? Number.NaN : Number.parseFloat(header);
  const timeout = Number.isFinite(given) && given > 0 ? given : config.scrapeTimeoutSeconds;
  return Math.max(0, (timeout - config.scrapeTimeoutOffsetSeconds) * 1000);
}
