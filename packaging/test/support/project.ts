// Fresh consumer projects in temp folders: npm installs of the tarballs (from the local cache
// where it has them, the npm registry otherwise), the monorepo's tsc, and plain node to run.
import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";

const require = createRequire(import.meta.url);
const TSC = require.resolve("typescript/bin/tsc");
/** @types/node for the consumers: the one the monorepo installed (a consumer would add its own). */
export const TYPE_ROOTS = join(dirname(require.resolve("@types/node/package.json")), "..");

/** An empty folder under the OS temp dir. */
export function emptyFolder(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `minimo-${prefix}-`));
}

/** Writes files (path -> text, objects as JSON) under `dir`. */
export function write(dir: string, files: Record<string, string | object>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), typeof content === "string" ? content : `${JSON.stringify(content, null, 2)}\n`);
  }
}

/** `npm install` as a user would, preferring the local cache (only the npm registry is reachable). */
export function npmInstall(dir: string, specs: readonly string[]): string {
  return execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", ...specs], {
    cwd: dir,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Runs the monorepo's TypeScript on `dir`'s tsconfig.json; resolves with its output ("" when clean). */
export async function tsc(dir: string, project = "tsconfig.json"): Promise<{ ok: boolean; output: string }> {
  try {
    await promisify(execFile)(process.execPath, [TSC, "-p", join(dir, project)], { cwd: dir, encoding: "utf8" });
    return { ok: true, output: "" };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return { ok: false, output: `${err.stdout ?? ""}${err.stderr ?? ""}` };
  }
}

/** Runs `node file` in `dir`; resolves with stdout, rejects with stderr. */
export async function node(dir: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [...args], { cwd: dir, encoding: "utf8", env: { ...process.env, ...env }, timeout: 60_000 });
  return stdout;
}
