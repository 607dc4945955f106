// One server factory for both listeners: plain HTTP, or HTTPS whose certificate can be swapped
// in place (SIGHUP) without dropping the listening socket. Works with any request handler — a
// plain (req, res) function or an express app.
//
// How long a connection may hold its descriptor without being useful, the same on both listeners
// and with or without TLS: its first request head must be complete FIRST_REQUEST_SECONDS after
// it was accepted (TLS handshake included), a later one HEADERS_SECONDS after it began, and it
// may sit idle between requests KEEP_ALIVE_SECONDS. Node's own defaults let a silent connection
// live 90 s (a 60 s headersTimeout checked every 30 s), or 120 s in a TLS handshake.
import http from "node:http";
import https from "node:https";
import type { Socket } from "node:net";
import type { TlsMaterial } from "../../config/tls-material.js";

export type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export const FIRST_REQUEST_SECONDS = 60;
export const HEADERS_SECONDS = 60;
export const KEEP_ALIVE_SECONDS = 5;

/** Connection time limits; defaults as above (tests shorten them). */
export interface ConnectionLimits {
  firstRequestSeconds?: number;
  headersSeconds?: number;
}

const FIRST_REQUEST_TIMER = Symbol("firstRequestTimer");
type Tracked = Socket & { [FIRST_REQUEST_TIMER]?: NodeJS.Timeout };

/** The accepted TCP socket under a request: for HTTPS the TLS socket's parent. */
export const rawSocket = (req: http.IncomingMessage): Socket => (req.socket as Socket & { _parent?: Socket | null })._parent ?? req.socket;

function destroySocket(socket: Socket): void {
  socket.destroy();
}

/** `https.createServer` with `tls`, `http.createServer` without. */
export function createWebServer(handler: RequestHandler, tls?: TlsMaterial, limits: ConnectionLimits = {}): http.Server {
  const firstMs = (limits.firstRequestSeconds ?? FIRST_REQUEST_SECONDS) * 1000;
  const headersMs = (limits.headersSeconds ?? HEADERS_SECONDS) * 1000;
  // Node checks headersTimeout only every connectionsCheckingInterval: check often enough that
  // the limit holds within a second or two.
  const options: http.ServerOptions = {
    headersTimeout: headersMs,
    connectionsCheckingInterval: Math.min(1000, headersMs),
    keepAliveTimeout: KEEP_ALIVE_SECONDS * 1000,
  };
  const server =
    tls === undefined
      ? http.createServer(options, handler)
      : (https.createServer({ ...options, ...tls.context, ...tls.server, handshakeTimeout: firstMs }, handler) as unknown as http.Server);
  server.on("connection", (socket: Tracked) => {
    const timer = setTimeout(destroySocket, firstMs, socket);
    timer.unref();
    socket[FIRST_REQUEST_TIMER] = timer;
    socket.once("close", () => clearTimeout(timer));
  });
  server.on("request", (req: http.IncomingMessage) => {
    const socket = rawSocket(req) as Tracked;
    const timer = socket[FIRST_REQUEST_TIMER];
    if (timer !== undefined) {
      clearTimeout(timer);
      socket[FIRST_REQUEST_TIMER] = undefined;
    }
  });
  return server;
}

/** True for a server made with TLS. */
export function isTlsServer(server: http.Server): boolean {
  return server instanceof https.Server;
}

/**
 * Applies reloaded TLS material to a running server. Returns a reason when it cannot be applied
 * in place (HTTP <-> HTTPS needs a restart), undefined when done.
 */
export function updateTls(server: http.Server, tls: TlsMaterial | undefined): string | undefined {
  const secure = isTlsServer(server);
  if (!secure && tls === undefined) return undefined;
  if (secure !== (tls !== undefined)) return secure ? "TLS was removed: it stays on until a restart" : "TLS was added: it applies after a restart";
  const s = server as unknown as https.Server;
  s.setSecureContext(tls!.context);
  // requestCert / rejectUnauthorized are server options read per connection.
  Object.assign(s as unknown as Record<string, unknown>, tls!.server);
  return undefined;
}
