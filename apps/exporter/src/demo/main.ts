// `npm start`: runs the demo until Ctrl-C / SIGTERM. Prints where everything listens and the
// key aliases (never a key), then one status line every 10 s.
import { formatStats } from "./traffic.js";
import { banner, startDemo } from "./start-demo.js";

const STATUS_EVERY_MS = 10_000;
const print = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<number> {
  let demo;
  try {
    demo = await startDemo();
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const hint = e.code === "EADDRINUSE" ? " (a port is taken: set MINIMO_DEMO_SIM_PORT, MINIMO_EXPORTER_LISTEN_GATEWAY or MINIMO_EXPORTER_LISTEN_METRICS)" : "";
    process.stderr.write(`demo failed to start: ${e.message}${hint}\n`);
    return 2;
  }
  for (const line of banner(demo)) print(line);

  const started = Date.now();
  const timer = setInterval(() => {
    const seconds = Math.round((Date.now() - started) / 1000);
    print(`[demo +${seconds}s] ${formatStats(demo.traffic)}`);
  }, STATUS_EVERY_MS);

  return new Promise<number>((resolve) => {
    const stop = (signal: string) => {
      clearInterval(timer);
      print(`${signal}: stopping traffic, exporter and sandbox...`);
      demo.close().then(
        () => {
          print(`stopped. ${formatStats(demo.traffic)}`);
          resolve(0);
        },
        (err: Error) => {
          process.stderr.write(`shutdown failed: ${err.message}\n`);
          resolve(1);
        },
      );
    };
    process.once("SIGINT", () => stop("SIGINT"));
    process.once("SIGTERM", () => stop("SIGTERM"));
  });
}

process.exit(await main());
