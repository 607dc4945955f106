// The real Minimo API is HTTPS: the gateway must speak TLS upstream with the right SNI and Host.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMinimoMetrics } from "@minimo/metrics";
import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { createGateway } from "../src/gateway/gateway.js";
import { KeyMatcher } from "../src/gateway/key-matcher.js";
import { ExporterMetrics } from "../src/metrics/exporter-metrics.js";
import { captureLogger, DEMO, envName, sample, testConfig } from "./helpers.js";
import { requireOpenssl } from "./tls/certs.js";

const openssl = requireOpenssl("the TLS upstream test");

describe.skipIf(!openssl)("gateway to an HTTPS upstream", () => {
  it("forwards over TLS with the upstream's host name, and counts the answer", async () => {
    const dir = mkdtempSync(join(tmpdir(), "exporter-tls-"));
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=localhost",
        "-addext",
        "subjectAltName=DNS:localhost",
        "-keyout",
        join(dir, "key.pem"),
        "-out",
        join(dir, "cert.pem"),
      ],
      { stdio: "ignore" },
    );
    const cert = readFileSync(join(dir, "cert.pem"));
    let seen: { host?: string; servername?: string; auth?: string } = {};
    const upstream = https.createServer({ key: readFileSync(join(dir, "key.pem")), cert }, (req, res) => {
      seen = { host: req.headers.host, servername: (req.socket as unknown as { servername?: string }).servername, auth: req.headers.authorization };
      res.writeHead(200, { "content-type": "application/json", "x-ratelimit-remaining": "12" });
      res.end('{"data":[]}');
    });
    await new Promise<void>((r) => upstream.listen(0, "127.0.0.1", r));
    const port = (upstream.address() as AddressInfo).port;

    const config = testConfig(`https://localhost:${port}`, [{ name: "production", key_env: envName("demo-full") }], { probe: { operations: [] } });
    const registry = new Registry();
    const recorder = createMinimoMetrics({ registry, keys: ["production"] });
    const gateway = createGateway({
      state: () => ({ upstream: { api: new URL(config.upstream.api), app: new URL(config.upstream.app) }, matcher: new KeyMatcher(config.keys), upstreamTimeoutSeconds: 5 }),
      recorder,
      exporterMetrics: new ExporterMetrics(registry, "test"),
      logger: captureLogger().logger,
      tls: { ca: cert },
    });
    await new Promise<void>((r) => gateway.server.listen(0, "127.0.0.1", r));
    try {
      const url = `http://127.0.0.1:${(gateway.server.address() as AddressInfo).port}/public/v1/custom-fields`;
      const res = await fetch(url, { headers: { authorization: `Bearer ${DEMO["demo-full"]}` } });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('{"data":[]}');
      expect(seen).toEqual({ host: `localhost:${port}`, servername: "localhost", auth: `Bearer ${DEMO["demo-full"]}` });
      const text = await registry.metrics();
      expect(sample(text, "minimo_api_requests_total", { key: "production", code: "200" })).toBe(1);
      expect(sample(text, "minimo_api_rate_limit_remaining", { key: "production" })).toBe(12);
    } finally {
      await gateway.close(1000);
      upstream.close();
      upstream.closeAllConnections();
    }
  });
});
