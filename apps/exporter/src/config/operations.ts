import { OPERATIONS, findOperation } from "@minimo/client";
import type { ProbeOperation } from "./types.js";

/** The operations a probe may call (the spec's GET operations that are not deprecated), as the error lists them. */
const PROBEABLE = OPERATIONS.filter((o) => o.method.toUpperCase() === "GET" && !o.deprecated)
  .map((o) => `"GET ${o.path}" (${o.operationId})`)
  .join(", ");

/** Resolves a probe operation written as `GET /route/template` or as an operationId. */
export function resolveProbeOperation(text: string): ProbeOperation | string {
  const trimmed = text.trim();
  const spaced = /^([A-Za-z]+)\s+(\/\S*)$/.exec(trimmed);
  const op = spaced ? findOperation(spaced[1]!, spaced[2]!) : OPERATIONS.find((o) => o.operationId === trimmed);
  if (!op) return `unknown operation "${trimmed}"; probes can use: ${PROBEABLE}`;
  if (op.method.toUpperCase() !== "GET") return `"${trimmed}" is not read-only: probes only use GET operations`;
  if (op.deprecated) return `"${trimmed}" is deprecated: probe a current operation instead`;
  return Object.freeze({ operationId: op.operationId, method: "GET", path: op.path, server: op.server });
}
