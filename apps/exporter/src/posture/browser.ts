// Whether a request was made by a browser. Browsers send Sec-Fetch-Site, -Mode and -Dest on every
// request and page scripts cannot set or remove them (forbidden request headers); cross-origin
// fetch adds Origin. Node's fetch (undici) sends `Sec-Fetch-Mode: cors` alone, as its Fetch
// implementation does, so Sec-Fetch-Mode by itself is not a browser: Site, Dest or User is. curl,
// Python requests, Go net/http and okhttp send none of them, and their User-Agents do not start
// with `Mozilla/`, which every browser's does.
import type { IncomingHttpHeaders } from "node:http";

export function isBrowserRequest(h: IncomingHttpHeaders): boolean {
  if (h.origin !== undefined) return true;
  if (h["sec-fetch-site"] !== undefined || h["sec-fetch-dest"] !== undefined || h["sec-fetch-user"] !== undefined) return true;
  const ua = h["user-agent"];
  return ua?.startsWith("Mozilla/") === true;
}
