// What a reload cannot apply in place: the settings read only when the listeners start.
import type { ExporterConfig } from "./types.js";

/** Warnings for settings that changed between `prev` and `next` but apply only after a restart. */
export function restartOnlyChanges(prev: ExporterConfig, next: ExporterConfig): string[] {
  const out: string[] = [];
  const { gateway: g0, metrics: m0 } = prev.listen;
  const { gateway: g1, metrics: m1 } = next.listen;
  if (g1.port !== g0.port || m1.port !== m0.port || g1.host !== g0.host || m1.host !== m0.host) {
    out.push("listen addresses changed: they apply after a restart");
  }
  if (next.gateway.maxConnections !== prev.gateway.maxConnections || next.gateway.upstreamMaxSockets !== prev.gateway.upstreamMaxSockets) {
    out.push("gateway.max_connections / gateway.upstream_max_sockets changed: they apply after a restart");
  }
  if (next.web.maxConnections !== prev.web.maxConnections) out.push("web.max_connections changed: it applies after a restart");
  return out;
}

/** Aliases in `prev` that `next` no longer configures. */
export function removedKeys(prev: ExporterConfig, next: ExporterConfig): string[] {
  const kept = new Set(next.keys.map((k) => k.name));
  return prev.keys.filter((k) => !kept.has(k.name)).map((k) => k.name);
}
