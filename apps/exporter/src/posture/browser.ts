// Whether a request was made by a browser. Browsers send Sec-Fetch-* on every request and page
// scripts cannot set or remove them (forbidden request headers); cross-origin fetch adds Origin.
// Server HTTP clients (curl, undici, requests, Go net/http, okhttp) send none of them, and their
// User-Agents do not start with `Mozilla/`, which every browser's does.
import type { IncomingHttpHeaders } from "node:http";

export function isBrowserRequest(h: IncomingHttpHeaders): boolean {
  if (h.origin !== undefined) return true;
  if (h["sec-fetch-mode"] !== undefined || h["sec-fetch-site"] !== undefined || h["sec-fetch-dest"] !== undefined || h["sec-fetch-user"] !== undefined) return true;
  const ua = h["user-agent"];
  return ua !== undefined && ua.startsWith("Mozilla/");
}
