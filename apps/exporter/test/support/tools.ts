// Tests that need a binary (chromium, openssl, promtool, curl, …): where it is missing they print
// why and skip, except under CI (`process.env.CI`), where a skipped test would hide a broken
// pipeline, so they throw instead.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export interface ToolOptions {
  /** How to get it, for the message (`apt-get install chromium`). */
  install: string;
  /** Arguments that make the binary exit 0 (`["--version"]`); default `["--version"]`. Ignored for absolute paths, which only have to exist. */
  probe?: readonly string[];
  /** What needs it, for the message. Default: "this test". */
  needer?: string;
}

/**
 * True when `name` (a command on PATH, or an absolute path) is usable. Otherwise: under CI it
 * throws; locally it prints why the tests that need it skip and returns false.
 */
export function requireTool(name: string, opts: ToolOptions): boolean {
  const usable = name.startsWith("/") ? existsSync(name) : spawnSync(name, [...(opts.probe ?? ["--version"])], { stdio: "ignore" }).status === 0;
  if (usable) return true;
  return skipUnlessCi(`${opts.needer ?? "this test"} needs ${name}, which is not usable here (${opts.install})`);
}

/** For a requirement `requireTool` cannot probe: prints `why` and returns false, or throws under CI. */
export function skipUnlessCi(why: string): false {
  if (process.env.CI) throw new Error(`${why}; CI must not skip it`);
  console.warn(`skipping: ${why}`);
  return false;
}
