// npm `prepack` / `postpack` of every publishable workspace (run in the workspace folder).
//
// In the monorepo, package.json `exports` carry a `source` condition so tests and typecheck read
// sibling workspaces' TypeScript sources (vitest `resolve.conditions`, tsc `customConditions`).
// A published tarball must not: a consumer that sets `source` for its own monorepo would then
// resolve into files we do not ship. `strip` saves package.json, removes every `source`
// condition and copies the repository's LICENSE in; `restore` puts both back as they were.
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const BACKUP = ".package.json.dev";
const LICENSE = join(dirname(fileURLToPath(import.meta.url)), "..", "LICENSE");

/** `exports` without any `source` condition, at any depth. */
export function stripSource(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => k !== "source")
      .map(([k, v]) => [k, stripSource(v)]),
  );
}

const mode = process.argv[2];
if (mode === "strip") {
  const text = readFileSync("package.json", "utf8");
  if (!existsSync(BACKUP)) writeFileSync(BACKUP, text);
  const manifest = JSON.parse(text);
  manifest.exports = stripSource(manifest.exports);
  writeFileSync("package.json", `${JSON.stringify(manifest, null, 2)}\n`);
  copyFileSync(LICENSE, "LICENSE");
} else if (mode === "restore") {
  if (existsSync(BACKUP)) renameSync(BACKUP, "package.json");
  rmSync("LICENSE", { force: true });
} else {
  throw new Error("usage: node scripts/pack-manifest.mjs strip|restore");
}
