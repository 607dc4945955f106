// Global setup: `npm pack` every publishable workspace once (their prepack strips the `source`
// condition), and hands the tarball paths to the test files.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

export const ROOT = new URL("../../../", import.meta.url).pathname;
export const PUBLISHED = { client: "packages/client", metrics: "packages/metrics", sim: "apps/sim", exporter: "apps/exporter" } as const;
export type Tarballs = Record<keyof typeof PUBLISHED, string>;

declare module "vitest" {
  export interface ProvidedContext {
    tarballs: Tarballs;
    packDir: string;
  }
}

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "minimo-pack-"));
  const tarballs = {} as Tarballs;
  for (const [name, folder] of Object.entries(PUBLISHED) as [keyof Tarballs, string][]) {
    const out = execFileSync("npm", ["pack", "--pack-destination", dir, "--json"], { cwd: join(ROOT, folder), encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    const [info] = JSON.parse(out.slice(out.indexOf("["))) as { filename: string }[];
    tarballs[name] = join(dir, info!.filename);
  }
  project.provide("tarballs", tarballs);
  project.provide("packDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
