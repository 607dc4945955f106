import type { KeyInventory, PostureSettings } from "./posture-types.js";
import type { RedisConfig } from "./redis.js";
import type { Secret } from "./secret.js";

/** A `host:port` listen address; port 0 lets the OS choose. */
export interface ListenAddress {
  readonly host: string;
  readonly port: number;
}

/** A probe operation, resolved against the spec's operation table. */
export interface ProbeOperation {
  readonly operationId: string;
  readonly method: "GET";
  /** The route template, e.g. `/public/v1/custom-fields` (the `operation` label). */
  readonly path: string;
  readonly server: "api" | "app";
}

export interface KeyConfig {
  /** The alias, used as the `key` label. */
  readonly name: string;
  readonly apiKey: Secret;
  /** The non-secret account part of the key (`mn-{CLIENT_ID}-...`). */
  readonly clientId: string;
  /** Where the key came from: `key_env`, `key_file` or inline `key`. */
  readonly source: "env" | "file" | "inline";
  /** Expiry from the Minimo dashboard, Unix epoch seconds (start of that day, UTC), when configured. */
  readonly expiresAt?: number;
  readonly probe: {
    readonly operations: readonly ProbeOperation[];
    readonly minIntervalSeconds: number;
  };
  /** Permissions, created, owner, client_side, replaces, accept (src/posture). Absent: nothing declared. */
  readonly inventory?: KeyInventory;
}

/** The validated, frozen exporter configuration (see README "Config reference"). */
export interface ExporterConfig {
  readonly upstream: { readonly api: string; readonly app: string };
  readonly listen: { readonly metrics: ListenAddress; readonly gateway: ListenAddress };
  readonly logLevel: string;
  readonly maxKeys: number;
  readonly scrapeTimeoutOffsetSeconds: number;
  readonly scrapeTimeoutSeconds: number;
  readonly probe: {
    readonly concurrency: number;
    readonly timeoutSeconds: number;
  };
  readonly gateway: {
    readonly drainTimeoutSeconds: number;
    readonly upstreamTimeoutSeconds: number;
    /** Peers whose X-Forwarded-For is believed for caller attribution (IPs, CIDR blocks, `loopback` …). */
    readonly trustedProxies: readonly string[];
    /** Client connections the gateway holds open at once; more are closed at accept. */
    readonly maxConnections: number;
    /** Sockets the gateway opens to each upstream host at once; more requests wait for one. */
    readonly upstreamMaxSockets: number;
    /** HTTPS for the gateway listener: absolute paths, checked when parsed and re-read on reload. */
    readonly tls?: { readonly certFile: string; readonly keyFile: string };
  };
  /** The metrics listener (/metrics, /healthz, the console). */
  readonly web: {
    /** Client connections it holds open at once; past it the oldest idle one is closed, or the new one. */
    readonly maxConnections: number;
    /** Host names (lower case, no port) it answers besides loopback names and IP literals; undefined: any. */
    readonly allowedHosts?: readonly string[];
  };
  readonly keys: readonly KeyConfig[];
  /** `state.path`: the posture state directory (absent: `--storage.path` or its default); `state.redis_url`: the shared backend of several replicas. */
  readonly state?: { readonly path?: string; readonly redis?: RedisConfig };
  /** `posture:` settings, defaults applied (config/posture.ts). */
  readonly posture?: PostureSettings;
  /** Non-fatal remarks found while parsing (e.g. an inline `key`), for the caller to log. */
  readonly warnings: readonly string[];
}
