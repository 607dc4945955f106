// Tests that need promtool, prometheus (Debian package `prometheus`) or Alertmanager
// (`prometheus-alertmanager`): when the binary is
// missing they print why and skip, except under CI (`process.env.CI`), where they fail.
import { spawnSync } from "node:child_process";

export interface Binary {
  /** The command, when it runs (`<name> --version` exits 0). */
  path?: string;
  /** Why it is not usable, for the skip message. */
  reason?: string;
}

/** `pkg`: the Debian package that ships `name` (for the skip message). */
export function findBinary(name: string, pkg = "prometheus"): Binary {
  const r = spawnSync(name, ["--version"], { encoding: "utf8" });
  if (r.error || r.status !== 0) {
    return { reason: `${name} not found or not runnable (${r.error?.message ?? `exit ${r.status}`}); install Debian's \`${pkg}\` package` };
  }
  return { path: name };
}

/**
 * Returns true when the tests needing `bin` must be skipped (binary missing, not in CI), after
 * printing why. Under CI a missing binary makes the caller's `it(...)` fail instead.
 */
export function skipWithout(bin: Binary, what: string): boolean {
  if (bin.path) return false;
  if (process.env.CI) return false;
  console.warn(`SKIPPED ${what}: ${bin.reason}`);
  return true;
}

/** Throws (failing the test) when the binary is missing; use inside a test body. */
export function requireBinary(bin: Binary): string {
  if (!bin.path) throw new Error(`${bin.reason} (required when CI is set)`);
  return bin.path;
}
