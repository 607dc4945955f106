// Control and fault injection under `/__sim/`, off the public paths: revoke, rotate or re-policy a
// key, reset everything, inject faults. Programmatic twins of each route are on `SimControl`.
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

export function controlRouter(control: SimControl): Router {
  const r = Router();
  r.use(express.json());
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
  r.use(((err, _req, res, next) => {
    if (res.headersSent) return next(err);
    res.status(400).json({ error: { code: "bad_request", message: "Request body is not valid JSON" } });
  }) as express.ErrorRequestHandler);
  r.use((req, res) => {
    res.status(404).json({ error: { code: "not_found", message: `No control route ${req.method} ${req.path}` } });
  });
  return r;
}
