// Posture's series are bounded by keys x findings and keys x permissions: a flood of distinct
// callers, User-Agents, origins and URLs adds no series, and no address or User-Agent becomes a label.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig, startExporter, type RunningExporter } from "../../src/index.js";
import { captureLogger } from "../helpers.js";

const KEY = "mn-card01-FAKEcardinality0000";
let upstream: http.Server;
let exporter: RunningExporter;

beforeAll(async () => {
  upstream = http.createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end("{}"));
  await new Promise<void>((r) => upstream.listen(0, "127.0.0.1", () => r()));
  const config = parseConfig(
    {
      upstream: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
      listen: { metrics: "127.0.0.1:0", gateway: "127.0.0.1:0" },
      gateway: { trusted_proxies: ["loopback"] },
      posture: { learning_days: 1 },
      keys: [{ name: "svc", key_env: "K", permissions: ["custom_fields:read"], created: "2026-11-01", expires: "2027-04-01" }],
    },
    { K: KEY },
  );
  exporter = await startExporter({ config, logger: captureLogger("warn").logger, now: () => Date.parse("2026-12-01T00:00:00Z") });
});
afterAll(async () => {
  await exporter?.close();
  upstream?.close();
});

const series = (text: string) =>
  text
    .split("\n")
    .filter((l) => l.startsWith("minimo_key_") || l.startsWith("minimo_gateway_browser"))
    .map((l) => l.slice(0, l.lastIndexOf(" ")));

describe("posture cardinality", () => {
  it("a flood of distinct callers adds no series beyond keys x findings / permissions", async () => {
    const send = (i: number) =>
      fetch(`${exporter.gatewayUrl}/public/v1/custom-fields?q=${i}`, {
        headers: {
          authorization: `Bearer ${KEY}`,
          "user-agent": `client${i}/1.0`,
          "x-forwarded-for": `10.${i >> 8}.${i & 255}.7`,
          ...(i % 2 ? { origin: `https://site${i}.example` } : {}),
        },
      }).then((r) => r.arrayBuffer());
    await send(0);
    const first = series(await (await fetch(exporter.metricsUrl)).text());
    for (let i = 1; i < 400; i += 20) await Promise.all(Array.from({ length: 20 }, (_, j) => send(i + j)));
    const after = series(await (await fetch(exporter.metricsUrl)).text());
    const added = after.filter((s) => !first.includes(s));
    // browser_use joins (a finding of this key); nothing per caller, origin or URL.
    expect(added).toEqual(['minimo_key_finding{key="svc",finding="browser_use",severity="critical"}']);
    expect(after.join("\n")).not.toMatch(/10\.\d+\.\d+\.7|client\d+|site\d+/);
  });
});
