// Starts a Prometheus-family daemon (Prometheus, Alertmanager) on loopback and waits for its
// `/-/ready`; `stop()` sends SIGTERM, then SIGKILL after 5 s. Output is kept for failure messages.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  const { port } = srv.address() as { port: number };
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

export interface RunningDaemon {
  url: string;
  /** stdout+stderr so far. */
  log(): string;
  stop(): Promise<void>;
}

/** Spawns `bin args` and resolves once `url/-/ready` answers 2xx (throws with its output after 20 s or on exit). */
export async function startDaemon(name: string, bin: string, args: string[], url: string): Promise<RunningDaemon> {
  let output = "";
  const child: ChildProcess = spawn(bin, args, { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (b: Buffer) => (output += b.toString()));
  child.stderr!.on("data", (b: Buffer) => (output += b.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${output}`);
    if (
      await fetch(`${url}/-/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${name} not ready after 20 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, log: () => output, stop };
}
