// A Minimo key in a request's path or query: it lands in every access log on its way. Only the
// match is returned, to be identified (hashed) and dropped; it is never stored.
import { MINIMO_KEY_PATTERN } from "@minimo/client";

export function findKeyInUrl(url: string): string | undefined {
  const m = MINIMO_KEY_PATTERN.exec(url);
  return m?.[0];
}
