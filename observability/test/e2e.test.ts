// End to end with a real Prometheus: the sandbox, TWO exporter replicas (gateways behind a
// pretend load balancer, probes split with shard 0/2 and 1/2), Prometheus scraping both with the
// shipped rules, 401s caused through the gateways, and assertions through Prometheus' HTTP API.
//
// The shipped rules use 5-30 minute windows, day-scale baselines and `for:` clauses; the test
// loads a TEST COPY generated from them (helpers/short-rules.ts) with every range set to 30s,
// the "a day ago" baselines to 10s ago and every `for:` to 2s. Thresholds, guards and label
// matching are the shipped ones.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseConfig, startExporter, type RunningExporter } from "@minimo/exporter";
import { demoKeys, startSim, type RunningSim } from "@minimo/sim";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findBinary, requireBinary, skipWithout } from "./helpers/binaries.js";
import { causePanelTraffic, emptyPanelQueries, gatewayPanelQueries, sendVia } from "./helpers/panel-traffic.js";
import { alerts, eventually, query, startPrometheus, targetHealth, type RunningPrometheus } from "./helpers/prometheus.js";
import { writeShortRules } from "./helpers/short-rules.js";

const prometheusBin = findBinary("prometheus");
/** Range of every window in the test copy of the rules (and `$__rate_interval`): long enough that
 * a burst sent on a loaded 2-core machine still falls inside one window. */
const RANGE = "30s";

const secret = (name: string): string => {
  const k = demoKeys.find((d) => d.name === name);
  if (!k) throw new Error(`no demo key ${name}`);
  return k.key;
};
/** A well-formed key the sandbox does not know: every request with it gets 401. */
const BAD_KEY = "mn-demo01-FAKEwrongSecret0000000000";
/** The alias of BAD_KEY: not probed, so every 401 it gets comes through a gateway. */
const GATEWAY_ONLY = "e2e-gateway-only";

describe.skipIf(skipWithout(prometheusBin, "end-to-end test against a real Prometheus"))("end to end with a real Prometheus", () => {
  let dir: string;
  let sim: RunningSim | undefined;
  const exporters: RunningExporter[] = [];
  let prom: RunningPrometheus | undefined;
  let gateways: string[] = [];

  const env = {
    E2E_FULL: secret("demo-full"),
    E2E_READONLY: secret("demo-readonly"),
    E2E_REVOKED: secret("demo-revoked"),
    E2E_LIMITED: secret("demo-limited"),
    E2E_BAD: BAD_KEY,
  };

  beforeAll(async () => {
    const bin = requireBinary(prometheusBin);
    dir = mkdtempSync(join(tmpdir(), "minimo-e2e-"));
    sim = await startSim({ port: 0, host: "127.0.0.1" });
    const expires = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const config = parseConfig(
      {
        upstream: sim.url,
        listen: { metrics: "127.0.0.1:0", gateway: "127.0.0.1:0" },
        log_level: "silent",
        probe: { min_interval_seconds: 1, timeout_seconds: 2 },
        keys: [
          { name: "demo-full", key_env: "E2E_FULL", expires },
          { name: "demo-readonly", key_env: "E2E_READONLY" },
          { name: "demo-revoked", key_env: "E2E_REVOKED" },
          { name: "demo-limited", key_env: "E2E_LIMITED" },
          { name: GATEWAY_ONLY, key_env: "E2E_BAD", probe: { operations: [] } },
        ],
      },
      env,
    );
    for (const index of [0, 1]) exporters.push(await startExporter({ config, shard: { index, total: 2 } }));
    gateways = exporters.map((e) => e.gatewayUrl);
    const ruleFiles = writeShortRules(join(dir, "rules"), { range: RANGE, forDuration: "2s", dayOffset: "10s" });
    prom = await startPrometheus({
      bin,
      dir,
      targets: exporters.map((e) => new URL(e.metricsUrl).host),
      ruleFiles,
      // Scrapes every 2 s (the timeout equals the interval): at 1 s a loaded 2-core CI machine
      // can miss scrape deadlines. Rules every 1 s.
      scrapeInterval: "2s",
      evaluationInterval: "1s",
    });
    // Both replicas scraped before any traffic.
    await eventually("both exporters up", 15_000, async () => {
      const up = await query(prom!.url, 'up{job="minimo"} == 1');
      return up.length === 2 ? true : undefined;
    });
  });

  afterAll(async () => {
    await prom?.stop();
    await Promise.all(exporters.map((e) => e.close()));
    await sim?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** One request through the "load balancer": alternate between the two gateways. */
  let turn = 0;
  async function viaGateway(key: string, method: string, path: string, body?: unknown): Promise<number> {
    return sendVia(gateways[turn++ % gateways.length]!, key, method, path, body);
  }

  it("keeps the gateway-only key's 401 alerts quiet before any traffic", async () => {
    // The rules have evaluated this key (its pre-created 401 counter gives a rate of 0)...
    const rate = await eventually("a recorded 401 rate for the gateway-only key", 20_000, async () => {
      const r = await query(prom!.url, `minimo:api_unauthorized:rate5m{key="${GATEWAY_ONLY}"}`);
      return r.length === 1 ? r[0] : undefined;
    }).catch(async (err: Error) => {
      throw new Error(`${err.message}; targets ${await targetHealth(prom!.url)}`);
    });
    expect(rate.value[1]).toBe("0");
    // ...and no traffic alert is pending or firing for it (posture alerts judge its config, e.g.
    // no_expiry, not its traffic).
    const mine = (await alerts(prom!.url)).filter((a) => a.labels.key === GATEWAY_ONLY && !/^MinimoKey(Posture|NewCaller|BrowserUse)/.test(a.labels.alertname ?? ""));
    expect(mine).toEqual([]);
  });

  it("sees 401s caused through both gateways, summed across replicas, and the 401 spike alerts fire", async () => {
    // A key that "starts getting 401s": parallel batches over ~6 s, so the burst lands inside one
    // rule window even on a slow machine, yet spans several 2 s scrapes.
    // (minimo_api_requests_total{code="401"} is born at the first 401; the recording rules count
    // a newborn series in full, see minimo-recording.yml.)
    const statuses: number[] = [];
    for (let batch = 0; batch < 8; batch++) {
      statuses.push(...(await Promise.all(Array.from({ length: 5 }, () => viaGateway(BAD_KEY, "GET", "/public/v1/custom-fields")))));
      await new Promise((r) => setTimeout(r, 800));
    }
    expect(statuses).toHaveLength(40);
    expect(new Set(statuses)).toEqual(new Set([401]));

    // Each replica counted its half; the sum is what the LB received.
    const perInstance = await eventually("both replicas' 401 counters", 10_000, async () => {
      const r = await query(prom!.url, `minimo_api_unauthorized_total{key="${GATEWAY_ONLY}"}`);
      return r.length === 2 && r.every((s) => s.value[1] === "20") ? r : undefined;
    });
    expect(new Set(perInstance.map((s) => s.metric.instance)).size).toBe(2);
    const total = await query(prom!.url, `sum by (key) (minimo_api_unauthorized_total{key="${GATEWAY_ONLY}"})`);
    expect(total[0]?.value[1]).toBe("40");
    // The recording rule aggregates the two replicas into one per-key series.
    const recorded = await eventually("a positive recorded 401 rate", 10_000, async () => {
      const r = await query(prom!.url, `minimo:api_unauthorized:rate5m{key="${GATEWAY_ONLY}"} > 0`);
      return r.length > 0 ? r : undefined;
    });
    expect(recorded.map((s) => s.metric)).toEqual([{ __name__: "minimo:api_unauthorized:rate5m", key: GATEWAY_ONLY }]);

    // Each alert goes pending, then firing once its (test copy) `for: 2s` has passed; each must
    // be seen firing at some poll (the two need not overlap).
    const seen = new Map<string, string>();
    const firing = new Set<string>();
    await eventually("MinimoKeyUnauthorizedRatioHigh and MinimoKeyUnauthorizedBurst firing for the gateway-only key", 30_000, async () => {
      for (const a of await alerts(prom!.url)) {
        if (a.labels.key !== GATEWAY_ONLY || !/^MinimoKeyUnauthorized/.test(a.labels.alertname ?? "")) continue;
        expect(["pending", "firing"]).toContain(a.state);
        expect(a.labels.severity).toBe(a.labels.alertname === "MinimoKeyUnauthorizedRatioHigh" ? "critical" : "warning");
        seen.set(a.labels.alertname!, a.state);
        if (a.state === "firing") firing.add(a.labels.alertname!);
      }
      return firing.has("MinimoKeyUnauthorizedRatioHigh") && firing.has("MinimoKeyUnauthorizedBurst") ? true : undefined;
    }).catch(async (err: Error) => {
      const ratio = await query(prom!.url, `minimo:api_unauthorized:ratio_rate5m{key="${GATEWAY_ONLY}"}`);
      throw new Error(`${err.message}; seen ${JSON.stringify([...seen])}; ratio ${JSON.stringify(ratio)}; targets ${await targetHealth(prom!.url)}`);
    });
    console.info(`401 alerts seen: ${JSON.stringify(Object.fromEntries(seen))}`);
  });

  it("probes each key on exactly one replica (--shard) and reports the revoked one down", async () => {
    const probed = ["demo-full", "demo-readonly", "demo-revoked", "demo-limited"];
    const counts = await eventually("every probed key probed", 15_000, async () => {
      const r = await query(prom!.url, "count by (key) (minimo_key_up)");
      return r.length === probed.length ? r : undefined;
    });
    for (const s of counts) expect(s.value[1], s.metric.key).toBe("1");
    expect(await query(prom!.url, `count by (key) (minimo_key_up{key="${GATEWAY_ONLY}"})`)).toEqual([]);
    const up = Object.fromEntries((await query(prom!.url, "minimo:key_up:max")).map((s) => [s.metric.key, s.value[1]]));
    expect(up).toMatchObject({ "demo-full": "1", "demo-revoked": "0" });
    await eventually("MinimoKeyDown for demo-revoked", 15_000, async () =>
      (await alerts(prom!.url)).find((a) => a.labels.alertname === "MinimoKeyDown" && a.labels.key === "demo-revoked"),
    );
    await eventually("MinimoKeyExpiringSoon for demo-full", 15_000, async () =>
      (await alerts(prom!.url)).find((a) => a.labels.alertname === "MinimoKeyExpiringSoon" && a.labels.key === "demo-full"),
    );
  });

  it("returns data for every dashboard query", async () => {
    // Probe calls are not app traffic, so the request rate the budget panels divide by
    // comes from these calls alone. A series is born at its first value: let Prometheus scrape the
    // first call before making the others, or the panels' plain rate() sees no increase.
    expect(await viaGateway(env.E2E_FULL, "GET", "/public/v1/custom-fields")).toBe(200);
    await eventually("the first demo-full call scraped", 10_000, async () =>
      (await query(prom!.url, 'minimo_api_requests_total{key="demo-full",code="200"}')).length > 0 ? true : undefined,
    );
    await causePanelTraffic(viaGateway, sim!, { full: env.E2E_FULL, readonly: env.E2E_READONLY, limited: env.E2E_LIMITED });
    const queries = gatewayPanelQueries();
    expect(queries.length).toBeGreaterThan(20);
    const empty = await eventually("every dashboard query to return data", 20_000, async () => {
      const missing = await emptyPanelQueries(prom!.url, queries, RANGE);
      return missing.length === 0 ? missing : undefined;
    }).catch(async (err: Error) => [err.message, ...(await emptyPanelQueries(prom!.url, queries, RANGE))]);
    expect(empty).toEqual([]);
  });

  it("fires MinimoGoneResponses on the one 410 call above (a series born at 1)", async () => {
    // Prometheus' ALERTS series keeps the firing even if the (30 s test) window has passed since.
    const gone = await eventually("MinimoGoneResponses for demo-full", 20_000, async () => {
      const r = await query(prom!.url, 'max_over_time(ALERTS{alertname="MinimoGoneResponses",key="demo-full",alertstate="firing"}[5m])');
      return r[0];
    });
    expect(gone.metric.operation).toBe("/api/transactionals");
    // The 410 series has a single increment's worth of history: its first sample is 1.
    const series = await query(prom!.url, 'sum(minimo_api_requests_total{key="demo-full",code="410"})');
    expect(series[0]?.value[1]).toBe("1");
  });

  it("stays far below the example configs' sample_limit (figure printed for the README)", async () => {
    const samples = await query(prom!.url, 'scrape_samples_scraped{job="minimo"}');
    expect(samples).toHaveLength(2);
    const counts = samples.map((s) => Number(s.value[1]));
    console.info(`samples per scrape with 5 keys, 2 replicas: ${counts.join(", ")}`);
    for (const n of counts) expect(n).toBeLessThan(20000);
  });

  it("never stores a secret in any series Prometheus holds", async () => {
    const r = await fetch(`${prom!.url}/api/v1/series?match[]=${encodeURIComponent('{job="minimo"}')}`);
    const text = await r.text();
    expect(text.length).toBeGreaterThan(1000);
    for (const key of Object.values(env)) expect(text).not.toContain(key.slice(10));
  });
});
