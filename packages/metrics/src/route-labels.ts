import { OPERATIONS, matchOperation } from "@minimo/client";
import { OTHER_METHOD, UNMATCHED_OPERATION } from "./names.js";

// Route templates of the spec map to themselves: a label is only ever one of these (or
// "unmatched"), so the `operation` label is bounded by the spec, never by the traffic.
const OPERATION_LABELS = new Map<string, string>(OPERATIONS.map((o) => [o.path, o.path]));

const METHOD_LABELS = new Map<string, string>();
for (const m of ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE"]) {
  METHOD_LABELS.set(m, m);
  METHOD_LABELS.set(m.toLowerCase(), m);
}

/** The `method` label: a standard HTTP method upper-cased, anything else `OTHER`. */
export function methodLabel(method: string): string {
  return METHOD_LABELS.get(method) ?? METHOD_LABELS.get(String(method).toUpperCase()) ?? OTHER_METHOD;
}

/**
 * The `operation` label: the spec's route template. A raw path or URL that a caller passed by
 * mistake is matched back to its template (never exported as is); no match gives "unmatched".
 */
export function operationLabel(operation: string | undefined, method: string): string {
  if (operation === undefined) return UNMATCHED_OPERATION;
  const known = OPERATION_LABELS.get(operation);
  if (known !== undefined) return known;
  return matchOperation(method, pathnameOf(operation))?.path ?? UNMATCHED_OPERATION;
}

function pathnameOf(operation: string): string {
  if (operation.startsWith("/")) return operation;
  try {
    return new URL(operation).pathname;
  } catch {
    return operation;
  }
}
