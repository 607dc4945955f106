// Runs a real Prometheus (Debian `prometheus` 2.x) on loopback for the end-to-end test, and a
// tiny client for its HTTP API.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";

export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  const { port } = srv.address() as { port: number };
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

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

export interface RunningPrometheus {
  url: string;
  /** stdout+stderr so far, for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

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
  let output = "";
  const child: ChildProcess = spawn(o.bin, [
    `--config.file=${configFile}`,
    `--storage.tsdb.path=${join(o.dir, "data")}`,
    `--web.listen-address=127.0.0.1:${port}`,
    "--log.level=warn",
  ], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (b: Buffer) => (output += b.toString()));
  child.stderr!.on("data", (b: Buffer) => (output += b.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`prometheus exited with ${child.exitCode}:\n${output}`);
    const ready = await fetch(`${url}/-/ready`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`prometheus not ready after 20 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, log: () => output, stop };
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
