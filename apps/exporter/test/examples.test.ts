// Every example config passes the `--check-config` command written in its own header, run as
// written (its variables and nothing else from the environment), from the package's folder.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli.js";
import { parseConfig } from "../src/index.js";
import { parse } from "yaml";

const PACKAGE = new URL("..", import.meta.url).pathname;
const examples = readdirSync(join(PACKAGE, "examples")).filter((f) => /\.ya?ml$/.test(f));

/** The header's `… minimo-exporter --check-config FILE` command (`\` continues a line): its variables and arguments. */
function headerCommand(text: string): { env: Record<string, string>; args: string[] } {
  const header = text
    .split("\n")
    .filter((l) => l.startsWith("#"))
    .map((l) => l.replace(/^#\s?/, ""));
  const joined = header.join("\n").replace(/\\\n\s*/g, " ");
  const line = joined.split("\n").find((l) => l.includes("minimo-exporter --check-config"));
  if (!line) throw new Error("no `minimo-exporter --check-config` command in the header");
  const words = line.trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (/^[A-Z_][A-Z0-9_]*=/.test(words[0]!)) {
    const [name, ...value] = words.shift()!.split("=");
    env[name!] = value.join("=");
  }
  const at = words.indexOf("minimo-exporter");
  return { env, args: words.slice(at + 1) };
}

describe("example configs", () => {
  it("there is at least one", () => {
    expect(examples).toContain("config.yaml");
  });

  it.each(examples)("examples/%s passes the --check-config its header gives", async (file) => {
    const text = readFileSync(join(PACKAGE, "examples", file), "utf8");
    const { env, args } = headerCommand(text);
    expect(args).toEqual(["--check-config", `examples/${file}`]);
    const out: string[] = [];
    const err: string[] = [];
    const code = await main([args[0]!, join(PACKAGE, args[1]!)], { env, stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toEqual([expect.stringMatching(/^config OK: \d+ keys?$/)]);
  });

  it("examples/config.yaml shows the three ways to give a key and per-key probes", () => {
    const text = readFileSync(join(PACKAGE, "examples/config.yaml"), "utf8");
    const config = parseConfig(parse(text), headerCommand(text).env, { baseDir: join(PACKAGE, "examples") });
    expect(config.keys.map((k) => [k.name, k.source, k.probe.operations.length])).toEqual([
      ["production", "env", 1],
      ["dashboards", "file", 2],
      ["nightly-import", "env", 0],
    ]);
  });
});
