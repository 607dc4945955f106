// The shapes the gateway is built from: its dependencies and the per-config state it reads.
// Apart from gateway.ts so the exchange (one proxied request) and the server share them without
// importing each other.
import type http from "node:http";
import type { ConnectionOptions } from "node:tls";
import type { Logger } from "pino";
import type { Registry } from "prom-client";
import type { RejectionHook } from "../callers/types.js";
import type { ExporterMetrics } from "../metrics/exporter-metrics.js";
import type { PostureHook } from "../posture/recorder.js";
import type { HeaderSource } from "./headers.js";
import type { KeyMatcher } from "./key-matcher.js";

/** The part of @minimo/metrics the gateway records into. */
export interface GatewayRecorder {
  recordResponse(r: { key: string; operation: string; method: string; status: number; headers: HeaderSource; durationSeconds: number; startedAt: number }): void;
  recordError(r: { key: string; operation: string; method: string; reason: "timeout" | "network" | "aborted"; durationSeconds: number }): void;
  /** The `key` label a record for `alias` gets now (`unknown` once a reload removed the key). */
  keyLabel(alias: string | undefined): string;
}

/** What the gateway reads per request, so a config reload applies to the next request. */
export interface GatewayState {
  /** Parsed once per config, not per request. */
  upstream: { api: URL; app: URL };
  matcher: KeyMatcher;
  upstreamTimeoutSeconds: number;
}

export interface GatewayDeps {
  state(): GatewayState;
  recorder: GatewayRecorder;
  exporterMetrics: ExporterMetrics;
  logger: Logger;
  /** Told of every 401 and 403 relayed, to attribute it to a caller (src/callers). Default: none. */
  callers?: RejectionHook;
  /** Told of every answer relayed, to keep each key's usage facts (src/posture); memory only. Default: none. */
  posture?: PostureHook;
  /** Extra TLS options of the upstream connections (undici `connect`; tests pass a private CA). Default: Node's CA store. */
  tls?: ConnectionOptions;
  /** Where the gateway's own families go (own answers, connections, in flight). Default: a private registry. */
  registry?: Registry;
  /** Connection bounds (`gateway.max_connections`, `gateway.upstream_max_sockets`); read at start. */
  limits?: { maxConnections: number; upstreamMaxSockets: number };
  /** Makes the listening server around the request handler (HTTPS: `http/web-config`). Default `http.createServer`. */
  createServer?: (handler: http.RequestListener) => http.Server;
}
