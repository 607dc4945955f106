// Key identification cached per client connection (the gateway's hot path: a connection repeats its Authorization header).
import type { Socket } from "node:net";
import { bearerToken, type KeyMatcher } from "./key-matcher.js";

/**
 * The key identified on a connection's previous request. Clients send the same `Authorization`
 * on every request of a keep-alive connection, so an equal value (under the same matcher, i.e.
 * the same config) skips the SHA-256 and the digest comparisons. The comparison is with a value
 * the same connection sent before, so its timing tells the client nothing it did not send.
 */
interface KnownKey {
  header: string | undefined;
  matcher: KeyMatcher;
  alias: string | undefined;
}
const knownKeys = new WeakMap<Socket, KnownKey>();
export function identifyOnConnection(socket: Socket, matcher: KeyMatcher, header: string | undefined): string | undefined {
  const known = knownKeys.get(socket);
  if (known !== undefined && known.header === header && known.matcher === matcher) return known.alias;
  const alias = matcher.identify(bearerToken(header));
  if (known === undefined) knownKeys.set(socket, { header, matcher, alias });
  else {
    known.header = header;
    known.matcher = matcher;
    known.alias = alias;
  }
  return alias;
}
