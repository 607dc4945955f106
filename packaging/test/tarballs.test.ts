// What the tarballs hold: built code for ESM and CommonJS, types, LICENSE and publish fields;
// no TypeScript sources and no `source` export condition (stripped by prepack, restored after).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { PUBLISHED, ROOT, type Tarballs } from "./setup/pack.js";

const tarballs = inject("tarballs");
const require = createRequire(import.meta.url);
const ATTW = join(dirname(require.resolve("@arethetypeswrong/cli/package.json")), "dist", "index.js");
const list = (tgz: string) =>
  execFileSync("tar", ["-tzf", tgz], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean)
    .map((p) => p.replace(/^package\//, ""));
const manifest = (tgz: string) => JSON.parse(execFileSync("tar", ["-xOzf", tgz, "package/package.json"], { encoding: "utf8" }));

/** Every file path named in exports / main / types / bin. */
function targets(value: unknown): string[] {
  if (typeof value === "string") return value.startsWith("./") ? [value.slice(2)] : [];
  if (typeof value !== "object" || value === null) return [];
  return Object.values(value).flatMap(targets);
}

describe.each(Object.keys(PUBLISHED) as (keyof Tarballs)[])("the %s tarball", (name) => {
  it("ships dist, LICENSE and README, no sources, no `source` condition, and every file its manifest names", () => {
    const files = list(tarballs[name]);
    const pkg = manifest(tarballs[name]);
    expect(files).toContain("LICENSE");
    expect(files).toContain("README.md");
    expect(files.filter((f) => f.startsWith("src/") || (f.endsWith(".ts") && !f.endsWith(".d.ts")))).toEqual([]);
    expect(JSON.stringify(pkg.exports)).not.toContain('"source"');
    for (const target of [
      ...targets(pkg.exports),
      ...targets({ main: pkg.main, types: pkg.types }),
      ...targets(pkg.bin ?? {}).concat(Object.values(pkg.bin ?? {}).map((b) => String(b).replace(/^\.\//, ""))),
    ]) {
      if (target !== "package.json") expect(files, target).toContain(target);
    }
    expect(pkg).toMatchObject({
      license: "Apache-2.0",
      engines: { node: expect.any(String) },
      repository: { url: expect.stringMatching(/^git\+https:/), directory: PUBLISHED[name] },
    });
    expect(readFileSync(join(ROOT, "LICENSE"), "utf8")).toContain("Apache License");
  });

  it("leaves the workspace's own package.json (with its `source` condition) as it was", () => {
    const here = JSON.parse(readFileSync(join(ROOT, PUBLISHED[name], "package.json"), "utf8"));
    expect(JSON.stringify(here.exports)).toContain('"source"');
    expect(existsSync(join(ROOT, PUBLISHED[name], ".package.json.dev"))).toBe(false);
    expect(existsSync(join(ROOT, PUBLISHED[name], "LICENSE"))).toBe(false);
  });
});

describe("dependencies", () => {
  it("prom-client is a peer of @minimo/metrics (14 or 15), and the sandbox only a dev dependency of the exporter", () => {
    const metrics = manifest(tarballs.metrics);
    expect(metrics.peerDependencies).toEqual({ "prom-client": "^14.2.0 || ^15.0.0" });
    expect(metrics.dependencies["prom-client"]).toBeUndefined();
    const exporter = manifest(tarballs.exporter);
    expect(exporter.dependencies["@minimo/sim"]).toBeUndefined();
    expect(exporter.devDependencies["@minimo/sim"]).toBeDefined();
    expect(list(tarballs.exporter).some((f) => f.startsWith("dist/soak/"))).toBe(false);
  });

  it("the client's runtime code uses no Node built-in", () => {
    const code = execFileSync("tar", ["-xOzf", tarballs.client, "--wildcards", "package/dist/*.js"], { encoding: "utf8" });
    expect(code).not.toMatch(/from "node:|require\("node:|from "(crypto|fs|http|https|net|timers)"/);
  });
});

// "Are the types wrong?" (@arethetypeswrong/cli): resolves every entry point of a tarball under
// node10, node16 from CJS, node16 from ESM and bundler, and checks types against the JavaScript.
describe("@arethetypeswrong/cli on the tarballs", () => {
  const attw = (tgz: string, profile?: string) => {
    try {
      execFileSync(process.execPath, [ATTW, tgz, "--format", "json", ...(profile ? ["--profile", profile] : [])], { encoding: "utf8", stdio: "pipe" });
      return "";
    } catch (e) {
      return String((e as { stdout?: string }).stdout);
    }
  };

  it.each(["client", "metrics"] as const)("@minimo/%s: no problems under node10, node16 (CJS and ESM) and bundler", (name) => {
    expect(attw(tarballs[name])).toBe("");
  });

  it.each(["exporter", "sim"] as const)("@minimo/%s (ES modules only, as documented): no problems for ESM consumers", (name) => {
    expect(attw(tarballs[name], "esm-only")).toBe("");
  });
});
