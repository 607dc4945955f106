// The gateway identifies a key once per connection while the Authorization value repeats (issue
// 15). These pin that the cache never answers for a different value, a missing one, or a config
// that no longer has the key: every request on ONE keep-alive socket, checked by its local port.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningExporter } from "../src/index.js";
import { captureLogger, DEMO, envName, sample, scrape, startExporter, startLoggedSim, testConfig } from "./helpers.js";

describe("key identification cached per connection", () => {
  let sim: Awaited<ReturnType<typeof startLoggedSim>>;
  let exporter: RunningExporter;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const ports = new Set<number>();
  const keyA = { name: "alpha", key_env: envName("demo-full") };
  const keyB = { name: "beta", key_env: envName("demo-readonly") };
  const config = (keys: object[]) => testConfig(sim.url, keys, { probe: { operations: [] } });

  const send = (authorization: string | undefined) =>
    new Promise<number>((resolve, reject) => {
      const url = new URL(`${exporter.gatewayUrl}/public/v1/custom-fields`);
      const req = http.get({ hostname: url.hostname, port: url.port, path: url.pathname, agent, headers: authorization ? { authorization } : {} }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode!));
      });
      req.on("socket", (socket) => socket.once("connect", () => ports.add(socket.localPort!)));
      req.on("error", reject);
    });
  const count = (text: string, key: string, code: string) => sample(text, "minimo_api_requests_total", { key, operation: "/public/v1/custom-fields", code }) ?? 0;

  beforeAll(async () => {
    sim = await startLoggedSim();
    exporter = await startExporter({ config: config([keyA, keyB]), logger: captureLogger().logger });
  });
  afterAll(async () => {
    agent.destroy();
    await exporter?.close();
    await sim?.close();
  });

  it("re-identifies when the value changes, goes missing, or the config reloads", async () => {
    const a = `Bearer ${DEMO["demo-full"]}`;
    const b = `Bearer ${DEMO["demo-readonly"]}`;
    expect(await send(a)).toBe(200);
    expect(await send(a)).toBe(200);
    expect(await send(b)).toBe(200);
    expect(await send(undefined)).toBe(401);
    expect(await send(`${a}x`)).toBe(401);
    expect(await send(a)).toBe(200);
    let text = await scrape(exporter);
    expect(count(text, "alpha", "200")).toBe(3);
    expect(count(text, "beta", "200")).toBe(1);
    expect(count(text, "unknown", "401")).toBe(2);

    // Same socket, same value, but the alias "alpha" now names another key: this one is unknown.
    await exporter.reload(config([{ name: "alpha", key_env: envName("demo-limited") }, keyB]));
    expect(await send(a)).toBe(200);
    text = await scrape(exporter);
    expect(count(text, "alpha", "200")).toBe(3); // not 4: the series of an alias that stays are kept
    expect(count(text, "unknown", "200")).toBe(1);
    expect(sample(text, "minimo_gateway_unknown_key_requests_total", { code: "200" })).toBe(1);
    expect(ports.size).toBe(1);
  });
});
