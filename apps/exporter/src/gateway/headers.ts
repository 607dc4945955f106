import type { IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";
import type { HeaderSource } from "@minimo/metrics";

// RFC 9110 §7.6.1: connection-specific fields are not forwarded by a proxy.
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade"]);

/** A copy of `headers` without hop-by-hop fields (including those the Connection header names). */
export function endToEndHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  return copyEndToEnd(headers, undefined);
}

/**
 * The headers a client's request goes upstream with: end-to-end fields only, and no `Expect`.
 * The gateway's own server has already answered `100 Continue` to the client (Node does when no
 * `checkContinue` listener is set), so the body is on its way; the upstream client (undici)
 * refuses `Expect` and treats an upstream `100` as a broken answer.
 */
export function upstreamRequestHeaders(headers: IncomingHttpHeaders, host: string): Record<string, string | string[]> {
  const out = copyEndToEnd(headers, "expect") as Record<string, string | string[]>; // values as the client sent them
  out.host = host;
  return out;
}

/**
 * The field names a `Connection` header lists, or undefined when it lists none but keep-alive or
 * close. A repeated field comes as an array (undici keeps every line; Node joins them for a
 * request): its lines are one list (RFC 9110 §5.3).
 */
function connectionOptions(connection: string | string[] | undefined): Set<string> | undefined {
  if (connection === undefined) return undefined;
  // Hot path: most requests carry `Connection: keep-alive` or none, which names no other field.
  if (typeof connection === "string" && /^\s*(keep-alive|close)\s*$/i.test(connection)) return undefined;
  const list = typeof connection === "string" ? connection : connection.join(",");
  return new Set(
    list
      .split(",")
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean),
  );
}

function copyEndToEnd(headers: IncomingHttpHeaders, except: string | undefined): OutgoingHttpHeaders {
  const named = connectionOptions(headers.connection as string | string[] | undefined);
  const out: OutgoingHttpHeaders = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || HOP_BY_HOP.has(name) || named?.has(name) || name === except) continue;
    out[name] = value;
  }
  return out;
}

/** What @minimo/metrics reads response headers through (a fetch `Headers` fits too). */
export type { HeaderSource };

/**
 * A read-only `get()` view of an upstream response's headers for @minimo/metrics, which only
 * reads a few rate-limit fields (lower-case names, as Node and undici store them). A view instead of a
 * WHATWG `Headers` copy: building one per proxied response was a measurable share of the
 * gateway's CPU. A repeated field (an array) reads as absent: two values are no one budget.
 */
export function headerView(headers: IncomingHttpHeaders): HeaderSource {
  return {
    get(name: string): string | null {
      const value = headers[name];
      return typeof value === "string" ? value : null;
    },
  };
}
