// HTTP basic auth against bcrypt hashes (exporter-toolkit `basic_auth_users`). A plain function
// any handler can call, and a connect-style middleware for express apps.
//
// bcrypt is slow on purpose (~50-100 ms at cost 10): a verified user+password+hash triple is
// remembered by its SHA-256, so a scraper every 15 s does not cost a bcrypt round each time. An
// unknown user is still compared against a fixed hash, so timing does not tell which users exist.
// Nothing here logs: a wrong password leaves no trace but the 401.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import bcrypt from "bcryptjs";

/** user -> bcrypt hash. */
export type BasicAuthUsers = ReadonlyMap<string, string>;

// bcrypt of a random string nobody knows; only its cost matters.
const DUMMY_HASH = "$2b$10$hMR5kV8OPeluUZaLp0ij6O5FMofqoH4yTkmymGEx9WTj/Xz5y/O8C";
const MAX_CACHE = 1024;

/** The `Authorization: Basic` credentials, or undefined when absent or malformed. */
export function parseBasicAuth(header: string | undefined): { user: string; password: string } | undefined {
  if (header === undefined) return undefined;
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export interface BasicAuth {
  /** True when the header carries a configured user and its password. */
  check(header: string | undefined): Promise<boolean>;
  /** Connect-style middleware: calls `next()` when authorised, answers 401 otherwise. */
  middleware(req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void): void;
}

/** Answers 401 with the challenge the toolkit sends. */
export function sendUnauthorized(res: ServerResponse): void {
  const body = "Unauthorized\n";
  res.writeHead(401, { "www-authenticate": 'Basic realm="minimo-exporter", charset="UTF-8"', "content-type": "text/plain; charset=utf-8", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

/** Basic auth over `users()` (read per request, so a reload swaps users without a restart). */
export function createBasicAuth(users: () => BasicAuthUsers | undefined): BasicAuth {
  const verified = new Map<string, true>();
  const fingerprint = (user: string, password: string, hash: string) => createHash("sha256").update(`${user}\0${password}\0${hash}`).digest();

  async function check(header: string | undefined): Promise<boolean> {
    const table = users();
    if (table === undefined || table.size === 0) return true;
    const creds = parseBasicAuth(header);
    if (!creds) return false;
    const hash = table.get(creds.user);
    const id = fingerprint(creds.user, creds.password, hash ?? DUMMY_HASH).toString("hex");
    if (hash !== undefined && verified.has(id)) return true;
    const ok = await bcrypt.compare(creds.password, hash ?? DUMMY_HASH);
    if (!ok || hash === undefined) return false;
    if (verified.size >= MAX_CACHE) verified.clear();
    verified.set(id, true);
    return true;
  }

  return {
    check,
    middleware(req, res, next) {
      check(req.headers.authorization).then(
        (ok) => (ok ? next() : sendUnauthorized(res)),
        (err) => next(err),
      );
    },
  };
}

/** Paths answered without credentials: liveness and readiness say nothing but "ok". */
export const OPEN_PATHS: ReadonlySet<string> = new Set(["/healthz", "/readyz"]);

/** Wraps a (req, res) handler (or an express app) so every path but `open` needs basic auth. */
export function protect<H extends (req: IncomingMessage, res: ServerResponse) => void>(
  handler: H,
  auth: BasicAuth,
  open: ReadonlySet<string> = OPEN_PATHS,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const path = (req.url ?? "/").split("?", 1)[0] ?? "/";
    if (open.has(path)) {
      handler(req, res);
      return;
    }
    auth.check(req.headers.authorization).then(
      (ok) => (ok ? handler(req, res) : sendUnauthorized(res)),
      () => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end("internal error\n");
      },
    );
  };
}
