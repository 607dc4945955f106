// The soak: minutes of mixed load through the gateway (valid, 401, 403 and 429 keys, plus
// unconfigured keys) with bounded concurrency, against the sandbox, in one process. Every
// interval it prints req/s, the status mix and the heap after a forced GC; at the end, the heap
// growth from the first to the last interval, against a 10 % bound.
import http from "node:http";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { READ_PERMISSIONS, startSim, type KeySpec } from "@minimo/sim";
import { parseConfig } from "../config/parse.js";
import { startExporter } from "../exporter.js";
import { createLogger } from "../logging/logger.js";

export interface SoakOptions {
  /** Total duration. Default 60. */
  seconds?: number;
  /** Reporting interval. Default 10. */
  intervalSeconds?: number;
  /** Requests in flight at once. Default 16. */
  concurrency?: number;
  /** Heap growth bound, first to last interval. Default 0.10. */
  maxHeapGrowth?: number;
  /** Where report lines go. Default stdout. */
  print?: (line: string) => void;
}

export interface SoakInterval {
  /** Seconds since the start, at the end of this interval. */
  at: number;
  requestsPerSecond: number;
  statuses: Record<string, number>;
  heapUsedBytes: number;
}

export interface SoakResult {
  intervals: SoakInterval[];
  total: number;
  statuses: Record<string, number>;
  heapGrowth: number;
  pass: boolean;
  /** minimo_* samples on /metrics at the end. */
  series: number;
}

// Fake keys, like the sandbox's demo keys; huge limits where the soak must not hit 429.
const BIG = { limit: 1_000_000_000, window_seconds: 60 };
const KEYS: KeySpec[] = [
  { name: "soak-valid", key: "mn-soak01-FAKEsoakValid000000000", permissions: ["*"], rate_limit: BIG },
  { name: "soak-readonly", key: "mn-soak02-FAKEsoakReadonly0000000", permissions: [...READ_PERMISSIONS], rate_limit: BIG },
  { name: "soak-revoked", key: "mn-soak03-FAKEsoakRevoked00000000", permissions: ["*"], revoked: true },
  { name: "soak-limited", key: "mn-soak04-FAKEsoakLimited00000000", permissions: ["*"], rate_limit: { limit: 5, window_seconds: 60 } },
];
const key = (name: string) => KEYS.find((k) => k.name === name)!.key;

interface Shot {
  method: "GET" | "POST";
  path: string;
  key: string;
  body?: string;
}

/** The i-th request of the mix: ~45 % valid, 15 % 403, 20 % 401, 20 % 429. */
function shot(i: number): Shot {
  // Ten addresses in turn, so the sandbox's data stays flat; each block of 20 writes its address
  // (cases 6, 7) before it reads it back (case 8).
  const email = `soak-${Math.floor(i / 20) % 10}@example.com`;
  switch (i % 20) {
    case 0:
    case 1:
    case 2:
    case 3:
    case 4:
    case 5:
      return { method: "GET", path: "/public/v1/custom-fields", key: key("soak-valid") };
    case 6:
    case 7:
      return { method: "POST", path: "/public/v1/contacts", key: key("soak-valid"), body: JSON.stringify({ email, firstName: "Soak" }) };
    case 8:
      return { method: "GET", path: `/public/v1/contacts/by-email/${encodeURIComponent(email)}`, key: key("soak-valid") };
    case 9:
    case 10:
    case 11:
      return { method: "POST", path: "/public/v1/custom-fields", key: key("soak-readonly"), body: JSON.stringify({ key: "soak", displayName: "Soak", type: "text" }) };
    case 12:
    case 13:
      return { method: "GET", path: "/public/v1/custom-fields", key: key("soak-revoked") };
    case 14:
    case 15:
      return { method: "GET", path: "/public/v1/templates/whatsapp", key: `mn-stranger${i % 1000}-FAKEunknown${i}` };
    default:
      return { method: "GET", path: "/public/v1/custom-fields", key: key("soak-limited") };
  }
}

let gcFn: (() => void) | undefined;
/** Forces a full GC (enabling `--expose-gc` at runtime when node was not started with it). */
export function gc(): void {
  if (!gcFn) {
    const g = (globalThis as { gc?: () => void }).gc;
    if (g) gcFn = g;
    else {
      setFlagsFromString("--expose-gc");
      gcFn = runInNewContext("gc") as () => void;
    }
  }
  gcFn();
  gcFn();
}

const heapAfterGc = () => {
  gc();
  return process.memoryUsage().heapUsed;
};
const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;
const mix = (s: Record<string, number>) =>
  Object.entries(s)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}:${v}`)
    .join(" ");

export async function runSoak(options: SoakOptions = {}): Promise<SoakResult> {
  const seconds = options.seconds ?? 60;
  const intervalSeconds = Math.min(options.intervalSeconds ?? 10, seconds);
  const concurrency = options.concurrency ?? 16;
  const maxGrowth = options.maxHeapGrowth ?? 0.1;
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));

  const sim = await startSim({ port: 0, keys: KEYS });
  const config = parseConfig(
    {
      upstream: sim.url,
      listen: { metrics: "127.0.0.1:0", gateway: "127.0.0.1:0" },
      probe: { min_interval_seconds: 10 },
      keys: KEYS.map((k) => ({ name: k.name, key_env: k.name.replace("-", "_").toUpperCase() })),
    },
    Object.fromEntries(KEYS.map((k) => [k.name.replace("-", "_").toUpperCase(), k.key])),
  );
  const exporter = await startExporter({ config, logger: createLogger({ level: "error" }) });
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const gateway = new URL(exporter.gatewayUrl);
  print(`soak: ${seconds} s of mixed load (valid, 401, 403, 429, unknown keys), concurrency ${concurrency}, report every ${intervalSeconds} s`);
  print(`soak: gateway ${exporter.gatewayUrl}, metrics ${exporter.metricsUrl}, sandbox ${sim.url}`);

  let window: Record<string, number> = {};
  const totals: Record<string, number> = {};
  let total = 0;
  let next = 0;
  let stop = false;
  const send = (s: Shot) =>
    new Promise<string>((resolve) => {
      const headers: http.OutgoingHttpHeaders = { authorization: `Bearer ${s.key}` };
      if (s.body) headers["content-type"] = "application/json";
      const req = http.request({ host: gateway.hostname, port: gateway.port, method: s.method, path: s.path, headers, agent }, (res) => {
        res.resume();
        res.on("end", () => resolve(String(res.statusCode)));
        res.on("error", () => resolve("error"));
      });
      req.on("error", () => resolve("error"));
      req.end(s.body);
    });
  const worker = async () => {
    while (!stop) {
      const status = await send(shot(next++));
      window[status] = (window[status] ?? 0) + 1;
      totals[status] = (totals[status] ?? 0) + 1;
      total++;
    }
  };
  // A scrape every 5 s, as Prometheus would, so probes and collect() run during the soak.
  const scraper = setInterval(() => {
    fetch(exporter.metricsUrl).then(
      (r) => r.arrayBuffer(),
      () => undefined,
    );
  }, 5000);

  const started = performance.now();
  const workers = Array.from({ length: concurrency }, worker);
  const intervals: SoakInterval[] = [];
  const rounds = Math.max(1, Math.round(seconds / intervalSeconds));
  for (let i = 1; i <= rounds; i++) {
    const due = started + i * intervalSeconds * 1000;
    await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
    const statuses = window;
    window = {};
    const count = Object.values(statuses).reduce((a, b) => a + b, 0);
    const heap = heapAfterGc();
    const at = Math.round((performance.now() - started) / 1000);
    intervals.push({ at, requestsPerSecond: count / intervalSeconds, statuses, heapUsedBytes: heap });
    print(`soak +${String(at).padStart(3)}s  ${(count / intervalSeconds).toFixed(0).padStart(5)} req/s  heap(after GC) ${mib(heap).padStart(9)}  ${mix(statuses)}`);
  }
  stop = true;
  clearInterval(scraper);
  await Promise.all(workers);
  const text = await (await fetch(exporter.metricsUrl)).text();
  const series = text.split("\n").filter((l) => l.startsWith("minimo_")).length;
  agent.destroy();
  await exporter.close();
  await sim.close();

  const first = intervals[0]!.heapUsedBytes;
  const last = intervals[intervals.length - 1]!.heapUsedBytes;
  const heapGrowth = (last - first) / first;
  const pass = heapGrowth < maxGrowth;
  const elapsed = (performance.now() - started) / 1000;
  print(`soak: ${total} requests in ${elapsed.toFixed(0)} s (${(total / elapsed).toFixed(0)} req/s), statuses ${mix(totals)}, minimo_* series at the end ${series}`);
  print(
    `soak: heap after GC ${mib(first)} (first ${intervalSeconds} s) -> ${mib(last)} (last ${intervalSeconds} s): ${(heapGrowth * 100).toFixed(1)} % growth, bound < ${(maxGrowth * 100).toFixed(0)} %: ${pass ? "PASS" : "MISS"}`,
  );
  return { intervals, total, statuses: totals, heapGrowth, pass, series };
}
