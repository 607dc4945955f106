// HTTP basic auth against bcrypt hashes (exporter-toolkit `basic_auth_users`). A plain function
// any handler can call, and a connect-style middleware for express apps.
//
// bcrypt is slow on purpose (~100 ms at cost 10 in bcryptjs): a verified user+password+hash
// triple is remembered by its SHA-256, so a scraper every 15 s does not cost a bcrypt round each
// time, and keeps getting in while a flood of wrong passwords fills the comparison queue. The
// comparisons run on a worker thread with a bounded queue (./bcrypt-pool.ts); past the bound the
// answer is 429 with Retry-After, at once. An unknown user is compared against a dummy hash of
// the configured hashes' cost, so timing does not tell which users exist.
// Nothing here logs: a wrong password leaves no trace but the 401.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { BcryptPool } from "./bcrypt-pool.js";

/** user -> bcrypt hash. */
export type BasicAuthUsers = ReadonlyMap<string, string>;

// A hash nobody's password matches; its cost field is replaced by the configured one.
const DUMMY_REST = "$hMR5kV8OPeluUZaLp0ij6O5FMofqoH4yTkmymGEx9WTj/Xz5y/O8C";
const MAX_CACHE = 1024;

/**
 * The hash an unknown user is compared against: the highest cost among the configured hashes, so
 * that with one cost (the usual case) a known and an unknown user take the same time.
 */
export function dummyHashFor(users: BasicAuthUsers): string {
  let cost = 10;
  let first = true;
  for (const hash of users.values()) {
    const c = Number(hash.slice(4, 6));
    if (Number.isInteger(c) && (first || c > cost)) cost = c;
    first = false;
  }
  return `$2b$${String(cost).padStart(2, "0")}${DUMMY_REST}`;
}

/** How a request's credentials fared: "busy" when too many comparisons are already pending. */
export type AuthResult = "ok" | "denied" | "busy";

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
  /** Whether the header carries a configured user and its password ("busy": not checked, try later). */
  check(header: string | undefined): Promise<AuthResult>;
  /** Connect-style middleware: calls `next()` when authorised, answers 401 otherwise. */
  middleware(req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void): void;
  /** Stops the comparison worker (one is started again if needed). */
  close(): Promise<void>;
}

/** Answers 401 with the challenge the toolkit sends. */
export function sendUnauthorized(res: ServerResponse): void {
  const body = "Unauthorized\n";
  res.writeHead(401, {
    "www-authenticate": 'Basic realm="minimo-exporter", charset="UTF-8"',
    "content-type": "text/plain; charset=utf-8",
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
}

/** Answers 429 with Retry-After: the comparison queue is full, nothing was checked. */
export function sendBusy(res: ServerResponse): void {
  const body = "Too many authentication attempts at once; retry shortly\n";
  res.writeHead(429, { "retry-after": "1", "content-type": "text/plain; charset=utf-8", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

function answer(result: AuthResult, res: ServerResponse, next: () => void): void {
  if (result === "ok") next();
  else if (result === "busy") sendBusy(res);
  else sendUnauthorized(res);
}

export interface BasicAuthOptions {
  /** Where comparisons run; default a pool of one worker thread with `MAX_PENDING_VERIFICATIONS`. */
  pool?: BcryptPool;
}

/** Basic auth over `users()` (read per request, so a reload swaps users without a restart). */
export function createBasicAuth(users: () => BasicAuthUsers | undefined, options: BasicAuthOptions = {}): BasicAuth {
  const pool = options.pool ?? new BcryptPool();
  const verified = new Map<string, true>();
  const fingerprint = (user: string, password: string, hash: string) => createHash("sha256").update(`${user}\0${password}\0${hash}`).digest();
  let dummy: { table: BasicAuthUsers; hash: string } | undefined;

  async function check(header: string | undefined): Promise<AuthResult> {
    const table = users();
    if (table === undefined || table.size === 0) return "ok";
    const creds = parseBasicAuth(header);
    if (!creds) return "denied";
    if (dummy?.table !== table) dummy = { table, hash: dummyHashFor(table) };
    const hash = table.get(creds.user);
    const id = fingerprint(creds.user, creds.password, hash ?? dummy.hash).toString("hex");
    if (hash !== undefined && verified.has(id)) return "ok";
    const verdict = await pool.verify(creds.password, hash ?? dummy.hash);
    if (verdict === "busy") return "busy";
    if (verdict !== "match" || hash === undefined) return "denied";
    if (verified.size >= MAX_CACHE) verified.clear();
    verified.set(id, true);
    return "ok";
  }

  return {
    check,
    middleware(req, res, next) {
      check(req.headers.authorization).then(
        (result) => answer(result, res, next),
        (err) => next(err),
      );
    },
    close: () => pool.close(),
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
      (result) => answer(result, res, () => handler(req, res)),
      () => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end("internal error\n");
      },
    );
  };
}
