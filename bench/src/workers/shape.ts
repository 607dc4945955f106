// The data every metrics scenario uses, built three ways with identical series:
//  - "metrics": @minimo/metrics (the candidate),
//  - "prom-client": the same families as raw prom-client metrics, fed with direct calls,
//  - "floor": Map<key, Float64Array> with a hand-written text serializer (what is physically possible).
import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import * as N from "@minimo/metrics";

export const OPERATION = "/public/v1/custom-fields";
export const OPERATIONS = ["/public/v1/custom-fields", "/public/v1/contacts/{id}", "/public/v1/emails", "/public/v1/templates/whatsapp"];
export const BUCKETS = [...N.DEFAULT_DURATION_BUCKETS];
export const keyName = (i: number): string => `client-${String(i).padStart(6, "0")}`;

export function rateLimitHeaders(remaining: number): Headers {
  return new Headers({ "x-ratelimit-limit": "1000", "x-ratelimit-remaining": String(remaining), "x-ratelimit-reset": "1795781100" });
}

/** The @minimo/metrics families as plain prom-client metrics (no collect hooks, no own state). */
export function rawFamilies(registry: Registry) {
  const registers = [registry];
  const perKey = (name: string, help: string) => new Counter({ name, help, labelNames: ["key"] as const, registers });
  const gauge = (name: string, help: string) => new Gauge({ name, help, labelNames: ["key"] as const, registers });
  return {
    requests: new Counter({ name: N.REQUESTS_TOTAL, help: N.REQUESTS_TOTAL_HELP, labelNames: ["key", "operation", "method", "code"] as const, registers }),
    unauthorized: perKey(N.UNAUTHORIZED_TOTAL, N.UNAUTHORIZED_TOTAL_HELP),
    forbidden: perKey(N.FORBIDDEN_TOTAL, N.FORBIDDEN_TOTAL_HELP),
    rateLimited: perKey(N.RATE_LIMITED_TOTAL, N.RATE_LIMITED_TOTAL_HELP),
    errors: new Counter({ name: N.REQUEST_ERRORS_TOTAL, help: N.REQUEST_ERRORS_TOTAL_HELP, labelNames: ["key", "operation", "method", "reason"] as const, registers }),
    retries: new Counter({ name: N.RETRIES_TOTAL, help: N.RETRIES_TOTAL_HELP, labelNames: ["key", "operation"] as const, registers }),
    duration: new Histogram({ name: N.REQUEST_DURATION_SECONDS, help: N.REQUEST_DURATION_SECONDS_HELP, labelNames: ["operation", "method"] as const, buckets: BUCKETS, registers }),
    limit: gauge(N.RATE_LIMIT_LIMIT, N.RATE_LIMIT_LIMIT_HELP),
    remaining: gauge(N.RATE_LIMIT_REMAINING, N.RATE_LIMIT_REMAINING_HELP),
    reset: gauge(N.RATE_LIMIT_RESET_TIMESTAMP_SECONDS, N.RATE_LIMIT_RESET_TIMESTAMP_SECONDS_HELP),
    updated: gauge(N.RATE_LIMIT_UPDATED_TIMESTAMP_SECONDS, N.RATE_LIMIT_UPDATED_TIMESTAMP_SECONDS_HELP),
  };
}
export type RawFamilies = ReturnType<typeof rawFamilies>;

/** What one recorded response costs with raw prom-client: the calls @minimo/metrics' outputs need. */
export function rawRecord(f: RawFamilies, key: string, operation: string, status: number, headers: Headers, seconds: number): void {
  f.requests.inc({ key, operation, method: "GET", code: String(status) });
  if (status === 401) f.unauthorized.inc({ key });
  else if (status === 403) f.forbidden.inc({ key });
  else if (status === 429) f.rateLimited.inc({ key });
  f.duration.observe({ operation, method: "GET" }, seconds);
  const limit = Number(headers.get("x-ratelimit-limit"));
  const remaining = Number(headers.get("x-ratelimit-remaining"));
  const reset = Number(headers.get("x-ratelimit-reset"));
  f.limit.set({ key }, limit);
  f.remaining.set({ key }, remaining);
  f.reset.set({ key }, reset);
  f.updated.set({ key }, Date.now() / 1000);
}

// Floor layout, one Float64Array per key: [code 200, code 401, code 403, code 429, unauthorized,
// forbidden, rate limited, limit, remaining, reset, updated]. Statuses map to a slot by a table.
const SLOT_BY_STATUS = new Map<number, number>([
  [200, 0],
  [401, 1],
  [403, 2],
  [429, 3],
]);
const CODES = ["200", "401", "403", "429"];
const SLOTS = 11;

/**
 * The floor: the least work that can keep these series. Header values are kept by reference and
 * parsed at render time, as @minimo/metrics does, so the record path compares like with like.
 */
export class FloorStore {
  readonly keys = new Map<string, { values: Float64Array; label: string; headers: Headers | undefined }>();
  readonly histogram = new Float64Array(BUCKETS.length + 2); // buckets…, count, sum

  add(key: string): void {
    // Label values are escaped once, when the key is added, never per scrape.
    this.keys.set(key, { values: new Float64Array(SLOTS), label: key.replace(/[\\"\n]/g, (c) => (c === "\n" ? "\\n" : `\\${c}`)), headers: undefined });
  }

  record(key: string, status: number, headers: Headers, seconds: number): void {
    const entry = this.keys.get(key);
    if (entry === undefined) return;
    const v = entry.values;
    v[SLOT_BY_STATUS.get(status) ?? 0]!++;
    if (status === 401) v[4]!++;
    else if (status === 403) v[5]!++;
    else if (status === 429) v[6]!++;
    const h = this.histogram;
    let b = 0;
    while (b < BUCKETS.length && seconds > BUCKETS[b]!) b++;
    h[b]!++;
    h[BUCKETS.length]!++;
    h[BUCKETS.length + 1]! += seconds;
    entry.headers = headers;
  }

  /** The exposition text of the same families (counters with a non-zero value, gauges once seen). */
  render(): string {
    const out: string[] = [];
    for (const entry of this.keys.values()) {
      if (entry.headers !== undefined) {
        const v = entry.values;
        v[7] = Number(entry.headers.get("x-ratelimit-limit"));
        v[8] = Number(entry.headers.get("x-ratelimit-remaining"));
        v[9] = Number(entry.headers.get("x-ratelimit-reset"));
        v[10] = Date.now() / 1000;
        entry.headers = undefined;
      }
    }
    const family = (name: string, help: string, type: string) => out.push(`# HELP ${name} ${help}\n# TYPE ${name} ${type}\n`);
    family(N.REQUESTS_TOTAL, N.REQUESTS_TOTAL_HELP, "counter");
    for (const { values, label } of this.keys.values()) {
      for (let s = 0; s < 4; s++) {
        if (values[s]! > 0) out.push(`${N.REQUESTS_TOTAL}{key="${label}",operation="${OPERATION}",method="GET",code="${CODES[s]}"} ${values[s]}\n`);
      }
    }
    const perKey = (name: string, help: string, type: string, slot: number) => {
      family(name, help, type);
      for (const { values, label } of this.keys.values()) out.push(`${name}{key="${label}"} ${values[slot]}\n`);
    };
    perKey(N.UNAUTHORIZED_TOTAL, N.UNAUTHORIZED_TOTAL_HELP, "counter", 4);
    perKey(N.FORBIDDEN_TOTAL, N.FORBIDDEN_TOTAL_HELP, "counter", 5);
    perKey(N.RATE_LIMITED_TOTAL, N.RATE_LIMITED_TOTAL_HELP, "counter", 6);
    family(N.REQUEST_ERRORS_TOTAL, N.REQUEST_ERRORS_TOTAL_HELP, "counter");
    family(N.RETRIES_TOTAL, N.RETRIES_TOTAL_HELP, "counter");
    family(N.REQUEST_DURATION_SECONDS, N.REQUEST_DURATION_SECONDS_HELP, "histogram");
    let cumulative = 0;
    const h = this.histogram;
    const labels = `operation="${OPERATION}",method="GET"`;
    for (let b = 0; b < BUCKETS.length; b++) {
      cumulative += h[b]!;
      out.push(`${N.REQUEST_DURATION_SECONDS}_bucket{le="${BUCKETS[b]}",${labels}} ${cumulative}\n`);
    }
    out.push(`${N.REQUEST_DURATION_SECONDS}_bucket{le="+Inf",${labels}} ${h[BUCKETS.length]}\n`);
    out.push(`${N.REQUEST_DURATION_SECONDS}_sum{${labels}} ${h[BUCKETS.length + 1]}\n`);
    out.push(`${N.REQUEST_DURATION_SECONDS}_count{${labels}} ${h[BUCKETS.length]}\n`);
    perKey(N.RATE_LIMIT_LIMIT, N.RATE_LIMIT_LIMIT_HELP, "gauge", 7);
    perKey(N.RATE_LIMIT_REMAINING, N.RATE_LIMIT_REMAINING_HELP, "gauge", 8);
    perKey(N.RATE_LIMIT_RESET_TIMESTAMP_SECONDS, N.RATE_LIMIT_RESET_TIMESTAMP_SECONDS_HELP, "gauge", 9);
    perKey(N.RATE_LIMIT_UPDATED_TIMESTAMP_SECONDS, N.RATE_LIMIT_UPDATED_TIMESTAMP_SECONDS_HELP, "gauge", 10);
    return out.join("");
  }
}
