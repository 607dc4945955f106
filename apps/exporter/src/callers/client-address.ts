// The caller's address: the socket's peer, or the X-Forwarded-For hop a configured trusted proxy
// vouches for (proxy-addr walks the header right to left and stops at the first untrusted hop,
// so a client cannot forge its address by sending the header itself). What the proxies vouch
// for is still text a client can shape (any hop that is not an IP address ends the walk and is
// returned as it is): only a parsed IP address is kept, never the header's text.
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";
import type { CallerRequest } from "./types.js";
import proxyAddr from "proxy-addr";

export type TrustFn = (address: string, hop: number) => boolean;

const NOBODY: TrustFn = () => false;

/** Compiles `gateway.trusted_proxies` (IPs, CIDR blocks, or `loopback` / `linklocal` / `uniquelocal`). */
export function compileTrust(proxies: readonly string[]): TrustFn {
  return proxies.length === 0 ? NOBODY : proxyAddr.compile([...proxies]);
}

/** The address shown for a hop that is not an IP address (an X-Forwarded-For entry of any other text). */
export const INVALID_ADDRESS = "invalid";

/**
 * An IP address as the caller table keeps it, or `invalid`: `::ffff:10.0.0.1` reads as
 * `10.0.0.1`; an IPv6 zone (`%eth0`, free text that Node's isIP accepts) is dropped.
 */
function parsedAddress(address: string | undefined): string {
  if (address === undefined) return "unknown";
  const zone = address.indexOf("%");
  const ip = zone === -1 ? address : address.slice(0, zone);
  if (isIP(ip) === 0) return INVALID_ADDRESS;
  return ip.startsWith("::ffff:") && ip.includes(".") ? ip.slice(7) : ip;
}

export function callerAddress(req: CallerRequest, trust: TrustFn): string {
  if (trust === NOBODY) return parsedAddress(req.socket.remoteAddress);
  try {
    return parsedAddress(proxyAddr(req as IncomingMessage, trust)); // proxy-addr reads only `headers` and `socket`
  } catch {
    return parsedAddress(req.socket.remoteAddress);
  }
}
