// Global setup: packs every publishable workspace once with the root README's own `npm pack`
// command (their prepack strips the `source` condition), and hands the tarball paths to the tests.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { commandLines, inFolder, markedBlock, readText } from "../support/readme.js";
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
  const pack = commandLines(markedBlock(readText(ROOT, "README.md"), "pack", "README.md"))
    .flatMap((line) => line.split("&&").map((part) => part.trim()))
    .find((command) => command.startsWith("npm pack "));
  if (!pack) throw new Error("README.md's `packaging-test: pack` block has no `npm pack` command");
  const args = [...inFolder(pack.split(/\s+/).slice(1), dir), "--json"];
  const out = execFileSync("npm", args, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const packed = JSON.parse(out.slice(out.indexOf("["))) as { name: string; filename: string }[];
  const tarballs = {} as Tarballs;
  for (const [name, folder] of Object.entries(PUBLISHED) as [keyof Tarballs, string][]) {
    const manifest = JSON.parse(readText(ROOT, join(folder, "package.json"))) as { name: string };
    const info = packed.find((p) => p.name === manifest.name);
    if (!info) throw new Error(`README.md's \`npm pack\` command does not pack ${manifest.name}`);
    tarballs[name] = join(dir, info.filename);
  }
  project.provide("tarballs", tarballs);
  project.provide("packDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
