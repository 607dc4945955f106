import type { ListenAddress } from "./types.js";

/** Parses `host:port`, `[v6]:port` or `:port` (all interfaces); undefined when malformed. */
export function parseListenAddress(text: string): ListenAddress | undefined {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]*)):(\d{1,5})$/.exec(text.trim());
  if (!match) return undefined;
  const port = Number(match[3]);
  if (port > 65535) return undefined;
  const host = match[1] ?? (match[2] || "0.0.0.0");
  return { host, port };
}
