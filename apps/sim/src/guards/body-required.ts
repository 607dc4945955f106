// A required request body that was not sent at all. After body parsing an absent body and `{}`
// look the same (body-parser turns zero bytes into `{}`), and a body schema without required
// properties accepts `{}`, so the validator lets `PUT /public/v1/contacts/1` with no body through.
import type { RequestHandler } from "express";
import type { Operation, SpecDocument } from "../operations.js";
import { operationObject } from "../operations.js";
import { facts } from "../pipeline.js";
import { problem } from "./problem.js";

/** Rejects a request without a body when the operation's `requestBody.required` is true; else none. */
export function bodyRequiredStep(doc: SpecDocument, op: Operation): RequestHandler | undefined {
  if (operationObject(doc, op)?.requestBody?.required !== true) return undefined;
  return (req, res, next) => {
    // Bytes counted by the JSON parser when it ran; else what the headers declare.
    const counted = facts(res).bodyBytes;
    const sent = counted !== undefined ? counted > 0 : req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
    if (sent) next();
    else next(problem("/body", "is required", "required.openapi.validation"));
  };
}
