// One proxied request: forwarded upstream unchanged (minus hop-by-hop headers), its answer relayed
// and counted once. The exchange is itself the undici dispatch handler, and the few listeners it
// needs are module-level functions that find it through a symbol: no closures per request (the
// profile of the hot path, BENCHMARKS.md, scenario 6).
import type http from "node:http";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { Dispatcher } from "undici";
import { matchOperation, type Operation } from "@minimo/client";
import { codeLabel } from "@minimo/metrics";
import { UNKNOWN_KEY_ALIAS } from "../config/defaults.js";
import type { GatewayDeps, GatewayState } from "./types.js";
import { endToEndHeaders, headerView, upstreamRequestHeaders } from "./headers.js";
import { identifyOnConnection } from "./connection-keys.js";
import type { OwnReason } from "./own-answers.js";
import type { UpstreamPools } from "./upstream-pool.js";
import { relayableStatus } from "./upstream-status.js";

/** What every exchange shares: made once per gateway. */
export interface ExchangeContext {
  deps: GatewayDeps;
  pools: UpstreamPools;
  closing(): boolean;
  /** True once the drain timeout has passed and the gateway cuts what is still in flight. */
  cutting(): boolean;
  own(res: ServerResponse, reason: OwnReason, extra?: http.OutgoingHttpHeaders): void;
  internal(res: ServerResponse, err: unknown): void;
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

/** Waiting for the upstream's answer; relaying its body; settled (relayed, answered by the gateway, or given up). */
const WAITING = 0;
const RELAYING = 1;
const SETTLED = 2;

type Controller = Dispatcher.DispatchController;

export class Exchange implements Dispatcher.DispatchHandler {
  readonly #ctx: ExchangeContext;
  readonly #req: IncomingMessage;
  /** `req.socket` as it was: undici sets a streamed body's `socket` to null once it is sent. */
  readonly #socket: Socket;
  readonly #res: ServerResponse;
  readonly #startedAt: number;
  readonly #method: string;
  readonly #alias: string | undefined;
  readonly #key: string;
  readonly #operation: string;
  #controller: Controller | undefined;
  #phase = WAITING;
  #clientGone = false;
  #drainListening = false;
  #timedOut = false;
  readonly #timeoutMs: number;
  readonly #hasBody: boolean;
  #uploadTimer: NodeJS.Timeout | undefined;

  /** Starts forwarding `req`; `url` is its origin-form target. */
  constructor(ctx: ExchangeContext, state: GatewayState, req: IncomingMessage, res: ServerResponse, url: string, startedAt: number) {
    this.#ctx = ctx;
    this.#req = req;
    this.#socket = req.socket;
    this.#res = res;
    this.#startedAt = startedAt;
    const method = (this.#method = req.method ?? "GET");
    const query = url.indexOf("?");
    const pathname = query === -1 ? url : url.slice(0, query);
    const op = operationOf(method, pathname);
    const server: "api" | "app" = op?.server ?? (pathname === "/api" || pathname.startsWith("/api/") ? "app" : "api");
    const target = ctx.pools.targets(state.upstream)[server];
    const reqHeaders = req.headers;
    this.#alias = identifyOnConnection(req.socket, state.matcher, reqHeaders.authorization);
    this.#key = this.#alias ?? UNKNOWN_KEY_ALIAS;
    this.#operation = op?.path ?? "unmatched";

    (res as Tagged<ServerResponse>)[EXCHANGE] = this;
    (req as Tagged<IncomingMessage>)[EXCHANGE] = this;
    req.on("error", onClientError);
    const timeout = (this.#timeoutMs = state.upstreamTimeoutSeconds * 1000);
    const body = (this.#hasBody = hasBody(reqHeaders));
    target.pool.dispatch(
      {
        method,
        path: target.prefix + url,
        headers: upstreamRequestHeaders(reqHeaders, target.host),
        // A bodyless request goes without one (no chunked empty body); anything else streams
        // through with backpressure (undici pauses the client's request while the socket is full).
        body: body ? req : null,
        // gateway.upstream_timeout_seconds is upstream silence: before the head, and between body
        // chunks. undici ignores its headersTimeout while a request body is still being written,
        // so an upload that stalls half-way would hold the upstream request forever: a request
        // with a body gets the gateway's own timer instead (#watchUpload).
        headersTimeout: body ? 0 : timeout,
        bodyTimeout: timeout,
      },
      this,
    );
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
  #unrelayable(status: number | undefined): void {
    const { deps } = this.#ctx;
    this.#phase = SETTLED;
    deps.recorder.recordError({ key: this.#key, operation: this.#operation, method: this.#method, reason: "network", durationSeconds: this.#seconds() });
    this.#unknownKeyRequest("error");
    deps.logger.warn({ alias: this.#key, operation: this.#operation, method: this.#method, status }, "upstream answered an unrelayable status; answered 502");
    this.#controller?.abort(new Error("unrelayable upstream status"));
    this.#ctx.own(this.#res, "bad_upstream_status", { connection: "close" });
  }

  onRequestStart(controller: Controller): void {
    this.#controller = controller;
    // The client left while the request waited for a free upstream connection.
    if (this.#clientGone) controller.abort(new Error("client went away"));
    else if (this.#hasBody && this.#uploadTimer === undefined) this.#watchUpload();
  }

  /**
   * The head's deadline for a request with a body: `upstream_timeout_seconds` after the last body
   * chunk went out (as the old socket-inactivity timeout was), not after the request began.
   */
  #watchUpload(): void {
    this.#uploadTimer = setTimeout(onUploadSilence, this.#timeoutMs, this);
    this.#req.on("data", onClientData);
  }

  uploadProgress(): void {
    this.#uploadTimer?.refresh();
  }

  uploadSilence(): void {
    this.#uploadTimer = undefined;
    if (this.#phase !== WAITING) return;
    this.#timedOut = true;
    this.#controller?.abort(new Error("upstream timed out"));
  }

  #stopWatchingUpload(): void {
    if (this.#uploadTimer === undefined) return;
    clearTimeout(this.#uploadTimer);
    this.#uploadTimer = undefined;
    this.#req.off("data", onClientData);
  }

  onResponseStart(controller: Controller, status: number, headers: IncomingHttpHeaders, statusMessage?: string): void {
    // 1xx informational answers (103 Early Hints…) are not final: the final one follows. 100 never
    // gets here (undici fails the request), 101 to a plain request has no final answer.
    if (status >= 102 && status <= 199) return;
    this.#stopWatchingUpload();
    try {
      this.#relay(status, headers, statusMessage);
    } catch (err) {
      // Before the head went out nothing was counted: the attempt is an error, as for an unrelayable status.
      if (this.#phase === WAITING) {
        this.#ctx.deps.recorder.recordError({ key: this.#key, operation: this.#operation, method: this.#method, reason: "network", durationSeconds: this.#seconds() });
        this.#unknownKeyRequest("error");
      }
      this.#phase = SETTLED;
      controller.abort(err instanceof Error ? err : new Error(String(err)));
      this.#ctx.internal(this.#res, err);
    }
  }

  #relay(status: number, headers: IncomingHttpHeaders, statusMessage: string | undefined): void {
    if (!relayableStatus(status)) return this.#unrelayable(status);
    const { deps } = this.#ctx;
    const res = this.#res;
    if (this.#ctx.closing()) res.shouldKeepAlive = false;
    // The head goes out first and is counted after: a head that cannot be sent is the gateway's
    // own 502 (onResponseStart), never a relayed answer in the counts. A reason phrase Node
    // refuses to send (a control character) gives way to the standard one: clients ignore it anyway.
    res.writeHead(status, sendablePhrase(statusMessage), endToEndHeaders(headers));
    this.#phase = RELAYING;
    const durationSeconds = this.#seconds();
    deps.recorder.recordResponse({
      key: this.#key,
      operation: this.#operation,
      method: this.#method,
      status,
      headers: headerView(headers),
      durationSeconds,
      startedAt: this.#startedAt,
    });
    this.#unknownKeyRequest(codeLabel(status));
    deps.posture?.observe(this.#req, this.#socket, this.#alias, this.#method, this.#operation, status);
    if (status === 401 || status === 403) deps.callers?.rejected({ headers: this.#req.headers, socket: this.#socket }, this.#alias, this.#operation, status);
    if (deps.logger.isLevelEnabled("debug")) {
      deps.logger.debug({ alias: this.#key, operation: this.#operation, method: this.#method, status, durationMs: Math.round(durationSeconds * 1000) }, "proxied");
    }
  }

  onResponseData(controller: Controller, chunk: Buffer): void {
    if (this.#phase !== RELAYING) return;
    if (!this.#res.write(chunk)) {
      controller.pause();
      if (!this.#drainListening) {
        this.#drainListening = true;
        this.#res.on("drain", onClientDrain);
      }
    }
  }

  drained(): void {
    this.#controller?.resume();
  }

  onResponseEnd(): void {
    if (this.#phase !== RELAYING) return;
    this.#phase = SETTLED;
    this.#res.end();
  }

  onResponseError(_controller: Controller, err: Error): void {
    this.#stopWatchingUpload();
    const phase = this.#phase;
    this.#phase = SETTLED;
    if (phase === SETTLED) return; // the gateway already answered (an unrelayable status, a cut client)
    // The gateway's own cut at the drain timeout: it destroys the client's connection and the
    // upstream pools, so undici reports a destroyed client (or a client that went away) — neither
    // is an upstream failure, and the client gets no answer.
    const cut = this.#ctx.cutting();
    if (phase === RELAYING) {
      // The head is out: all that can be done is cut the client's response, so it is not taken as whole.
      if (cut) this.#logCut("the answer was being relayed");
      else if (!this.#clientGone) this.#ctx.deps.logger.warn({ alias: this.#key, operation: this.#operation, err }, "upstream response broke off");
      this.#res.destroy();
      return;
    }
    // undici fails a 101 with `Upgrade` ("bad upgrade") and a 100 ("bad response") as socket
    // errors before any handler call: both are statuses the gateway cannot relay.
    const code = (err as { code?: unknown }).code;
    if (!cut && !this.#clientGone && code === "UND_ERR_SOCKET" && (err.message === "bad upgrade" || err.message === "bad response")) return this.#unrelayable(undefined);
    const { deps } = this.#ctx;
    const timedOut = this.#timedOut || code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT";
    const reason = cut || this.#clientGone ? "aborted" : timedOut ? "timeout" : "network";
    deps.recorder.recordError({ key: this.#key, operation: this.#operation, method: this.#method, reason, durationSeconds: this.#seconds() });
    this.#unknownKeyRequest("error");
    if (cut) {
      this.#logCut("waiting for the upstream's answer");
      this.#res.destroy();
      return;
    }
    if (this.#clientGone) return;
    deps.logger.warn({ alias: this.#key, operation: this.#operation, method: this.#method, reason, err }, "upstream request failed");
    this.#ctx.own(this.#res, timedOut ? "upstream_timeout" : "upstream_unreachable");
  }

  #logCut(stage: string): void {
    this.#ctx.deps.logger.warn(
      { alias: this.#key, operation: this.#operation, method: this.#method, reason: "aborted", stage, durationMs: Math.round(this.#seconds() * 1000) },
      "request cut by the drain timeout",
    );
  }

  clientClose(): void {
    if (!this.#res.writableFinished) {
      this.#clientGone = true;
      this.#controller?.abort(new Error("client went away"));
    }
  }

  clientError(err: Error): void {
    this.#controller?.abort(err);
  }
}

/** The upstream's reason phrase when Node can send it (no control characters), else undefined (the standard one). */
function sendablePhrase(phrase: string | undefined): string | undefined {
  return phrase !== undefined && /^[\t\x20-\x7e\x80-\xff]*$/.test(phrase) ? phrase : undefined;
}

/** Whether a client's request carries a body (RFC 9112 §6.3: Content-Length or Transfer-Encoding). */
function hasBody(headers: IncomingHttpHeaders): boolean {
  const length = headers["content-length"];
  return length === undefined ? headers["transfer-encoding"] !== undefined : length !== "0";
}

// Listeners shared by every exchange: `this` is the emitter, which carries its exchange.
function onClientData(this: Tagged<IncomingMessage>): void {
  this[EXCHANGE]!.uploadProgress();
}
function onUploadSilence(exchange: Exchange): void {
  exchange.uploadSilence();
}
function onClientDrain(this: Tagged<ServerResponse>): void {
  this[EXCHANGE]!.drained();
}
/** The gateway's `close` listener of every response calls this: the client may have left before the answer. */
export function responseClosed(res: ServerResponse): void {
  (res as Tagged<ServerResponse>)[EXCHANGE]?.clientClose();
}
function onClientError(this: Tagged<IncomingMessage>, err: Error): void {
  this[EXCHANGE]!.clientError(err);
}
