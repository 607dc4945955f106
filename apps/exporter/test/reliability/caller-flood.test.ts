// A flood of 10,000 distinct callers with bad keys through the gateway (behind a trusted proxy,
// so each has its own X-Forwarded-For address and User-Agent), while the revoked key's one real
// caller keeps calling. The caller tables stay at their fixed size, the heap after GC does not
// grow with the number of callers, and the log shows the revoked key's caller once.
import http from "node:http";
import { demoKeys } from "@minimo/sim";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CALLERS_PER_KEY, NEW_CALLER_LINES_PER_MINUTE } from "../../src/callers/tracker.js";
import { parseConfig, startExporter, type RunningExporter } from "../../src/index.js";
import { captureLogger, settledHeap, startRefusingUpstream } from "./support.js";

const FLOOD = 10_000;
const CONCURRENCY = 32;
const REVOKED_CALLS = 1_000;
/** Heap growth allowed after GC: far below what 10,000 retained callers would take. */
const MAX_HEAP_GROWTH_BYTES = 16 * 1024 * 1024;
const env = Object.fromEntries(demoKeys.map((k) => [k.name.toUpperCase().replace("-", "_"), k.key]));
const revokedKey = demoKeys.find((k) => k.name === "demo-revoked")!.key;

describe("flood of distinct callers with bad keys", () => {
  let upstream: http.Server;
  let exporter: RunningExporter;
  const log = captureLogger("info");

  beforeAll(async () => {
    const refusing = await startRefusingUpstream();
    upstream = refusing.server;
    const config = parseConfig(
      {
        upstream: refusing.url,
        listen: { metrics: "127.0.0.1:0", gateway: "127.0.0.1:0" },
        gateway: { trusted_proxies: ["loopback"] },
        keys: demoKeys.map((k) => ({ name: k.name, key_env: k.name.toUpperCase().replace("-", "_"), probe: { operations: [] } })),
      },
      env,
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

  it(`keeps the caller tables and the heap bounded through ${FLOOD} distinct callers`, async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const { port, hostname } = new URL(exporter.gatewayUrl);
    const send = (headers: Record<string, string>) =>
      new Promise<number>((resolve) => {
        const req = http.request({ host: hostname, port, path: "/public/v1/custom-fields", agent, headers }, (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        });
        req.on("error", () => resolve(-1));
        req.end();
      });
    const attacker = (i: number) => ({
      authorization: i % 2 ? `Bearer mn-demo0${1 + (i % 5)}-WRONGsecret${i}xxxxxxxxxxxx` : `Bearer mn-x${i}-${i}yyyyyyyyyyyyyyyyyyyy`,
      "x-forwarded-for": `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      "user-agent": `flood/${i}`,
    });
    const revoked = { authorization: `Bearer ${revokedKey}`, "x-forwarded-for": "198.51.100.23", "user-agent": "old-mobile-app/3.1 okhttp/4.12" };

    let next = 0;
    let revokedSent = 0;
    const worker = async (count: number) => {
      while (next < count) {
        const i = next++;
        expect(await send(attacker(i))).toBe(401);
        if (i % (FLOOD / REVOKED_CALLS) === 0) {
          revokedSent++;
          expect(await send(revoked)).toBe(401);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, () => worker(500)));
    const heapBefore = settledHeap();
    await Promise.all(Array.from({ length: CONCURRENCY }, () => worker(FLOOD)));
    const heapGrowth = settledHeap() - heapBefore;
    agent.destroy();

    const api = async (path: string) => (await fetch(exporter.consoleUrl + path)).json() as Promise<Record<string, unknown>>;
    const unknown = (await api("api/keys/unknown/callers")) as { callers: { clientId?: string }[]; evictions: number };
    const rev = (await api("api/keys/demo-revoked/callers")) as { callers: Record<string, unknown>[] };
    const keys = (await api("api/keys")) as { keys: { alias: string; totals: { requests: number } }[] };
    const lines = log.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const callerLines = lines.filter((l) => l.msg === "new caller with a rejected key" || l.msg === "caller still rejected");
    console.log(
      `caller flood: ${FLOOD} distinct callers + ${revokedSent} revoked-key calls; unknown table ${unknown.callers.length} callers (${unknown.evictions} evictions), heap growth after GC ${(heapGrowth / 1048576).toFixed(2)} MiB, caller log lines ${callerLines.length} (revoked: ${callerLines.filter((l) => l.alias === "demo-revoked").length})`,
    );

    expect(unknown.callers).toHaveLength(CALLERS_PER_KEY);
    expect(unknown.evictions).toBeGreaterThan(FLOOD / 2 - CALLERS_PER_KEY - 1);
    // Wrong secrets for configured client ids show their client id; the others none.
    expect(unknown.callers.every((c) => c.clientId === undefined || /^demo0[1-5]$/.test(c.clientId))).toBe(true);
    expect(rev.callers).toEqual([expect.objectContaining({ address: "198.51.100.23", userAgent: "old-mobile-app/3.1 okhttp/4.12", count: revokedSent, countError: 0 })]);
    expect(keys.keys.find((k) => k.alias === "unknown")!.totals.requests).toBe(FLOOD);
    expect(keys.keys.find((k) => k.alias === "demo-revoked")!.totals.requests).toBe(revokedSent);
    expect(heapGrowth).toBeLessThan(MAX_HEAP_GROWTH_BYTES);
    // The revoked key's caller: one info line, not one per request.
    expect(callerLines.filter((l) => l.alias === "demo-revoked")).toHaveLength(1);
    // The flood: at most the per-minute budget of new-caller lines (two minutes at most in this test).
    expect(callerLines.filter((l) => l.alias === "unknown").length).toBeLessThanOrEqual(2 * NEW_CALLER_LINES_PER_MINUTE);
    expect(log.lines.join("\n")).not.toMatch(/WRONGsecret|yyyyyyyy|FAKErevoked/);
  }, 120_000);
});
