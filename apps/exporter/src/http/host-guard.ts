// DNS rebinding: a page on an attacker's domain whose name is re-pointed at 127.0.0.1 (or at the
// exporter's private address) reads the metrics listener with the victim's browser, and the
// browser sends the attacker's name in `Host`. The listener therefore answers only Host names it
// knows: loopback names always; on a loopback listener nothing else unless `web.allowed_hosts`
// names it; on any other listener the names in `web.allowed_hosts` and IP literals (an address
// cannot be rebound), or, with the option unset, any name (a warning says so at start).
import { isIP } from "node:net";
import type http from "node:http";

export interface HostPolicy {
  /** The listener is bound to a loopback address. */
  loopbackListener: boolean;
  /** `web.allowed_hosts`, lower case; undefined when unset. */
  allowedHosts?: readonly string[];
}

/** True for `localhost`, `127.x.x.x` and `::1` (a listen address or a Host name without its port). */
export function isLoopbackName(host: string): boolean {
  const h = host.toLowerCase();
  return h === "localhost" || h === "::1" || (isIP(h) === 4 && h.startsWith("127."));
}

/** The name in a Host header, without port or IPv6 brackets, lower case; undefined if malformed. */
export function hostName(header: string): string | undefined {
  const h = header.trim().toLowerCase();
  if (h.startsWith("[")) {
    const end = h.indexOf("]");
    return end > 1 && /^(:\d*)?$/.test(h.slice(end + 1)) ? h.slice(1, end) : undefined;
  }
  const colon = h.indexOf(":");
  if (colon !== h.lastIndexOf(":")) return undefined; // an IPv6 literal must be bracketed
  const name = colon < 0 ? h : h.slice(0, colon);
  if (colon >= 0 && !/^\d*$/.test(h.slice(colon + 1))) return undefined;
  return name.endsWith(".") ? name.slice(0, -1) : name;
}

export function hostAllowed(header: string | undefined, policy: HostPolicy): boolean {
  // No Host at all is not a browser (every browser sends one): not a rebinding.
  if (header === undefined) return true;
  const name = hostName(header);
  if (name === undefined || name === "") return false;
  if (isLoopbackName(name)) return true;
  if (policy.allowedHosts?.includes(name)) return true;
  if (policy.loopbackListener) return false;
  if (policy.allowedHosts === undefined) return true;
  return isIP(name) !== 0;
}

/** Answers 403 without echoing the name: a Host header is caller-chosen text. */
export function sendHostRefused(res: http.ServerResponse): void {
  const body = "Host not allowed: this listener answers loopback names, IP addresses and the names in web.allowed_hosts\n";
  res.writeHead(403, { "content-type": "text/plain; charset=utf-8", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

/** Wraps a handler so a request whose Host the policy refuses gets a 403 before anything else runs. */
export function guardHost(handler: http.RequestListener, policy: () => HostPolicy): http.RequestListener {
  return (req, res) => {
    if (hostAllowed(req.headers.host, policy())) handler(req, res);
    else sendHostRefused(res);
  };
}
