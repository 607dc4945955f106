// The gateway's adversarial tests share these: scripted upstreams (raw bytes or node:http,
// counting requests and connections), an exporter in front of one, and raw-socket exchanges.
// Every server and exporter made here is closed by `cleanUp()` (call it in afterEach).
import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { demoKeys } from "@minimo/sim";
import { parseConfig, startExporter, type RunningExporter } from "../../src/index.js";
import { captureLogger } from "./support.js";

export const KEY = demoKeys[0]!.key;

type Upstream = { url: string; close(): Promise<void> };
const cleanup: (() => Promise<unknown>)[] = [];

/** Closes what was made since the last call, newest first, after the test (afterEach). */
export async function cleanUp(): Promise<void> {
  for (const c of cleanup.splice(0).reverse()) await c().catch(() => undefined);
}

/** Closes `close` at cleanUp. */
export function onCleanUp(close: () => Promise<unknown>): void {
  cleanup.push(close);
}

/** An upstream that writes `answer(requestHead)` as raw bytes: any status line, any garbage. */
export async function rawUpstream(answer: (head: string, socket: net.Socket) => void): Promise<Upstream & { connections: () => number; peak: () => number }> {
  let open = 0;
  let peak = 0;
  const server = net.createServer((socket) => {
    open++;
    peak = Math.max(peak, open);
    socket.on("close", () => open--);
    socket.on("error", () => undefined);
    let head = "";
    socket.on("data", (d) => {
      head += d.toString("latin1");
      const end = head.indexOf("\r\n\r\n");
      if (end === -1) return;
      const one = head.slice(0, end + 4);
      head = head.slice(end + 4);
      answer(one, socket);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const upstream = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => open,
    peak: () => peak,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
  cleanup.push(() => upstream.close());
  return upstream;
}

/** A node:http upstream with a handler, counting concurrent requests and connections. */
export async function httpUpstream(handler: http.RequestListener) {
  let active = 0;
  let peakActive = 0;
  let forwarded = 0;
  let openConns = 0;
  let peakConns = 0;
  const server = http.createServer((req, res) => {
    forwarded++;
    active++;
    peakActive = Math.max(peakActive, active);
    res.once("close", () => active--);
    handler(req, res);
  });
  server.on("connection", (s) => {
    openConns++;
    peakConns = Math.max(peakConns, openConns);
    s.once("close", () => openConns--);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const upstream = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get forwarded() {
      return forwarded;
    },
    get peakActive() {
      return peakActive;
    },
    get peakConnections() {
      return peakConns;
    },
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
  cleanup.push(() => upstream.close());
  return upstream;
}

export async function exporterFor(upstream: string, extra: object = {}, level = "warn") {
  const config = parseConfig(
    { upstream, listen: { metrics: "127.0.0.1:0", gateway: "127.0.0.1:0" }, keys: [{ name: "app", key_env: "K", probe: { operations: [] } }], ...extra },
    { K: KEY },
  );
  const log = captureLogger(level);
  const exporter = await startExporter({ config, logger: log.logger });
  cleanup.push(() => exporter.close());
  return { exporter, log };
}

export const port = (exporter: RunningExporter) => Number(new URL(exporter.gatewayUrl).port);
export const metrics = (exporter: RunningExporter) => fetch(exporter.metricsUrl).then((r) => r.text());
export const get = (exporter: RunningExporter, key = KEY) =>
  fetch(`${exporter.gatewayUrl}/public/v1/custom-fields`, { headers: { authorization: `Bearer ${key}` } }).then(async (r) => ({
    status: r.status,
    headers: r.headers,
    body: await r.text(),
  }));

/** Sends raw bytes on a new connection and collects what comes back until the server closes it (or `ms`). */
export async function rawExchange(exporter: RunningExporter, bytes: string, ms = 10_000): Promise<string> {
  const socket = net.connect(port(exporter), "127.0.0.1");
  let got = "";
  socket.on("data", (d) => (got += d.toString("latin1")));
  socket.on("error", () => undefined);
  socket.write(bytes);
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      socket.destroy();
      resolve();
    }, ms);
    socket.on("close", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return got;
}
