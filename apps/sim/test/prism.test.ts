// An independent validator in the test command: Stoplight Prism (proxy mode, from npm) in front
// of the sandbox. It checks every request against spec/minimo.yaml and every response the
// sandbox gives, and reports violations in the `sl-violations` header. Replayed through it: the
// docs-examples table and every operation's spec examples (the contract round trip). Any
// response violation fails; a request violation is allowed only where the docs themselves show
// the request as wrong (a documented 400/422 answer), and there Prism must agree.
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import net from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { OPERATIONS } from "@minimo/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSim, type RunningSim } from "../src/index.js";
import { exampleUrl, requestExample } from "./contract.js";
import { exampleKeys, prepare, runExample, table } from "./docs-examples-run.js";
import { KEYS } from "./helpers.js";

const require = createRequire(import.meta.url);
const prismBin = join(dirname(require.resolve("@stoplight/prism-cli/package.json")), "dist", "index.js");
const specPath = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "spec", "minimo.yaml");

interface Violation {
  location: string[];
  severity: string;
  message: string;
}

function violationsOf(headers: Headers): Violation[] {
  const raw = headers.get("sl-violations");
  return raw ? (JSON.parse(raw) as Violation[]) : [];
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** `prism proxy spec upstream`, resolved once it says it is listening. */
async function startPrism(upstream: string): Promise<{ url: string; child: ChildProcess; log: () => string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [prismBin, "proxy", specPath, upstream, "--port", String(port), "--host", "127.0.0.1"], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`prism did not start within 90 s:\n${out}`)), 90_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("Prism is listening")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`prism exited with ${code}:\n${out}`));
    });
  });
  child.stdout!.on("data", (c: Buffer) => (out = (out + c.toString()).slice(-20_000)));
  return { url: `http://127.0.0.1:${port}`, child, log: () => out };
}

describe("Prism (proxy mode) in front of the sandbox", () => {
  let sim: RunningSim;
  let prism: Awaited<ReturnType<typeof startPrism>>;

  beforeAll(async () => {
    sim = await startSim({ port: 0, keys: exampleKeys, now: () => Date.parse("2026-11-27T12:00:00.000Z") });
    prism = await startPrism(sim.url);
  }, 120_000);

  afterAll(async () => {
    prism?.child.kill("SIGTERM");
    await sim?.close();
  });

  it("every docs example: its documented answer through Prism, no response violation, request violations only where the docs show a wrong request", async () => {
    const report: string[] = [];
    let agreedWrong = 0;
    for (const e of table.examples) {
      prepare(sim, e);
      const outcome = await runExample(e, prism.url);
      const violations = violationsOf(outcome.headers);
      const documentedWrong = e.answer.status === 400 || e.answer.status === 422;
      for (const v of violations) {
        const onRequest = v.location[0] === "request";
        if (!onRequest || !documentedWrong) report.push(`${e.id}: ${v.severity} ${v.location.join(".")}: ${v.message}`);
      }
      if (documentedWrong && violations.some((v) => v.location[0] === "request")) agreedWrong++;
      report.push(...outcome.problems.map((p) => `${e.id}: ${p}`));
    }
    expect(report).toEqual([]);
    // Prism, not only the sandbox, sees the documented wrong requests as wrong.
    expect(agreedWrong).toBeGreaterThanOrEqual(5);
  }, 120_000);

  it("every operation's spec examples (the contract round trip): zero violations", async () => {
    sim.control.reset();
    for (let i = 1; i < 42; i++) sim.state.newContact().email = `filler${i}@example.com`;
    const report: string[] = [];
    for (const op of OPERATIONS) {
      if (op.operationId === "createCustomFieldV1") sim.state.customFields.delete("COMPANY_SIZE");
      const body = requestExample(op);
      const res = await fetch(`${prism.url}${exampleUrl(op)}`, {
        method: op.method,
        headers: { authorization: `Bearer ${KEYS.full}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      await res.arrayBuffer();
      if (res.status >= 500) report.push(`${op.operationId}: ${res.status}`);
      for (const v of violationsOf(res.headers)) report.push(`${op.operationId}: ${v.severity} ${v.location.join(".")}: ${v.message}`);
    }
    expect(report).toEqual([]);
  }, 120_000);

  it("every operation's documented error answers (401 bad key, 403 missing permission): zero violations", async () => {
    sim.control.reset();
    const report: string[] = [];
    let checked = 0;
    for (const op of OPERATIONS) {
      const body = requestExample(op);
      for (const key of [KEYS.revoked, KEYS.readonly]) {
        const res = await fetch(`${prism.url}${exampleUrl(op)}`, {
          method: op.method,
          headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        await res.arrayBuffer();
        if (res.status === 401 || res.status === 403) checked++;
        for (const v of violationsOf(res.headers)) report.push(`${op.operationId} ${res.status}: ${v.severity} ${v.location.join(".")}: ${v.message}`);
      }
    }
    expect(report).toEqual([]);
    expect(checked).toBeGreaterThan(OPERATIONS.length);
  }, 120_000);

  it("the check can fail: Prism reports a response that breaks the spec (garbage rate-limit headers)", async () => {
    sim.control.setFaults({ rateLimitHeaders: "negative" });
    try {
      const res = await fetch(`${prism.url}/public/v1/custom-fields`, { headers: { authorization: `Bearer ${KEYS.full}` } });
      await res.arrayBuffer();
      const violations = violationsOf(res.headers);
      expect(violations.some((v) => v.location[0] === "response")).toBe(true);
    } finally {
      sim.control.clearFaults();
    }
  });
});
