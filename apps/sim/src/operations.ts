// The operations the sandbox serves, always derived from a spec document: by default the
// client's OPERATIONS (generated from spec/minimo.yaml), or the same derivation over a spec
// passed to createSim (tests use this to serve a variant of the spec).
import { OPERATIONS, type Operation } from "@minimo/client";

export type { Operation };

const METHODS = ["get", "put", "post", "delete", "patch"] as const;

/** Same rules as packages/client's generator: one row per operation with its x-minimo-* fields. */
export function operationsOf(doc: SpecDocument | undefined): readonly Operation[] {
  if (!doc) return OPERATIONS;
  const rows: Operation[] = [];
  const top = doc.servers?.[0]?.url;
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const url = op.servers?.[0]?.url ?? item.servers?.[0]?.url ?? top;
      rows.push({
        operationId: String(op.operationId),
        method: method.toUpperCase() as Operation["method"],
        path,
        server: url === "https://app.minimo.it" ? "app" : "api",
        permission: String(op["x-minimo-permission"] ?? ""),
        deprecated: op.deprecated === true,
        tag: op.tags?.[0] ?? "",
        ...(op["x-minimo-sunset"] !== undefined ? { sunset: String(op["x-minimo-sunset"]) } : {}),
      });
    }
  }
  return rows;
}

/** The parts of an OpenAPI document the sandbox reads. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SpecDocument = { servers?: { url: string }[]; paths?: Record<string, any>; components?: any; [k: string]: unknown };

/** The spec's operation object for one operation. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function operationObject(doc: SpecDocument, op: Operation): any {
  return doc.paths?.[op.path]?.[op.method.toLowerCase()];
}

/** `/public/v1/contacts/{id}` → `/public/v1/contacts/:id` (express 5 route syntax). */
export function expressPath(template: string): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => `:${name.replace(/[^A-Za-z0-9_]/g, "_")}`);
}
