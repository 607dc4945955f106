// The packed exporter from an empty folder, with the README's own install and run commands
// (apps/exporter/README.md, the block after `packaging-test: exporter-install`): --check-config,
// then a real run whose /metrics is scraped and whose gateway proxies to the sandbox.
import { execFile, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import { demoKeys, startSim, type RunningSim } from "@minimo/sim";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ROOT } from "./setup/pack.js";
import { emptyFolder, npmInstall, write } from "./support/project.js";
import { commandLines, inFolder, markedBlock, readText } from "./support/readme.js";

const tarballs = inject("tarballs");
const packDir = inject("packDir");
const KEY = demoKeys.find((k) => k.name === "demo-full")!.key;

/** The README's commands, comments and `[optional args]` removed. */
function readmeCommands(): string[] {
  const file = "apps/exporter/README.md";
  return commandLines(markedBlock(readText(ROOT, file), "exporter-install", file));
}

let sim: RunningSim;
let dir: string;
let commands: string[];
let env: NodeJS.ProcessEnv;

const npx = (args: string[]) => promisify(execFile)("npx", args, { cwd: dir, env: { ...process.env, ...env }, encoding: "utf8" });

beforeAll(async () => {
  sim = await startSim({ port: 0, log: false });
  dir = emptyFolder("exporter");
  commands = readmeCommands();
  env = {};
  write(dir, {
    "exporter.yaml": [
      `upstream: ${sim.url}`,
      'listen: { metrics: "127.0.0.1:0", gateway: "127.0.0.1:0" }',
      "keys:",
      "  - name: production",
      "    key_env: MINIMO_KEY_PRODUCTION",
      "",
    ].join("\n"),
  });
});

afterAll(async () => {
  await sim?.close();
});

describe("the packed exporter, installed and run as its README says", () => {
  it("the README's install (the packed tarballs: not on the registry yet) installs it without the sandbox and its validator", () => {
    const install = commands[0]!.split(/\s+/);
    expect(install.slice(0, 2)).toEqual(["npm", "install"]);
    expect(install).toContain(`/tmp/minimo/${basename(tarballs.exporter)}`);
    npmInstall(dir, inFolder(install.slice(2), packDir));
    expect(existsSync(join(dir, "node_modules/.bin/minimo-exporter"))).toBe(true);
    expect(existsSync(join(dir, "node_modules/@minimo/sim"))).toBe(false);
    expect(existsSync(join(dir, "node_modules/express-openapi-validator"))).toBe(false);
    expect(existsSync(join(dir, "node_modules/ajv"))).toBe(false);
  });

  it("`export MINIMO_KEY_PRODUCTION=…` then `--check-config` says OK", async () => {
    const exportLine = commands.find((c) => c.startsWith("export "))!;
    expect(exportLine).toMatch(/^export MINIMO_KEY_PRODUCTION=/);
    env.MINIMO_KEY_PRODUCTION = KEY;
    const check = commands.find((c) => c.includes("--check-config"))!.split(/\s+/);
    expect(check.slice(0, 3)).toEqual(["npx", "--no-install", "minimo-exporter"]);
    const { stdout } = await npx(check.slice(1));
    expect(stdout.trim()).toBe("config OK: 1 key");
  });

  it("the shipped examples/config.yaml passes the check its header gives, from the installed package's folder", async () => {
    const folder = join(dir, "node_modules/@minimo/exporter");
    const header = readFileSync(join(folder, "examples/config.yaml"), "utf8")
      .split("\n")
      .filter((l) => l.startsWith("#"))
      .join("\n")
      .replace(/\\\n#\s*/g, " ");
    const words = header
      .split("\n")
      .find((l) => l.includes("--check-config"))!
      .replace(/^#\s*/, "")
      .split(/\s+/);
    const vars = Object.fromEntries(words.filter((w) => /^[A-Z_]+=/.test(w)).map((w) => w.split("=") as [string, string]));
    const args = words.slice(words.indexOf("minimo-exporter") + 1);
    const { stdout } = await promisify(execFile)(join(dir, "node_modules/.bin/minimo-exporter"), args, { cwd: folder, env: { PATH: process.env.PATH, ...vars }, encoding: "utf8" });
    expect(stdout.trim()).toBe("config OK: 3 keys");
  });

  it("`--version` prints the package version and `--help` lists it", async () => {
    const version = JSON.parse(readFileSync(join(dir, "node_modules/@minimo/exporter/package.json"), "utf8")).version;
    expect((await npx(["--no-install", "minimo-exporter", "--version"])).stdout.trim()).toBe(version);
    expect((await npx(["--no-install", "minimo-exporter", "--help"])).stdout).toContain("--version");
  });

  it("`--config` serves /metrics with the key probed, proxies through the gateway, and stops on SIGTERM", async () => {
    const run = commands.find((c) => c.includes("--config "))!.split(/\s+/);
    expect(run[0]).toBe("./node_modules/.bin/minimo-exporter");
    const child = spawn(run[0]!, run.slice(1), { cwd: dir, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c));
    child.stderr.on("data", (c: Buffer) => (out += c));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    try {
      const started = await new Promise<{ metrics: string; gateway: string }>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "exporter started" line:\n${out}`)), 60_000);
        child.stdout.on("data", () => {
          const line = out.split("\n").find((l) => l.includes('"exporter started"'));
          if (line) {
            clearTimeout(timer);
            resolve(JSON.parse(line));
          }
        });
        child.once("exit", (code) => reject(new Error(`exited ${code}:\n${out}`)));
      });
      const proxied = await fetch(`${started.gateway}/public/v1/custom-fields`, { headers: { authorization: `Bearer ${KEY}` } });
      expect(proxied.status).toBe(200);
      const text = await (await fetch(started.metrics)).text();
      expect(text).toMatch(/^minimo_key_up\{key="production"\} 1$/m);
      expect(text).toMatch(/^minimo_api_requests_total\{[^}]*key="production"[^}]*code="200"[^}]*\} [1-9]/m);
      expect(out).not.toContain(KEY);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
    expect(out).toContain('"exporter stopped"');
  });

  it("the demo, without the sandbox installed, says how to get it", async () => {
    const demo = join(dir, "node_modules/@minimo/exporter/dist/demo/main.js");
    const result = await promisify(execFile)(process.execPath, [demo], { cwd: dir, encoding: "utf8" }).then(
      () => ({ code: 0, stderr: "" }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("npm install --save-dev @minimo/sim");
  });
});
