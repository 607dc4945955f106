// Fresh projects install the packed tarballs and compile and run the docs' contact example
// against the sandbox: ESM (NodeNext), CommonJS (node16), node10 (the spec entry), a bundler
// project whose browser bundle runs where timers are numbers, and prom-client 14 and 15.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { build } from "esbuild";
import { demoKeys, startSim, type RunningSim } from "@minimo/sim";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { browserExample, cjsExample, esmExample, node10Example } from "./support/examples.js";
import { emptyFolder, node, npmInstall, tsc, TYPE_ROOTS, write } from "./support/project.js";

const tarballs = inject("tarballs");
const KEY = demoKeys.find((k) => k.name === "demo-full")!.key;
const common = { strict: true, target: "ES2022", skipLibCheck: false, types: ["node"], typeRoots: [TYPE_ROOTS], outDir: "out" };

let sim: RunningSim;
let root: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  sim = await startSim({ port: 0, log: false });
  env = { MINIMO_API_KEY: KEY, MINIMO_BASE_URL: sim.url };
  // One install shared by four projects in subfolders, each with its own package.json "type"
  // and tsconfig (node resolves their imports from the parent's node_modules).
  root = emptyFolder("consumers");
  write(root, { "package.json": { name: "consumers", private: true } });
  npmInstall(root, [tarballs.client, tarballs.metrics, "prom-client@^15"]);
});

afterAll(async () => {
  await sim?.close();
});

function expectContact(stdout: string) {
  const result = JSON.parse(stdout.trim().split("\n").pop()!);
  expect(result).toMatchObject({ status: 200, counted: "1", limit: expect.any(Number), remaining: expect.any(Number) });
  expect(result.contactId).toEqual(expect.any(String));
  expect(result.operations).toBeGreaterThan(5);
}

describe("the packed tarballs in fresh projects", () => {
  it("an ES module project (module NodeNext) compiles and runs the contact example", async () => {
    const dir = join(root, "esm");
    write(dir, {
      "package.json": { name: "esm-app", private: true, type: "module" },
      "tsconfig.json": { compilerOptions: { ...common, module: "NodeNext", moduleResolution: "NodeNext" }, files: ["app.ts"] },
      "app.ts": esmExample,
    });
    const compiled = await tsc(dir);
    expect(compiled.output).toBe("");
    expectContact(await node(dir, ["out/app.js"], env));
  });

  it("a CommonJS project (module node16) compiles and runs it with require()", async () => {
    const dir = join(root, "cjs");
    write(dir, {
      "package.json": { name: "cjs-app", private: true, type: "commonjs" },
      "tsconfig.json": { compilerOptions: { ...common, module: "Node16", moduleResolution: "Node16" }, files: ["app.ts"] },
      "app.ts": cjsExample,
    });
    const compiled = await tsc(dir);
    expect(compiled.output).toBe("");
    expect(readFileSync(join(dir, "out/app.js"), "utf8")).toContain('require("@minimo/client")');
    expectContact(await node(dir, ["out/app.js"], env));
  });

  it("a node10-resolution project (no exports map) finds @minimo/client and @minimo/client/spec", async () => {
    const dir = join(root, "node10");
    write(dir, {
      "package.json": { name: "node10-app", private: true },
      "tsconfig.json": { compilerOptions: { ...common, module: "CommonJS", moduleResolution: "Node10" }, files: ["app.ts"] },
      "app.ts": node10Example,
    });
    const compiled = await tsc(dir);
    expect(compiled.output).toBe("");
    const count = await node(dir, ["-e", "console.log(require('./out/app.js').count)"]);
    expect(Number(count)).toBeGreaterThan(5);
  });

  it("a bundler project type-checks, and its esbuild browser bundle runs where timers are numbers and there is no Node", async () => {
    const dir = join(root, "bundler");
    write(dir, {
      "package.json": { name: "bundler-app", private: true, type: "module" },
      "tsconfig.json": {
        compilerOptions: { strict: true, target: "ES2022", module: "ESNext", moduleResolution: "Bundler", lib: ["ES2023", "DOM"], types: [], noEmit: true },
        files: ["app.ts"],
      },
      "app.ts": browserExample,
    });
    const compiled = await tsc(dir);
    expect(compiled.output).toBe("");
    const out = await build({ entryPoints: [join(dir, "app.ts")], bundle: true, platform: "browser", format: "iife", write: false, absWorkingDir: dir, logLevel: "silent" });
    const code = out.outputFiles[0]!.text;
    expect(code).not.toMatch(/node:|require\(/);

    // A browser-like realm: web globals only, setTimeout returns numbers (no unref), no process/Buffer.
    const timers = new Map<number, NodeJS.Timeout>();
    let next = 0;
    let numberTimers = 0;
    const result = await new Promise<Record<string, unknown>>((resolve) => {
      runInNewContext(code, {
        report: resolve,
        config: { apiKey: KEY, baseUrl: sim.url },
        fetch,
        Request,
        Response,
        Headers,
        AbortController,
        AbortSignal,
        DOMException,
        URL,
        URLSearchParams,
        TextEncoder,
        TextDecoder,
        ReadableStream,
        Blob,
        FormData,
        console,
        performance,
        queueMicrotask,
        setTimeout: (fn: () => void, ms?: number) => {
          const id = ++next;
          numberTimers++;
          timers.set(
            id,
            setTimeout(() => {
              timers.delete(id);
              fn();
            }, ms),
          );
          return id;
        },
        clearTimeout: (id: number) => {
          clearTimeout(timers.get(id));
          timers.delete(id);
        },
      });
    });
    expect(result).toMatchObject({ status: 200, contactId: expect.any(String), remaining: expect.any(Number), fingerprint: expect.stringMatching(/^[0-9a-f]{12}$/) });
    expect(numberTimers).toBeGreaterThan(0);
  });
});

describe("prom-client is a peer dependency of @minimo/metrics: 14 and 15 both type-check", () => {
  it.each(["14", "15"])("prom-client %s: one copy installed, the one-line example compiles and runs", async (major) => {
    const dir = emptyFolder(`prom${major}`);
    write(dir, {
      "package.json": { name: `prom${major}-app`, private: true, type: "module" },
      "tsconfig.json": { compilerOptions: { ...common, module: "NodeNext", moduleResolution: "NodeNext" }, files: ["app.ts"] },
      "app.ts": esmExample,
    });
    npmInstall(dir, [tarballs.client, tarballs.metrics, `prom-client@^${major}`]);
    expect(JSON.parse(readFileSync(join(dir, "node_modules/prom-client/package.json"), "utf8")).version).toMatch(new RegExp(`^${major}\\.`));
    expect(existsSync(join(dir, "node_modules/@minimo/metrics/node_modules/prom-client"))).toBe(false);
    const compiled = await tsc(dir);
    expect(compiled.output).toBe("");
    expectContact(await node(dir, ["out/app.js"], env));
  });
});
