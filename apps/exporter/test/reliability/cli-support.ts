// Runs the real CLI (bin/minimo-exporter.js -> dist/) as a child process. dist/ is rebuilt
// first when it is missing or older than src/ (`npx vitest run` does not build; `npm test` does).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const EXPORTER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const BIN = join(EXPORTER_DIR, "bin/minimo-exporter.js");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Builds the exporter (and what it depends on) with turbo when dist/ is missing or stale. */
export function ensureBuilt(): void {
  const cli = join(EXPORTER_DIR, "dist/cli.js");
  if (existsSync(cli) && statSync(cli).mtimeMs >= newestMtime(join(EXPORTER_DIR, "src"))) return;
  execFileSync("npx", ["turbo", "run", "build", "--filter=@minimo/exporter", "--ui=stream", "--output-logs=errors-only"], {
    cwd: resolve(EXPORTER_DIR, "../.."),
    stdio: "pipe",
    timeout: 150_000,
  });
}

/** `args`, plus a fresh state directory when the CLI will serve and none is given: its default,
 * `data/` in the working directory, would land in the repository. */
function withStorage(args: string[]): string[] {
  if (!args.includes("--config") || args.includes("--storage.path") || args[0] === "lint") return args;
  return [...args, "--storage.path", mkdtempSync(join(tmpdir(), "exporter-state-"))];
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI to completion (killed after `timeoutMs`). */
export function runCli(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 15_000): Promise<CliResult> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [BIN, ...withStorage(args)], { env: { PATH: process.env.PATH, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    collect(child, timeoutMs).then(resolveRun, reject);
  });
}

/** Collects a child's output until it exits (SIGKILL after `timeoutMs`). */
export function collect(child: ChildProcess, timeoutMs: number, sink?: { stdout: string; stderr: string }): Promise<CliResult> {
  const out = sink ?? { stdout: "", stderr: "" };
  child.stdout?.on("data", (d: Buffer) => (out.stdout += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (out.stderr += d.toString()));
  return new Promise((resolveRun, reject) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("error", reject);
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      resolveRun({ code, signal, ...out });
    });
  });
}

/** Starts the CLI and leaves it running; `output` fills as it prints. */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [BIN, ...withStorage(args)], { env: { PATH: process.env.PATH, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const output = { stdout: "", stderr: "" };
  const exited = collect(child, 60_000, output);
  return { child, output, exited };
}
