// One server factory for both listeners: plain HTTP, or HTTPS whose certificate can be swapped
// in place (SIGHUP) without dropping the listening socket. Works with any request handler — a
// plain (req, res) function or an express app.
import http from "node:http";
import https from "node:https";
import type { TlsMaterial } from "./tls.js";

export type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** `https.createServer` with `tls`, `http.createServer` without. */
export function createWebServer(handler: RequestHandler, tls?: TlsMaterial): http.Server {
  if (tls === undefined) return http.createServer(handler);
  return https.createServer({ ...tls.context, ...tls.server }, handler) as unknown as http.Server;
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
