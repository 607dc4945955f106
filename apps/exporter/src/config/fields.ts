// Checks of single fields that zod's shape cannot express: URLs, listen addresses, host names,
// trusted proxies and probe operations. Each problem names the field.
import { withSource } from "./env-overlay.js";
import type { ConfigProblem } from "./errors.js";
import { parseListenAddress } from "./listen.js";
import { resolveProbeOperation } from "./operations.js";
import { trustedProxyProblem } from "./trusted-proxies.js";
import type { ProbeOperation } from "./types.js";

export function resolveUrl(text: string, path: string, problems: ConfigProblem[]): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    problems.push({ path, message: "must be an absolute http(s) URL" });
    return text;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    problems.push({ path, message: `must be an http(s) URL, not ${url.protocol}` });
  } else if (url.username || url.password) {
    problems.push({ path, message: "must not contain credentials" });
  } else if (url.search || url.hash) {
    problems.push({ path, message: "must not contain a query or fragment" });
  }
  return url.href.replace(/\/+$/, "");
}

/** Host names as a browser sends them in `Host`, without a port: `metrics.example.com`. */
export function allowedHosts(entries: readonly string[], problems: ConfigProblem[]): string[] {
  entries.forEach((entry, i) => {
    if (!/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(entry) || entry.includes("..")) {
      problems.push({ path: `web.allowed_hosts[${i}]`, message: `must be a host name without scheme, port or path, such as metrics.example.com; got "${entry.slice(0, 64)}"` });
    }
  });
  return entries.map((e) => e.toLowerCase());
}

export function trustedProxies(entries: readonly string[], problems: ConfigProblem[]): string[] {
  entries.forEach((entry, i) => {
    const problem = trustedProxyProblem(entry);
    if (problem) problems.push({ path: `gateway.trusted_proxies[${i}]`, message: problem });
  });
  return [...entries];
}

export function listenAddress(text: string, path: string, sources: Map<string, string>, problems: ConfigProblem[]) {
  const address = parseListenAddress(text);
  if (address) return address;
  problems.push({ path: withSource(path, sources), message: `must be "host:port" with a port from 0 to 65535, got "${text}"` });
  return { host: "127.0.0.1", port: 0 };
}

export function resolveOperations(texts: readonly string[], path: string, problems: ConfigProblem[]): ProbeOperation[] {
  const out: ProbeOperation[] = [];
  texts.forEach((text, j) => {
    const op = resolveProbeOperation(text);
    if (typeof op === "string") problems.push({ path: `${path}[${j}]`, message: op });
    else if (!out.some((o) => o.operationId === op.operationId)) out.push(op);
  });
  return out;
}
