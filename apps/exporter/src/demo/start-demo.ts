// startDemo: the sandbox with its demo keys, the exporter aimed at it (every demo key configured
// by alias, each with its probe), and gentle traffic through the gateway. `npm start` runs it;
// test/demo.test.ts drives it in-process with port 0.
import type { RunningSim } from "@minimo/sim";
import { loadSim } from "./load-sim.js";
import { parseConfig } from "../config/parse.js";
import { startExporter, type RunningExporter } from "../exporter.js";
import type { Logger } from "../logging/logger.js";
import { startTraffic, type Traffic, type TrafficStats } from "./traffic.js";

export interface DemoPorts {
  /** Sandbox port. Default 4010 (env `MINIMO_DEMO_SIM_PORT`). */
  sim?: number;
  /** Gateway port. Default 8787 (env `MINIMO_EXPORTER_LISTEN_GATEWAY` overrides the address). */
  gateway?: number;
  /** Metrics port. Default 9487 (env `MINIMO_EXPORTER_LISTEN_METRICS` overrides the address). */
  metrics?: number;
}

export interface StartDemoOptions {
  /** Ports, or `0` for OS-chosen ports everywhere (tests). Default 4010 / 8787 / 9487. */
  ports?: DemoPorts | 0;
  /** Address every server binds. Default `127.0.0.1`. */
  host?: string;
  /** Demo requests per second through the gateway. Default 4. */
  ratePerSecond?: number;
  /** Environment for the exporter's `MINIMO_EXPORTER_*` overrides. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** The exporter's logger. Default: pino on stdout at `error` (or `MINIMO_EXPORTER_LOG_LEVEL`). */
  logger?: Logger;
}

export interface RunningDemo {
  simUrl: string;
  /** What the sandbox's /__sim control routes require in X-Sim-Control-Token. */
  simControlToken: string;
  gatewayUrl: string;
  metricsUrl: string;
  /** The key console (`/` of the metrics listener). */
  consoleUrl: string;
  /** Exporter alias -> what that demo key shows. */
  aliases: ReadonlyMap<string, string>;
  traffic: TrafficStats;
  /** Stops the traffic, then the exporter, then the sandbox. */
  close(): Promise<void>;
}

/** What each demo key demonstrates (printed at start; aliases equal the sandbox key names). */
export const DEMO_ROLES: Readonly<Record<string, string>> = Object.freeze({
  "demo-full": "valid calls (all permissions), plus an occasional removed legacy call -> 410",
  "demo-readonly": "read permissions only: its writes -> 403",
  "demo-expired": "expired key -> 401",
  "demo-revoked": "revoked key -> 401",
  "demo-limited": "5 requests per 60 s: bursts -> 429",
});

/** What `npm start` prints first: the console's URL, then the other addresses and the key aliases. */
export function banner(demo: Pick<RunningDemo, "consoleUrl" | "gatewayUrl" | "metricsUrl" | "simUrl" | "simControlToken" | "aliases">): string[] {
  return [
    `Minimo key console: ${demo.consoleUrl}   <- open this`,
    "",
    `  exporter gateway           ${demo.gatewayUrl}   <- point apps here instead of https://api.minimo.it`,
    `  exporter metrics           ${demo.metricsUrl}`,
    `  sandbox (fake Minimo API)  ${demo.simUrl}   (control routes /__sim/*: header X-Sim-Control-Token: ${demo.simControlToken})`,
    "  key aliases (each used by its own simulated app, with its own User-Agent):",
    ...[...demo.aliases].map(([alias, role]) => `    ${alias.padEnd(14)} ${role}`),
    "Traffic is flowing through the gateway; Ctrl-C stops everything.",
  ];
}

const envName = (name: string) => `MINIMO_DEMO_KEY_${name.replace(/-/g, "_").toUpperCase()}`;

function portOf(ports: StartDemoOptions["ports"], which: keyof DemoPorts, fallback: number): number {
  if (ports === 0) return 0;
  return ports?.[which] ?? fallback;
}

export async function startDemo(options: StartDemoOptions = {}): Promise<RunningDemo> {
  const host = options.host ?? "127.0.0.1";
  const env = options.env ?? process.env;
  const simPortEnv = env.MINIMO_DEMO_SIM_PORT;
  const simPort = portOf(options.ports, "sim", simPortEnv && /^\d+$/.test(simPortEnv) ? Number(simPortEnv) : 4010);

  const { demoKeys, startSim } = await loadSim();
  const sim: RunningSim = await startSim({ port: simPort, host, keys: demoKeys });
  let exporter: RunningExporter | undefined;
  try {
    // The keys reach the exporter the recommended way, by environment variable name; this map
    // is private to the demo, so nothing is written into process.env.
    const keyEnv = Object.fromEntries(demoKeys.map((k) => [envName(k.name), k.key]));
    const config = parseConfig(
      {
        upstream: sim.url,
        listen: {
          gateway: `${host}:${portOf(options.ports, "gateway", 8787)}`,
          metrics: `${host}:${portOf(options.ports, "metrics", 9487)}`,
        },
        log_level: "error",
        probe: { min_interval_seconds: 30 },
        // The expiry the Minimo dashboard shows, so the console can count the days.
        keys: demoKeys.map((k) => ({ name: k.name, key_env: envName(k.name), ...(k.expires ? { expires: k.expires } : {}) })),
      },
      { ...env, ...keyEnv },
    );
    exporter = await startExporter({ config, ...(options.logger ? { logger: options.logger } : {}) });
  } catch (err) {
    await exporter?.close();
    await sim.close();
    throw err;
  }

  const traffic: Traffic = startTraffic({
    gatewayUrl: exporter.gatewayUrl,
    keys: new Map(demoKeys.map((k) => [k.name, k.key])),
    ...(options.ratePerSecond !== undefined ? { ratePerSecond: options.ratePerSecond } : {}),
  });
  const running = exporter;
  let closed: Promise<void> | undefined;
  return {
    simUrl: sim.url,
    simControlToken: sim.controlToken,
    gatewayUrl: running.gatewayUrl,
    metricsUrl: running.metricsUrl,
    consoleUrl: running.consoleUrl,
    aliases: new Map(demoKeys.map((k) => [k.name, DEMO_ROLES[k.name] ?? ""])),
    traffic: traffic.stats,
    close() {
      closed ??= (async () => {
        await traffic.stop();
        await running.close();
        await sim.close();
      })();
      return closed;
    },
  };
}
