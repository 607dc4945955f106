// Which form each documented error response of an operation takes, read from the spec: a
// response without content is body-less, one whose schema is `FlatError` is a flat string, any
// other is the envelope. The send-html page's 400 is the one flat form the spec documents.
import type { ErrorForm } from "./errors.js";
import { operationObject, type Operation, type SpecDocument } from "./operations.js";
import { deref } from "./spec-ref.js";

// biome-ignore lint/suspicious/noExplicitAny: walks the untyped OpenAPI document
type Obj = Record<string, any>;

/** The error forms of `op`'s documented 4xx responses that are not the envelope. */
export function errorFormsOf(doc: SpecDocument, op: Operation): Record<string, ErrorForm> {
  const forms: Record<string, ErrorForm> = {};
  for (const [status, raw] of Object.entries((operationObject(doc, op)?.responses ?? {}) as Obj)) {
    if (!/^4\d\d$/.test(status)) continue;
    const response = deref(doc, raw);
    const content = response?.content as Obj | undefined;
    if (!content) forms[status] = "none";
    else if (content["application/json"]?.schema?.$ref === "#/components/schemas/FlatError") forms[status] = "flat";
  }
  return forms;
}
