// Every default of the exporter's configuration, in one place (README "Config reference" mirrors it).

export const DEFAULTS = Object.freeze({
  /** The current API server and the legacy one (`/api/...` paths). */
  upstream: Object.freeze({ api: "https://api.minimo.it", app: "https://app.minimo.it" }),
  listen: Object.freeze({ metrics: "0.0.0.0:9487", gateway: "0.0.0.0:8787" }),
  logLevel: "info",
  /** Hard cap on configured keys: each key adds label values to every per-key family. */
  maxKeys: 100,
  /** Subtracted from `X-Prometheus-Scrape-Timeout-Seconds` so the scrape answers in time. */
  scrapeTimeoutOffsetSeconds: 0.5,
  /** Used when a scrape carries no `X-Prometheus-Scrape-Timeout-Seconds` header (Prometheus' default). */
  scrapeTimeoutSeconds: 10,
  probe: Object.freeze({
    /** A cheap, read-only list call every key with `custom_fields:read` may make. */
    operations: Object.freeze(["GET /public/v1/custom-fields"]),
    minIntervalSeconds: 60,
    concurrency: 4,
    timeoutSeconds: 10,
  }),
  gateway: Object.freeze({
    /** How long SIGTERM waits for in-flight proxied requests before cutting them. */
    drainTimeoutSeconds: 10,
    /** Upstream socket inactivity limit; the gateway answers 504 after it. */
    upstreamTimeoutSeconds: 60,
    /** Nobody: a rejected caller is the socket's peer unless a proxy in front is named here. */
    trustedProxies: Object.freeze([] as string[]),
    /**
     * Open client connections; the next is closed at accept. With `upstreamMaxSockets` per
     * upstream host this keeps the gateway's descriptors well under a 1024 `ulimit -n`, so
     * /metrics and /healthz can always accept.
     */
    maxConnections: 512,
    /** Upstream sockets per host (api, app); requests beyond it wait in the agent's queue. */
    upstreamMaxSockets: 128,
  }),
  web: Object.freeze({
    /**
     * Open connections to the metrics listener (Prometheus, the console, health checks): a
     * flood of slow connections there must not take the gateway's descriptors. With the
     * gateway's defaults: 512 + 2 × 128 + 64 stays well under a 1024 `ulimit -n`.
     */
    maxConnections: 64,
  }),
});

/** Environment variables that override config fields (applied before validation). */
export const ENV_OVERRIDES = Object.freeze({
  MINIMO_EXPORTER_UPSTREAM: "upstream",
  MINIMO_EXPORTER_LISTEN_METRICS: "listen.metrics",
  MINIMO_EXPORTER_LISTEN_GATEWAY: "listen.gateway",
  MINIMO_EXPORTER_LOG_LEVEL: "log_level",
  MINIMO_EXPORTER_MAX_KEYS: "max_keys",
} as const);

/** The `key` label value reserved for requests whose key is not configured. */
export const UNKNOWN_KEY_ALIAS = "unknown";
