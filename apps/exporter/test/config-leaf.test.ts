// config/ is a leaf: it may import node built-ins, npm packages and the @minimo/* workspaces, but
// no other folder of the exporter, so every module can read the config without an import cycle.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const CONFIG_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../src/config");

/** Specifiers in `source` (a file in `dir`) that reach outside config/ by relative path. */
function escapes(source: string, dir: string): string[] {
  // preProcessFile lists static imports, re-exports, `import type` and dynamic import() alike.
  const specs = ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
  return specs.filter((spec) => spec.startsWith(".") && relative(CONFIG_DIR, resolve(dir, spec)).startsWith(".."));
}

function configFiles(dir = CONFIG_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? configFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}

describe("config/ is a leaf", () => {
  it("the check sees every kind of import that leaves the folder", () => {
    const sample = [
      'import { a } from "../callers/client-address.js";',
      'import type { B } from "../posture/types.js";',
      'export { c } from "../http/listen.js";',
      'const d = await import("../files/read.js");',
      'import { e } from "./errors.js";',
      'import { z } from "zod";',
      'import { f } from "@minimo/client";',
      'import { g } from "node:path";',
    ].join("\n");
    expect(escapes(sample, CONFIG_DIR)).toEqual(["../callers/client-address.js", "../posture/types.js", "../http/listen.js", "../files/read.js"]);
  });

  it("no file in src/config imports from another folder of the exporter", () => {
    const files = configFiles();
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((file) => escapes(readFileSync(file, "utf8"), dirname(file)).map((spec) => `${relative(CONFIG_DIR, file)} -> ${spec}`));
    expect(found).toEqual([]);
  });
});
