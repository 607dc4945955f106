// Three replicas sharing a real redis-server, scraped over and over: the sandbox sees one probe
// per key per min_interval_seconds across all three, and every replica shows the verdict.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig, startExporter, type RunningExporter } from "../../src/index.js";
import { captureLogger, demoEnv, envName, sample, startLoggedSim } from "../helpers.js";
import { redisMissing, startRedis, type RedisServer } from "./redis-server.js";

const INTERVAL_S = 2;

describe.skipIf(redisMissing !== undefined)("the probe lease", () => {
  let sim: Awaited<ReturnType<typeof startLoggedSim>>;
  let redis: RedisServer;
  const replicas: RunningExporter[] = [];
  const probes = () => sim.lines.filter((l) => l.startsWith("GET /public/v1/custom-fields ") && l.includes("key=demo-full ")).length;

  beforeAll(async () => {
    sim = await startLoggedSim();
    redis = await startRedis();
    for (const id of ["r1", "r2", "r3"]) {
      const config = parseConfig(
        {
          upstream: sim.url,
          listen: { metrics: "127.0.0.1:0", gateway: "127.0.0.1:0" },
          probe: { min_interval_seconds: INTERVAL_S },
          keys: [{ name: "production", key_env: envName("demo-full") }],
          state: { redis_url: redis.url },
        },
        demoEnv,
      );
      replicas.push(await startExporter({ config, logger: captureLogger("warn").logger, replicaId: id }));
    }
    const up = async (e: RunningExporter) => sample(await (await fetch(e.metricsUrl)).text(), "minimo_exporter_state_backend_up") === 1;
    for (let i = 0; i < 100 && !(await Promise.all(replicas.map(up))).every(Boolean); i++) await new Promise((r) => setTimeout(r, 100));
  }, 30_000);
  afterAll(async () => {
    await Promise.all(replicas.map((e) => e.close()));
    await redis?.stop();
    await sim?.close();
  });

  it("one probe per key per interval across three replicas, each replica showing the key up", async () => {
    const before = probes();
    const t0 = Date.now();
    // Every replica scraped every 250 ms: alone, each would probe every interval.
    while (Date.now() - t0 < 10_000) {
      await Promise.all(replicas.map((e) => fetch(e.metricsUrl, { headers: { "x-prometheus-scrape-timeout-seconds": "2" } }).then((r) => r.text())));
      await new Promise((r) => setTimeout(r, 250));
    }
    const elapsed = (Date.now() - t0) / 1000;
    const made = probes() - before;
    // At most one per interval started in the run (plus the one at its start); three replicas alone would make ~3x.
    expect(made).toBeLessThanOrEqual(Math.ceil(elapsed / INTERVAL_S) + 1);
    expect(made).toBeGreaterThanOrEqual(Math.floor(elapsed / INTERVAL_S) - 1);
    for (const e of replicas) expect(sample(await (await fetch(e.metricsUrl)).text(), "minimo_key_up", { key: "production" })).toBe(1);
  }, 30_000);
});
