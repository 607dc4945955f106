// Child processes for the measurements. Each worker (src/workers/*.ts) is bundled once per run
// with esbuild into .cache/*.mjs, sibling workspaces taken from their sources (the `source` export
// condition, so no build is needed) and npm packages left external. A plain .mjs starts fast and
// runs the same under valgrind, with no loader thread in the way.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { createInterface, type Interface } from "node:readline";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const SRC = fileURLToPath(new URL("./workers/", import.meta.url));
const CACHE = fileURLToPath(new URL("../.cache/", import.meta.url));
const built = new Map<string, Promise<string>>();
const ROOT_MODULES = fileURLToPath(new URL("../../node_modules/", import.meta.url));

/** The file `specifier` resolves to from `dir` when that is a workspace's own node_modules copy, else undefined. */
function nestedCopy(specifier: string, dir: string): string | undefined {
  if (specifier.startsWith("node:") || dir.includes("/node_modules/")) return undefined;
  try {
    const file = createRequire(`${dir}/`).resolve(specifier);
    return file.startsWith("/") && file.includes("/node_modules/") && !file.startsWith(ROOT_MODULES) ? file : undefined;
  } catch {
    return undefined;
  }
}

/** Path of the bundled worker `name` (src/workers/<name>.ts). */
export function workerFile(name: string): Promise<string> {
  let file = built.get(name);
  if (!file) {
    mkdirSync(CACHE, { recursive: true });
    const outfile = `${CACHE}${name}.mjs`;
    file = build({
      entryPoints: [`${SRC}${name}.ts`],
      outfile,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      conditions: ["source"],
      logLevel: "error",
      plugins: [
        {
          name: "npm-external",
          setup(b) {
            // Only the workspaces are bundled; npm packages load from node_modules as usual, except
            // one a workspace has its own copy of (apps/exporter/node_modules/undici 7, where the
            // root's is redocly's undici 6): that one is loaded by its absolute path.
            b.onResolve({ filter: /^[^./]/ }, (args) =>
              args.path.startsWith("@minimo/") ? undefined : { path: nestedCopy(args.path, args.resolveDir) ?? args.path, external: true },
            );
          },
        },
      ],
    }).then(() => outfile);
    built.set(name, file);
  }
  return file;
}

export interface WorkerOptions {
  /** Node flags, e.g. `--expose-gc`. */
  nodeFlags?: string[];
  /** Command line run in front of node (valgrind). */
  wrapper?: string[];
  env?: NodeJS.ProcessEnv;
  /** A bundle to run instead of building `name` (e.g. the exporter as bundled from an earlier commit). */
  file?: string;
}

/** Runs a worker to completion and returns the JSON object it printed last on stdout. */
export async function runWorker<T>(name: string, args: (string | number)[], opts: WorkerOptions = {}): Promise<T> {
  const file = await workerFile(name);
  const [cmd, ...pre] = opts.wrapper ?? [];
  const argv = [...pre, ...(cmd ? [process.execPath] : []), ...(opts.nodeFlags ?? []), file, ...args.map(String)];
  const child = spawn(cmd ?? process.execPath, argv, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...opts.env } });
  let out = "";
  let err = "";
  child.stdout.setEncoding("utf8").on("data", (c: string) => (out += c));
  child.stderr.setEncoding("utf8").on("data", (c: string) => (err += c));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  const last = out
    .trim()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .pop();
  if (code !== 0 || last === undefined) {
    throw new Error(`worker ${name} ${args.join(" ")} exited ${code}: ${err.trim().split("\n").slice(-8).join("\n")}`);
  }
  return { ...(JSON.parse(last) as T), stderr: err } as T;
}

/**
 * A long-lived worker (a server): it prints one JSON line when ready, then answers one JSON line
 * per JSON command written to its stdin. Closing stdin (or `stop()`) ends it, so it cannot outlive
 * this process.
 */
export class Service {
  readonly #child: ChildProcess;
  readonly #lines: Interface;
  readonly #queue: ((line: string) => void)[] = [];
  readonly #buffered: string[] = [];
  #stderr = "";
  #exited: Promise<void>;

  private constructor(child: ChildProcess) {
    this.#child = child;
    this.#lines = createInterface({ input: child.stdout! });
    this.#lines.on("line", (line) => {
      if (!line.startsWith("{")) return; // a library writing to stdout is not our protocol
      const next = this.#queue.shift();
      if (next) next(line);
      else this.#buffered.push(line);
    });
    child.stderr!.setEncoding("utf8").on("data", (c: string) => (this.#stderr = (this.#stderr + c).slice(-4000)));
    this.#exited = new Promise((resolve) => child.once("close", () => resolve()));
    child.once("close", (code) => {
      for (const waiting of this.#queue.splice(0)) waiting(JSON.stringify({ error: `exited ${code}: ${this.#stderr.trim()}` }));
    });
  }

  static async start<T>(name: string, args: (string | number)[], opts: WorkerOptions = {}): Promise<{ service: Service; ready: T }> {
    const file = opts.file ?? (await workerFile(name));
    const [cmd, ...pre] = opts.wrapper ?? [];
    const argv = [...pre, ...(cmd ? [process.execPath] : []), ...(opts.nodeFlags ?? []), file, ...args.map(String)];
    const child = spawn(cmd ?? process.execPath, argv, { stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, ...opts.env } });
    const service = new Service(child);
    const ready = await service.#next<T>();
    return { service, ready };
  }

  #next<T>(): Promise<T> {
    const parse = (line: string): T => {
      const value = JSON.parse(line) as T & { error?: string };
      if (value.error) throw new Error(value.error);
      return value;
    };
    const buffered = this.#buffered.shift();
    if (buffered !== undefined) return Promise.resolve().then(() => parse(buffered));
    return new Promise<string>((resolve) => this.#queue.push(resolve)).then(parse);
  }

  /** Sends a command and waits for its one-line answer. */
  ask<T>(command: object): Promise<T> {
    this.#child.stdin!.write(`${JSON.stringify(command)}\n`);
    return this.#next<T>();
  }

  /** The last few KB the worker wrote to stderr (valgrind's summary ends up there). */
  get stderr(): string {
    return this.#stderr;
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  /** Ends the worker (stdin closed, then SIGTERM after 5 s) and waits for it to exit. */
  async stop(): Promise<void> {
    if (this.#child.exitCode !== null || this.#child.signalCode !== null) return;
    this.#child.stdin!.end();
    const timer = setTimeout(() => this.#child.kill("SIGTERM"), 5000);
    await this.#exited;
    clearTimeout(timer);
    this.#lines.close();
  }
}
