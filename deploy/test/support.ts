// Shared bits of the deployment checks: the files, and a binary-or-skip rule.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

export const DEPLOY = fileURLToPath(new URL("..", import.meta.url));
export const ROOT = join(DEPLOY, "..");

export const read = (path: string) => readFileSync(join(DEPLOY, path), "utf8");

/** Every YAML document of a file, failing on any parse error or warning. */
// biome-ignore lint/suspicious/noExplicitAny: manifests are read as loose YAML and checked field by field
export function yamlDocs(path: string): Record<string, any>[] {
  const docs = parseAllDocuments(read(path));
  for (const d of docs) if (d.errors.length > 0 || d.warnings.length > 0) throw new Error(`${path}: ${[...d.errors, ...d.warnings].map((e) => e.message).join("; ")}`);
  // biome-ignore lint/suspicious/noExplicitAny: as the return type above
  return docs.map((d) => d.toJS() as Record<string, any>);
}

/** True when `bin` runs; otherwise prints why the check skips, and throws under CI. */
export function have(bin: string, args: string[], why: string): boolean {
  try {
    execFileSync(bin, args, { stdio: "ignore" });
    return true;
  } catch {
    if (process.env.CI) throw new Error(`${bin} is required (CI is set): ${why}`);
    console.warn(`skipping: ${bin} is not available (${why})`);
    return false;
  }
}

/** The exporter package's bin path, relative to its package folder. */
export const exporterBin = (): string => {
  const pkg = JSON.parse(readFileSync(join(ROOT, "apps/exporter/package.json"), "utf8")) as { bin: Record<string, string> };
  return pkg.bin["minimo-exporter"]!.replace(/^\.\//, "");
};
