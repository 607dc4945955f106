// The console over the fleet: two replicas sharing a real redis-server each show the same merged
// counts and caller tables (and say how many replicas answered); with Redis gone each shows its
// own numbers and says so; with Redis back the merged numbers return, nothing counted twice.
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig, startExporter, type RunningExporter } from "../../src/index.js";
import { captureLogger, DEMO, demoEnv, envName, startLoggedSim } from "../helpers.js";
import { eventually } from "../reliability/support.js";
import { redisMissing, startRedis, type RedisServer } from "./redis-server.js";

interface Api {
  fleet?: { replicaId: string; scope: string; replicas: number; unavailableSince?: string };
  keys: { alias: string; totals: { requests: number; unauthorized: number }; perMinute: { requests: number[] } }[];
}
interface Callers {
  callers: { userAgent: string; count: number }[];
}

describe.skipIf(redisMissing !== undefined)("the console over several replicas", () => {
  let sim: Awaited<ReturnType<typeof startLoggedSim>>;
  let redis: RedisServer;
  let a: RunningExporter;
  let b: RunningExporter;
  const start = (replicaId: string) =>
    startExporter({
      config: parseConfig(
        {
          upstream: sim.url,
          listen: { metrics: "127.0.0.1:0", gateway: "127.0.0.1:0" },
          keys: [
            { name: "production", key_env: envName("demo-full") },
            { name: "old", key_env: envName("demo-revoked") },
          ],
          state: { redis_url: redis.url },
        },
        demoEnv,
      ),
      logger: captureLogger("warn").logger,
      replicaId,
    });
  const api = async (e: RunningExporter) => (await (await fetch(`${e.consoleUrl}api/keys`)).json()) as Api;
  const row = (body: Api, alias: string) => body.keys.find((k) => k.alias === alias)!;
  const callers = async (e: RunningExporter) =>
    ((await (await fetch(`${e.consoleUrl}api/keys/old/callers`)).json()) as Callers).callers.map((c) => `${c.userAgent} ${c.count}`).sort();
  const send = async (e: RunningExporter, key: string, userAgent: string, n: number) => {
    for (let i = 0; i < n; i++) {
      const res = await fetch(`${e.gatewayUrl}/public/v1/custom-fields`, { headers: { authorization: `Bearer ${key}`, "user-agent": userAgent } });
      await res.arrayBuffer();
    }
  };

  beforeAll(async () => {
    sim = await startLoggedSim();
    redis = await startRedis();
    a = await start("a");
    b = await start("b");
    await send(a, DEMO["demo-full"]!, "app/1", 5);
    await send(a, DEMO["demo-revoked"]!, "cron/1", 2);
    await send(b, DEMO["demo-full"]!, "app/1", 3);
    await send(b, DEMO["demo-revoked"]!, "cron/1", 1);
    await send(b, DEMO["demo-revoked"]!, "batch/2", 4);
  }, 30_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await redis?.stop();
    await sim?.close();
  });

  it("every replica shows the fleet's totals, per-minute series and caller tables, and that 2 replicas answered", async () => {
    const merged = async (e: RunningExporter) => {
      const body = await api(e);
      return body.fleet?.replicas === 2 && row(body, "production").totals.requests === 8 && row(body, "old").totals.requests === 7;
    };
    await eventually(async () => (await merged(a)) && (await merged(b)), 15_000, "both replicas show the merged counts");
    for (const e of [a, b]) {
      const body = await api(e);
      expect(body.fleet).toMatchObject({ scope: "fleet", replicas: 2 });
      expect(row(body, "old").totals.unauthorized).toBe(7);
      expect(row(body, "production").perMinute.requests.reduce((x, y) => x + y, 0)).toBe(8);
      expect(await callers(e)).toEqual(["batch/2 4", "cron/1 3"]);
    }
    expect((await api(a)).fleet!.replicaId).toBe("a");
    expect(await (await fetch(a.consoleUrl)).text()).toContain("replica a · fleet view: 2 replicas answered");
  }, 20_000);

  it("with Redis gone each replica shows its own numbers and says so; back, the merged numbers return once", async () => {
    await redis.stop();
    await eventually(async () => (await api(a)).fleet?.scope === "replica", 10_000, "a notices");
    const alone = await api(a);
    expect(row(alone, "production").totals.requests).toBe(5);
    expect(alone.fleet!.unavailableSince).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await (await fetch(a.consoleUrl)).text()).toContain("replica a · this replica only — shared state unavailable since ");
    // Traffic during the outage is counted where it landed and joins the merged view after.
    await send(b, DEMO["demo-full"]!, "app/1", 2);
    await redis.start();
    await eventually(
      async () => {
        const body = await api(a);
        return body.fleet?.scope === "fleet" && body.fleet.replicas === 2 && row(body, "production").totals.requests === 10;
      },
      20_000,
      "merged again",
    );
    // Stays at 10 over further exchanges: nothing is added twice.
    await new Promise((r) => setTimeout(r, 6000));
    expect(row(await api(a), "production").totals.requests).toBe(10);
    expect(row(await api(b), "production").totals.requests).toBe(10);
  }, 45_000);

  it("stores no API key in Redis: every value the replicas wrote is checked", async () => {
    await a.close();
    await b.close();
    const client = createClient({ url: redis.url });
    await client.connect();
    try {
      const keys = await client.keys("*");
      expect(keys.length).toBeGreaterThan(0);
      let stored = keys.join("\n");
      for (const k of keys) {
        const type = await client.type(k);
        if (type === "string") stored += await client.get(k);
        else if (type === "hash") stored += JSON.stringify(await client.hGetAll(k));
        else if (type === "zset") stored += (await client.zRange(k, 0, -1)).join("\n");
      }
      expect(stored).toContain("production");
      for (const secret of Object.values(DEMO)) {
        expect(stored).not.toContain(secret);
        // Nor its secret half alone.
        expect(stored).not.toContain(secret.split("-").slice(2).join("-"));
      }
    } finally {
      await client.close();
    }
  });
});
