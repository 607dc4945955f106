// Control and fault injection under `/__sim/`, off the public paths: revoke, rotate or re-policy a
// key, reset everything, inject faults. Programmatic twins of each route are on `SimControl`.
// The routes need the sandbox's control token: anything that forwards requests to the sandbox
// (the exporter's gateway, a proxy) would otherwise let any of its clients rotate a key and
// read the new one.
import { createHash, timingSafeEqual } from "node:crypto";
import express, { Router, type Response } from "express";
import type { SimContext } from "./context.js";
import { faultsSchema, type Faults } from "./faults.js";
import { ajv, describeAjvErrors, policySchema } from "./keys-file.js";
import { describeKey } from "./keys.js";

export type PolicyChange = {
  permissions?: string[];
  expires?: string | null;
  revoked?: boolean;
  rate_limit?: { limit: number; window_seconds: number };
};

const validatePolicy = ajv.compile(policySchema);
const validateFaults = ajv.compile(faultsSchema);

export class SimControl {
  readonly #ctx: SimContext;
  constructor(ctx: SimContext) {
    this.#ctx = ctx;
  }

  /** Secret-free view of every key: name, masked key, permissions, limit, state. */
  keys() {
    return this.#ctx.keys.list().map((k) => describeKey(k, this.#ctx.now()));
  }

  revoke(name: string) {
    const k = this.#ctx.keys.revoke(name);
    return k && describeKey(k, this.#ctx.now());
  }

  /** New secret, same client id; the old key gets 401 at once. Returns the new full key once. */
  rotate(name: string) {
    const r = this.#ctx.keys.rotate(name);
    return r && { ...describeKey(r.key, this.#ctx.now()), key: r.fullKey };
  }

  /** Changes permissions, expiry, revocation or rate limit; a new limit starts a fresh window. */
  setPolicy(name: string, change: PolicyChange) {
    const k = this.#ctx.keys.update(name, change);
    if (!k) return undefined;
    if (change.rate_limit) this.#ctx.limiter.clear(`key:${k.name}`);
    return describeKey(k, this.#ctx.now());
  }

  setFaults(faults: Faults): Faults {
    this.#ctx.faults = { ...faults };
    return this.faults();
  }

  clearFaults(): Faults {
    this.#ctx.faults = {};
    return this.faults();
  }

  faults(): Faults {
    return { ...this.#ctx.faults };
  }

  /** Data, keys, rate-limit windows and faults back to how the sandbox started. */
  reset(): void {
    this.#ctx.state.reset();
    this.#ctx.keys.reset();
    this.#ctx.limiter.clear();
    this.#ctx.faults = {};
  }
}

function invalid(res: Response, errors: Parameters<typeof describeAjvErrors>[0]) {
  const problems = describeAjvErrors(errors);
  res.status(400).json({
    error: { code: "validation_error", message: problems.map((p) => `${p.path}: ${p.message}`).join("; "), details: { problems } },
  });
}

function unknownKey(res: Response, name: string) {
  res.status(404).json({ error: { code: "not_found", message: `No key named ${JSON.stringify(name)}` } });
}

/** The header the control routes read their token from. */
export const CONTROL_TOKEN_HEADER = "x-sim-control-token";
const CONTROL_BODY_LIMIT = "100kb";

const digest = (text: string) => createHash("sha256").update(text).digest();

export function controlRouter(control: SimControl, token: string): Router {
  const r = Router();
  const expected = digest(token);
  r.use((req, res, next) => {
    const given = req.headers[CONTROL_TOKEN_HEADER];
    if (typeof given === "string" && timingSafeEqual(digest(given), expected)) return next();
    res.status(401).json({
      error: { code: "unauthorized", message: `Control routes need the ${CONTROL_TOKEN_HEADER} header: the token minimo-sim printed at start (sim.controlToken in code)` },
    });
  });
  r.use(express.json({ limit: CONTROL_BODY_LIMIT }));
  r.get("/keys", (_req, res) => {
    res.json({ keys: control.keys() });
  });
  r.post("/keys/:name/revoke", (req, res) => {
    const k = control.revoke(req.params.name);
    if (k) res.json(k);
    else unknownKey(res, req.params.name);
  });
  r.post("/keys/:name/rotate", (req, res) => {
    const k = control.rotate(req.params.name);
    if (k) res.json(k);
    else unknownKey(res, req.params.name);
  });
  r.put("/keys/:name/policy", (req, res) => {
    if (!validatePolicy(req.body)) {
      invalid(res, validatePolicy.errors);
      return;
    }
    const k = control.setPolicy(req.params.name, req.body as PolicyChange);
    if (k) res.json(k);
    else unknownKey(res, req.params.name);
  });
  r.post("/reset", (_req, res) => {
    control.reset();
    res.status(204).end();
  });
  r.get("/faults", (_req, res) => {
    res.json(control.faults());
  });
  r.put("/faults", (req, res) => {
    if (!validateFaults(req.body)) {
      invalid(res, validateFaults.errors);
      return;
    }
    res.json(control.setFaults(req.body as Faults));
  });
  r.delete("/faults", (_req, res) => {
    res.json(control.clearFaults());
  });
  r.use(((err: { type?: string; status?: number }, _req, res, next) => {
    if (res.headersSent) return next(err);
    // body-parser's error types: each its own answer, so a 2 MB body is not "not valid JSON".
    if (err.type === "entity.too.large") {
      res.status(413).json({ error: { code: "payload_too_large", message: `Control request bodies are limited to ${CONTROL_BODY_LIMIT}` } });
    } else if (err.type === "encoding.unsupported" || err.type === "charset.unsupported") {
      res.status(415).json({ error: { code: "unsupported_media_type", message: "Control request bodies must be JSON, uncompressed, in UTF-8" } });
    } else if (err.type === "entity.parse.failed") {
      res.status(400).json({ error: { code: "bad_request", message: "Request body is not valid JSON" } });
    } else {
      res.status(400).json({ error: { code: "bad_request", message: "Request body could not be read" } });
    }
  }) as express.ErrorRequestHandler);
  r.use((req, res) => {
    res.status(404).json({ error: { code: "not_found", message: `No control route ${req.method} ${req.path}` } });
  });
  return r;
}
