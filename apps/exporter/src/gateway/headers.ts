import type { IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";

// RFC 9110 §7.6.1: connection-specific fields are not forwarded by a proxy.
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

/** A copy of `headers` without hop-by-hop fields (including those the Connection header names). */
export function endToEndHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  // Hot path: most requests carry `Connection: keep-alive` or none, which names no other field.
  const connection = headers.connection;
  const named =
    connection === undefined || /^\s*(keep-alive|close)\s*$/i.test(connection)
      ? undefined
      : new Set(connection.split(",").map((t) => t.trim().toLowerCase()).filter(Boolean));
  const out: OutgoingHttpHeaders = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || HOP_BY_HOP.has(name) || named?.has(name)) continue;
    out[name] = value;
  }
  return out;
}

/** What @minimo/metrics reads response headers through (a fetch `Headers` fits too). */
export interface HeaderSource {
  get(name: string): string | null;
}

/**
 * A read-only `get()` view of an upstream response's headers for @minimo/metrics, which only
 * reads a few rate-limit fields (lower-case names, as Node stores them). A view instead of a
 * WHATWG `Headers` copy: building one per proxied response was a measurable share of the
 * gateway's CPU.
 */
export function headerView(headers: IncomingHttpHeaders): HeaderSource {
  return {
    get(name: string): string | null {
      const value = headers[name];
      return typeof value === "string" ? value : null;
    },
  };
}
