// parseConfig: raw YAML value + environment -> frozen ExporterConfig, or ConfigError listing every
// problem. The only module that knows the file's shape; everything else reads ExporterConfig.
// The steps live beside it: env-overlay (variables), zod-problems (messages), fields and
// key-source (checks zod cannot express), gateway-tls, posture (inventory), dates.
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { DEFAULTS, UNKNOWN_KEY_ALIAS } from "./defaults.js";
import { applyEnvOverrides, withSource } from "./env-overlay.js";
import { ConfigError, type ConfigProblem } from "./errors.js";
import { allowedHosts, listenAddress, resolveOperations, resolveUrl, trustedProxies } from "./fields.js";
import { deepFreeze } from "./freeze.js";
import { gatewayTls } from "./gateway-tls.js";
import { looksLikeKey } from "./key-shape.js";
import { resolveKey } from "./key-source.js";
import { checkReplaces, resolveSettings } from "./posture.js";
import { lookupIn, type FileContents, type FileSource } from "./read-files.js";
import { lenientConfigSchema, rawConfigSchema, type RawConfig } from "./schema.js";
import type { ExporterConfig, KeyConfig } from "./types.js";
import { followsFrom, zodProblems } from "./zod-problems.js";
import { resolveRedis, type RedisConfig } from "./redis.js";

/** The `state` block, absent when empty. */
const stateConfig = (path: string | undefined, redis: RedisConfig | undefined) =>
  path === undefined && redis === undefined ? {} : { state: { ...(path !== undefined ? { path } : {}), ...(redis !== undefined ? { redis } : {}) } };

export interface ParseConfigOptions {
  /** Directory that relative `key_file` paths are resolved against; default `process.cwd()`. */
  baseDir?: string;
  /** Key and certificate files already read, by absolute path (`loadConfigFile` reads them ahead, off the event loop); others are read synchronously. */
  files?: FileContents;
}

/** Validates a raw config (the parsed YAML) with environment overrides; throws ConfigError. */
export function parseConfig(raw: unknown, env: NodeJS.ProcessEnv = process.env, opts: ParseConfigOptions = {}): ExporterConfig {
  const problems: ConfigProblem[] = [];
  const { value: withEnv, sources } = applyEnvOverrides(raw, env, problems);
  const parsed = rawConfigSchema.safeParse(withEnv, { reportInput: true });
  // On schema errors the checks after zod (variables, files, aliases, operations) still run, on
  // what is valid, so one run reports every problem; those that only follow from a field already
  // reported as wrong are left out.
  const dropped: string[] = [];
  if (!parsed.success) problems.push(...zodProblems(parsed.error.issues, [], sources, dropped));
  const valid = parsed.success ? parsed.data : (lenientConfigSchema.safeParse(withEnv).data ?? { keys: [] });
  const later: ConfigProblem[] = [];
  const files = { baseDir: opts.baseDir ?? process.cwd(), read: lookupIn(opts.files) };
  const config = resolveConfig(valid, env, files, sources, later);
  problems.push(...later.filter((p) => !followsFrom(p.path, dropped)));
  if (problems.length > 0) throw new ConfigError(problems);
  return deepFreeze(config);
}

function resolveConfig(raw: RawConfig, env: NodeJS.ProcessEnv, files: FileSource, sources: Map<string, string>, problems: ConfigProblem[]): ExporterConfig {
  const warnings: string[] = [];
  const upstreamRaw = raw.upstream ?? DEFAULTS.upstream;
  const upstreamPath = withSource("upstream", sources);
  const upstream =
    typeof upstreamRaw === "string"
      ? { api: resolveUrl(upstreamRaw, upstreamPath, problems), app: "" }
      : {
          api: resolveUrl(upstreamRaw.api, "upstream.api", problems),
          app: resolveUrl(upstreamRaw.app, "upstream.app", problems),
        };
  // One URL serves both the current and the legacy paths (the sandbox, a test double).
  if (typeof upstreamRaw === "string") upstream.app = upstream.api;

  const listen = {
    metrics: listenAddress(raw.listen?.metrics ?? DEFAULTS.listen.metrics, "listen.metrics", sources, problems),
    gateway: listenAddress(raw.listen?.gateway ?? DEFAULTS.listen.gateway, "listen.gateway", sources, problems),
  };
  const maxKeys = raw.max_keys ?? DEFAULTS.maxKeys;
  if (raw.keys.length > maxKeys) {
    problems.push({ path: "keys", message: `${raw.keys.length} keys configured, more than max_keys (${maxKeys})` });
  }
  const defaultOps = raw.probe?.operations ?? DEFAULTS.probe.operations;
  const defaultInterval = raw.probe?.min_interval_seconds ?? DEFAULTS.probe.minIntervalSeconds;
  const defaultOpsResolved = resolveOperations(defaultOps, "probe.operations", problems);

  const keys: KeyConfig[] = [];
  const byName = new Map<string, number>();
  const byDigest = new Map<string, number>();
  raw.keys.forEach((rawKey, i) => {
    if (looksLikeKey(rawKey.name)) {
      problems.push({ path: `keys[${i}].name`, message: 'looks like an API key; the name is a label shown in Prometheus, so use an alias such as "production"' });
      return;
    }
    const key = resolveKey(rawKey, i, env, files, problems, warnings, defaultOpsResolved, defaultInterval);
    const previous = byName.get(rawKey.name);
    if (previous !== undefined) {
      problems.push({ path: `keys[${i}].name`, message: `duplicate key name "${rawKey.name}" (already used by keys[${previous}])` });
    } else byName.set(rawKey.name, i);
    if (rawKey.name === UNKNOWN_KEY_ALIAS) {
      problems.push({ path: `keys[${i}].name`, message: `"${UNKNOWN_KEY_ALIAS}" is reserved for requests with an unconfigured key` });
    }
    if (!key) return;
    const digest = createHash("sha256").update(key.apiKey.reveal()).digest("hex");
    const same = byDigest.get(digest);
    if (same !== undefined) {
      problems.push({ path: `keys[${i}]`, message: `holds the same API key as keys[${same}]; configure each key once` });
    } else byDigest.set(digest, i);
    keys.push(key);
  });
  checkReplaces(raw.keys, problems);

  return {
    upstream,
    listen,
    logLevel: raw.log_level ?? DEFAULTS.logLevel,
    maxKeys,
    scrapeTimeoutOffsetSeconds: raw.scrape_timeout_offset_seconds ?? DEFAULTS.scrapeTimeoutOffsetSeconds,
    scrapeTimeoutSeconds: raw.scrape_timeout_seconds ?? DEFAULTS.scrapeTimeoutSeconds,
    probe: {
      concurrency: raw.probe?.concurrency ?? DEFAULTS.probe.concurrency,
      timeoutSeconds: raw.probe?.timeout_seconds ?? DEFAULTS.probe.timeoutSeconds,
    },
    gateway: {
      drainTimeoutSeconds: raw.gateway?.drain_timeout_seconds ?? DEFAULTS.gateway.drainTimeoutSeconds,
      upstreamTimeoutSeconds: raw.gateway?.upstream_timeout_seconds ?? DEFAULTS.gateway.upstreamTimeoutSeconds,
      trustedProxies: trustedProxies(raw.gateway?.trusted_proxies ?? DEFAULTS.gateway.trustedProxies, problems),
      maxConnections: raw.gateway?.max_connections ?? DEFAULTS.gateway.maxConnections,
      upstreamMaxSockets: raw.gateway?.upstream_max_sockets ?? DEFAULTS.gateway.upstreamMaxSockets,
      ...gatewayTls(raw.gateway?.tls, files, problems),
    },
    web: {
      maxConnections: raw.web?.max_connections ?? DEFAULTS.web.maxConnections,
      ...(raw.web?.allowed_hosts !== undefined ? { allowedHosts: allowedHosts(raw.web.allowed_hosts, problems) } : {}),
    },
    keys,
    ...stateConfig(raw.state?.path !== undefined ? resolve(files.baseDir, raw.state.path) : undefined, resolveRedis(raw.state, env, files, problems)),
    posture: resolveSettings(raw.posture),
    warnings,
  };
}
