import { OPERATIONS, findOperation } from "@minimo/client";
import type { ProbeOperation } from "./types.js";

/** Resolves a probe operation written as `GET /route/template` or as an operationId. */
export function resolveProbeOperation(text: string): ProbeOperation | string {
  const trimmed = text.trim();
  const spaced = /^([A-Za-z]+)\s+(\/\S*)$/.exec(trimmed);
  const op = spaced
    ? findOperation(spaced[1]!, spaced[2]!)
    : OPERATIONS.find((o) => o.operationId === trimmed);
  if (!op) return `unknown operation "${trimmed}" (write "GET /route/template" or an operationId from the spec)`;
  if (op.method.toUpperCase() !== "GET") return `"${trimmed}" is not read-only: probes only use GET operations`;
  if (op.deprecated) return `"${trimmed}" is deprecated: probe a current operation instead`;
  return Object.freeze({ operationId: op.operationId, method: "GET", path: op.path, server: op.server });
}
