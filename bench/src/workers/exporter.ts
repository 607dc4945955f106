// The real exporter (startExporter) for scenarios 5, 6 and 7, with N configured keys and probes
// off, pointed at the loopback upstream. With "prefill" every key sends one request through the
// gateway first, so every per-key series exists. Also serves, on a second node:http server, the
// /metrics text captured after the prefill: the "pre-rendered text" baseline of scenario 5, and
// the same text through the exporter's express listener (createMetricsApp).
//   exporter.mjs <upstreamUrl> <keys> <prefill|empty> [posture-off|posture-on] [redisUrl]
// Commands: {cmd:"render", n} → ms of each renderMetrics(registry), the
// store's fast path that /metrics serves; {cmd:"heap"} → bytes after gc().
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createLogger, createMetricsApp, parseConfig, startExporter, type MetricsServerDeps } from "@minimo/exporter";
import { renderMetrics } from "@minimo/metrics";
import { alias, configuredKey } from "./keys.js";
import { serve } from "./protocol.js";

const [upstream, keysText, prefill, postureArg, redisUrl] = process.argv.slice(2) as [string, string, string, string | undefined, string | undefined];
const KEYS = Number(keysText);
const config = parseConfig({
  upstream,
  listen: { metrics: "127.0.0.1:0", gateway: "127.0.0.1:0" },
  log_level: "silent",
  max_keys: Math.max(KEYS, 1),
  probe: { operations: [] },
  keys: Array.from({ length: KEYS }, (_, i) => ({ name: alias(i), key: configuredKey(i) })),
  ...(redisUrl ? { state: { redis_url: redisUrl } } : {}),
});
const exporter = await startExporter({ config, logger: createLogger({ level: "silent" }), posture: postureArg !== "posture-off" });

if (prefill === "prefill") {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < KEYS; i = next++) {
      const res = await fetch(`${exporter.gatewayUrl}/public/v1/custom-fields`, { headers: { authorization: `Bearer ${configuredKey(i)}` } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`prefill through the gateway answered ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

const page = await (await fetch(exporter.metricsUrl)).text();
const staticServer = http.createServer((req, res) => {
  req.resume();
  res.writeHead(200, { "content-type": "text/plain; version=0.0.4; charset=utf-8", "content-length": Buffer.byteLength(page) });
  res.end(page);
});
await new Promise<void>((resolve) => staticServer.listen(0, "127.0.0.1", resolve));
const staticUrl = `http://127.0.0.1:${(staticServer.address() as AddressInfo).port}/metrics`;
// The same text through the exporter's express listener (a registry that answers at once): the
// cost of the HTTP layer alone, against the bare node:http server above.
// getMetricsAsArray() holds no store family, so renderMetrics leaves the text to metrics().
const textRegistry = {
  metrics: async () => page,
  getMetricsAsArray: () => [],
  contentType: "text/plain; version=0.0.4; charset=utf-8",
} as unknown as MetricsServerDeps["registries"][number];
const expressServer = http.createServer(
  createMetricsApp({ registries: [textRegistry], refresh: async () => {}, waitFor: () => 0, ready: () => true, logger: createLogger({ level: "silent" }) }),
);
await new Promise<void>((resolve) => expressServer.listen(0, "127.0.0.1", resolve));
const expressUrl = `http://127.0.0.1:${(expressServer.address() as AddressInfo).port}/metrics`;

const gc = (globalThis as { gc?: () => void }).gc;
serve(
  {
    metricsUrl: exporter.metricsUrl,
    gatewayUrl: exporter.gatewayUrl,
    staticUrl,
    expressUrl,
    bytes: Buffer.byteLength(page),
    lines: page.split("\n").filter((l) => l && !l.startsWith("#")).length,
  },
  async (command) => {
    if (command.cmd === "render") {
      const times: number[] = [];
      for (let i = 0; i < Number(command.n ?? 5); i++) {
        const t0 = performance.now();
        await renderMetrics(exporter.registry);
        times.push(performance.now() - t0);
      }
      return { times };
    }
    if (command.cmd === "heap") {
      if (!gc) throw new Error("start the worker with --expose-gc");
      gc();
      gc();
      const m = process.memoryUsage();
      return { heapUsed: m.heapUsed, arrayBuffers: m.arrayBuffers, rss: m.rss };
    }
    throw new Error(`unknown command ${String(command.cmd)}`);
  },
  async () => {
    staticServer.closeAllConnections();
    staticServer.close();
    expressServer.closeAllConnections();
    expressServer.close();
    await exporter.close();
  },
);
