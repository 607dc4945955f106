import http from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { demoKeys, startSim, type RunningSim } from "@minimo/sim";
import { createLogger, parseConfig, startExporter, type ExporterConfig, type RunningExporter } from "../src/index.js";

/** The demo keys' secrets, by sandbox key name. */
export const DEMO = Object.fromEntries(demoKeys.map((k) => [k.name, k.key])) as Record<string, string>;

/** Environment holding each demo key as MINIMO_KEY_<NAME>. */
export const demoEnv: NodeJS.ProcessEnv = Object.fromEntries(
  demoKeys.map((k) => [`MINIMO_KEY_${k.name.replace(/-/g, "_").toUpperCase()}`, k.key]),
);

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
  return parseConfig(
    { upstream, listen: { metrics: "127.0.0.1:0", gateway: "127.0.0.1:0" }, keys, ...extra },
    demoEnv,
  );
}

export async function scrape(exporter: RunningExporter, headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(exporter.metricsUrl, { headers });
  if (res.status !== 200) throw new Error(`scrape answered ${res.status}`);
  return res.text();
}

/** The value of one sample in exposition text, or undefined when the series is absent. */
export function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const open = line.indexOf("{");
    const labelText = open === -1 || open > name.length ? "" : line.slice(open + 1, line.lastIndexOf("}"));
    const found = Object.fromEntries([...labelText.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(line.slice(line.lastIndexOf(" ") + 1));
  }
  return undefined;
}

/** Waits until `check` returns true (polling), or fails after `ms`. */
export async function eventually(check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A plain HTTP server on 127.0.0.1:0 whose handler the test controls. */
export async function startServer(handler: http.RequestListener): Promise<{ url: string; server: http.Server; close(): Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export { startExporter };
