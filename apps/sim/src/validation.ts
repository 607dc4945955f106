// Request validation against the spec with express-openapi-validator (OpenAPI 3.1 via ajv 2020),
// and the mapping of its errors onto the documented error envelope. The status comes from what
// the operation documents: body errors are 422 where the operation lists 422, else 400; a bad
// path parameter is 400 where listed, else 404 (no such resource can exist).
import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import * as OpenApiValidator from "express-openapi-validator";
import type { SimContext } from "./context.js";
import { sendError } from "./errors.js";
import { operationObject, type Operation } from "./operations.js";
import { facts } from "./pipeline.js";

interface ValidatorError { status?: number; errors?: { path?: string; message?: string }[]; type?: string; message?: string }

// Building the validator (dereferencing, compiling schemas) is the costliest part of starting a
// sandbox, and it holds no per-sandbox state: share it between sandboxes serving the same spec.
const validators = new WeakMap<object, RequestHandler[]>();

export function validationSteps(ctx: SimContext): RequestHandler[] {
  const parseJson = express.json({ limit: "1mb" });
  let validator = validators.get(ctx.spec);
  if (!validator) {
    validator = buildValidator(ctx);
    validators.set(ctx.spec, validator);
  }
  return [parseJson, ...validator];
}

function buildValidator(ctx: SimContext): RequestHandler[] {
  return OpenApiValidator.middleware({
    // The validator dereferences and annotates the document it is given: hand it a copy.
    apiSpec: structuredClone(ctx.spec) as never,
    // Unknown query parameters are ignored, as most APIs do (only documented ones are checked).
    validateRequests: { allowUnknownQueryParameters: true },
    validateResponses: false,
    // Auth is the sandbox's own step (documented bodies, constant-time compare), before this.
    validateSecurity: false,
    validateApiSpec: false,
    ignoreUndocumented: true,
  }) as unknown as RequestHandler[];
}

function documents(ctx: SimContext, op: Operation | undefined, status: string): boolean {
  if (!op) return false;
  return Boolean(operationObject(ctx.spec, op)?.responses?.[status]);
}

/** Field name of a validator path: `/body/email` → `email`, `/query/groupBy` → `groupBy`. */
function field(path: string | undefined): string {
  return (path ?? "").split("/").filter(Boolean).slice(1).join(".") || "body";
}

export function validationErrorHandler(ctx: SimContext): ErrorRequestHandler {
  return (err: ValidatorError, _req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const op = facts(res).operation;
    const problems = (err.errors ?? []).map((e) => ({
      field: field(e.path),
      message: e.message?.startsWith("must have required property") ? "is required" : e.message ?? "is invalid",
    }));
    // body-parser: malformed JSON or a body that is too large.
    if (err.type === "entity.parse.failed" || err.status === 413 || err.status === 415) {
      const message = err.status === 413 ? "Request body too large"
        : err.status === 415 ? "Content-Type must be application/json" : "Request body is not valid JSON";
      sendError(res, ctx.faults, 400, { error: { code: "bad_request", message } });
      return;
    }
    if (err.status === 400 && problems.length > 0) {
      const first = problems[0]!;
      const where = (err.errors?.[0]?.path ?? "").split("/")[1];
      const details = { field: first.field, problems };
      if (where === "body") {
        const status = documents(ctx, op, "422") ? 422 : 400;
        sendError(res, ctx.faults, status, { error: { code: "validation_error", message: `${first.field} ${first.message}`, details } });
        return;
      }
      if (where === "params" && !documents(ctx, op, "400")) {
        sendError(res, ctx.faults, 404, { error: { code: "not_found", message: "Resource not found" } });
        return;
      }
      const code = first.field === "groupBy" ? "invalid_group_by" : "bad_request";
      sendError(res, ctx.faults, 400, { error: { code, message: `${first.field} ${first.message}`, details } });
      return;
    }
    next(err);
  };
}

/** Last resort: a handler bug is a 500 in the documented envelope, never a stack trace. */
export const internalErrorHandler = (ctx: SimContext): ErrorRequestHandler => (err, _req, res, next) => {
  if (res.headersSent) {
    next(err);
    return;
  }
  sendError(res, ctx.faults, 500, { error: { code: "internal_error", message: "Internal server error" } });
};
