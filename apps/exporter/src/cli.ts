// minimo-exporter: `--config FILE [--shard i/n]` runs the exporter; `--check-config FILE` validates.
import { parseArgs } from "node:util";
import { ConfigError } from "./config/errors.js";
import { loadConfigFile } from "./config/load.js";
import type { ExporterConfig } from "./config/types.js";
import { loadWebConfig } from "./http/web-config/load.js";
import { startExporter, type RunningExporter } from "./exporter.js";
import { createLogger } from "./logging/logger.js";
import { lint, LINT_USAGE } from "./posture/lint.js";
import { installLastResort } from "./process/last-resort.js";
import { VERSION } from "./version.js";

const USAGE = `usage: minimo-exporter --config FILE [--shard i/n] [--web.config.file FILE] [--storage.path DIR] [--replica-id ID]
       minimo-exporter --check-config FILE [--web.config.file FILE]
       minimo-exporter lint --config FILE [--storage.path DIR] [--format text|json] [--fail-on warning|critical]
       minimo-exporter --version | --help
  --config FILE           the exporter's YAML config (README "Config reference")
  --check-config FILE     validate FILE (and --web.config.file) and exit: 0 valid, 2 with every problem, one line each
  --shard i/n             probe only shard i of n of the keys; the gateway still serves every key
  --web.config.file FILE  TLS and basic auth for the metrics listener (Prometheus exporter-toolkit format)
  --storage.path DIR      the key-posture state directory (default: state.path, else data/ in the working directory)
  --replica-id ID         this replica's name in the shared state (state.redis_url); default: the host name
  --version               print the version and exit
  -h, --help              print this help and exit
Environment overrides: MINIMO_EXPORTER_UPSTREAM, MINIMO_EXPORTER_LISTEN_METRICS,
MINIMO_EXPORTER_LISTEN_GATEWAY, MINIMO_EXPORTER_LOG_LEVEL, MINIMO_EXPORTER_MAX_KEYS.
Signals: SIGTERM/SIGINT drain and exit 0; SIGHUP reloads the config file (and the files it names).
An uncaught exception is logged, then the process drains and exits 1 for its supervisor to restart it.`;

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

const defaultIo: CliIo = {
  env: process.env,
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
};

/** Parses `i/n` (0 <= i < n). */
export function parseShard(text: string): { index: number; total: number } | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  if (!m) return undefined;
  const index = Number(m[1]);
  const total = Number(m[2]);
  return total >= 1 && index < total ? { index, total } : undefined;
}

/** `--check-config FILE`: exit code 0 when valid, 2 with every problem of both files, one line each, on stderr. */
export async function checkConfig(file: string, io: CliIo = defaultIo, webConfigFile?: string): Promise<number> {
  const problems: string[] = [];
  const collect = (err: unknown) => {
    if (!(err instanceof ConfigError)) throw err;
    problems.push(...err.lines());
  };
  let config: ExporterConfig | undefined;
  try {
    config = await loadConfigFile(file, io.env);
  } catch (err) {
    collect(err);
  }
  if (webConfigFile !== undefined) {
    try {
      await loadWebConfig(webConfigFile);
    } catch (err) {
      collect(err);
    }
  }
  for (const warning of config?.warnings ?? []) io.stderr(`warning: ${warning}`);
  if (problems.length > 0 || !config) {
    for (const line of problems) io.stderr(line);
    return 2;
  }
  io.stdout(`config OK: ${config.keys.length} key${config.keys.length === 1 ? "" : "s"}`);
  return 0;
}

/**
 * What the bin script caught before this module loaded: it installs a SIGHUP handler first thing,
 * as loading the CLI's modules takes a while and SIGHUP's default action ends the process.
 */
export interface EarlySignals {
  /** True when a SIGHUP arrived before `main` installed its own handler. */
  readonly hup: boolean;
  /** Removes the bin's handler (once `main`'s own is in place). */
  release(): void;
}

/** Runs the CLI; resolves with an exit code, or never (while serving) until a signal or an uncaught exception. */
export async function main(argv: readonly string[], io: CliIo = defaultIo, early?: EarlySignals): Promise<number> {
  if (argv[0] === "lint") {
    if (!argv.includes("--help") && !argv.includes("-h")) return lint(argv.slice(1), io);
    io.stdout(LINT_USAGE);
    return 0;
  }
  let values: {
    config?: string;
    "check-config"?: string;
    shard?: string;
    "web.config.file"?: string;
    "storage.path"?: string;
    "replica-id"?: string;
    help?: boolean;
    version?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        config: { type: "string" },
        "check-config": { type: "string" },
        shard: { type: "string" },
        "web.config.file": { type: "string" },
        "storage.path": { type: "string" },
        "replica-id": { type: "string" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean" },
      },
      strict: true,
    }));
  } catch (err) {
    io.stderr(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (values.version) {
    io.stdout(VERSION);
    return 0;
  }
  const webConfigFile = values["web.config.file"];
  if (values["check-config"] !== undefined) return checkConfig(values["check-config"], io, webConfigFile);
  const file = values.config;
  if (file === undefined) {
    io.stderr(USAGE);
    return 2;
  }
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (values.shard !== undefined && !shard) {
    io.stderr(`--shard must be i/n with 0 <= i < n, got "${values.shard}"`);
    return 2;
  }

  // Caught from here on (and by the bin script before this module loaded): the default action of
  // SIGHUP ends the process, and start-up can take a while. One that arrives now reloads once
  // started. One listener for the whole life of the process, installed before the bin's goes:
  // removing the last one would drop a signal that arrived but is not dispatched yet.
  let hupDuringStart = false;
  let onHup: () => void = () => {
    hupDuringStart = true;
  };
  const hupListener = () => onHup();
  process.on("SIGHUP", hupListener);
  if (early?.hup) hupDuringStart = true;
  early?.release();
  let config;
  try {
    config = await loadConfigFile(file, io.env);
  } catch (err) {
    process.off("SIGHUP", hupListener);
    if (!(err instanceof ConfigError)) throw err;
    for (const line of err.lines()) io.stderr(line);
    return 2;
  }
  const logger = createLogger({ level: config.logLevel });
  // Until the exporter runs there is nothing to drain: an uncaught exception exits at once.
  let onException: (err: unknown) => void = () => process.exit(1);
  const lastResort = installLastResort(logger, (err) => onException(err));
  let exporter: RunningExporter;
  try {
    // Prometheus' habit: state in data/ of the working directory unless told otherwise.
    const storagePath = values["storage.path"] ?? config.state?.path ?? "data";
    const replicaId = values["replica-id"];
    exporter = await startExporter({
      config,
      logger,
      storagePath,
      ...(replicaId ? { replicaId } : {}),
      ...(shard ? { shard } : {}),
      ...(webConfigFile !== undefined ? { webConfigFile } : {}),
    });
  } catch (err) {
    process.off("SIGHUP", hupListener);
    lastResort.uninstall();
    if (!(err instanceof ConfigError)) {
      logger.fatal({ err }, "exporter failed to start");
      return 1;
    }
    for (const line of err.lines()) io.stderr(line);
    return 2;
  }
  lastResort.attach(exporter.registry);

  let stopping = false;
  let drainTimeoutSeconds = config.gateway.drainTimeoutSeconds;
  // One reload at a time. Each file it reads has its own timeout, so a reload always ends, and
  // one that cannot read its files fails and says so; shutdown never waits on it.
  let reloading = Promise.resolve();
  const reload = () => {
    reloading = reloading.then(async () => {
      if (stopping) return;
      try {
        const next = await loadConfigFile(file, io.env);
        if (stopping) return;
        await exporter.reload(next);
        drainTimeoutSeconds = next.gateway.drainTimeoutSeconds;
      } catch (err) {
        if (stopping) return;
        exporter.reloadFailed();
        const problems = err instanceof ConfigError ? err.lines() : [String((err as Error).message)];
        logger.error({ problems }, "config reload failed; keeping the previous config");
      }
    });
  };
  onHup = reload;
  if (hupDuringStart) {
    logger.info("SIGHUP arrived during start-up: reloading the config now");
    reload();
  }
  return new Promise<number>((resolve) => {
    const stop = (reason: { signal: string } | { uncaught: true }, code: number) => {
      if (stopping) return;
      stopping = true;
      // The drain starts first: nothing a log line can do (a gone stdout, say) may keep it from starting.
      const closed = exporter.close();
      if ("uncaught" in reason) {
        // The process is in a state nobody can vouch for: the drain gets gateway.drain_timeout_seconds
        // (and a second for the sockets to close), then the process goes whatever is still open.
        setTimeout(() => resolve(code), drainTimeoutSeconds * 1000 + 1000);
      }
      try {
        logger.info(reason, "shutting down");
      } catch {
        // The logger's own failure is not the shutdown's.
      }
      closed.then(
        () => resolve(code),
        (err) => {
          logger.error({ err }, "shutdown failed");
          resolve(1);
        },
      );
    };
    onException = () => stop({ uncaught: true }, 1);
    process.once("SIGTERM", () => stop({ signal: "SIGTERM" }, 0));
    process.once("SIGINT", () => stop({ signal: "SIGINT" }, 0));
  });
}

/** Runs the CLI and exits with its code (bin/minimo-exporter.js calls it with what it caught early). */
export async function run(early?: EarlySignals): Promise<void> {
  const code = await main(process.argv.slice(2), defaultIo, early);
  process.exit(code);
}
