// Which form each documented error response of an operation takes, read from the spec: a
// response without content is body-less, one whose schema is `FlatError` is a flat string, any
// other is the envelope. The send-html page is the one that documents the other two forms.
import type { ErrorForm } from "./errors.js";
import { operationObject, type Operation, type SpecDocument } from "./operations.js";

// biome-ignore lint/suspicious/noExplicitAny: walks the untyped OpenAPI document
type Obj = Record<string, any>;

function deref(doc: SpecDocument, node: Obj | undefined): Obj | undefined {
  let o = node;
  for (let i = 0; i < 10 && typeof o?.$ref === "string"; i++) {
    o = (o.$ref as string).replace(/^#\//, "").split("/").reduce((acc: Obj | undefined, k) => acc?.[k], doc as Obj);
  }
  return o;
}

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
