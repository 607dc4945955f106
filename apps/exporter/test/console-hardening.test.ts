// The console's routes against hostile requests: a bad percent-escape in a path parameter, page
// loads as a probe trigger, and control / bidi characters in what callers send.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningExporter } from "../src/index.js";
import { captureLogger, DEMO, envName, startExporter, startLoggedSim, testConfig } from "./helpers.js";

const keys = [
  { name: "production", key_env: envName("demo-full") },
  { name: "old", key_env: envName("demo-revoked"), probe: { operations: [] } },
];
const UNSAFE = /[\u0080-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Sends raw bytes as one request and resolves with the status line's code. */
function rawRequest(port: number, head: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(head));
    let text = "";
    socket.on("data", (d) => (text += d.toString("latin1")));
    socket.on("close", () => resolve(Number(text.split(" ")[1])));
    socket.on("error", reject);
  });
}

describe("console hardening", () => {
  let sim: Awaited<ReturnType<typeof startLoggedSim>>;
  let exporter: RunningExporter;
  const log = captureLogger("debug");
  const api = (path: string) => fetch(exporter.consoleUrl + path.replace(/^\//, ""));

  beforeAll(async () => {
    sim = await startLoggedSim();
    exporter = await startExporter({ config: testConfig(sim.url, keys, { probe: { min_interval_seconds: 0 } }), logger: log.logger });
  });
  afterAll(async () => {
    await exporter?.close();
    await sim?.close();
  });

  it("answers 400 to a bad percent-escape in /api/keys/{alias}/callers and logs nothing of it", async () => {
    const secret = DEMO["demo-full"]!;
    for (const alias of [`${secret}%E0%A4%A`, "%ZZ", "%"]) {
      const before = log.lines.length;
      const res = await api(`/api/keys/${alias}/callers`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("bad_request");
      const logged = log.lines.slice(before).join("\n");
      expect(logged).not.toContain(secret);
      expect(logged).not.toMatch(/"level":50/);
      expect(logged).not.toContain("decode");
    }
  });

  it("starts no more probes from page loads than one per key per floor, even with min_interval_seconds 0", async () => {
    const probes = () => sim.lines.filter((l) => l.startsWith("GET /public/v1/custom-fields ") && l.includes("key=demo-full ")).length;
    const before = probes();
    for (let i = 0; i < 40; i++) {
      expect((await api("/api/keys")).status).toBe(200);
      await new Promise((r) => setTimeout(r, 10));
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(probes() - before).toBeLessThanOrEqual(1);
  });

  it("shows C1 controls and bidi overrides from a User-Agent as '?' in the API, and escaped in the log", async () => {
    const port = Number(new URL(exporter.gatewayUrl).port);
    // Node reads header bytes as latin1: 0x85 is NEL, 0x9b CSI, and U+202E's UTF-8 bytes carry 0x80.
    const ua = Buffer.concat([Buffer.from("evil"), Buffer.from([0x85, 0x9b]), Buffer.from("31m\u202Eexe.txt", "utf8")]);
    const head = Buffer.concat([
      Buffer.from(`GET /public/v1/custom-fields HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${DEMO["demo-revoked"]}\r\nconnection: close\r\nuser-agent: `),
      ua,
      Buffer.from("\r\n\r\n"),
    ]);
    expect(await rawRequest(port, head)).toBe(401);
    const table = (await (await api("/api/keys/old/callers")).json()) as { callers: { userAgent: string }[] };
    const shown = table.callers.map((c) => c.userAgent);
    expect(shown.some((u) => u.startsWith("evil??31m"))).toBe(true);
    expect(shown.join("")).not.toMatch(UNSAFE);
    const callerLines = log.lines.filter((l) => l.includes('"alias":"old"'));
    expect(callerLines.length).toBeGreaterThan(0);
    expect(log.lines.join("\n")).not.toMatch(UNSAFE);
  });

  it("escapes C1 controls and bidi overrides in any logged field as \\u escapes (same JSON value)", () => {
    const before = log.lines.length;
    log.logger.info({ path: "/a\u0085b\u202Ec\u2066d" }, "x\u009by");
    const line = log.lines.slice(before).join("\n");
    expect(line).not.toMatch(UNSAFE);
    expect(line).toContain("\\u0085");
    expect(line).toContain("\\u202e");
    expect((JSON.parse(line) as { path: string; msg: string }).path).toBe("/a\u0085b\u202Ec\u2066d");
  });
});
