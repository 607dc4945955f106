// DNS rebinding: the metrics listener answers only Host names it knows (loopback names on a
// loopback listener; web.allowed_hosts and IP literals elsewhere), and Prometheus' scrapes of the
// default setups keep working.
import http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { hostAllowed, hostName } from "../src/http/host-guard.js";
import type { RunningExporter } from "../src/index.js";
import { captureLogger, envName, startExporter, startLoggedSim, testConfig } from "./helpers.js";

/** GET with an explicit Host header (fetch does not let a caller set one). */
function getWithHost(url: string, host: string): Promise<number> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port: u.port, path: u.pathname, headers: { host } }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode!));
      })
      .on("error", reject);
  });
}

describe("Host names", () => {
  it.each([
    ["localhost:9487", "localhost"],
    ["LOCALHOST", "localhost"],
    ["127.0.0.1:9487", "127.0.0.1"],
    ["[::1]:9487", "::1"],
    ["[::1]", "::1"],
    ["metrics.example.com.", "metrics.example.com"],
    ["::1", undefined],
    ["evil.example:x", undefined],
  ])("reads %j as %j", (header, name) => {
    expect(hostName(header)).toBe(name);
  });

  const loopback = { loopbackListener: true };
  const open = { loopbackListener: false };
  const listed = { loopbackListener: false, allowedHosts: ["metrics.example.com"] };
  it.each([
    [loopback, "localhost:9487", true],
    [loopback, "127.1.2.3:9487", true],
    [loopback, "[::1]:9487", true],
    [loopback, "rebind.attacker.example:9487", false],
    [loopback, "10.0.0.5:9487", false],
    [{ ...loopback, allowedHosts: ["metrics.internal"] }, "metrics.internal", true],
    [open, "rebind.attacker.example", true],
    [listed, "rebind.attacker.example", false],
    [listed, "Metrics.Example.com:9487", true],
    [listed, "10.0.0.5:9487", true],
    [listed, "[fd00::5]:9487", true],
    [listed, "localhost:9487", true],
    [listed, "", false],
  ] as const)("policy %j: Host %j → %s", (policy, header, allowed) => {
    expect(hostAllowed(header, policy)).toBe(allowed);
  });
});

describe("the metrics listener against DNS rebinding", () => {
  let sim: Awaited<ReturnType<typeof startLoggedSim>> | undefined;
  let exporter: RunningExporter | undefined;
  afterEach(async () => {
    await exporter?.close();
    await sim?.close();
    exporter = undefined;
  });
  const keys = [{ name: "production", key_env: envName("demo-full"), probe: { operations: [] } }];

  it("on 127.0.0.1 refuses a foreign Host on every path and answers loopback names, as Prometheus sends them", async () => {
    sim = await startLoggedSim();
    const log = captureLogger("info");
    exporter = await startExporter({ config: testConfig(sim.url, keys), logger: log.logger });
    const port = new URL(exporter.metricsUrl).port;
    const base = exporter.consoleUrl;
    for (const path of ["api/keys", "api/keys/production/callers", "metrics", ""]) {
      expect(await getWithHost(base + path, `rebind.attacker.example:${port}`)).toBe(403);
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      expect(await getWithHost(exporter.metricsUrl, host)).toBe(200);
      expect(await getWithHost(base + "api/keys", host)).toBe(200);
    }
    expect(log.lines.join("\n")).not.toContain("web.allowed_hosts is not set");
  });

  it("on 0.0.0.0 answers any Host with a warning at start, or with web.allowed_hosts only those names and IP addresses", async () => {
    sim = await startLoggedSim();
    const log = captureLogger("info");
    const wide = { listen: { metrics: "0.0.0.0:0", gateway: "127.0.0.1:0" } };
    exporter = await startExporter({ config: testConfig(sim.url, keys, wide), logger: log.logger });
    expect(log.lines.filter((l) => l.includes("web.allowed_hosts is not set"))).toHaveLength(1);
    expect(await getWithHost(exporter.consoleUrl + "api/keys", "anything.example")).toBe(200);
    await exporter.close();

    exporter = await startExporter({ config: testConfig(sim.url, keys, { ...wide, web: { allowed_hosts: ["metrics.example.com"] } }), logger: log.logger });
    const port = new URL(exporter.metricsUrl).port;
    expect(await getWithHost(exporter.consoleUrl + "api/keys", `rebind.attacker.example:${port}`)).toBe(403);
    expect(await getWithHost(exporter.consoleUrl + "api/keys", `metrics.example.com:${port}`)).toBe(200);
    expect(await getWithHost(exporter.metricsUrl, `10.1.2.3:${port}`)).toBe(200);
    expect(await getWithHost(exporter.metricsUrl, `127.0.0.1:${port}`)).toBe(200);
  });
});
