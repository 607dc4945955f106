// startExporter: wires config -> metrics registry, gateway, probes and the HTTP server.
import type { AddressInfo } from "node:net";
import type http from "node:http";
import * as MN from "@minimo/metrics";
import { createMinimoMetrics, type MinimoMetrics } from "@minimo/metrics";
import { Registry } from "prom-client";
import { CallerTracker } from "./callers/tracker.js";
import { ConfigError } from "./config/errors.js";
import { UNKNOWN_KEY_ALIAS } from "./config/defaults.js";
import { consoleRouter } from "./console/routes.js";
import type { KeyFacts } from "./console/api.js";
import { UsageRing } from "./console/usage.js";
import type { ExporterConfig, KeyConfig, ListenAddress } from "./config/types.js";
import { createGateway, type GatewayRecorder, type GatewayState } from "./gateway/gateway.js";
import { KeyMatcher } from "./gateway/key-matcher.js";
import { ConnectionGuard, logAcceptErrors, logDrops } from "./http/connection-guard.js";
import { isLoopbackName } from "./http/host-guard.js";
import { createMetricsServer } from "./http/metrics-server.js";
import { createListeners, isTlsServer } from "./http/web-config/index.js";
import { createLogger, type Logger } from "./logging/logger.js";
import { ExporterMetrics } from "./metrics/exporter-metrics.js";
import { createProcessRegistry } from "./metrics/process-metrics.js";
import { CONSOLE_PROBE_FLOOR_SECONDS, Prober } from "./probes/prober.js";
import { PostureService } from "./posture/service.js";
import { shardOf } from "./probes/shard.js";
import { createSharedState, defaultReplicaId } from "./shared-state/index.js";
import { VERSION } from "./version.js";

export interface StartExporterOptions {
  /** The validated config (`parseConfig` / `loadConfigFile`). */
  config: ExporterConfig;
  /** Default: a pino JSON logger on stdout at `config.logLevel`. */
  logger?: Logger;
  /** Probe only the keys of this shard (`--shard i/n`); the gateway still serves every key. Default: all keys. */
  shard?: { index: number; total: number };
  /** `--web.config.file`: TLS and basic auth for the metrics listener (exporter-toolkit format), re-read on reload. Default: plain HTTP, no auth. */
  webConfigFile?: string;
  /** `--storage.path`: the posture state directory; wins over `state.path`. Neither: usage facts in memory only. */
  storagePath?: string;
  /** Wall clock in ms for posture (tests). Default `Date.now`. */
  now?: () => number;
  /** False leaves the gateway without the posture hook (the benchmark measures its cost). Default true. */
  posture?: boolean;
  /** `--replica-id`: this replica's name in the shared state (`state.redis_url`). Default: the host name. */
  replicaId?: string;
}

export interface RunningExporter {
  /** `http://host:port/metrics`, with the real port. */
  metricsUrl: string;
  /** `http://host:port/`, the key console (same listener as /metrics). */
  consoleUrl: string;
  /** `http://host:port`, the base URL apps point at. */
  gatewayUrl: string;
  /** The exporter's own families (Node process metrics live in a separate registry). */
  registry: Registry;
  /** Applies a new config: drops series of removed keys, adds new ones, sets the reload gauges. */
  reload(config: ExporterConfig): Promise<void>;
  /** Records a failed reload (the old config stays): `last_reload_successful` 0. */
  reloadFailed(): void;
  /** Stops probes, drains the gateway (bounded by `gateway.drain_timeout_seconds`), closes both servers. */
  close(): Promise<void>;
}

const LISTEN_ERRORS: Record<string, string> = {
  EADDRINUSE: "address already in use",
  EACCES: "permission denied",
  EADDRNOTAVAIL: "address not available on this host",
};

/** Listens; a bind failure becomes a ConfigError naming the config field (`listen.gateway`). */
function listen(server: http.Server, address: ListenAddress, field: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      const code = err.code ?? "error";
      const where = address.host.includes(":") ? `[${address.host}]:${address.port}` : `${address.host}:${address.port}`;
      reject(new ConfigError([{ path: field, message: `cannot listen on ${where}: ${LISTEN_ERRORS[code] ?? "bind failed"} (${code})` }]));
    };
    server.once("error", onError);
    server.listen(address.port, address.host, () => {
      server.off("error", onError);
      const { address: host, port } = server.address() as AddressInfo;
      const shown = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
      resolve(`${isTlsServer(server) ? "https" : "http"}://${shown}:${port}`);
    });
  });
}

/**
 * Starts the exporter: the gateway on `listen.gateway`, /metrics on `listen.metrics`.
 * @example
 * const exporter = await startExporter({ config: await loadConfigFile("exporter.yaml") });
 * console.log(exporter.metricsUrl, exporter.gatewayUrl);
 */
export async function startExporter(options: StartExporterOptions): Promise<RunningExporter> {
  let config = options.config;
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const shard = options.shard;
  // Reads certificates and the web config before anything starts: a bad file is a ConfigError.
  const listeners = await createListeners(config, options.webConfigFile);
  const registry = new Registry();
  const processRegistry = createProcessRegistry();
  const exporterMetrics = new ExporterMetrics(registry, VERSION);
  const metrics: MinimoMetrics = createMinimoMetrics({ registry, keys: config.keys.map((k) => k.name) });
  const probed = (keys: readonly KeyConfig[]) => (shard ? keys.filter((k) => shardOf(k.name, shard.total) === shard.index) : keys);

  // The console's counters and caller tables: application traffic only (the gateway), not probes.
  const usage = new UsageRing();
  const callers = new CallerTracker({ logger });
  const redis = config.state?.redis;
  const shared = redis ? createSharedState({ config: redis, replicaId: options.replicaId ?? defaultReplicaId(), registry, logger, ...(options.now ? { now: options.now } : {}) }) : undefined;
  const prober = new Prober({ exporterMetrics, recordBudget: (r) => metrics.recordBudget(r), logger, concurrency: config.probe.concurrency, ...(shared ? { coordinator: shared.probes } : {}) });
  const posture = new PostureService({ registry, logger, dir: options.storagePath ?? config.state?.path, ...(options.now ? { now: options.now } : {}), ...(shared ? { share: shared.sharePosture } : {}) });
  const fleet = shared?.shareConsole({ usage, callers, aliases: () => [...config.keys.map((k) => k.name), UNKNOWN_KEY_ALIAS] });
  // The console counts under the key label /metrics gives: a key a reload removed while its
  // request was in flight is `unknown` in both.
  const recorder: GatewayRecorder = {
    recordResponse(r) {
      metrics.recordResponse(r);
      usage.recordResponse(metrics.keyLabel(r.key), r.status);
    },
    recordError(r) {
      metrics.recordError(r);
      usage.recordError(metrics.keyLabel(r.key));
    },
    keyLabel: (alias) => metrics.keyLabel(alias),
  };

  let gatewayState: GatewayState;
  const apply = (next: ExporterConfig) => {
    usage.setKeys([...next.keys.map((k) => k.name), UNKNOWN_KEY_ALIAS]);
    callers.configure(next.keys, next.gateway.trustedProxies);
    posture.configure(next);
    const upstream = { api: new URL(next.upstream.api), app: new URL(next.upstream.app) };
    gatewayState = { upstream, matcher: new KeyMatcher(next.keys), upstreamTimeoutSeconds: next.gateway.upstreamTimeoutSeconds };
    for (const key of next.keys) {
      metrics.addKey(key.name);
      exporterMetrics.describeKey(key);
    }
    prober.setKeys(next, probed(next.keys));
    for (const warning of next.warnings) logger.warn(warning);
  };
  apply(config);
  exporterMetrics.reloaded(true);

  let closing = false;
  // Reloads, good or failed: a scrape after one never gets a page rendered before it.
  let reloads = 0;
  const gateway = createGateway({
    state: () => gatewayState,
    recorder,
    exporterMetrics,
    logger,
    callers,
    ...(options.posture === false ? {} : { posture: posture.hook }),
    registry,
    createServer: listeners.gatewayServer,
    limits: { maxConnections: config.gateway.maxConnections, upstreamMaxSockets: config.gateway.upstreamMaxSockets },
  });
  const metricsServer = createMetricsServer({
    registries: [registry, processRegistry],
    refresh: (waitMs) => prober.refresh(waitMs),
    version: () => reloads + prober.verdicts,
    waitFor: (header) => {
      const given = header === undefined ? Number.NaN : Number.parseFloat(header);
      const timeout = Number.isFinite(given) && given > 0 ? given : config.scrapeTimeoutSeconds;
      return Math.max(0, (timeout - config.scrapeTimeoutOffsetSeconds) * 1000);
    },
    ready: () => !closing,
    logger,
    routers: [consoleRouter({ keys: keyFacts, usage: fleet?.usage ?? usage, callers: fleet?.callers ?? callers, posture, version: VERSION, ...(fleet ? { fleet: () => fleet.status() } : {}) }, logger)],
    createServer: listeners.metricsServer,
  });

  // The metrics listener's cap and both listeners' accept errors (EMFILE), counted and logged.
  new ConnectionGuard(metricsServer, { max: config.web.maxConnections, logger, registry });
  logAcceptErrors(gateway.server, "gateway", logger);
  logDrops(gateway.server, "gateway", "gateway.max_connections", logger);

  async function keyFacts(): Promise<KeyFacts[]> {
    // Starts the probes that are due (min_interval_seconds, and never more often than the console
    // floor) without waiting, so the console shows probe results even where no Prometheus scrapes.
    await prober.refresh(0, CONSOLE_PROBE_FLOOR_SECONDS);
    const [remaining, limit, reset, updated] = await Promise.all([
      byKey(registry, MN.RATE_LIMIT_REMAINING),
      byKey(registry, MN.RATE_LIMIT_LIMIT),
      byKey(registry, MN.RATE_LIMIT_RESET_TIMESTAMP_SECONDS),
      byKey(registry, MN.RATE_LIMIT_UPDATED_TIMESTAMP_SECONDS),
    ]);
    return config.keys.map((key) => {
      const status = prober.status(key.name);
      const probed = key.probe.operations.length > 0 && status !== undefined;
      return {
        alias: key.name,
        clientId: key.clientId,
        ...(key.expiresAt !== undefined ? { expiresAt: key.expiresAt } : {}),
        probe: {
          // A key with no probe operations (or outside this shard) is never probed: say so.
          state: !probed ? "disabled" : status.up === undefined ? "pending" : status.up ? "up" : "down",
          ...(status?.lastSuccessAt !== undefined ? { lastSuccessAt: status.lastSuccessAt } : {}),
          ...(status?.lastProbeAt !== undefined ? { lastProbeAt: status.lastProbeAt } : {}),
        },
        budget: { limit: limit.get(key.name), remaining: remaining.get(key.name), resetAt: reset.get(key.name), updatedAt: updated.get(key.name) },
      };
    });
  }

  let gatewayUrl: string;
  let metricsBase: string;
  try {
    gatewayUrl = await listen(gateway.server, config.listen.gateway, "listen.gateway");
    metricsBase = await listen(metricsServer, config.listen.metrics, "listen.metrics");
  } catch (err) {
    gateway.server.close();
    metricsServer.close();
    await prober.close();
    await posture.close();
    await shared?.close();
    throw err;
  }
  logger.info({ gateway: gatewayUrl, metrics: `${metricsBase}/metrics`, console: `${metricsBase}/`, keys: config.keys.map((k) => k.name), version: VERSION }, "exporter started");
  if (config.web.allowedHosts === undefined && !isLoopbackName(config.listen.metrics.host)) {
    logger.warn(
      { listen: config.listen.metrics.host },
      "web.allowed_hosts is not set: the metrics listener answers any Host name, so a web page can reach /api/keys by DNS rebinding; list the names it is reached by in web.allowed_hosts (IP addresses and localhost always work)",
    );
  }
  if (!isTlsServer(gateway.server) && !isLoopbackName(config.listen.gateway.host)) {
    logger.warn({ listen: config.listen.gateway.host }, "the gateway listens beyond localhost without TLS: API keys cross the network in clear text; bind it to 127.0.0.1 or set gateway.tls");
  }

  return {
    metricsUrl: `${metricsBase}/metrics`,
    consoleUrl: `${metricsBase}/`,
    gatewayUrl,
    registry,
    async reload(next) {
      // Shutting down: a reload that was still reading its files changes nothing any more.
      if (closing) return;
      // Certificates and users first: a bad file throws here, before anything else changed.
      const warnings = await listeners.reload(next, { gateway: gateway.server, metrics: metricsServer });
      if (closing) return;
      for (const warning of warnings) logger.warn(warning);
      const kept = new Set(next.keys.map((k) => k.name));
      const removed = config.keys.filter((k) => !kept.has(k.name)).map((k) => k.name);
      for (const alias of removed) {
        metrics.forgetKey(alias);
        exporterMetrics.forgetKey(alias);
      }
      if (next.listen.gateway.port !== config.listen.gateway.port || next.listen.metrics.port !== config.listen.metrics.port || next.listen.gateway.host !== config.listen.gateway.host || next.listen.metrics.host !== config.listen.metrics.host) {
        logger.warn("listen addresses changed: they apply after a restart");
      }
      if (next.gateway.maxConnections !== config.gateway.maxConnections || next.gateway.upstreamMaxSockets !== config.gateway.upstreamMaxSockets) {
        logger.warn("gateway.max_connections / gateway.upstream_max_sockets changed: they apply after a restart");
      }
      if (next.web.maxConnections !== config.web.maxConnections) logger.warn("web.max_connections changed: it applies after a restart");
      config = next;
      apply(next);
      exporterMetrics.reloaded(true);
      reloads++;
      logger.info({ keys: next.keys.map((k) => k.name), removed }, "config reloaded");
    },
    reloadFailed() {
      exporterMetrics.reloaded(false);
      reloads++;
    },
    async close() {
      if (closing) return;
      closing = true;
      await prober.close();
      await Promise.all([
        gateway.close(config.gateway.drainTimeoutSeconds * 1000),
        new Promise<void>((resolve) => {
          metricsServer.close(() => resolve());
          metricsServer.closeAllConnections();
        }),
      ]);
      await listeners.close();
      await posture.close();
      await shared?.close();
      logger.info("exporter stopped");
    },
  };
}

/** The values of a `{key}` gauge, by key (read through the registry so collect() hooks run). */
async function byKey(registry: Registry, name: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const metric = registry.getSingleMetric(name);
  if (!metric) return out;
  const data = await metric.get();
  for (const v of data.values) {
    const key = v.labels.key;
    if (typeof key === "string" && Number.isFinite(v.value)) out.set(key, v.value);
  }
  return out;
}
