// `gateway.trusted_proxies` entries are checked with the same library that later compiles them
// (callers/client-address.ts), so what the config accepts is exactly what the gateway can use.
import proxyAddr from "proxy-addr";

/** The problem with one `trusted_proxies` entry, or undefined when proxy-addr accepts it. */
export function trustedProxyProblem(entry: string): string | undefined {
  try {
    proxyAddr.compile(entry);
    return undefined;
  } catch {
    return `must be an IP address, a CIDR block such as 10.0.0.0/8, or one of loopback, linklocal, uniquelocal; got "${entry.slice(0, 64)}"`;
  }
}
