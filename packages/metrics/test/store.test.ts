import { describe, expect, it } from "vitest";
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import * as N from "../src/names.js";
import { MetricsStore, UNKNOWN_ROW, registerStoreFamilies, renderMetrics } from "../src/store/index.js";
import { BudgetTable } from "../src/store/budget-table.js";

const BUCKETS = [0.01, 0.1, 1];
const OP = "/public/v1/custom-fields";
const OP2 = "/public/v1/contacts/{id}";
// Label values that need escaping: a quote, a backslash (newlines are rejected as aliases).
const KEYS = ["production", 'say "hi"', "back\\slash"];

/** The same data, once in the store and once in plain prom-client metrics. */
function fixture(openMetrics = false) {
  const make = () => {
    const registry = new Registry();
    if (openMetrics) (registry as Registry).setContentType(Registry.OPENMETRICS_CONTENT_TYPE as never);
    return registry;
  };
  const storeRegistry = make();
  const store = new MetricsStore({ unknownLabel: "unknown", durationBuckets: BUCKETS });
  registerStoreFamilies(storeRegistry, store);
  const promRegistry = make();
  const registers = [promRegistry];
  const requests = new Counter({ name: N.REQUESTS_TOTAL, help: N.REQUESTS_TOTAL_HELP, labelNames: ["key", "operation", "method", "code"], registers });
  const perKey = (name: string, help: string) => new Counter({ name, help, labelNames: ["key"], registers });
  const unauthorized = perKey(N.UNAUTHORIZED_TOTAL, N.UNAUTHORIZED_TOTAL_HELP);
  const forbidden = perKey(N.FORBIDDEN_TOTAL, N.FORBIDDEN_TOTAL_HELP);
  const rateLimited = perKey(N.RATE_LIMITED_TOTAL, N.RATE_LIMITED_TOTAL_HELP);
  const errors = new Counter({ name: N.REQUEST_ERRORS_TOTAL, help: N.REQUEST_ERRORS_TOTAL_HELP, labelNames: ["key", "operation", "method", "reason"], registers });
  const retries = new Counter({ name: N.RETRIES_TOTAL, help: N.RETRIES_TOTAL_HELP, labelNames: ["key", "operation"], registers });
  const duration = new Histogram({ name: N.REQUEST_DURATION_SECONDS, help: N.REQUEST_DURATION_SECONDS_HELP, labelNames: ["operation", "method"], buckets: BUCKETS, registers });
  const gauge = (name: string, help: string) => new Gauge({ name, help, labelNames: ["key"], registers });
  const limit = gauge(N.RATE_LIMIT_LIMIT, N.RATE_LIMIT_LIMIT_HELP);
  const remaining = gauge(N.RATE_LIMIT_REMAINING, N.RATE_LIMIT_REMAINING_HELP);
  const reset = gauge(N.RATE_LIMIT_RESET_TIMESTAMP_SECONDS, N.RATE_LIMIT_RESET_TIMESTAMP_SECONDS_HELP);
  const updated = gauge(N.RATE_LIMIT_UPDATED_TIMESTAMP_SECONDS, N.RATE_LIMIT_UPDATED_TIMESTAMP_SECONDS_HELP);

  for (const key of KEYS) {
    store.addKey(key, false);
    for (const c of [unauthorized, forbidden, rateLimited]) c.inc({ key }, 0);
  }
  // Each key: responses in first-seen column order, so both sides list series alike.
  const responses: [string | undefined, string, number, number][] = [
    ["production", OP, 200, 0.005],
    ["production", OP, 429, 0.2],
    ["production", OP2, 401, 0.05],
    ['say "hi"', OP, 200, 0.5],
    ['say "hi"', OP, 200, 3],
    ["back\\slash", OP, 200, 0.01],
    [undefined, OP2, 401, 0.05],
  ];
  for (const [alias, op, status, seconds] of responses) {
    store.response(store.row(alias), store.route(op, "GET"), status, seconds);
    const key = alias ?? "unknown";
    requests.inc({ key, operation: op, method: "GET", code: String(status) });
    if (status === 401) unauthorized.inc({ key });
    if (status === 429) rateLimited.inc({ key });
    duration.observe({ operation: op, method: "GET" }, seconds);
  }
  store.error(store.row("production"), OP, "GET", "timeout");
  errors.inc({ key: "production", operation: OP, method: "GET", reason: "timeout" });
  store.retry(store.row("production"), OP);
  retries.inc({ key: "production", operation: OP });
  const row = store.row("production");
  store.offerBudget(row, 1, new Headers({ "x-ratelimit-limit": "100", "x-ratelimit-remaining": "7", "x-ratelimit-reset": "1795781100" }), 1_795_780_800_000);
  limit.set({ key: "production" }, 100);
  remaining.set({ key: "production" }, 7);
  reset.set({ key: "production" }, 1795781100);
  updated.set({ key: "production" }, 1795780800);
  return { store, storeRegistry, promRegistry };
}

describe("the store's families in a prom-client Registry", () => {
  it("registry.metrics() writes the same text as prom-client holding the same series, escaping included", async () => {
    const { storeRegistry, promRegistry } = fixture();
    const expected = await promRegistry.metrics();
    expect(expected).toContain('key="say \\"hi\\""');
    expect(expected).toContain('key="back\\\\slash"');
    expect(await storeRegistry.metrics()).toBe(expected);
  });

  it("renderMetrics (the fast path) is byte for byte registry.metrics(), beside other metrics in the registry", async () => {
    const { storeRegistry, promRegistry } = fixture();
    new Gauge({ name: "other_gauge", help: "not ours", registers: [storeRegistry] }).set(3);
    new Gauge({ name: "other_gauge", help: "not ours", registers: [promRegistry] }).set(3);
    const fast = await renderMetrics(storeRegistry);
    expect(fast).toBe(await storeRegistry.metrics());
    expect(fast).toBe(await promRegistry.metrics());
    expect(fast).toContain("\n\n# HELP other_gauge not ours\n# TYPE other_gauge gauge\nother_gauge 3\n");
  });

  it("getMetricsAsJSON() has prom-client's shape and values", async () => {
    const { storeRegistry, promRegistry } = fixture();
    const strip = (families: Awaited<ReturnType<Registry["getMetricsAsJSON"]>>) =>
      families.map((f) => ({ ...f, values: f.values.map((v) => ({ value: v.value, labels: { ...v.labels }, metricName: (v as { metricName?: string }).metricName })) }));
    expect(strip(await storeRegistry.getMetricsAsJSON())).toEqual(strip(await promRegistry.getMetricsAsJSON()));
  });

  it("keeps working in OpenMetrics mode (counters as name + _total, # EOF), through renderMetrics too", async () => {
    const { storeRegistry, promRegistry } = fixture(true);
    const expected = await promRegistry.metrics();
    expect(expected).toContain("# TYPE minimo_api_requests counter");
    expect(expected.endsWith("# EOF\n")).toBe(true);
    expect(await storeRegistry.metrics()).toBe(expected);
    expect(await renderMetrics(storeRegistry)).toBe(expected);
  });

  it("merges with other registries and honours default labels (through the prom-client path)", async () => {
    const { storeRegistry, promRegistry } = fixture();
    const otherA = new Registry();
    const otherB = new Registry();
    new Counter({ name: "x_total", help: "x", registers: [otherA] }).inc();
    new Counter({ name: "x_total", help: "x", registers: [otherB] }).inc();
    expect(await Registry.merge([storeRegistry, otherA]).metrics()).toBe(await Registry.merge([promRegistry, otherB]).metrics());
    storeRegistry.setDefaultLabels({ instance: "a" });
    promRegistry.setDefaultLabels({ instance: "a" });
    const expected = await promRegistry.metrics();
    expect(expected).toContain('instance="a"');
    expect(await renderMetrics(storeRegistry)).toBe(expected);
  });

  it("resetMetrics() zeroes the store's families", async () => {
    const { storeRegistry } = fixture();
    storeRegistry.resetMetrics();
    const text = await renderMetrics(storeRegistry);
    expect(text).not.toContain("minimo_api_requests_total{");
    expect(text).not.toContain("minimo_api_rate_limit_limit{");
    expect(text).toContain('minimo_api_unauthorized_total{key="production"} 0');
  });
});

describe("MetricsStore rows", () => {
  it("forgetKey drops the key's series and a re-added key starts from zero at the end of the order", async () => {
    const { store, storeRegistry } = fixture();
    expect(store.forgetKey("production")).toBe(true);
    let text = await renderMetrics(storeRegistry);
    expect(text).not.toContain('key="production"');
    store.addKey("production", false);
    store.response(store.row("production"), store.route(OP2, "GET"), 200, 0.01);
    text = await renderMetrics(storeRegistry);
    expect(text).toContain(`minimo_api_requests_total{key="production",operation="${OP2}",method="GET",code="200"} 1`);
    expect(text).not.toContain(`minimo_api_requests_total{key="production",operation="${OP}"`);
    const order = text.split("\n").filter((l) => l.startsWith("minimo_api_unauthorized_total{"));
    expect(order).toEqual([
      'minimo_api_unauthorized_total{key="say \\"hi\\""} 0',
      'minimo_api_unauthorized_total{key="back\\\\slash"} 0',
      'minimo_api_unauthorized_total{key="production"} 0',
      'minimo_api_unauthorized_total{key="unknown"} 1',
    ]);
  });

  it("grows rows and columns without losing counts", async () => {
    const store = new MetricsStore({ unknownLabel: "unknown", durationBuckets: BUCKETS });
    const registry = new Registry();
    registerStoreFamilies(registry, store);
    for (let i = 0; i < 300; i++) store.addKey(`k${i}`, false);
    for (let i = 0; i < 300; i++) store.response(store.row(`k${i}`), store.route(OP, "GET"), 200, 0.01);
    // New columns after every row exists: the table widens.
    for (const status of [201, 202, 204, 400, 404, 409, 422]) store.response(store.row("k7"), store.route(OP, "GET"), status, 0.01);
    store.response(store.row("k299"), store.route(OP, "GET"), 200, 0.01);
    const text = await renderMetrics(registry);
    expect(text).toContain(`minimo_api_requests_total{key="k0",operation="${OP}",method="GET",code="200"} 1\n`);
    expect(text).toContain(`minimo_api_requests_total{key="k299",operation="${OP}",method="GET",code="200"} 2\n`);
    expect(text).toContain(`minimo_api_requests_total{key="k7",operation="${OP}",method="GET",code="422"} 1\n`);
    expect(text).toContain(`minimo_api_request_duration_seconds_count{operation="${OP}",method="GET"} 308\n`);
    expect(store.row("nobody")).toBe(UNKNOWN_ROW);
  });

  it("statuses outside 100-599 share one 'other' column", async () => {
    const store = new MetricsStore({ unknownLabel: "unknown", durationBuckets: BUCKETS });
    const registry = new Registry();
    registerStoreFamilies(registry, store);
    store.response(UNKNOWN_ROW, store.route(OP, "GET"), 0, -1);
    store.response(UNKNOWN_ROW, store.route(OP, "GET"), 700, Number.NaN);
    const text = await renderMetrics(registry);
    expect(text).toContain(`minimo_api_requests_total{key="unknown",operation="${OP}",method="GET",code="other"} 2\n`);
    expect(text).not.toContain("minimo_api_request_duration_seconds_count{");
  });
});

describe("BudgetTable", () => {
  it("applies kept responses in the order they were sent, each field only when valid", () => {
    const t = new BudgetTable(2);
    const h = (limit: string, remaining: string) => new Headers({ "x-ratelimit-limit": limit, "x-ratelimit-remaining": remaining });
    t.offer(1, 20, h("100", "5"), 2000);
    t.offer(1, 10, h("100", "9"), 1000); // sent earlier, arrived later
    t.offer(1, 30, h("garbage", ""), 3000); // carries nothing valid
    t.settle();
    expect(t.value(1, 0)).toBe(100);
    expect(t.value(1, 1)).toBe(5);
    expect(t.value(1, 3)).toBe(2);
    expect(Number.isNaN(t.value(0, 1))).toBe(true);
    // Older than what was applied: dropped.
    expect(t.offer(1, 15, h("100", "1"), 4000)).toBe(false);
    // A busy key: more responses than slots between two scrapes, one arriving out of order after
    // the ring wrapped. The 8 newest by start time are kept; the oldest (the only limit) is dropped.
    const r = new Headers({ "x-ratelimit-limit": "50", "x-ratelimit-remaining": "40" });
    t.offer(0, 1, r, 1000);
    for (let i = 2; i <= 11; i++) t.offer(0, i, new Headers({ "x-ratelimit-remaining": String(i) }), 1000 + i);
    t.offer(0, 10.5, new Headers({ "x-ratelimit-remaining": "99" }), 5000);
    t.settle();
    expect(Number.isNaN(t.value(0, 0))).toBe(true);
    expect(t.value(0, 1)).toBe(11);
    expect(t.value(0, 3)).toBe(1.011);
    t.growRows(4);
    expect(t.value(1, 1)).toBe(5);
    expect(Number.isNaN(t.value(3, 1))).toBe(true);
  });
});

describe("renderMetrics without store families", () => {
  it("leaves the whole render to registry.metrics() (subclasses and wrappers keep working)", async () => {
    const registry = new Registry();
    registry.metrics = async () => "patched\n";
    expect(await renderMetrics(registry)).toBe("patched\n");
  });
});
