// The checks every public request goes through, in the documented order:
// faults → auth (401) → rate limit (429) → sunset (410) → permission (403) → validation → handler.
// Every response, errors and unauthenticated ones included, carries X-RateLimit-* headers.
import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { RequestFacts, SimContext } from "./context.js";
import { errorFormsOf } from "./error-forms.js";
import { FORBIDDEN, UNAUTHORIZED, gone, rateLimited, sendError } from "./errors.js";
import { writeRateLimitHeaders } from "./faults.js";
import { hasPermission, type StoredKey } from "./keys.js";
import type { Operation } from "./operations.js";
import { ANONYMOUS_POLICY, retryAfterSeconds, type RateLimitState } from "./rate-limit.js";

/** Seconds a client is told to wait after an injected 503. */
export const INJECTED_503_RETRY_AFTER = 1;

export function facts(res: Response): RequestFacts {
  return (res.locals.sim ??= {}) as RequestFacts;
}

/** The rate-limit window of requests without an identifiable key: one per client address. */
export function anonymousId(remoteAddress: string | undefined): string {
  return `anonymous:${remoteAddress ?? "unknown"}`;
}

/** The headers for a request without counting it: the key's window, or the anonymous one. */
export function peekHeaders(ctx: SimContext, req: Request, res: Response, retryAfter?: number): void {
  const { key } = ctx.keys.identify(req.get("authorization"));
  const state = key ? ctx.limiter.peek(`key:${key.name}`, key.policy, ctx.now()) : ctx.limiter.peek(anonymousId(req.socket.remoteAddress), ANONYMOUS_POLICY, ctx.now());
  writeRateLimitHeaders(res, state, ctx.faults.rateLimitHeaders, retryAfter);
}

/** Latency, dropped connections and injected 5xx, before anything else looks at the request. */
export function faultsStep(ctx: SimContext): RequestHandler {
  return (req, res, next) => {
    const run = () => {
      const f = ctx.faults;
      if (f.dropRate && ctx.random() < f.dropRate) {
        req.socket.destroy();
        return;
      }
      if (f.errorRate && ctx.random() < f.errorRate) {
        const status = f.errorStatus ?? 500;
        const retryAfter = status === 503 ? INJECTED_503_RETRY_AFTER : undefined;
        peekHeaders(ctx, req, res, retryAfter);
        sendError(
          res,
          f,
          status,
          status === 503
            ? { error: { code: "service_unavailable", message: "Service temporarily unavailable" } }
            : { error: { code: "internal_error", message: "Internal server error" } },
        );
        return;
      }
      next();
    };
    if (ctx.faults.latencyMs) ctx.sleep(ctx.faults.latencyMs).then(run, next);
    else run();
  };
}

/** 401 for a missing, malformed, unknown, expired or revoked key; then counts the request. */
export function authAndRateStep(ctx: SimContext, op: Operation): RequestHandler {
  const errorForms = errorFormsOf(ctx.spec, op);
  return (req, res, next) => {
    const now = ctx.now();
    const f = facts(res);
    f.operation = op;
    f.errorForms = errorForms;
    const auth = ctx.keys.authenticate(req.get("authorization"), now);
    if (!auth.ok) {
      if (auth.key) f.key = auth.key;
      // Unauthenticated requests never spend a key's budget; anonymous ones count per address.
      const state = auth.key ? ctx.limiter.peek(`key:${auth.key.name}`, auth.key.policy, now) : ctx.limiter.consume(anonymousId(req.socket.remoteAddress), ANONYMOUS_POLICY, now);
      writeRateLimitHeaders(res, state, ctx.faults.rateLimitHeaders);
      sendError(res, ctx.faults, 401, UNAUTHORIZED);
      return;
    }
    f.key = auth.key;
    const state = ctx.limiter.consume(`key:${auth.key.name}`, auth.key.policy, now);
    if (!state.allowed) {
      const seconds = retryAfterSeconds(state, now);
      writeRateLimitHeaders(res, state, ctx.faults.rateLimitHeaders, seconds);
      sendError(res, ctx.faults, 429, rateLimited(seconds));
      return;
    }
    writeRateLimitHeaders(res, state, ctx.faults.rateLimitHeaders);
    next();
  };
}

/** 410 Gone for a removed legacy operation (`x-minimo-sunset` reached), then 403 without the permission. */
export function sunsetAndPermissionStep(ctx: SimContext, op: Operation): RequestHandler {
  const sunsetAt = op.sunset ? Date.parse(`${op.sunset}T00:00:00Z`) : undefined;
  return (_req, res, next) => {
    if (sunsetAt !== undefined && ctx.now() >= sunsetAt) {
      sendError(res, ctx.faults, 410, gone(op.sunset!));
      return;
    }
    if (!hasPermission(facts(res).key as StoredKey, op.permission)) {
      sendError(res, ctx.faults, 403, FORBIDDEN);
      return;
    }
    next();
  };
}

/** Unknown path or method: 404 with the error envelope, after any fault, before auth. */
export function notFoundStep(ctx: SimContext): RequestHandler {
  return (req, res) => {
    peekHeaders(ctx, req, res);
    sendError(res, ctx.faults, 404, { error: { code: "not_found", message: `No operation ${req.method} ${req.path}` } });
  };
}

/**
 * A method the path does not serve: 405 with `Allow` (RFC 9110 §15.5.6) and the envelope, after
 * any fault, before auth. `HEAD` is allowed wherever `GET` is (express answers it).
 */
export function methodNotAllowedStep(ctx: SimContext, methods: readonly string[]): RequestHandler {
  const allowed = [...new Set(methods.flatMap((m) => (m === "GET" ? ["GET", "HEAD"] : [m])))];
  const allow = allowed.join(", ");
  return (req, res) => {
    peekHeaders(ctx, req, res);
    res.setHeader("Allow", allow);
    sendError(res, ctx.faults, 405, {
      error: { code: "method_not_allowed", message: `${req.method} is not allowed on ${req.path}; allowed: ${allow}` },
    });
  };
}

/** One log line per request: key NAME (never the key), method, path, status, duration. */
export function logStep(ctx: SimContext, log: (line: string) => void): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = ctx.now();
    res.on("close", () => {
      const name = facts(res).key?.name ?? "-";
      const status = res.headersSent ? String(res.statusCode) : "dropped";
      log(`${req.method} ${req.path} ${status} key=${name} ${Math.max(0, ctx.now() - started)}ms`);
    });
    next();
  };
}

export type { RateLimitState };
