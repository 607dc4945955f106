// The gateway's byte-level behaviour against an upstream the test controls.
import { createHash, randomBytes } from "node:crypto";
import type http from "node:http";
import { describe, expect, it } from "vitest";
import { captureLogger, DEMO, envName, eventually, sample, scrape, startExporter, startServer, testConfig } from "./helpers.js";

const keys = [{ name: "production", key_env: envName("demo-full") }];
const noProbe = { probe: { operations: [] } };
const auth = { authorization: `Bearer ${DEMO["demo-full"]}` };

describe("gateway streams", () => {
  it("streams a large request body up and the response body down unchanged, with the headers the app sent", async () => {
    let seenHeaders: http.IncomingHttpHeaders = {};
    const upstream = await startServer((req, res) => {
      seenHeaders = req.headers;
      const hash = createHash("sha256");
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => {
        hash.update(c);
        chunks.push(c);
      });
      req.on("end", () => {
        res.writeHead(201, { "content-type": "application/octet-stream", "x-upstream-sha256": hash.digest("hex"), "x-ratelimit-remaining": "41", "set-cookie": ["a=1", "b=2"] });
        // Echo back in small writes: the gateway must pass a chunked body through as is.
        const all = Buffer.concat(chunks);
        for (let i = 0; i < all.length; i += 65536) res.write(all.subarray(i, i + 65536));
        res.end();
      });
    });
    const { logger, lines } = captureLogger("debug");
    const exporter = await startExporter({ config: testConfig(upstream.url, keys, noProbe), logger });
    try {
      const body = randomBytes(3 * 1024 * 1024);
      const res = await fetch(`${exporter.gatewayUrl}/public/v1/contacts?source=import&x=%2F`, {
        method: "POST",
        headers: { ...auth, "content-type": "application/octet-stream", "x-request-id": "abc-123" },
        body,
      });
      const echoed = Buffer.from(await res.arrayBuffer());
      expect(res.status).toBe(201);
      expect(res.headers.get("x-upstream-sha256")).toBe(createHash("sha256").update(body).digest("hex"));
      expect(res.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
      expect(echoed.equals(body)).toBe(true);
      expect(seenHeaders["x-request-id"]).toBe("abc-123");
      expect(seenHeaders.authorization).toBe(auth.authorization); // forwarded, never logged
      expect(seenHeaders.host).toBe(new URL(upstream.url).host);
      const text = await scrape(exporter);
      expect(sample(text, "minimo_api_requests_total", { key: "production", operation: "/public/v1/contacts", method: "POST", code: "201" })).toBe(1);
      expect(sample(text, "minimo_api_rate_limit_remaining", { key: "production" })).toBe(41);
      expect(lines.join("\n")).not.toContain(DEMO["demo-full"]!.slice(10));
    } finally {
      await exporter.close();
      await upstream.close();
    }
  });

  it("cancels the upstream request when the client goes away and counts it as aborted", async () => {
    let upstreamClosed = false;
    let arrived = false;
    const upstream = await startServer((req) => {
      arrived = true;
      req.resume();
      req.socket.on("close", () => (upstreamClosed = true));
    });
    const exporter = await startExporter({ config: testConfig(upstream.url, keys, noProbe), logger: captureLogger().logger });
    try {
      const controller = new AbortController();
      const pending = fetch(`${exporter.gatewayUrl}/public/v1/custom-fields`, { headers: auth, signal: controller.signal }).catch(() => "aborted");
      await eventually(() => arrived);
      controller.abort();
      expect(await pending).toBe("aborted");
      await eventually(() => upstreamClosed);
      await eventually(async () => sample(await scrape(exporter), "minimo_api_request_errors_total", { key: "production", reason: "aborted" }) === 1);
    } finally {
      await exporter.close();
      await upstream.close();
    }
  });
});
