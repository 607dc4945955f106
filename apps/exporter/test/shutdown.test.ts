// close() (what SIGTERM calls) while requests are in flight: none is lost.
import type http from "node:http";
import net from "node:net";
import { describe, expect, it } from "vitest";
import { captureLogger, DEMO, envName, eventually, startExporter, startServer, testConfig } from "./helpers.js";

const keys = [{ name: "production", key_env: envName("demo-full") }];
const noProbe = { probe: { operations: [] } };

/** An upstream that holds every request until released. */
async function heldUpstream() {
  const held: http.ServerResponse[] = [];
  let arrived = 0;
  const upstream = await startServer((req, res) => {
    arrived++;
    req.resume();
    held.push(res);
  });
  const release = () => {
    for (const res of held.splice(0)) {
      res.writeHead(200, { "content-type": "application/json", "x-ratelimit-remaining": "7" });
      res.end('{"data":[]}');
    }
  };
  return { ...upstream, held, release, arrivals: () => arrived };
}

describe("shutdown", () => {
  it("lets in-flight requests finish, then answers new ones 503 or refuses the connection", async () => {
    const upstream = await heldUpstream();
    const exporter = await startExporter({ config: testConfig(upstream.url, keys, noProbe), logger: captureLogger().logger });
    const url = `${exporter.gatewayUrl}/public/v1/custom-fields`;
    const headers = { authorization: `Bearer ${DEMO["demo-full"]}` };
    const inFlight = Array.from({ length: 5 }, () => fetch(url, { headers }).then(async (r) => [r.status, await r.text()] as const));
    await eventually(() => upstream.held.length === 5);

    const closing = exporter.close();
    const late = await fetch(url, { headers }).then(
      (r) => r.status,
      (e: Error) => e.cause ?? e,
    );
    if (typeof late === "number") expect(late).toBe(503);
    else expect(String((late as NodeJS.ErrnoException).code)).toMatch(/ECONNREFUSED|ECONNRESET/);

    upstream.release();
    const results = await Promise.all(inFlight);
    for (const result of results) expect(result).toEqual([200, '{"data":[]}']);
    await closing;
    await upstream.close();
  });

  it("never forwards a request arriving on an open connection during the drain", async () => {
    const upstream = await heldUpstream();
    const exporter = await startExporter({ config: testConfig(upstream.url, keys, noProbe), logger: captureLogger().logger });
    const { hostname, port } = new URL(exporter.gatewayUrl);
    const socket = net.connect(Number(port), hostname);
    let received = "";
    socket.on("data", (c) => (received += c));
    const ended = new Promise((resolve) => socket.on("close", resolve));
    const request = `GET /public/v1/custom-fields HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${DEMO["demo-full"]}\r\n\r\n`;
    socket.write(request);
    await eventually(() => upstream.held.length === 1);
    const closing = exporter.close();
    socket.write(request); // pipelined on the open connection, after close() began
    await new Promise((r) => setTimeout(r, 50));
    upstream.release();
    await closing;
    await ended;
    const statuses = [...received.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => Number(m[1]));
    // The in-flight request completes, and tells the client the connection ends with it; the
    // pipelined one is answered 503 or left unanswered on the closed connection (safe to retry:
    // it never reached the upstream).
    expect(statuses[0]).toBe(200);
    expect(received).toMatch(/^connection: close\r$/im);
    expect(received).toContain('{"data":[]}');
    expect(statuses.slice(1).every((s) => s === 503)).toBe(true);
    if (statuses.length > 1) expect(received).toContain('{"error":{"code":"unavailable","message":"The exporter gateway is shutting down; retry shortly"}}');
    expect(upstream.arrivals()).toBe(1);
    await upstream.close();
  });

  it("cuts requests that outlive the drain timeout, so close() always returns", async () => {
    const upstream = await heldUpstream();
    const exporter = await startExporter({
      config: testConfig(upstream.url, keys, { ...noProbe, gateway: { drain_timeout_seconds: 0.2 } }),
      logger: captureLogger().logger,
    });
    const stuck = fetch(`${exporter.gatewayUrl}/public/v1/custom-fields`).then(
      (r) => r.status,
      () => "cut",
    );
    await eventually(() => upstream.held.length === 1);
    await exporter.close();
    expect(await stuck).toBe("cut");
    await upstream.close();
  });
});
