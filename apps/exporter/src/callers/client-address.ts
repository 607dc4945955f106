// The caller's address: the socket's peer, or the X-Forwarded-For hop a configured trusted proxy
// vouches for (proxy-addr walks the header right to left and stops at the first untrusted hop,
// so a client cannot forge its address by sending the header itself).
import type { IncomingMessage } from "node:http";
import type { CallerRequest } from "./types.js";
import proxyAddr from "proxy-addr";

export type TrustFn = (address: string, hop: number) => boolean;

const NOBODY: TrustFn = () => false;

/** Compiles `gateway.trusted_proxies` (IPs, CIDR blocks, or `loopback` / `linklocal` / `uniquelocal`). */
export function compileTrust(proxies: readonly string[]): TrustFn {
  return proxies.length === 0 ? NOBODY : proxyAddr.compile([...proxies]);
}

/** The problem with one `trusted_proxies` entry, or undefined when proxy-addr accepts it. */
export function trustedProxyProblem(entry: string): string | undefined {
  try {
    proxyAddr.compile(entry);
    return undefined;
  } catch {
    return `must be an IP address, a CIDR block such as 10.0.0.0/8, or one of loopback, linklocal, uniquelocal; got "${entry.slice(0, 64)}"`;
  }
}

/** `::ffff:10.0.0.1` reads as `10.0.0.1`. */
const plain = (address: string): string => (address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address);

export function callerAddress(req: CallerRequest, trust: TrustFn): string {
  if (trust === NOBODY) return plain(req.socket.remoteAddress ?? "unknown");
  try {
    return plain(proxyAddr(req as IncomingMessage, trust)); // proxy-addr reads only `headers` and `socket`
  } catch {
    return plain(req.socket.remoteAddress ?? "unknown");
  }
}
