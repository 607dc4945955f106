// The operations the sandbox serves, always derived from a spec document: by default the
// client's OPERATIONS (generated from spec/minimo.yaml), or the client's same derivation over a
// spec passed to createSim (tests use this to serve a variant of the spec).
import { OPERATIONS, operationsFromSpec, type Operation } from "@minimo/client";

export type { Operation };

/** The operations of `doc` (the client's derivation), or the generated table when none is given. */
export function operationsOf(doc: SpecDocument | undefined): readonly Operation[] {
  return doc ? operationsFromSpec(doc) : OPERATIONS;
}

/** The parts of an OpenAPI document the sandbox reads. */
// biome-ignore lint/suspicious/noExplicitAny: path items and components are walked untyped
export type SpecDocument = { servers?: { url: string }[]; paths?: Record<string, any>; components?: any; [k: string]: unknown };

/** The spec's operation object for one operation. */
// biome-ignore lint/suspicious/noExplicitAny: callers read whichever operation fields they need
export function operationObject(doc: SpecDocument, op: Operation): any {
  return doc.paths?.[op.path]?.[op.method.toLowerCase()];
}

/** `/public/v1/contacts/{id}` → `/public/v1/contacts/:id` (express 5 route syntax). */
export function expressPath(template: string): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => `:${expressParamName(name)}`);
}

/** The name express gives a path parameter of the spec (`req.params[…]`). */
export function expressParamName(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, "_");
}
