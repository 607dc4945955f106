// The one derivation of the operation table from a spec document. The generator runs it over
// spec/minimo.yaml into src/generated/operations.ts; the sandbox runs it over spec variants.

/** One operation of the spec: what routes, permissions and probes are derived from. */
export interface Operation {
  readonly operationId: string;
  readonly method: "GET" | "PUT" | "POST" | "DELETE" | "PATCH" | "HEAD" | "OPTIONS";
  /** The route template, e.g. `/public/v1/contacts/{id}` (openapi-fetch's schemaPath). */
  readonly path: string;
  /** Which documented server hosts it: `api` (api.minimo.it) or `app` (legacy app.minimo.it). */
  readonly server: "api" | "app";
  /** The key permission it needs (`x-minimo-permission`). */
  readonly permission: string;
  readonly deprecated: boolean;
  /** When a deprecated operation was removed (answers 410 after), `x-minimo-sunset`. */
  readonly sunset?: string;
  readonly tag: string;
}

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"] as const;
const LEGACY_SERVER = "https://app.minimo.it";

interface SpecLike {
  servers?: readonly { url: string }[];
  // biome-ignore lint/suspicious/noExplicitAny: path items are read from the untyped spec document
  paths?: Record<string, any>;
}

/**
 * One row per operation of `doc`, with its server (`app` for the legacy host) and `x-minimo-*`
 * fields. Throws when an operation lacks an operationId or an `x-minimo-permission`.
 */
export function operationsFromSpec(doc: SpecLike): Operation[] {
  const rows: Operation[] = [];
  const topServer = doc.servers?.[0]?.url;
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    const pathServer = item.servers?.[0]?.url;
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      if (typeof op.operationId !== "string") throw new Error(`spec: ${method.toUpperCase()} ${path} has no operationId`);
      if (typeof op["x-minimo-permission"] !== "string") throw new Error(`spec: ${op.operationId} has no x-minimo-permission`);
      const serverUrl = op.servers?.[0]?.url ?? pathServer ?? topServer;
      rows.push({
        operationId: op.operationId,
        method: method.toUpperCase() as Operation["method"],
        path,
        server: serverUrl === LEGACY_SERVER ? "app" : "api",
        permission: op["x-minimo-permission"],
        deprecated: op.deprecated === true,
        tag: op.tags?.[0] ?? "",
        ...(op["x-minimo-sunset"] !== undefined ? { sunset: String(op["x-minimo-sunset"]) } : {}),
      });
    }
  }
  return rows;
}
