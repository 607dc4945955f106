import { OPERATIONS, type Operation } from "./generated/operations.js";

export { OPERATIONS, type Operation };

interface Matcher {
  segments: readonly (string | null)[]; // null = a `{param}` segment
  operation: Operation;
}

const byMethod = new Map<string, Matcher[]>();
for (const operation of OPERATIONS) {
  const segments = operation.path.split("/").map((s) => (s.startsWith("{") && s.endsWith("}") ? null : s));
  const list = byMethod.get(operation.method) ?? [];
  list.push({ segments, operation });
  // Literal segments win over parameters at the same depth.
  list.sort((a, b) => a.segments.filter((s) => s === null).length - b.segments.filter((s) => s === null).length);
  byMethod.set(operation.method, list);
}

/**
 * The spec operation that serves `method` on `pathname` (a URL path without query), or
 * `undefined`. Route templates come from the spec; this never throws.
 */
export function matchOperation(method: string, pathname: string): Operation | undefined {
  if (typeof method !== "string" || typeof pathname !== "string") return undefined;
  const candidates = byMethod.get(method.toUpperCase());
  if (candidates === undefined) return undefined;
  const query = pathname.indexOf("?");
  const path = query === -1 ? pathname : pathname.slice(0, query);
  const parts = path.length > 1 && path.endsWith("/") ? path.slice(0, -1).split("/") : path.split("/");
  for (const { segments, operation } of candidates) {
    if (segments.length !== parts.length) continue;
    let ok = true;
    for (let i = 0; i < segments.length; i++) {
      const want = segments[i];
      const got = parts[i]!;
      if (want === null ? got.length === 0 : want !== got) {
        ok = false;
        break;
      }
    }
    if (ok) return operation;
  }
  return undefined;
}

/** The operation with this method and route template, or `undefined`. */
export function findOperation(method: string, template: string): Operation | undefined {
  return byMethod.get(method.toUpperCase())?.find((m) => m.operation.path === template)?.operation;
}
