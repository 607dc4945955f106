// Request validation against the spec with express-openapi-validator (OpenAPI 3.1 via ajv 2020),
// and the mapping of its errors onto the documented error envelope. The status comes from what
// the operation documents: body errors are 422 where the operation lists 422, else 400; a bad
// path parameter is 400 where listed, else 404 (no such resource can exist).
import express, { type ErrorRequestHandler, type RequestHandler, type Response } from "express";
import * as OpenApiValidator from "express-openapi-validator";
import type { SimContext } from "./context.js";
import { sendError } from "./errors.js";
import { bodyRequiredStep } from "./guards/body-required.js";
import { bodyValuesStep } from "./guards/body-values.js";
import { numericParamsStep } from "./guards/numeric-params.js";
import { operationObject, type Operation } from "./operations.js";
import { facts, peekHeaders } from "./pipeline.js";
import { deref } from "./spec-ref.js";

interface ValidatorError {
  status?: number;
  errors?: { path?: string; message?: string; errorCode?: string }[];
  type?: string;
  message?: string;
  charset?: string;
  encoding?: string;
}

// Building the validator (dereferencing, compiling schemas) is the costliest part of starting a
// sandbox, and it holds no per-sandbox state: share it between sandboxes serving the same spec.
const validators = new WeakMap<object, RequestHandler[]>();

// JSON bodies up to 1 MB; the byte count tells an absent body from `{}` (see guards/body-required).
const parseJson = express.json({
  limit: "1mb",
  verify: (_req, res, buf) => {
    facts(res as unknown as Response).bodyBytes = buf.length;
  },
});

/**
 * The checks between permission and handler for `op`: body parsing, a required body, integer
 * parameters as written, the spec's validator, then what it cannot see in the body (nesting
 * depth, non-finite numbers).
 */
export function validationSteps(ctx: SimContext, op: Operation): RequestHandler[] {
  let validator = validators.get(ctx.spec);
  if (!validator) {
    validator = buildValidator(ctx);
    validators.set(ctx.spec, validator);
  }
  // The parameter check reads the raw strings, so it runs before the validator coerces them.
  const before = [bodyRequiredStep(ctx.spec, op), numericParamsStep(ctx.spec, op)].filter((g) => g !== undefined);
  const after = [bodyValuesStep(ctx.spec, op)].filter((g) => g !== undefined);
  return [parseJson, ...before, ...validator, ...after, bodyIsObject];
}

/** Belt and braces after validation: handlers may read `req.body.x` without a guard. */
const bodyIsObject: RequestHandler = (req, _res, next) => {
  if (req.body === undefined || req.body === null) req.body = {};
  next();
};

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

/**
 * The documented error code for a bad value at `/body/…` (`x-minimo-error-code` on the
 * property's schema, e.g. `invalid_phone_number` on Phone), or undefined.
 */
function documentedCode(ctx: SimContext, op: Operation | undefined, path: string | undefined): string | undefined {
  if (!op || !path?.startsWith("/body/")) return undefined;
  let schema = deref(ctx.spec, operationObject(ctx.spec, op)?.requestBody?.content?.["application/json"]?.schema);
  for (const segment of path.split("/").slice(2)) {
    schema = deref(ctx.spec, /^\d+$/.test(segment) ? schema?.items : schema?.properties?.[segment]);
    if (!schema) return undefined;
  }
  const code = schema?.["x-minimo-error-code"];
  return typeof code === "string" ? code : undefined;
}

/** A readable message for a failed check; the send-html page's own words for a bad email. */
function problemMessage(e: { message?: string; errorCode?: string }): string {
  if (e.message?.startsWith("must have required property")) return "is required";
  if (e.message === 'must match format "email"') return "must be an email";
  return e.message ?? "is invalid";
}

/** body-parser and router failures (type or status 4xx), each with a message that says what to fix. */
function transportMessage(err: ValidatorError, contentEncoding: string | undefined): string | undefined {
  switch (err.type) {
    case "entity.parse.failed":
      return "Request body is not valid JSON";
    case "entity.too.large":
      return "Request body too large (limit 1mb)";
    case "encoding.unsupported":
      return `Content-Encoding ${err.encoding ?? "(unknown)"} is not supported (send identity, gzip, deflate or br)`;
    case "charset.unsupported":
      return `Charset ${err.charset ?? "(unknown)"} is not supported: send UTF-8 JSON`;
    case "request.aborted":
      return "Request body was cut off";
    case "request.size.invalid":
      return "Request body length does not match Content-Length";
    default:
      break;
  }
  if (err.status === 415) return "Content-Type must be application/json";
  // zlib / brotli: a body that does not decompress with the Content-Encoding it declares.
  const code = (err as { code?: string }).code ?? "";
  if (contentEncoding && (/^Z_/.test(code) || /BROTLI|DECOMPRESS/i.test(`${code} ${err.message ?? ""}`))) {
    return `Request body could not be decoded with Content-Encoding ${contentEncoding}`;
  }
  if (err instanceof URIError || /^Failed to decode param/.test(err.message ?? "")) return "Malformed percent-encoding in the URL";
  const status = err.status ?? (err as { statusCode?: number }).statusCode;
  if (typeof status === "number" && status >= 400 && status < 500 && !(err.errors && err.errors.length > 0)) {
    return "Malformed request";
  }
  return undefined;
}

export function validationErrorHandler(ctx: SimContext): ErrorRequestHandler {
  return (err: ValidatorError, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const op = facts(res).operation;
    // Failed before the pipeline wrote the rate-limit headers (a malformed `%` in the path fails
    // in the router): the headers the docs tell users to check go on this answer too.
    if (op === undefined) peekHeaders(ctx, req, res);
    // Malformed transport (bad JSON, bad encoding, too large, bad charset, bad URL): 400.
    const transport = transportMessage(err, req.get("content-encoding"));
    if (transport !== undefined) {
      sendError(res, ctx.faults, 400, { error: { code: "bad_request", message: transport } });
      return;
    }
    const problems = (err.errors ?? []).map((e) => ({ field: field(e.path), message: problemMessage(e) }));
    if (err.status === 400 && problems.length > 0) {
      const first = problems[0]!;
      const firstPath = err.errors?.[0]?.path;
      const where = (firstPath ?? "").split("/")[1];
      const details = { field: first.field, problems };
      if (where === "body") {
        const status = documents(ctx, op, "422") ? 422 : 400;
        const badValue = !/^required\b/.test(err.errors?.[0]?.errorCode ?? "") && first.message !== "is required";
        const code = (badValue && status === 422 ? documentedCode(ctx, op, firstPath) : undefined) ?? "validation_error";
        const message =
          code === "invalid_phone_number" ? `${first.field} must be a phone number in E.164 format (+<country code><number>, no spaces)` : `${first.field} ${first.message}`;
        sendError(res, ctx.faults, status, { error: { code, message, details } });
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
export const internalErrorHandler =
  (ctx: SimContext): ErrorRequestHandler =>
  (err, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    if (facts(res).operation === undefined) peekHeaders(ctx, req, res);
    sendError(res, ctx.faults, 500, { error: { code: "internal_error", message: "Internal server error" } });
  };
