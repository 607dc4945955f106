// The fair floor of scenario 6 since the gateway's upstream is undici: the same server side as
// the bare node:http proxy, an undici Pool upstream (pool.dispatch, as the gateway), no metrics,
// no key lookup, no route match, no timeouts of its own.
//   bare-undici-proxy.mjs <upstreamUrl>
import http, { type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Pool, type Dispatcher } from "undici";
import { serve } from "./protocol.js";

// Hop-by-hop fields, and `expect`, which undici refuses.
const DROPPED = new Set(["connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "expect"]);
const endToEnd = (headers: IncomingHttpHeaders): Record<string, string | string[]> => {
  const out: Record<string, string | string[]> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined && !DROPPED.has(name)) out[name] = value;
  }
  return out;
};

type Controller = Parameters<NonNullable<Dispatcher.DispatchHandler["onRequestStart"]>>[0];

class Relay implements Dispatcher.DispatchHandler {
  controller: Controller | undefined;
  constructor(readonly res: ServerResponse) {}
  onRequestStart(controller: Controller): void {
    this.controller = controller;
  }
  onResponseStart(_controller: Controller, status: number, headers: IncomingHttpHeaders, statusMessage?: string): void {
    this.res.writeHead(status, statusMessage, endToEnd(headers));
  }
  onResponseData(controller: Controller, chunk: Buffer): void {
    if (!this.res.write(chunk)) {
      controller.pause();
      this.res.once("drain", () => controller.resume());
    }
  }
  onResponseEnd(): void {
    this.res.end();
  }
  onResponseError(_controller: Controller, _err: Error): void {
    if (!this.res.headersSent) this.res.writeHead(502);
    this.res.end();
  }
}

const upstream = new URL(process.argv[2]!);
const pool = new Pool(upstream.origin, { connections: 128 });
const server = http.createServer((req, res) => {
  const headers = endToEnd(req.headers);
  headers.host = upstream.host;
  const bodyless = req.headers["content-length"] === undefined && req.headers["transfer-encoding"] === undefined;
  pool.dispatch({ method: req.method ?? "GET", path: req.url ?? "/", headers, body: bodyless ? null : req }, new Relay(res));
});
server.listen(0, "127.0.0.1", () => {
  serve(
    { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` },
    () => ({ ok: true }),
    async () => {
      server.closeAllConnections();
      server.close();
      await pool.destroy();
    },
  );
});
