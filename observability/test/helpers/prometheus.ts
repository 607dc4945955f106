// Runs a real Prometheus (Debian `prometheus` 2.x) on loopback for the end-to-end test, and a
// tiny client for its HTTP API.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { freePort, startDaemon, type RunningDaemon } from "./daemon.js";

export { freePort };

export interface PrometheusOptions {
  bin: string;
  dir: string;
  /** `host:port` of each exporter's /metrics. */
  targets: string[];
  ruleFiles: string[];
  /** Scrape interval (and timeout). */
  scrapeInterval: string;
  /** Rule evaluation interval. */
  evaluationInterval: string;
  /** `host:port` of Alertmanagers to send alerts to. Default: none. */
  alertmanagers?: string[];
}

export type RunningPrometheus = RunningDaemon;

export async function startPrometheus(o: PrometheusOptions): Promise<RunningPrometheus> {
  const config = {
    global: { scrape_interval: o.scrapeInterval, scrape_timeout: o.scrapeInterval, evaluation_interval: o.evaluationInterval },
    rule_files: o.ruleFiles,
    scrape_configs: [{ job_name: "minimo", static_configs: [{ targets: o.targets }] }],
    ...(o.alertmanagers ? { alerting: { alertmanagers: [{ static_configs: [{ targets: o.alertmanagers }] }] } } : {}),
  };
  const configFile = join(o.dir, "prometheus.yml");
  writeFileSync(configFile, stringify(config));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  return startDaemon(
    "prometheus",
    o.bin,
    [`--config.file=${configFile}`, `--storage.tsdb.path=${join(o.dir, "data")}`, `--web.listen-address=127.0.0.1:${port}`, "--log.level=warn"],
    url,
  );
}

export interface PromSample {
  metric: Record<string, string>;
  value: [number, string];
}

export async function query(url: string, expr: string): Promise<PromSample[]> {
  const r = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(expr)}`);
  const body = (await r.json()) as { status: string; error?: string; data?: { resultType: string; result: PromSample[] } };
  if (body.status !== "success") throw new Error(`query failed: ${expr}: ${body.error}`);
  return body.data!.result;
}

export interface PromAlert {
  labels: Record<string, string>;
  state: "pending" | "firing" | "inactive";
}

export async function alerts(url: string): Promise<PromAlert[]> {
  const r = await fetch(`${url}/api/v1/alerts`);
  const body = (await r.json()) as { data: { alerts: PromAlert[] } };
  return body.data.alerts;
}

/** What Prometheus says about its targets, for failure messages. */
export async function targetHealth(url: string): Promise<string> {
  const r = await query(url, 'up{job="minimo"} or scrape_duration_seconds{job="minimo"}').catch((e: Error) => e.message);
  return JSON.stringify(r);
}

/** Polls `check` every 500 ms until it returns a value (not undefined) or `ms` pass. */
export async function eventually<T>(what: string, ms: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? `: ${String(last)}` : ""}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
