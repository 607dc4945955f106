// The fleet with real parts: redis-server, haproxy (round robin) in front of three CLI exporters,
// and the sandbox. A client sends a known mix of keys, statuses and callers through haproxy; one
// exporter is killed with SIGKILL between two bursts and started again; Redis is frozen for 10 s
// during traffic. Then every replica's /api/keys shows the client's counts and the same callers,
// and the posture facts outlive a restart of every replica.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSim, type RunningSim } from "@minimo/sim";
import { stringify } from "yaml";
import { ensureBuilt, spawnCli } from "../reliability/cli-support.js";
import { sample, eventually } from "../reliability/support.js";
import { freePort, redisMissing, startRedis, type RedisServer } from "./redis-server.js";

const haproxyMissing = spawnSync("haproxy", ["-v"]).error ? "haproxy not found on PATH (install the Debian package `haproxy`)" : undefined;
const prometheusMissing = spawnSync("prometheus", ["--version"]).error ? "prometheus not found on PATH (install the Debian package `prometheus`)" : undefined;
if (prometheusMissing) {
  if (process.env.CI) throw new Error(`${prometheusMissing}; CI must not skip the fleet system test`);
  console.warn(`skipping the fleet system test: ${prometheusMissing}`);
}
if (haproxyMissing) {
  if (process.env.CI) throw new Error(`${haproxyMissing}; CI must not skip the fleet system test`);
  console.warn(`skipping the fleet system test: ${haproxyMissing}`);
}

const KEYS = { production: "mn-sys01-FAKEsystemFull00000000", old: "mn-sys02-FAKEsystemRevoked00000" };
const UNKNOWN = "mn-nobody-FAKEnotConfigured0000";
/** Statuses haproxy makes up when no exporter answered: failures, not gateway answers. */
const PROBE_INTERVAL_S = 2;
const PROXY_FAILURES = new Set([502, 503, 504]);

interface Replica {
  id: string;
  gateway: number;
  metrics: number;
  run?: ReturnType<typeof spawnCli>;
}

describe.skipIf(redisMissing !== undefined || haproxyMissing !== undefined || prometheusMissing !== undefined)("three replicas behind haproxy, sharing Redis", () => {
  let sim: RunningSim;
  const simLog: string[] = [];
  let redis: RedisServer;
  let haproxy: ChildProcess;
  let prometheus: ChildProcess;
  let prometheusUrl: string;
  let front: string;
  let dir: string;
  const replicas: Replica[] = [];
  /** What the client got, per alias: answers by status, and failures. */
  const got = new Map<string, number>();
  const callersSeen = new Map<string, number>();
  let failures = 0;
  let gatewayErrors = 0;

  const start = async (r: Replica) => {
    r.run = spawnCli(["--config", join(dir, "exporter.yaml"), "--replica-id", r.id, "--storage.path", join(dir, `state-${r.id}`)], {
      MINIMO_EXPORTER_LISTEN_GATEWAY: `127.0.0.1:${r.gateway}`,
      MINIMO_EXPORTER_LISTEN_METRICS: `127.0.0.1:${r.metrics}`,
      PROD_KEY: KEYS.production,
      OLD_KEY: KEYS.old,
    });
    const run = r.run;
    await eventually(() => run.output.stdout.includes("exporter started"), 20_000, `${r.id} start`);
  };
  const api = async (r: Replica) =>
    (await (await fetch(`http://127.0.0.1:${r.metrics}/api/keys`)).json()) as {
      fleet: { scope: string; replicas: number };
      keys: { alias: string; totals: { requests: number; unauthorized: number }; perMinute: { requests: number[] } }[];
    };
  const totals = async (r: Replica) => Object.fromEntries((await api(r)).keys.map((k) => [k.alias, k.totals.requests]));
  const callers = async (r: Replica) =>
    ((await (await fetch(`http://127.0.0.1:${r.metrics}/api/keys/old/callers`)).json()) as { callers: { userAgent: string; count: number }[] }).callers
      .map((c) => `${c.userAgent} ${c.count}`)
      .sort();

  async function burst(rounds: number, during?: () => Promise<void>) {
    const one = async (alias: string, key: string, userAgent: string) => {
      try {
        const res = await fetch(`${front}/public/v1/custom-fields`, { headers: { authorization: `Bearer ${key}`, "user-agent": userAgent } });
        await res.arrayBuffer();
        if (PROXY_FAILURES.has(res.status)) failures++;
        else {
          got.set(alias, (got.get(alias) ?? 0) + 1);
          if (alias === "old") callersSeen.set(userAgent, (callersSeen.get(userAgent) ?? 0) + 1);
          if (res.status >= 500) gatewayErrors++;
        }
      } catch {
        failures++;
      }
    };
    const traffic = (async () => {
      for (let i = 0; i < rounds; i++) {
        await Promise.all([
          one("production", KEYS.production, "app/1"),
          one("production", KEYS.production, "worker/2"),
          one("old", KEYS.old, `cron/${i % 3}`),
          one("unknown", UNKNOWN, "scanner/1"),
        ]);
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    await Promise.all([traffic, during?.()]);
  }

  beforeAll(async () => {
    ensureBuilt();
    sim = await startSim({
      port: 0,
      log: (line) => simLog.push(line),
      keys: [
        { name: "p", key: KEYS.production, permissions: ["*"] },
        { name: "o", key: KEYS.old, permissions: ["*"], revoked: true },
      ],
    });
    redis = await startRedis();
    dir = mkdtempSync(join(tmpdir(), "fleet-"));
    writeFileSync(
      join(dir, "exporter.yaml"),
      stringify({
        upstream: sim.url,
        // A route the client's traffic never takes, so the sandbox's log tells probes apart.
        probe: { operations: ["GET /public/v1/contacts/by-email/{email}"], min_interval_seconds: PROBE_INTERVAL_S },
        keys: [
          { name: "production", key_env: "PROD_KEY" },
          { name: "old", key_env: "OLD_KEY" },
        ],
        state: { redis_url: redis.url },
      }),
    );
    for (const id of ["r1", "r2", "r3"]) replicas.push({ id, gateway: await freePort(), metrics: await freePort() });
    await Promise.all(replicas.map(start));
    const port = await freePort();
    front = `http://127.0.0.1:${port}`;
    writeFileSync(
      join(dir, "haproxy.cfg"),
      [
        "global",
        "  maxconn 512",
        "defaults",
        "  mode http",
        "  timeout connect 1s",
        "  timeout client 10s",
        "  timeout server 10s",
        "  retries 0",
        "frontend fe",
        `  bind 127.0.0.1:${port}`,
        "  default_backend exporters",
        "backend exporters",
        "  balance roundrobin",
        "  option httpchk",
        "  http-check send meth GET uri /readyz",
        ...replicas.map((r) => `  server ${r.id} 127.0.0.1:${r.gateway} check port ${r.metrics} inter 300ms fall 1 rise 1`),
        "",
      ].join("\n"),
    );
    haproxy = spawn("haproxy", ["-db", "-f", join(dir, "haproxy.cfg")], { stdio: "ignore" });
    const promPort = await freePort();
    prometheusUrl = `http://127.0.0.1:${promPort}`;
    writeFileSync(
      join(dir, "prometheus.yml"),
      stringify({
        global: { scrape_interval: "1s", scrape_timeout: "900ms" },
        scrape_configs: [{ job_name: "minimo", static_configs: [{ targets: replicas.map((r) => `127.0.0.1:${r.metrics}`) }] }],
      }),
    );
    prometheus = spawn(
      "prometheus",
      [`--config.file=${join(dir, "prometheus.yml")}`, `--storage.tsdb.path=${join(dir, "prom")}`, `--web.listen-address=127.0.0.1:${promPort}`, "--log.level=warn"],
      { stdio: "ignore" },
    );
    await eventually(
      async () => {
        try {
          const up = (await (await fetch(`${prometheusUrl}/api/v1/query?query=up`)).json()) as { data: { result: { value: [number, string] }[] } };
          return up.data.result.length === 3 && up.data.result.every((r) => r.value[1] === "1");
        } catch {
          return false;
        }
      },
      20_000,
      "Prometheus scraping the three replicas",
    );
    await eventually(
      async () => {
        try {
          return (await fetch(`${front}/public/v1/custom-fields`, { headers: { authorization: `Bearer ${UNKNOWN}` } })).status === 401;
        } catch {
          return false;
        }
      },
      10_000,
      "haproxy up",
    );
    // That probe request counted as unknown: the client counts it too.
    got.set("unknown", 1);
    for (const r of replicas)
      await eventually(
        async () => sample(await (await fetch(`http://127.0.0.1:${r.metrics}/metrics`)).text(), "minimo_exporter_state_backend_up") === 1,
        10_000,
        `${r.id} on Redis`,
      );
  }, 120_000);

  afterAll(async () => {
    haproxy?.kill("SIGKILL");
    prometheus?.kill("SIGKILL");
    for (const r of replicas) r.run?.child.kill("SIGKILL");
    await redis?.stop();
    await sim?.close();
  });

  it("a SIGKILLed and restarted replica and a frozen Redis lose no count: every replica shows the client's numbers and callers", async () => {
    await burst(15);
    // One publish interval after the burst: what r2 served is in its last snapshot (see README).
    await new Promise((r) => setTimeout(r, 6000));
    const r2 = replicas[1]!;
    r2.run!.child.kill("SIGKILL");
    await r2.run!.exited;
    await burst(15);
    // Down long enough that Prometheus sees a gap: the restarted replica's counters start over.
    await new Promise((r) => setTimeout(r, 3000));
    await start(r2);
    await burst(15);
    // Redis frozen for 10 s while traffic flows: no gateway error, the console says "this replica only".
    let degraded = false;
    await burst(60, async () => {
      redis.pause();
      const t0 = Date.now();
      while (Date.now() - t0 < 10_000) {
        if ((await api(replicas[0]!)).fleet.scope === "replica") degraded = true;
        await new Promise((r) => setTimeout(r, 500));
      }
      redis.resume();
    });
    expect(degraded).toBe(true);
    expect(gatewayErrors).toBe(0);
    const expected = Object.fromEntries([...got].sort());
    await eventually(
      async () => {
        for (const r of replicas) {
          const body = await api(r);
          if (body.fleet.scope !== "fleet" || body.fleet.replicas !== 3) return false;
          const t = await totals(r);
          if (t.production !== expected.production || t.old !== expected.old || t.unknown !== expected.unknown) return false;
        }
        return true;
      },
      30_000,
      `every replica shows ${JSON.stringify(expected)} (failures excluded: ${failures})`,
    );
    const oldCallers = [...callersSeen].map(([ua, n]) => `${ua} ${n}`).sort();
    for (const r of replicas) {
      const body = await api(r);
      // The windowed series (the last hour) equals the totals: nothing counted twice, nothing lost.
      for (const k of body.keys)
        expect(
          k.perMinute.requests.reduce((a, b) => a + b, 0),
          `${r.id} ${k.alias}`,
        ).toBe(expected[k.alias] ?? 0);
      expect(await callers(r)).toEqual(oldCallers);
    }
  }, 180_000);

  it("Prometheus' samples of the three replicas, summed by key (restarts handled), equal the same numbers", async () => {
    const expected = Object.fromEntries([...got].sort());
    // Two scrapes after the last request.
    await new Promise((r) => setTimeout(r, 2500));
    const res = (await (await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent("minimo_api_requests_total[10m]")}`)).json()) as {
      data: { result: { metric: Record<string, string>; values: [number, string][] }[] };
    };
    const byKey: Record<string, number> = {};
    for (const series of res.data.result) {
      // A counter's total over incarnations: its last value, plus the last value before each
      // restart (a drop, or a gap of several scrape intervals where the replica was down).
      let total = 0;
      let prev: [number, number] | undefined;
      for (const [t, v] of series.values) {
        const value = Number(v);
        if (prev && (value < prev[1] || t - prev[0] > 2.5)) total += prev[1];
        prev = [t, value];
      }
      total += prev?.[1] ?? 0;
      const key = series.metric.key!;
      byKey[key] = (byKey[key] ?? 0) + total;
    }
    expect(byKey).toEqual(expected);
  }, 20_000);

  it("the sandbox's log shows one probe per key per interval across the three replicas (Prometheus scrapes each every second)", async () => {
    const probes = (key: string) => simLog.filter((l) => l.startsWith("GET /public/v1/contacts/by-email/") && l.includes(` key=${key} `)).length;
    const before = { p: probes("p"), o: probes("o") };
    const seconds = 10;
    await new Promise((r) => setTimeout(r, seconds * 1000));
    for (const key of ["p", "o"] as const) {
      const made = probes(key) - before[key];
      // Alone, each replica would probe every interval: about three times this.
      expect(made, key).toBeLessThanOrEqual(Math.ceil(seconds / PROBE_INTERVAL_S) + 1);
      // Still probed: a lease is taken at the first scrape after the last one ran out (1 s scrapes).
      expect(made, key).toBeGreaterThanOrEqual(Math.floor(seconds / (PROBE_INTERVAL_S + 1)) - 1);
    }
  }, 20_000);

  it("posture facts survive a restart of every replica", async () => {
    const lastUsed = async (r: Replica) =>
      sample(await (await fetch(`http://127.0.0.1:${r.metrics}/metrics`)).text(), "minimo_key_last_used_timestamp_seconds", { key: "production" });
    // The replicas agree on the latest use any of them saw (the merge keeps the latest).
    let before: number | undefined;
    await eventually(
      async () => {
        const seen = await Promise.all(replicas.map(lastUsed));
        before = seen[0];
        return seen.every((v) => v === before);
      },
      15_000,
      "every replica learned the last use",
    );
    expect(before).toBeGreaterThan(0);
    for (const r of replicas) {
      r.run!.child.kill("SIGKILL");
      await r.run!.exited;
    }
    // New state directories: only Redis can bring the facts back.
    for (const r of replicas) r.id = `${r.id}-new`;
    await Promise.all(replicas.map(start));
    await eventually(async () => (await Promise.all(replicas.map(lastUsed))).every((v) => v === before), 15_000, "every restarted replica has the last use");
  }, 60_000);
});
