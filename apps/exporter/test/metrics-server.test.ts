import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { Registry } from "prom-client";
import { afterEach, describe, expect, it } from "vitest";
import { createMetricsServer } from "../src/http/metrics-server.js";
import { captureLogger } from "./helpers.js";

/** The server's monotonic clock: time passes only when a render or the test moves it. */
const clock = { ms: 0 };

/** A registry whose render takes `ms` on the server's clock, as prom-client at 10k keys does. */
function slowRegistry(ms: number) {
  const registry = new Registry();
  let renders = 0;
  registry.metrics = async () => {
    renders++;
    clock.ms += ms;
    return `# HELP t t\n# TYPE t gauge\nt ${renders}\n`;
  };
  return { registry, renders: () => renders };
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function serve(registry: Registry, version?: () => number) {
  const server = createMetricsServer({
    registries: [registry],
    ...(version ? { version } : {}),
    refresh: async () => {},
    waitFor: () => 1000,
    ready: () => true,
    logger: captureLogger().logger,
    clock: () => clock.ms,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
}

describe("/metrics under concurrent scrapes", () => {
  it("shares one render among scrapes that queued behind it, instead of rendering once per scrape", async () => {
    const slow = slowRegistry(80);
    const url = await serve(slow.registry);
    const bodies = await Promise.all(Array.from({ length: 10 }, () => fetch(url).then((r) => r.text())));
    expect(bodies.every((b) => b.startsWith("# HELP t t"))).toBe(true);
    // The first scrape renders; the others came during it or within as long as it took, and share it.
    expect(slow.renders()).toBe(1);
  });

  it("renders afresh for a scrape that comes after the sharing window", async () => {
    const slow = slowRegistry(5);
    const url = await serve(slow.registry);
    await fetch(url).then((r) => r.text());
    clock.ms += 50;
    const second = await fetch(url).then((r) => r.text());
    expect(slow.renders()).toBe(2);
    expect(second).toContain("t 2");
  });
});

describe("/metrics after a change that is not traffic", () => {
  it("never serves a page shared from before a reload or a probe verdict (version() moved)", async () => {
    const slow = slowRegistry(60);
    let version = 0;
    const url = await serve(slow.registry, () => version);
    await fetch(url).then((r) => r.text());
    // Right after: within the sharing window, the same page is served again...
    expect(await fetch(url).then((r) => r.text())).toContain("t 1");
    expect(slow.renders()).toBe(1);
    // ...but not once the version moved: that scrape renders afresh.
    version++;
    expect(await fetch(url).then((r) => r.text())).toContain("t 2");
    expect(slow.renders()).toBe(2);
  });
});

/** A raw GET (fetch would decompress on its own): status, headers and the bytes as sent. */
function get(url: string, headers: http.OutgoingHttpHeaders, method = "GET") {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("/metrics compression", () => {
  const big = () => {
    const registry = new Registry();
    const text = `# HELP t t\n# TYPE t gauge\n${Array.from({ length: 5000 }, (_, i) => `t{key="key-${i}"} ${i}`).join("\n")}\n`;
    registry.metrics = async () => text;
    return { registry, text };
  };

  it("answers gzip to a scraper that accepts it, as Prometheus does, and the same bytes once unzipped", async () => {
    const { registry, text } = big();
    const url = await serve(registry);
    const res = await get(url, { "accept-encoding": "gzip", "x-prometheus-scrape-timeout-seconds": "10" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers.vary).toBe("Accept-Encoding");
    expect(Number(res.headers["content-length"])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(Buffer.byteLength(text) / 3);
    expect(gunzipSync(res.body).toString("utf8")).toBe(text);
  });

  it("answers plain text without Accept-Encoding, with gzip;q=0, or with only encodings it does not offer", async () => {
    const { registry, text } = big();
    const url = await serve(registry);
    for (const headers of [{}, { "accept-encoding": "gzip;q=0" }, { "accept-encoding": "br, deflate" }]) {
      const res = await get(url, headers);
      expect(res.headers["content-encoding"], JSON.stringify(headers)).toBeUndefined();
      expect(res.headers.vary).toBe("Accept-Encoding");
      expect(res.body.toString("utf8")).toBe(text);
    }
  });

  it("gives HEAD the gzip length and no body", async () => {
    const { registry } = big();
    const url = await serve(registry);
    const head = await get(url, { "accept-encoding": "gzip" }, "HEAD");
    const full = await get(url, { "accept-encoding": "gzip" });
    expect(head.headers["content-encoding"]).toBe("gzip");
    expect(head.body.length).toBe(0);
    expect(head.headers["content-length"]).toBe(String(full.body.length));
  });
});
