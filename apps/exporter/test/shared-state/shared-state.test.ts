// Several replicas over a real redis-server (with a password): posture facts one replica learns
// reach the others, the gateway serves while Redis is gone or frozen (backend_up 0, one warning
// per outage), the merged view comes back with Redis, and the facts outlive every replica.
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig, startExporter, type RunningExporter } from "../../src/index.js";
import { captureLogger, DEMO, demoEnv, envName, sample, startLoggedSim } from "../helpers.js";
import { eventually } from "../reliability/support.js";
import { redisMissing, startRedis, type RedisServer } from "./redis-server.js";

const PASSWORD = "canary-redis-password-7f3a";
const env = { ...demoEnv, REDIS_PASSWORD: PASSWORD };
const LAST_USED = "minimo_key_last_used_timestamp_seconds";
const UP = "minimo_exporter_state_backend_up";

function config(upstream: string, redisUrl: string) {
  return parseConfig(
    {
      upstream,
      listen: { metrics: "127.0.0.1:0", gateway: "127.0.0.1:0" },
      keys: [{ name: "production", key_env: envName("demo-full") }],
      state: { redis_url: redisUrl, redis_password_env: "REDIS_PASSWORD" },
    },
    env,
  );
}

describe.skipIf(redisMissing !== undefined)("shared state in Redis", () => {
  let sim: Awaited<ReturnType<typeof startLoggedSim>>;
  let redis: RedisServer;
  const logs: string[][] = [];
  let a: RunningExporter;
  let b: RunningExporter;
  const start = async (replicaId: string) => {
    const { logger, lines } = captureLogger("info");
    logs.push(lines);
    return startExporter({ config: config(sim.url, redis.url), logger, replicaId });
  };
  const metric = async (e: RunningExporter, name: string, labels: Record<string, string> = {}) => sample(await (await fetch(e.metricsUrl)).text(), name, labels);
  const call = (e: RunningExporter) => fetch(`${e.gatewayUrl}/public/v1/custom-fields`, { headers: { authorization: `Bearer ${DEMO["demo-full"]}` } }).then((r) => r.status);

  beforeAll(async () => {
    sim = await startLoggedSim();
    redis = await startRedis(["--requirepass", PASSWORD]);
    a = await start("a");
    b = await start("b");
    await eventually(async () => (await metric(a, UP)) === 1 && (await metric(b, UP)) === 1, 10_000, "both replicas connected");
  }, 30_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await redis?.stop();
    await sim?.close();
  });

  it("a fact one replica learns (last used) reaches the other", async () => {
    expect(await metric(b, LAST_USED, { key: "production" })).toBeUndefined();
    expect(await call(a)).toBe(200);
    const learned = (await metric(a, LAST_USED, { key: "production" }))!;
    expect(learned).toBeGreaterThan(0);
    await eventually(async () => (await metric(b, LAST_USED, { key: "production" })) === learned, 15_000, "b learns a's last use");
  }, 20_000);

  it("serves while Redis is gone: backend_up 0, one warning per outage, and the view comes back", async () => {
    const warningsBefore = logs.flat().filter((l) => l.includes("shared state unavailable")).length;
    await redis.stop();
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push(await call(a));
    expect(statuses.every((s) => s === 200)).toBe(true);
    await eventually(async () => (await metric(a, UP)) === 0 && (await metric(b, UP)) === 0, 10_000, "backend_up 0");
    // Reconnect attempts keep failing for a while: still one warning per replica.
    await new Promise((r) => setTimeout(r, 2000));
    expect(logs.flat().filter((l) => l.includes("shared state unavailable")).length - warningsBefore).toBe(2);
    await redis.start();
    await eventually(async () => (await metric(a, UP)) === 1 && (await metric(b, UP)) === 1, 15_000, "backend_up 1 again");
    expect(logs.flat().filter((l) => l.includes("shared state available again")).length).toBe(2);
  }, 40_000);

  it("serves while Redis is frozen (SIGSTOP): requests are not held, backend_up falls to 0", async () => {
    redis.pause();
    try {
      const t0 = Date.now();
      const statuses = await Promise.all(Array.from({ length: 10 }, () => call(a)));
      expect(statuses.every((s) => s === 200)).toBe(true);
      // Far below the command timeout would be nicer, but the machine is shared: just not held by Redis.
      expect(Date.now() - t0).toBeLessThan(5000);
      await eventually(async () => (await metric(a, UP)) === 0, 12_000, "a notices the frozen backend");
    } finally {
      redis.resume();
    }
    await eventually(async () => (await metric(a, UP)) === 1, 15_000, "backend_up 1 after SIGCONT");
  }, 40_000);

  it("posture facts survive a restart of every replica (Redis refilled after its own restart)", async () => {
    const learned = (await metric(a, LAST_USED, { key: "production" }))!;
    await a.close();
    await b.close();
    // No state directory: whatever c knows comes from Redis.
    const c = await start("c");
    try {
      await eventually(async () => (await metric(c, LAST_USED, { key: "production" })) === learned, 10_000, "c gets the fleet's facts");
    } finally {
      await c.close();
    }
  }, 20_000);

  it("the Redis password appears in no log line", () => {
    expect(logs.flat().join("\n")).not.toContain(PASSWORD);
  });
});

describe("state.redis_url in the config", () => {
  const base = { upstream: "http://127.0.0.1:1", keys: [{ name: "production", key_env: envName("demo-full") }] };
  const problems = (state: object, extraEnv: NodeJS.ProcessEnv = {}) => {
    try {
      parseConfig({ ...base, state }, { ...env, ...extraEnv });
      return [];
    } catch (err) {
      return (err as { lines(): string[] }).lines();
    }
  };

  it.each([
    [{ redis_url: "http://127.0.0.1:6379" }, 'state.redis_url: expected a redis:// or rediss:// URL, got the scheme "http:"'],
    [{ redis_url: "not a url" }, "state.redis_url: expected a URL like redis://host:6379 or rediss://host:6380, got text that is not a URL"],
    [
      { redis_url: `redis://:${PASSWORD}@127.0.0.1:6379` },
      "state.redis_url: holds a password; put it in an environment variable or a file and name that in state.redis_password_env or state.redis_password_file",
    ],
    [{ redis_url: "redis://127.0.0.1", redis_password_env: "NOPE" }, "state.redis_password_env: environment variable NOPE is not set"],
    [{ redis_password_env: "REDIS_PASSWORD" }, "state.redis_password_env: needs state.redis_url"],
    [{ redis_url: "redis://127.0.0.1", redis_password_env: "REDIS_PASSWORD", redis_password_file: "/x" }, "state: set one of redis_password_env or redis_password_file, not both"],
    [{ redis_url: 6379 }, "state.redis_url: expected a URL like redis://host:6379 or rediss://host:6380, got the number 6379"],
  ])("%j is refused: %s", (state, message) => {
    const lines = problems(state);
    expect(lines).toEqual([message]);
    expect(lines.join("\n")).not.toContain(PASSWORD);
  });

  it("keeps the password as a secret: never in a config dump", () => {
    const parsed = parseConfig({ ...base, state: { redis_url: "rediss://user@redis.example:6380/2", redis_password_env: "REDIS_PASSWORD" } }, env);
    expect(parsed.state?.redis?.url).toBe("rediss://user@redis.example:6380/2");
    expect(parsed.state?.redis?.password?.reveal()).toBe(PASSWORD);
    expect(JSON.stringify(parsed)).not.toContain(PASSWORD);
    expect(inspect(parsed, { depth: 10 })).not.toContain(PASSWORD);
  });
});
