// parseConfig: raw YAML value + environment -> frozen ExporterConfig, or ConfigError listing every
// problem. The only module that knows the file's shape; everything else reads ExporterConfig.
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { parseApiKey, redactApiKeys } from "@minimo/client";
import type { z } from "zod";
import { DEFAULTS, ENV_OVERRIDES, UNKNOWN_KEY_ALIAS } from "./defaults.js";
import { ConfigError, type ConfigProblem } from "./errors.js";
import { trustedProxyProblem } from "../callers/client-address.js";
import { deepFreeze } from "./freeze.js";
import { parseListenAddress } from "./listen.js";
import { resolveProbeOperation } from "./operations.js";
import { lenientConfigSchema, rawConfigSchema, type RawConfig, type RawKey } from "./schema.js";
import { Secret } from "./secret.js";
import type { ExporterConfig, KeyConfig, ProbeOperation } from "./types.js";
import { loadTlsMaterial } from "../http/web-config/tls.js";
import { lookupIn, type FileContents, type FileReadError } from "../files/read.js";
import { checkReplaces, resolveInventory, resolveSettings } from "../posture/inventory.js";
import { resolveRedis, type RedisConfig } from "../shared-state/config.js";

/** The `state` block, absent when empty. */
const stateConfig = (path: string | undefined, redis: RedisConfig | undefined) =>
  path === undefined && redis === undefined ? {} : { state: { ...(path !== undefined ? { path } : {}), ...(redis !== undefined ? { redis } : {}) } };

export interface ParseConfigOptions {
  /** Directory that relative `key_file` paths are resolved against; default `process.cwd()`. */
  baseDir?: string;
  /** Key and certificate files already read, by absolute path (`loadConfigFile` reads them ahead, off the event loop); others are read synchronously. */
  files?: FileContents;
}

/** Where relative paths start, and the content of a file by absolute path. */
interface FileSource {
  baseDir: string;
  read(file: string): Buffer | FileReadError;
}

const KEY_FORMAT = "expected mn-{CLIENT_ID}-{SECRET_KEY}";

/** Validates a raw config (the parsed YAML) with environment overrides; throws ConfigError. */
export function parseConfig(
  raw: unknown,
  env: NodeJS.ProcessEnv = process.env,
  opts: ParseConfigOptions = {},
): ExporterConfig {
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

/** Overrides from MINIMO_EXPORTER_* variables; `sources` maps a config path to its variable. */
function applyEnvOverrides(raw: unknown, env: NodeJS.ProcessEnv, problems: ConfigProblem[]) {
  const sources = new Map<string, string>();
  if (raw === null || raw === undefined) raw = {};
  if (typeof raw !== "object" || Array.isArray(raw)) {
    problems.push({ path: "", message: "the config must be a YAML mapping" });
    return { value: { keys: [] }, sources };
  }
  const value = structuredClone(raw) as Record<string, unknown>;
  for (const [name, path] of Object.entries(ENV_OVERRIDES)) {
    const text = env[name];
    if (text === undefined || text === "") continue;
    sources.set(path, name);
    if (path === "max_keys") value.max_keys = /^\d+$/.test(text) ? Number(text) : text;
    else if (path.startsWith("listen.")) {
      const listen = (value.listen ?? {}) as Record<string, unknown>;
      value.listen = { ...listen, [path.slice("listen.".length)]: text };
    } else value[path] = text;
  }
  return { value, sources };
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

function withSource(path: string, sources: Map<string, string>): string {
  const variable = sources.get(path);
  return variable ? `${path} (from ${variable})` : path;
}

/** Problems from zod's issues; `dropped` collects the paths whose values were wrong (not just unknown). */
function zodProblems(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[], sources: Map<string, string>, dropped: string[]): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  for (const issue of issues) {
    const at = [...prefix, ...issue.path];
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) out.push({ path: formatPath([...at, key]), message: "unknown field" });
      continue;
    }
    // A mapping given where { api, app } or similar is allowed: its own fields' problems say more.
    if (issue.code === "invalid_union" && isMapping(issue.input)) {
      const inside = issue.errors.find((branch) => branch.length > 0 && branch.every((i) => i.path.length > 0 || i.code === "unrecognized_keys"));
      if (inside) {
        out.push(...zodProblems(inside, at, sources, dropped));
        continue;
      }
    }
    const path = formatPath(at);
    dropped.push(path);
    const message = issue.input === undefined && (issue.code === "invalid_type" || issue.code === "invalid_union") ? "required field is missing" : `expected ${issue.message}, got ${describeValue(issue.input, path)}`;
    out.push({ path: withSource(path, sources) || "(root)", message });
  }
  return out;
}

const isMapping = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** Fields that hold a key: a wrong value there is described by its type only, never quoted. */
const SECRET_FIELD = /^keys\[\d+\]\.key$/;

/** What was given, for "expected X, got Y": quoted only when it cannot be a secret. */
function describeValue(value: unknown, path: string): string {
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? "" : "s"}`;
  if (value instanceof Date) return "a date";
  const secret = SECRET_FIELD.test(path);
  switch (typeof value) {
    case "string":
      if (value === "") return "an empty string";
      if (secret) return "a string";
      if (looksLikeKey(value)) return "a string that looks like an API key (not shown)";
      return `the string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
    case "number":
    case "boolean":
      return secret ? `a ${typeof value}` : `the ${typeof value} ${String(value)}`;
    case "object":
      return "a mapping";
    default:
      return `a ${typeof value}`;
  }
}

/** True when a later problem at `path` only follows from a wrong value already reported in `dropped`. */
function followsFrom(path: string, dropped: readonly string[]): boolean {
  const bare = path.replace(/ \(from [A-Z_]+\)$/, "");
  return dropped.some(
    (d) =>
      bare === d ||
      bare.startsWith(`${d}.`) ||
      bare.startsWith(`${d}[`) ||
      // A key entry whose source field was dropped: "set exactly one of …" says nothing new.
      (/^keys\[\d+\]$/.test(bare) && d.startsWith(`${bare}.`)),
  );
}

function resolveUrl(text: string, path: string, problems: ConfigProblem[]): string {
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

function resolveConfig(
  raw: RawConfig,
  env: NodeJS.ProcessEnv,
  files: FileSource,
  sources: Map<string, string>,
  problems: ConfigProblem[],
): ExporterConfig {
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
      problems.push({ path: `keys[${i}].name`, message: "looks like an API key; the name is a label shown in Prometheus, so use an alias such as \"production\"" });
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

/** Host names as a browser sends them in `Host`, without a port: `metrics.example.com`. */
function allowedHosts(entries: readonly string[], problems: ConfigProblem[]): string[] {
  entries.forEach((entry, i) => {
    if (!/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(entry) || entry.includes("..")) {
      problems.push({ path: `web.allowed_hosts[${i}]`, message: `must be a host name without scheme, port or path, such as metrics.example.com; got "${entry.slice(0, 64)}"` });
    }
  });
  return entries.map((e) => e.toLowerCase());
}

function trustedProxies(entries: readonly string[], problems: ConfigProblem[]): string[] {
  entries.forEach((entry, i) => {
    const problem = trustedProxyProblem(entry);
    if (problem) problems.push({ path: `gateway.trusted_proxies[${i}]`, message: problem });
  });
  return [...entries];
}

function listenAddress(text: string, path: string, sources: Map<string, string>, problems: ConfigProblem[]) {
  const address = parseListenAddress(text);
  if (address) return address;
  problems.push({ path: withSource(path, sources), message: `must be "host:port" with a port from 0 to 65535, got "${text}"` });
  return { host: "127.0.0.1", port: 0 };
}

function resolveOperations(texts: readonly string[], path: string, problems: ConfigProblem[]): ProbeOperation[] {
  const out: ProbeOperation[] = [];
  texts.forEach((text, j) => {
    const op = resolveProbeOperation(text);
    if (typeof op === "string") problems.push({ path: `${path}[${j}]`, message: op });
    else if (!out.some((o) => o.operationId === op.operationId)) out.push(op);
  });
  return out;
}

function resolveKey(
  raw: RawKey,
  i: number,
  env: NodeJS.ProcessEnv,
  files: FileSource,
  problems: ConfigProblem[],
  warnings: string[],
  defaultOps: ProbeOperation[],
  defaultInterval: number,
): KeyConfig | undefined {
  const at = `keys[${i}]`;
  const given = (["key_env", "key_file", "key"] as const).filter((f) => raw[f] !== undefined);
  const operations = raw.probe?.operations
    ? resolveOperations(raw.probe.operations, `${at}.probe.operations`, problems)
    : defaultOps;
  const expiresAt = raw.expires === undefined ? undefined : parseExpiry(raw.expires, `${at}.expires`, problems);
  const inventory = resolveInventory(raw, at, problems);
  if (given.length !== 1) {
    problems.push({ path: at, message: `set exactly one of key_env, key_file or key (found ${given.length ? given.join(", ") : "none"})` });
    return undefined;
  }
  let value: string | undefined;
  let what: string;
  let source: KeyConfig["source"];
  const field = given[0]!;
  if (field !== "key" && looksLikeKey(raw[field]!)) {
    const holder = field === "key_env" ? "an environment variable" : "a file";
    problems.push({ path: `${at}.${field}`, message: `holds an API key itself; put the key in ${holder} and name that here` });
    return undefined;
  }
  if (field === "key_env") {
    const name = raw.key_env!;
    what = `the value of ${name}`;
    source = "env";
    value = env[name];
    if (value === undefined) {
      problems.push({ path: `${at}.key_env`, message: `environment variable ${name} is not set` });
      return undefined;
    }
    if (value.trim() === "") {
      problems.push({ path: `${at}.key_env`, message: `environment variable ${name} is set but empty` });
      return undefined;
    }
  } else if (field === "key_file") {
    const file = resolve(files.baseDir, raw.key_file!);
    what = `the content of ${file}`;
    source = "file";
    const content = files.read(file);
    if (!Buffer.isBuffer(content)) {
      problems.push({ path: `${at}.key_file`, message: content.message });
      return undefined;
    }
    value = content.toString("utf8");
  } else {
    what = "the value";
    source = "inline";
    value = raw.key!;
    warnings.push(`${at}.key: an API key written in the config file is discouraged; use key_env or key_file`);
  }
  value = value.trim();
  let clientId: string;
  try {
    clientId = parseApiKey(value).clientId;
  } catch {
    // The parse error is not forwarded: it could quote the value.
    problems.push({ path: `${at}.${field}`, message: `${what} is not a Minimo API key (${KEY_FORMAT})` });
    return undefined;
  }
  return {
    name: raw.name,
    apiKey: new Secret(value),
    clientId,
    source,
    ...(expiresAt !== undefined ? { expiresAt } : {}),
    probe: { operations, minIntervalSeconds: raw.probe?.min_interval_seconds ?? defaultInterval },
    inventory,
  };
}

/** True when `text` holds something shaped like a Minimo key (which must never be echoed). */
function looksLikeKey(text: string): boolean {
  return redactApiKeys(text) !== text;
}

function parseExpiry(value: string | Date, path: string, problems: ConfigProblem[]): number | undefined {
  const ms =
    value instanceof Date
      ? value.getTime()
      : /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? Date.parse(`${value}T00:00:00Z`)
        : /^\d{4}-\d{2}-\d{2}T/.test(value)
          ? Date.parse(value)
          : Number.NaN;
  if (Number.isNaN(ms)) {
    problems.push({ path, message: "must be a date like 2027-06-01 (or an ISO 8601 date-time)" });
    return undefined;
  }
  return Math.floor(ms / 1000);
}

/** `gateway.tls`, with both files read and the certificate checked now (expired -> a problem). */
function gatewayTls(raw: { cert_file: string; key_file: string } | undefined, files: FileSource, problems: ConfigProblem[]) {
  if (raw === undefined) return {};
  const tls = { certFile: resolve(files.baseDir, raw.cert_file), keyFile: resolve(files.baseDir, raw.key_file) };
  loadTlsMaterial(tls, files.baseDir, "gateway.tls", problems, Date.now(), files.read);
  return { tls };
}
