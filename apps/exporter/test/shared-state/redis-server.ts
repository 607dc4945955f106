// A real redis-server on a free loopback port, in a temp dir, without persistence. Tests that
// need it skip with a reason when the binary is missing, and fail instead under CI.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const probe = spawnSync("redis-server", ["--version"], { encoding: "utf8" });
/** Why redis tests are skipped, or undefined when redis-server is available. */
export const redisMissing = probe.error ? "redis-server not found on PATH (install the Debian package `redis-server`)" : undefined;
if (redisMissing) {
  if (process.env.CI) throw new Error(`${redisMissing}; CI must not skip the shared-state tests`);
  console.warn(`skipping shared-state tests: ${redisMissing}`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface RedisServer {
  url: string;
  port: number;
  /** Stops the server (SIGKILL: no goodbye to clients). */
  stop(): Promise<void>;
  /** Starts it again on the same port (empty: it has no persistence). */
  start(): Promise<void>;
  /** SIGSTOP / SIGCONT: a Redis that is slow rather than gone. */
  pause(): void;
  resume(): void;
}

export async function startRedis(extra: string[] = []): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "redis-"));
  let child: ChildProcess | undefined;
  const start = async () => {
    const c = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir, ...extra], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = c;
    await new Promise<void>((resolve, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${out.slice(-500)}`)), 10_000);
      c.stdout!.on("data", (d: Buffer) => {
        out += d.toString();
        if (out.includes("Ready to accept connections")) {
          clearTimeout(timer);
          resolve();
        }
      });
      c.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code}: ${out.slice(-500)}`));
      });
    });
  };
  const stop = async () => {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((r) => c.once("exit", r));
    c.kill("SIGKILL");
    await exited;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, stop, start, pause: () => child?.kill("SIGSTOP"), resume: () => child?.kill("SIGCONT") };
}
