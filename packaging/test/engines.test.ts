// One Node version, said once: the root package.json's `engines.node` is the one every workspace
// declares and every README states ("Node ≥ X"). The exporter needs 20.18.1 (undici 7), and a
// README that said "Node ≥ 20" sent users onto a Node the exporter refuses.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PUBLISHED, ROOT } from "./setup/pack.js";
import { readmeFiles, readText } from "./support/readme.js";

const root = JSON.parse(readText(ROOT, "package.json")) as { engines: { node: string }; workspaces: string[] };
const required = /^>=(\d+\.\d+\.\d+)$/.exec(root.engines.node)?.[1];

/** package.json of every workspace the root names (`packages/*` expanded). */
function workspaceManifests(): string[] {
  return root.workspaces
    .flatMap((pattern) => {
      if (!pattern.endsWith("/*")) return [join(pattern, "package.json")];
      const parent = pattern.slice(0, -2);
      return readdirSync(join(ROOT, parent), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => join(parent, d.name, "package.json"));
    })
    .filter((file) => existsSync(join(ROOT, file)));
}

describe("one supported Node version", () => {
  it("the root package.json states it as >=major.minor.patch", () => {
    expect(required).toBeDefined();
  });

  it("every workspace that declares engines.node declares the root's, and every published one declares it", () => {
    const published = new Set(Object.values(PUBLISHED).map((folder) => join(folder, "package.json")));
    for (const file of workspaceManifests()) {
      const engines = (JSON.parse(readText(ROOT, file)) as { engines?: { node?: string } }).engines;
      if (published.has(file) || engines?.node !== undefined) expect(engines?.node, file).toBe(root.engines.node);
    }
  });

  it("every README that states a minimum Node version states the same one, the root README included", () => {
    const stated: string[] = [];
    for (const file of readmeFiles(ROOT)) {
      for (const m of readText(ROOT, file).matchAll(/Node(?:\.js)? (?:≥|>=) ?v?(\d+(?:\.\d+)*)/g)) {
        stated.push(`${file}: ${m[1]}`);
        expect(m[1], `${file}: "${m[0]}"`).toBe(required);
      }
    }
    expect(stated.some((s) => s.startsWith("README.md: "))).toBe(true);
  });
});
