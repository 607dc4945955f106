// What of an error object reaches a log line: an allow-list, not a deny-list. Node's HTTP parser
// errors carry `rawPacket` (the upstream's bytes as a number array, up to ~180 KB, which an
// upstream that echoes the request fills with `Authorization: Bearer …`), client errors can carry
// headers and bodies; none of that is logged. Text fields are masked for anything key-shaped.
import { redactApiKeys } from "@minimo/client";

const TEXT_FIELDS = ["type", "message", "stack", "code", "syscall", "reason", "address"] as const;
const NUMBER_FIELDS = ["errno", "port", "bytesParsed", "status", "statusCode"] as const;
const MAX_TEXT = 4096;
const MAX_DEPTH = 3;

/** A log-safe copy of `err`: allow-listed fields only, key-shaped text masked, `cause` followed 3 deep. */
export function errorFields(err: unknown, depth = 0): Record<string, unknown> {
  if (typeof err !== "object" || err === null) return { message: redactApiKeys(String(err)).slice(0, MAX_TEXT) };
  const source = err as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const type = (err as { constructor?: { name?: unknown } }).constructor?.name;
  if (typeof type === "string") out.type = type;
  for (const field of TEXT_FIELDS) {
    const value = source[field];
    if (typeof value === "string") out[field] = redactApiKeys(value).slice(0, MAX_TEXT);
  }
  for (const field of NUMBER_FIELDS) {
    const value = source[field];
    if (typeof value === "number" && Number.isFinite(value)) out[field] = value;
  }
  if (source.cause !== undefined && depth < MAX_DEPTH) out.cause = errorFields(source.cause, depth + 1);
  if (err instanceof AggregateError && depth < MAX_DEPTH) out.errors = err.errors.slice(0, 5).map((e) => errorFields(e, depth + 1));
  return out;
}
