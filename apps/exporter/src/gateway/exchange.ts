// One proxied request: forwarded upstream unchanged (minus hop-by-hop headers), its answer relayed
// and counted once. A class with module-level listeners that find it through a symbol, rather
// than a dozen closures per request: the profile of the hot path (BENCHMARKS.md, scenario 6).
import http, { type ClientRequest, type IncomingMessage, type ServerResponse } from "node:http";
import https from "node:https";
import type { Socket } from "node:net";
import { matchOperation, type Operation } from "@minimo/client";
import { codeLabel } from "@minimo/metrics";
import { UNKNOWN_KEY_ALIAS } from "../config/defaults.js";
import type { GatewayDeps, GatewayState } from "./types.js";
import { endToEndHeaders, headerView } from "./headers.js";
import { identifyOnConnection } from "./connection-keys.js";
import type { OwnReason } from "./own-answers.js";
import type { UpstreamPool } from "./upstream-pool.js";
import { relayableStatus } from "./upstream-status.js";

/** What every exchange shares: made once per gateway. */
export interface ExchangeContext {
  deps: GatewayDeps;
  pool: UpstreamPool;
  closing(): boolean;
  own(res: ServerResponse, reason: OwnReason, extra?: http.OutgoingHttpHeaders): void;
  internal(res: ServerResponse, err: unknown): void;
}

/** Where one upstream base URL sends requests, worked out once per config, not per request. */
interface Target {
  protocol: string;
  hostname: string;
  port: string | number;
  host: string;
  prefix: string;
  isHttps: boolean;
}

const targets = new WeakMap<URL, Target>();
function targetOf(base: URL): Target {
  let target = targets.get(base);
  if (target === undefined) {
    const isHttps = base.protocol === "https:";
    target = {
      protocol: base.protocol,
      hostname: base.hostname.replace(/^\[|\]$/g, ""),
      port: base.port || (isHttps ? 443 : 80),
      host: base.host,
      prefix: base.pathname.replace(/\/$/, ""),
      isHttps,
    };
    targets.set(base, target);
  }
  return target;
}

/**
 * Path → operation, per method: most traffic repeats a few paths. Bounded: at most 4,096 paths of
 * at most 256 characters per method (≈ 1 MiB), emptied when full; longer paths are matched each time.
 */
const MATCH_CACHE_SIZE = 4096;
const MATCH_CACHE_PATH = 256;
const matched = new Map<string, Map<string, Operation | null>>();
function operationOf(method: string, pathname: string): Operation | undefined {
  if (pathname.length > MATCH_CACHE_PATH) return matchOperation(method, pathname);
  let byPath = matched.get(method);
  if (byPath === undefined) {
    if (matched.size >= 16) matched.clear(); // methods are few; anything else is odd traffic
    matched.set(method, (byPath = new Map()));
  }
  let op = byPath.get(pathname);
  if (op === undefined) {
    op = matchOperation(method, pathname) ?? null;
    if (byPath.size >= MATCH_CACHE_SIZE) byPath.clear();
    byPath.set(pathname, op);
  }
  return op ?? undefined;
}

const EXCHANGE = Symbol("exchange");
type Tagged<T> = T & { [EXCHANGE]?: Exchange };

export class Exchange {
  readonly #ctx: ExchangeContext;
  readonly #req: IncomingMessage;
  readonly #res: ServerResponse;
  readonly #startedAt: number;
  readonly #method: string;
  readonly #alias: string | undefined;
  readonly #key: string;
  readonly #operation: string;
  readonly #upstreamReq: ClientRequest;
  #answered = false;
  #timedOut = false;
  #clientGone = false;

  /** Starts forwarding `req`; `url` is its origin-form target. */
  constructor(ctx: ExchangeContext, state: GatewayState, req: IncomingMessage, res: ServerResponse, url: string, startedAt: number) {
    this.#ctx = ctx;
    this.#req = req;
    this.#res = res;
    this.#startedAt = startedAt;
    const method = (this.#method = req.method ?? "GET");
    const query = url.indexOf("?");
    const pathname = query === -1 ? url : url.slice(0, query);
    const op = operationOf(method, pathname);
    const server: "api" | "app" = op?.server ?? (pathname === "/api" || pathname.startsWith("/api/") ? "app" : "api");
    const target = targetOf(state.upstream[server]);
    const reqHeaders = req.headers;
    this.#alias = identifyOnConnection(req.socket, state.matcher, reqHeaders.authorization);
    this.#key = this.#alias ?? UNKNOWN_KEY_ALIAS;
    this.#operation = op?.path ?? "unmatched";

    const headers = endToEndHeaders(reqHeaders);
    headers.host = target.host;
    const upstreamReq: Tagged<ClientRequest> = (this.#upstreamReq = (target.isHttps ? https : http).request({
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port,
      method,
      path: target.prefix + url,
      headers,
      agent: target.isHttps ? ctx.pool.https : ctx.pool.http,
      // As an option rather than setTimeout(): no `once("socket")` listener per request. No
      // setNoDelay() either: the pool's agents open every socket with noDelay.
      timeout: state.upstreamTimeoutSeconds * 1000,
    }));
    upstreamReq[EXCHANGE] = this;
    (res as Tagged<ServerResponse>)[EXCHANGE] = this;
    (req as Tagged<IncomingMessage>)[EXCHANGE] = this;
    upstreamReq.on("response", onUpstreamResponse);
    // A 101 with `Upgrade` to a request that asked for none: Node hands over the raw socket.
    upstreamReq.on("upgrade", onUpstreamUpgrade);
    upstreamReq.on("timeout", onUpstreamTimeout);
    upstreamReq.on("error", onUpstreamError);
    req.on("error", onClientError);
    req.pipe(upstreamReq);
  }

  #seconds(): number {
    return (performance.now() - this.#startedAt) / 1000;
  }

  // Decided when the answer comes: a key a reload removed meanwhile is counted as unknown in
  // both families, not only in minimo_api_requests_total.
  #unknownKeyRequest(code: string): void {
    const { recorder, exporterMetrics } = this.#ctx.deps;
    if (this.#alias === undefined || recorder.keyLabel(this.#alias) === UNKNOWN_KEY_ALIAS) exporterMetrics.unknownKeyRequests.inc({ code });
  }

  /** The upstream answered something that cannot be relayed: the gateway's own 502, counted as an error. */
  unrelayable(status: number | undefined, upstreamRes: IncomingMessage | undefined): void {
    const { deps } = this.#ctx;
    this.#answered = true;
    deps.recorder.recordError({ key: this.#key, operation: this.#operation, method: this.#method, reason: "network", durationSeconds: this.#seconds() });
    this.#unknownKeyRequest("error");
    deps.logger.warn({ alias: this.#key, operation: this.#operation, method: this.#method, status }, "upstream answered an unrelayable status; answered 502");
    upstreamRes?.resume();
    this.#upstreamReq.destroy();
    this.#ctx.own(this.#res, "bad_upstream_status", { connection: "close" });
  }

  response(upstreamRes: IncomingMessage): void {
    try {
      this.#relay(upstreamRes);
    } catch (err) {
      upstreamRes.destroy();
      this.#ctx.internal(this.#res, err);
    }
  }

  #relay(upstreamRes: Tagged<IncomingMessage>): void {
    const status = upstreamRes.statusCode;
    if (!relayableStatus(status)) return this.unrelayable(status, upstreamRes);
    const { deps } = this.#ctx;
    const res = this.#res;
    this.#answered = true;
    const durationSeconds = this.#seconds();
    deps.recorder.recordResponse({ key: this.#key, operation: this.#operation, method: this.#method, status, headers: headerView(upstreamRes.headers), durationSeconds, startedAt: this.#startedAt });
    this.#unknownKeyRequest(codeLabel(status));
    if (status === 401 || status === 403) deps.callers?.rejected(this.#req, this.#alias, this.#operation, status);
    if (deps.logger.isLevelEnabled("debug")) {
      deps.logger.debug({ alias: this.#key, operation: this.#operation, method: this.#method, status, durationMs: Math.round(durationSeconds * 1000) }, "proxied");
    }
    if (this.#ctx.closing()) res.shouldKeepAlive = false;
    res.writeHead(status, upstreamRes.statusMessage, endToEndHeaders(upstreamRes.headers));
    // pipe() rather than pipeline(): pipeline allocates an AbortController (and a DOMException
    // when it settles) per stream, a measurable share of the gateway's CPU per request.
    upstreamRes[EXCHANGE] = this;
    upstreamRes.on("error", onUpstreamBodyError);
    upstreamRes.pipe(res);
  }

  upstreamBodyError(err: Error): void {
    if (!this.#clientGone) this.#ctx.deps.logger.warn({ alias: this.#key, operation: this.#operation, err }, "upstream response broke off");
    this.#res.destroy();
  }

  timeout(): void {
    this.#timedOut = true;
    this.#upstreamReq.destroy(new Error("upstream timed out"));
  }

  upstreamError(err: Error): void {
    if (this.#answered) return; // the response pipeline already handles a broken body
    const { deps } = this.#ctx;
    const reason = this.#clientGone ? "aborted" : this.#timedOut ? "timeout" : "network";
    deps.recorder.recordError({ key: this.#key, operation: this.#operation, method: this.#method, reason, durationSeconds: this.#seconds() });
    this.#unknownKeyRequest("error");
    if (this.#clientGone) return;
    deps.logger.warn({ alias: this.#key, operation: this.#operation, method: this.#method, reason, err }, "upstream request failed");
    this.#ctx.own(this.#res, this.#timedOut ? "upstream_timeout" : "upstream_unreachable");
  }

  clientClose(): void {
    if (!this.#res.writableFinished) {
      this.#clientGone = true;
      this.#upstreamReq.destroy();
    }
  }

  clientError(err: Error): void {
    this.#upstreamReq.destroy(err);
  }
}

// Listeners shared by every exchange: `this` is the emitter, which carries its exchange.
function onUpstreamResponse(this: Tagged<ClientRequest>, upstreamRes: IncomingMessage): void {
  this[EXCHANGE]!.response(upstreamRes);
}
function onUpstreamUpgrade(this: Tagged<ClientRequest>, upstreamRes: IncomingMessage, socket: Socket): void {
  socket.destroy();
  this[EXCHANGE]!.unrelayable(upstreamRes.statusCode, undefined);
}
function onUpstreamTimeout(this: Tagged<ClientRequest>): void {
  this[EXCHANGE]!.timeout();
}
function onUpstreamError(this: Tagged<ClientRequest>, err: Error): void {
  this[EXCHANGE]!.upstreamError(err);
}
function onUpstreamBodyError(this: Tagged<IncomingMessage>, err: Error): void {
  this[EXCHANGE]!.upstreamBodyError(err);
}
/** The gateway's `close` listener of every response calls this: the client may have left before the answer. */
export function responseClosed(res: ServerResponse): void {
  (res as Tagged<ServerResponse>)[EXCHANGE]?.clientClose();
}
function onClientError(this: Tagged<IncomingMessage>, err: Error): void {
  this[EXCHANGE]!.clientError(err);
}
