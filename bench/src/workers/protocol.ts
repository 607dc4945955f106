// The worker side of proc.ts: one JSON line out when ready, one JSON answer per JSON command in.
import { createInterface } from "node:readline";

export function send(value: object): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/**
 * Announces readiness and serves commands until stdin closes, then runs `stop` and exits: a
 * service cannot outlive the benchmark process that started it.
 */
export function serve(ready: object, handle: (command: Record<string, unknown>) => Promise<object> | object, stop: () => Promise<void> | void): void {
  send(ready);
  const lines = createInterface({ input: process.stdin });
  let chain = Promise.resolve();
  lines.on("line", (line) => {
    chain = chain.then(async () => {
      try {
        send(await handle(JSON.parse(line) as Record<string, unknown>));
      } catch (err) {
        send({ error: err instanceof Error ? err.message : String(err) });
      }
    });
  });
  lines.once("close", () => {
    void chain.then(stop).finally(() => process.exit(0));
  });
}

/** CPU µs (user + system) of this process since `since`. */
export function cpuMicros(since: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(since);
  return c.user + c.system;
}
