import { Writable } from "node:stream";
import { demoKeys, startSim, type RunningSim } from "@minimo/sim";
import { createLogger, parseConfig, startExporter, type ExporterConfig, type RunningExporter } from "../src/index.js";

/** The demo keys' secrets, by sandbox key name. */
export const DEMO = Object.fromEntries(demoKeys.map((k) => [k.name, k.key])) as Record<string, string>;

/** Environment holding each demo key as MINIMO_KEY_<NAME>. */
export const demoEnv: NodeJS.ProcessEnv = Object.fromEntries(demoKeys.map((k) => [`MINIMO_KEY_${k.name.replace(/-/g, "_").toUpperCase()}`, k.key]));

export const envName = (simKey: string) => `MINIMO_KEY_${simKey.replace(/-/g, "_").toUpperCase()}`;

/** A sandbox whose request log (one line per request, key name only) is kept for counting. */
export async function startLoggedSim(): Promise<RunningSim & { lines: string[] }> {
  const lines: string[] = [];
  const sim = await startSim({ port: 0, log: (line) => lines.push(line) });
  return Object.assign(sim, { lines });
}

/** Pino lines captured in memory. */
export function captureLogger(level = "debug") {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { logger: createLogger({ level, destination }), lines };
}

export function testConfig(upstream: string | { api: string; app: string }, keys: object[], extra: object = {}): ExporterConfig {
  return parseConfig({ upstream, listen: { metrics: "127.0.0.1:0", gateway: "127.0.0.1:0" }, keys, ...extra }, demoEnv);
}

export async function scrape(exporter: RunningExporter, headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(exporter.metricsUrl, { headers });
  if (res.status !== 200) throw new Error(`scrape answered ${res.status}`);
  return res.text();
}

export { sample } from "./support/exposition.js";
export { eventually } from "./support/wait.js";
export { startServer } from "./support/servers.js";

export { startExporter };
