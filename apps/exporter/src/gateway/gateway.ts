// The gateway: a streaming reverse proxy that apps use as their Minimo base URL. Each request is
// forwarded unchanged (minus hop-by-hop headers) and counted once, under the alias of the key it
// presented and the spec's route template. node:http, not express: this is the hot path.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import https from "node:https";
import { matchOperation } from "@minimo/client";
import type { Logger } from "pino";
import { UNKNOWN_KEY_ALIAS } from "../config/defaults.js";
import type { RejectionHook } from "../callers/types.js";
import type { ExporterMetrics } from "../metrics/exporter-metrics.js";
import { endToEndHeaders, headerView, type HeaderSource } from "./headers.js";
import { bearerToken, type KeyMatcher } from "./key-matcher.js";

/** The part of @minimo/metrics the gateway records into. */
export interface GatewayRecorder {
  recordResponse(r: { key: string; operation: string; method: string; status: number; headers: HeaderSource; durationSeconds: number; startedAt: number }): void;
  recordError(r: { key: string; operation: string; method: string; reason: "timeout" | "network" | "aborted"; durationSeconds: number }): void;
}

/** What the gateway reads per request, so a config reload applies to the next request. */
export interface GatewayState {
  /** Parsed once per config, not per request. */
  upstream: { api: URL; app: URL };
  matcher: KeyMatcher;
  upstreamTimeoutSeconds: number;
}

export interface GatewayDeps {
  state(): GatewayState;
  recorder: GatewayRecorder;
  exporterMetrics: ExporterMetrics;
  logger: Logger;
  /** Told of every 401 and 403 relayed, to attribute it to a caller (src/callers). Default: none. */
  callers?: RejectionHook;
  /** Extra TLS options of the upstream agent (tests pass a private CA). Default: Node's CA store. */
  tls?: https.AgentOptions;
}

export interface Gateway {
  server: http.Server;
  /** Requests being proxied right now. */
  readonly inFlight: number;
  /** Stops accepting, answers new requests 503, waits up to `drainMs` for in-flight ones, then cuts the rest. */
  close(drainMs: number): Promise<void>;
}

function sendError(res: ServerResponse, status: number, code: string, message: string, extra: http.OutgoingHttpHeaders = {}) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ error: { code, message } });
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...extra });
  res.end(body);
}

export function createGateway(deps: GatewayDeps): Gateway {
  const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ ...deps.tls, keepAlive: true }) };
  let closing = false;
  let inFlight = 0;
  let onIdle: (() => void) | undefined;

  const server = http.createServer((req, res) => {
    if (closing) {
      sendError(res, 503, "unavailable", "The exporter gateway is shutting down; retry shortly", { connection: "close", "retry-after": "1" });
      return;
    }
    inFlight++;
    res.once("close", () => {
      inFlight--;
      if (inFlight === 0) onIdle?.();
    });
    proxy(req, res);
  });

  function proxy(req: IncomingMessage, res: ServerResponse) {
    const startedAt = performance.now();
    const state = deps.state();
    const method = req.method ?? "GET";
    const url = req.url ?? "/";
    if (!url.startsWith("/")) {
      sendError(res, 400, "bad_request", "The gateway only accepts origin-form request targets");
      return;
    }
    const query = url.indexOf("?");
    const pathname = query === -1 ? url : url.slice(0, query);
    const op = matchOperation(method, pathname);
    const server: "api" | "app" = op?.server ?? (pathname === "/api" || pathname.startsWith("/api/") ? "app" : "api");
    const base = state.upstream[server];
    const alias = state.matcher.identify(bearerToken(req.headers.authorization));
    const key = alias ?? UNKNOWN_KEY_ALIAS;
    const operation = op?.path ?? "unmatched";
    const seconds = () => (performance.now() - startedAt) / 1000;

    const headers = endToEndHeaders(req.headers);
    headers.host = base.host;
    const isHttps = base.protocol === "https:";
    const upstreamReq = (isHttps ? https : http).request({
      protocol: base.protocol,
      hostname: base.hostname.replace(/^\[|\]$/g, ""),
      port: base.port || (isHttps ? 443 : 80),
      method,
      path: base.pathname.replace(/\/$/, "") + url,
      headers,
      agent: isHttps ? agents.https : agents.http,
    });
    upstreamReq.setTimeout(state.upstreamTimeoutSeconds * 1000);
    upstreamReq.setNoDelay(true);

    let answered = false;
    let timedOut = false;
    let clientGone = false;

    upstreamReq.on("response", (upstreamRes) => {
      answered = true;
      const status = upstreamRes.statusCode ?? 502;
      deps.recorder.recordResponse({ key, operation, method, status, headers: headerView(upstreamRes.headers), durationSeconds: seconds(), startedAt });
      if (alias === undefined) deps.exporterMetrics.unknownKeyRequests.inc({ code: String(status) });
      if (status === 401 || status === 403) deps.callers?.rejected(req, alias, operation, status);
      if (deps.logger.isLevelEnabled("debug")) {
        deps.logger.debug({ alias: key, operation, method, status, durationMs: Math.round(seconds() * 1000) }, "proxied");
      }
      // While draining, tell the client this connection ends here, so its next request opens a
      // new one (refused, or answered 503) instead of being cut off on this one.
      if (closing) res.shouldKeepAlive = false;
      res.writeHead(status, upstreamRes.statusMessage, endToEndHeaders(upstreamRes.headers));
      // pipe() rather than pipeline(): pipeline allocates an AbortController (and a DOMException
      // when it settles) per stream, a measurable share of the gateway's CPU per request.
      upstreamRes.on("error", (err) => {
        if (!clientGone) deps.logger.warn({ alias: key, operation, err }, "upstream response broke off");
        res.destroy();
      });
      upstreamRes.pipe(res);
    });
    upstreamReq.on("timeout", () => {
      timedOut = true;
      upstreamReq.destroy(new Error("upstream timed out"));
    });
    upstreamReq.on("error", (err) => {
      if (answered) return; // the response pipeline already handles a broken body
      const reason = clientGone ? "aborted" : timedOut ? "timeout" : "network";
      deps.recorder.recordError({ key, operation, method, reason, durationSeconds: seconds() });
      if (alias === undefined) deps.exporterMetrics.unknownKeyRequests.inc({ code: "error" });
      if (clientGone) return;
      deps.logger.warn({ alias: key, operation, method, reason, err }, "upstream request failed");
      if (timedOut) sendError(res, 504, "gateway_timeout", "The Minimo API did not answer in time");
      else sendError(res, 502, "bad_gateway", "The Minimo API could not be reached through the exporter gateway");
    });
    res.once("close", () => {
      if (!res.writableFinished) {
        clientGone = true;
        upstreamReq.destroy();
      }
    });
    req.on("error", (err) => upstreamReq.destroy(err));
    req.pipe(upstreamReq);
  }

  return {
    server,
    get inFlight() {
      return inFlight;
    },
    async close(drainMs: number) {
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        let timer: NodeJS.Timeout | undefined;
        await new Promise<void>((resolve) => {
          onIdle = resolve;
          timer = setTimeout(resolve, drainMs);
        });
        clearTimeout(timer);
        if (inFlight > 0) deps.logger.warn({ inFlight }, "drain timeout: cutting the requests still in flight");
      }
      server.closeAllConnections();
      agents.http.destroy();
      agents.https.destroy();
      await closed;
    },
  };
}
