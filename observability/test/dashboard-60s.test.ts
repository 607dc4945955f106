// Every dashboard query against a real Prometheus that scrapes the exporter every 60 s (the
// interval the exporter README recommends), with `$__rate_interval` as Grafana computes it from
// the panels' 2 m minimum interval: with the data source's scrape-interval setting left at
// Grafana's 15 s default (2m15s) and set to 60 s (4 m). The rules are the shipped ones, with
// the day-ago baselines moved to a second ago (a test cannot wait a day); windows, `for:` and
// thresholds as shipped. Takes about three minutes of wall time, mostly waiting for scrapes.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseConfig, startExporter, type RunningExporter } from "@minimo/exporter";
import { demoKeys, startSim, type RunningSim } from "@minimo/sim";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIN_INTERVAL } from "../grafana/panels.js";
import { findBinary, requireBinary, skipWithout } from "./helpers/binaries.js";
import { grafanaRateInterval } from "./helpers/dashboard-queries.js";
import { causePanelTraffic, emptyPanelQueries, gatewayPanelQueries, sendVia, type Send } from "./helpers/panel-traffic.js";
import { eventually, query, startPrometheus, targetHealth, type RunningPrometheus } from "./helpers/prometheus.js";
import { writeShortRules } from "./helpers/short-rules.js";

const prometheusBin = findBinary("prometheus");
const secret = (name: string) => demoKeys.find((k) => k.name === name)!.key;

describe.skipIf(skipWithout(prometheusBin, "dashboard queries against a real Prometheus at a 60 s scrape"))("dashboard queries at a 60 s scrape interval", () => {
  let dir: string;
  let sim: RunningSim | undefined;
  let exporter: RunningExporter | undefined;
  let prom: RunningPrometheus | undefined;
  const keys = { full: secret("demo-full"), readonly: secret("demo-readonly"), limited: secret("demo-limited") };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "minimo-60s-"));
    sim = await startSim({ port: 0, host: "127.0.0.1" });
    const config = parseConfig(
      {
        upstream: sim.url,
        listen: { metrics: "127.0.0.1:0", gateway: "127.0.0.1:0" },
        log_level: "silent",
        probe: { min_interval_seconds: 1, timeout_seconds: 2 },
        keys: [
          { name: "demo-full", key_env: "S_FULL", expires: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10) },
          { name: "demo-readonly", key_env: "S_READONLY" },
          { name: "demo-limited", key_env: "S_LIMITED" },
        ],
      },
      { S_FULL: keys.full, S_READONLY: keys.readonly, S_LIMITED: keys.limited },
    );
    exporter = await startExporter({ config });
    // Shipped windows (range 5m everywhere, the shortest shipped one), baselines "a day ago" -> 1 s ago.
    const ruleFiles = writeShortRules(join(dir, "rules"), { range: "5m", forDuration: "2m", keepFiringFor: "5m", dayOffset: "1s" });
    prom = await startPrometheus({
      bin: requireBinary(prometheusBin),
      dir,
      targets: [new URL(exporter.metricsUrl).host],
      ruleFiles,
      scrapeInterval: "60s",
      evaluationInterval: "15s",
    });
  }, 60_000);

  afterAll(async () => {
    await prom?.stop();
    await exporter?.close();
    await sim?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const send: Send = (key, method, path, body) => sendVia(exporter!.gatewayUrl, key, method, path, body);

  it("returns data for every panel query, data source at 15 s (default) and at 60 s", async () => {
    // Traffic before the first scrape and between the first two, so rates have two samples.
    await causePanelTraffic(send, sim!, keys);
    const scrapes = async (n: number) => {
      await eventually(`${n} scrapes`, 150_000, async () => {
        const r = await query(prom!.url, 'count_over_time(up{job="minimo"}[10m])');
        return Number(r[0]?.value[1] ?? 0) >= n ? true : undefined;
      }).catch(async (err: Error) => {
        throw new Error(`${err.message}; targets ${await targetHealth(prom!.url)}`);
      });
    };
    await scrapes(1);
    await causePanelTraffic(send, sim!, keys);
    await scrapes(2);
    const queries = gatewayPanelQueries();
    for (const dataSourceScrape of ["15s", "60s"]) {
      const rateInterval = grafanaRateInterval({ minInterval: MIN_INTERVAL, dataSourceScrape });
      // One rule evaluation (15 s) after the second scrape is enough for the recorded series.
      const missing = await eventually(`every panel query at $__rate_interval=${rateInterval}`, 45_000, async () => {
        const m = await emptyPanelQueries(prom!.url, queries, rateInterval);
        return m.length === 0 ? m : undefined;
      }).catch(async (err: Error) => [err.message, ...(await emptyPanelQueries(prom!.url, queries, rateInterval))]);
      expect(missing, `data source scrape interval ${dataSourceScrape}`).toEqual([]);
    }
  }, 300_000);
});
