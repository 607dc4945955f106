// The gateway: a streaming reverse proxy that apps use as their Minimo base URL. Each request is
// forwarded unchanged (minus hop-by-hop headers) and counted once, under the alias of the key it
// presented and the spec's route template. node:http, not express, and undici upstream: this is the hot path.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { Registry } from "prom-client";
import { DEFAULTS } from "../config/defaults.js";
import { ConnectionTracker, type Task } from "./connections.js";
import { GatewayMetrics } from "./gateway-metrics.js";
import { Exchange, responseClosed, type ExchangeContext } from "./exchange.js";
import type { GatewayDeps } from "./types.js";
import { sendOwn, sendOwnOnSocket, type OwnReason } from "./own-answers.js";
import { createUpstreamPools } from "./upstream-pool.js";

/** Pipelined requests one connection may have waiting or running; the next gets a 503. */
export const MAX_PIPELINED = 16;
/** Header fields a request may carry (Apache's LimitRequestFields); more get a 431, never a silent drop. */
export const MAX_REQUEST_HEADERS = 100;

export type { GatewayDeps, GatewayRecorder, GatewayState } from "./types.js";

const TASK = Symbol("task");
function onResponseClose(this: ServerResponse & { [TASK]?: Task }): void {
  responseClosed(this);
  this[TASK]!.finish();
}

export interface Gateway {
  server: http.Server;
  /** Requests being proxied right now. */
  readonly inFlight: number;
  /** Stops accepting, answers new requests 503, waits up to `drainMs` for in-flight ones, then cuts the rest. */
  close(drainMs: number): Promise<{ cut: number }>;
}

export function createGateway(deps: GatewayDeps): Gateway {
  const limits = deps.limits ?? DEFAULTS.gateway;
  const pools = createUpstreamPools(limits.upstreamMaxSockets, deps.tls);
  const tracker = new ConnectionTracker(MAX_PIPELINED, (req, res) => {
    if (closing) own(res, "draining", { "retry-after": "1" });
    else guarded(req, res);
  });
  const metrics = new GatewayMetrics(deps.registry ?? new Registry(), { connections: () => tracker.connections, inFlight: () => tracker.inFlight });
  let closing = false;
  let cutting = false;
  // While draining, every answer ends its connection, so the client's next request opens a new
  // one (refused, or answered 503) instead of being cut off on this one.
  const own = (res: ServerResponse, reason: OwnReason, extra?: http.OutgoingHttpHeaders) => sendOwn(res, reason, metrics, closing, extra);

  const refused = new WeakSet<object>();
  const server = (deps.createServer ?? http.createServer)((req, res) => {
    const task = tracker.admit(req, res);
    if (task === "ended") return;
    if (task === "full") {
      // One 503 (with Connection: close) per connection; what was pipelined after it is never
      // answered, as the connection ends there (RFC 9112 §9.3.2: the client may retry those).
      if (refused.has(req.socket)) res.destroy();
      else {
        refused.add(req.socket);
        sendOwn(res, "pipeline_too_deep", metrics, true);
      }
      return;
    }
    // One shared listener, no closure per request: `close` follows `finish` by a tick, and also
    // comes when the client left first (its exchange, if it started, stops the upstream request).
    (res as ServerResponse & { [TASK]?: Task })[TASK] = task;
    res.on("close", onResponseClose);
  });
  server.maxConnections = limits.maxConnections;
  server.on("connection", (socket) => tracker.open(socket));
  server.on("drop", () => metrics.rejectedConnections.inc());
  // CONNECT never reaches the request handler: Node emits `connect` and, without a listener,
  // closes the connection unanswered. It is refused like any target that is not origin-form,
  // after the answers to what was pipelined before it, in order.
  server.on("connect", (req: IncomingMessage, socket: Duplex) => {
    tracker.whenDone(req.socket, () => sendOwnOnSocket(socket, "absolute_form", metrics));
  });

  /** No exception on the proxy path ends the process: it is logged, counted and answered 502. */
  function guarded(req: IncomingMessage, res: ServerResponse) {
    try {
      proxy(req, res);
    } catch (err) {
      internal(res, err);
    }
  }

  function internal(res: ServerResponse, err: unknown) {
    deps.logger.error({ err }, "gateway failed to relay a request");
    try {
      own(res, "internal");
    } catch {
      res.destroy();
    }
  }

  const ctx: ExchangeContext = { deps, pools, closing: () => closing, cutting: () => cutting, own, internal };
  function proxy(req: IncomingMessage, res: ServerResponse) {
    const startedAt = performance.now();
    const url = req.url ?? "/";
    if (!url.startsWith("/")) {
      own(res, "absolute_form");
      return;
    }
    // Node keeps the first ~1,000 fields and drops the rest silently (an Authorization among them).
    if (req.rawHeaders.length > 2 * MAX_REQUEST_HEADERS) {
      own(res, "too_many_headers", { connection: "close" });
      return;
    }
    new Exchange(ctx, deps.state(), req, res, url, startedAt);
  }

  return {
    server,
    get inFlight() {
      return tracker.inFlight;
    },
    async close(drainMs: number) {
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const waiting = tracker.inFlight;
      if (waiting > 0) {
        let timer: NodeJS.Timeout | undefined;
        await new Promise<void>((resolve) => {
          tracker.onIdle(resolve);
          timer = setTimeout(resolve, drainMs);
        });
        clearTimeout(timer);
        tracker.onIdle(undefined);
      }
      const cut = tracker.inFlight;
      if (cut > 0) deps.logger.warn({ inFlight: cut, drainMs }, "drain timeout: cutting the requests still in flight");
      else if (waiting > 0) deps.logger.info({ drained: waiting }, "drained: every request in flight finished");
      cutting = true;
      server.closeAllConnections();
      await pools.destroy();
      await closed;
      return { cut };
    },
  };
}
