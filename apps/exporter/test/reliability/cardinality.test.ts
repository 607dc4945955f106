// Cardinality attack: 10,000 distinct garbage Authorization values (and random paths and
// methods) through the gateway. Every request is answered, the exporter's series count stays
// under a fixed bound, and the heap after GC does not grow with the number of distinct values.
import http from "node:http";
import { demoKeys } from "@minimo/sim";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig, startExporter, type RunningExporter } from "../../src/index.js";
import { captureLogger, labelValues, sample, seriesCount, settledHeap, startRefusingUpstream } from "./support.js";

const ATTACK = 10_000;
const CONCURRENCY = 32;
/**
 * Fixed bound on the minimo_* samples the attack may add. Labels come from the spec's routes,
 * the request method and the status, never from the key or raw path, so the bound does not
 * depend on the number of distinct values sent (6 methods x 5 path shapes here, histogram
 * buckets included).
 */
const MAX_NEW_SERIES = 400;
/** Heap growth allowed after GC: far below what 10,000 retained label sets would take. */
const MAX_HEAP_GROWTH_BYTES = 24 * 1024 * 1024;

// A deterministic PRNG (mulberry32), so a failure can be replayed.
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(0x5eed);
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const word = (n: number) => Array.from({ length: n }, () => ALNUM[Math.floor(random() * ALNUM.length)]).join("");
const printable = (n: number) => Array.from({ length: n }, () => String.fromCharCode(33 + Math.floor(random() * 94))).join("");

/** The i-th garbage request: each Authorization value distinct. */
function garbage(i: number): { method: string; path: string; authorization: string } {
  const shapes = [
    () => `Bearer mn-${word(1 + (i % 20))}${i}-${word(24)}`, // well-formed, unknown client id
    () => `Bearer mn-demo01-${word(20)}${i}`, // a configured client id, wrong secret
    () => `Bearer ${printable(10 + (i % 300))}${i}`,
    () => `Basic ${Buffer.from(`${word(8)}:${i}`).toString("base64")}`,
    () => `${word(6)} ${word(1 + (i % 2000))}${i}`,
  ];
  const paths = ["/public/v1/custom-fields", `/public/v1/contacts/${i}`, `/public/v1/contacts/by-email/${word(8)}%40x.io`, `/x/${word(12)}/${i}`, `/api/${i}?q=${word(5)}`];
  const methods = ["GET", "POST", "DELETE", "PUT", "PATCH", "OPTIONS"];
  return { method: methods[i % methods.length]!, path: paths[Math.floor(random() * paths.length)]!, authorization: shapes[i % shapes.length]!() };
}

describe("cardinality attack through the gateway", () => {
  let upstream: http.Server;
  let exporter: RunningExporter;
  const log = captureLogger("info");

  beforeAll(async () => {
    // A minimal upstream that refuses every key, like Minimo does for garbage: the attack
    // measures the exporter, not the sandbox's express stack.
    const refusing = await startRefusingUpstream(() => ({
      "x-ratelimit-limit": "60",
      "x-ratelimit-remaining": "59",
      "x-ratelimit-reset": String(Math.ceil(Date.now() / 1000) + 60),
    }));
    upstream = refusing.server;
    const config = parseConfig(
      {
        upstream: refusing.url,
        listen: { metrics: "127.0.0.1:0", gateway: "127.0.0.1:0" },
        keys: demoKeys.map((k) => ({ name: k.name, key_env: k.name.toUpperCase().replace("-", "_"), probe: { operations: [] } })),
      },
      Object.fromEntries(demoKeys.map((k) => [k.name.toUpperCase().replace("-", "_"), k.key])),
    );
    exporter = await startExporter({ config, logger: log.logger });
  });
  afterAll(async () => {
    await exporter?.close();
    await new Promise<void>((r) => {
      upstream.close(() => r());
      upstream.closeAllConnections();
    });
  });

  it(`answers all ${ATTACK} distinct garbage keys with bounded series and heap`, async () => {
    const scrape = async () => (await fetch(exporter.metricsUrl)).text();
    const before = await scrape();
    const seriesBefore = seriesCount(before);
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const { port, hostname } = new URL(exporter.gatewayUrl);
    const send = (i: number) =>
      new Promise<number>((resolve) => {
        const g = garbage(i);
        const req = http.request({ host: hostname, port, method: g.method, path: g.path, agent, headers: { authorization: g.authorization } }, (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        });
        req.on("error", () => resolve(-1));
        req.end();
      });

    // The first 500 of the 10,000 warm up (JIT, pools); the heap is measured across the rest.
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async (count: number) => {
      while (next < count) {
        const status = await send(next++);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, () => worker(500)));
    const heapBefore = settledHeap();
    await Promise.all(Array.from({ length: CONCURRENCY }, () => worker(ATTACK / 2)));
    const half = await scrape();
    await Promise.all(Array.from({ length: CONCURRENCY }, () => worker(ATTACK)));
    const after = await scrape();
    const heapGrowth = settledHeap() - heapBefore;
    agent.destroy();

    const answered = [...statuses].filter(([s]) => s > 0).reduce((n, [, c]) => n + c, 0);
    const added = seriesCount(after) - seriesBefore;
    console.log(
      `cardinality attack: ${ATTACK} requests, answered ${answered}, statuses ${JSON.stringify(Object.fromEntries(statuses))}, minimo_* series ${seriesBefore} -> ${seriesCount(half)} after ${ATTACK / 2} -> ${seriesCount(after)} (+${added}), heap growth after GC ${(heapGrowth / 1048576).toFixed(1)} MiB`,
    );

    expect(statuses.get(-1) ?? 0).toBe(0);
    expect(answered).toBe(ATTACK);
    expect(added).toBeLessThanOrEqual(MAX_NEW_SERIES);
    // Saturated: the second 5,000 distinct values added no series at all.
    expect(seriesCount(after)).toBe(seriesCount(half));
    expect(heapGrowth).toBeLessThan(MAX_HEAP_GROWTH_BYTES);
    // Every garbage request is counted, under the one bounded `unknown` key label.
    expect(sample(after, "minimo_gateway_unknown_key_requests_total", { code: "401" })).toBe(ATTACK);
    expect(labelValues(after, "key")).toEqual(new Set([...demoKeys.map((k) => k.name), "unknown"]));
    for (const op of labelValues(after, "operation")) expect(op === "unmatched" || op.startsWith("/")).toBe(true);
    expect(labelValues(after, "operation").size).toBeLessThanOrEqual(8);
    // Nothing of the garbage reached a label value.
    expect(after).not.toMatch(/mn-demo01-|Basic |%40x\.io|\/x\//);
  }, 60_000);
});
