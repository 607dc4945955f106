// startExporter: wires config -> metrics registry, gateway, probes and the HTTP server.
import { createMinimoMetrics, type MinimoMetrics } from "@minimo/metrics";
import { Registry } from "prom-client";
import { CallerTracker } from "./callers/tracker.js";
import { UNKNOWN_KEY_ALIAS } from "./config/defaults.js";
import { consoleRouter } from "./console/routes.js";
import { keyFactsReader } from "./console/facts.js";
import { UsageRing } from "./console/usage.js";
import { removedKeys, restartOnlyChanges } from "./config/diff.js";
import type { ExporterConfig, KeyConfig } from "./config/types.js";
import { createGateway, type GatewayRecorder, type GatewayState } from "./gateway/gateway.js";
import { KeyMatcher } from "./gateway/key-matcher.js";
import { ConnectionGuard, logAcceptErrors, logDrops } from "./http/connection-guard.js";
import { exposureWarnings } from "./http/exposure.js";
import { listen } from "./http/listen.js";
import { createMetricsServer } from "./http/metrics-server.js";
import { scrapeWaitMs } from "./http/scrape-timeout.js";
import { createListeners, isTlsServer } from "./http/web-config/index.js";
import { createLogger, type Logger } from "./logging/logger.js";
import { ExporterMetrics } from "./metrics/exporter-metrics.js";
import { createProcessRegistry } from "./metrics/process-metrics.js";
import { Prober } from "./probes/prober.js";
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
  /** Wall clock in ms: probe results, budget update times and posture (tests move it instead of waiting). Default `Date.now`. */
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
  const clock = options.now ? { now: options.now } : {};
  const metrics: MinimoMetrics = createMinimoMetrics({ registry, keys: config.keys.map((k) => k.name), ...clock });
  const probed = (keys: readonly KeyConfig[]) => (shard ? keys.filter((k) => shardOf(k.name, shard.total) === shard.index) : keys);

  // The console's counters and caller tables: application traffic only (the gateway), not probes.
  const usage = new UsageRing();
  const callers = new CallerTracker({ logger });
  const redis = config.state?.redis;
  const shared = redis ? createSharedState({ config: redis, replicaId: options.replicaId ?? defaultReplicaId(), registry, logger, ...clock }) : undefined;
  const prober = new Prober({
    exporterMetrics,
    recordBudget: (r) => metrics.recordBudget(r),
    logger,
    concurrency: config.probe.concurrency,
    ...clock,
    ...(shared ? { coordinator: shared.probes } : {}),
  });
  const posture = new PostureService({ registry, logger, dir: options.storagePath ?? config.state?.path, ...clock, ...(shared ? { share: shared.sharePosture } : {}) });
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
    waitFor: (header) => scrapeWaitMs(header, config),
    ready: () => !closing,
    logger,
    routers: [
      consoleRouter(
        {
          keys: keyFactsReader({ registry, prober, keys: () => config.keys }),
          usage: fleet?.usage ?? usage,
          callers: fleet?.callers ?? callers,
          posture,
          version: VERSION,
          ...(fleet ? { fleet: () => fleet.status() } : {}),
        },
        logger,
      ),
    ],
    createServer: listeners.metricsServer,
  });

  // The metrics listener's cap and both listeners' accept errors (EMFILE), counted and logged.
  new ConnectionGuard(metricsServer, { max: config.web.maxConnections, logger, registry });
  logAcceptErrors(gateway.server, "gateway", logger);
  logDrops(gateway.server, "gateway", "gateway.max_connections", logger);

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
  for (const warning of exposureWarnings(config, { gatewayTls: isTlsServer(gateway.server) })) logger.warn({ listen: warning.listen }, warning.message);

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
      const removed = removedKeys(config, next);
      for (const alias of removed) {
        metrics.forgetKey(alias);
        exporterMetrics.forgetKey(alias);
      }
      for (const warning of restartOnlyChanges(config, next)) logger.warn(warning);
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
