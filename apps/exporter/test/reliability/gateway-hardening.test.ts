// What an adversarial test of the gateway broke, each case scripted on loopback and
// pinned: statuses the gateway cannot relay, pipelining floods, connection and upstream-socket
// bounds, the drain, header floods, keys removed mid-request, and raw upstream bytes in logs.
import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { demoKeys, startSim } from "@minimo/sim";
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/index.js";
import { exporterFor, get, httpUpstream, KEY, metrics, onCleanUp, port, rawExchange, rawUpstream, cleanUp } from "./gateway-support.js";
import { sample, sumOf, eventually, withDecodedBytes } from "./support.js";

const CANARY_KEY = "mn-cnryhard-CANARYhardening7f3a9c2e";
afterEach(cleanUp);

describe("statuses the upstream can send", () => {
  // Regression: `HTTP/1.1 099` made res.writeHead throw RangeError outside any handler; the
  // exporter exited 1 (here: an uncaught exception fails the run). A 101 to a plain request
  // left the client without any answer.
  it.each([
    ["000", "HTTP/1.1 000 Zero\r\ncontent-length: 2\r\n\r\nok"],
    ["001", "HTTP/1.1 001 One\r\ncontent-length: 2\r\n\r\nok"],
    ["099", "HTTP/1.1 099 Below\r\ncontent-length: 2\r\n\r\nok"],
    ["101 without Upgrade", "HTTP/1.1 101 Switching Protocols\r\n\r\n"],
    ["101 with Upgrade", "HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: upgrade\r\n\r\n"],
    ["600", "HTTP/1.1 600 Beyond\r\ncontent-length: 2\r\n\r\nok"],
    ["999", "HTTP/1.1 999 Far\r\ncontent-length: 2\r\n\r\nok"],
  ])("%s: a 502 with a clear body, counted, and the gateway keeps serving", async (_name, reply) => {
    let bad = true;
    const upstream = await rawUpstream((_head, socket) => {
      socket.write(bad ? reply : "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}");
    });
    const { exporter } = await exporterFor(upstream.url, { gateway: { upstream_timeout_seconds: 4 } });
    const answer = await get(exporter);
    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.body)).toEqual({ error: { code: "bad_gateway", message: expect.stringMatching(/status code outside 200-599/) } });
    const text = await metrics(exporter);
    expect(sample(text, "minimo_gateway_own_responses_total", { code: "502", reason: "bad_upstream_status" })).toBe(1);
    expect(sumOf(text, "minimo_api_request_errors_total", { key: "app", reason: "network" })).toBe(1);
    expect(sumOf(text, "minimo_api_requests_total", { key: "app" })).toBe(0);
    bad = false;
    expect((await get(exporter)).status).toBe(200);
  });

  it("a 1xx informational answer is not final: the client gets the final 200", async () => {
    const upstream = await rawUpstream((_head, socket) => {
      socket.write("HTTP/1.1 103 Early Hints\r\nlink: </a>\r\n\r\nHTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}");
    });
    const { exporter } = await exporterFor(upstream.url);
    expect(await get(exporter)).toMatchObject({ status: 200, body: "{}" });
  });
});

describe("pipelining", () => {
  const request = (key = "mn-nobody-nokey") => `GET /public/v1/custom-fields HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${key}\r\n\r\n`;

  // Regression: 500 pipelined requests on one connection (no valid key needed) made the gateway
  // open 500 upstream connections at once.
  it("500 pipelined requests on one connection: forwarded one at a time, at most 16 deep, the rest 503", async () => {
    const upstream = await httpUpstream((_req, res) => setTimeout(() => res.end("{}"), 2));
    const { exporter } = await exporterFor(upstream.url);
    const got = await rawExchange(exporter, request().repeat(500));
    const statuses = [...got.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => m[1]);
    console.log(
      `pipelining: 500 sent, ${upstream.forwarded} forwarded, upstream peak ${upstream.peakActive} request(s) and ${upstream.peakConnections} connection(s) at once, answers ${statuses.length}`,
    );
    expect(upstream.peakActive).toBe(1);
    expect(upstream.peakConnections).toBe(1);
    expect(upstream.forwarded).toBe(16);
    expect(statuses.slice(0, 16)).toEqual(Array(16).fill("200"));
    expect(statuses[16]).toBe("503");
    const text = await metrics(exporter);
    expect(statuses).toHaveLength(17);
    expect(sample(text, "minimo_gateway_own_responses_total", { reason: "pipeline_too_deep" })).toBe(1);
    await eventually(async () => sample(await metrics(exporter), "minimo_gateway_in_flight_requests") === 0, 5000, "in flight back to 0");
  });

  // Regression: when the client left early, the queued requests were still forwarded and counted,
  // their responses never emitted `close`, the in-flight count leaked, and every later SIGTERM
  // waited the whole drain timeout and logged a false "cutting the requests still in flight".
  it("a client that leaves with requests queued: they are never forwarded, nothing leaks, the drain is immediate and true", async () => {
    const upstream = await httpUpstream((_req, res) => setTimeout(() => res.end("{}"), 300));
    const { exporter, log } = await exporterFor(upstream.url, { gateway: { drain_timeout_seconds: 30 } }, "info");
    const socket = net.connect(port(exporter), "127.0.0.1");
    socket.on("error", () => undefined);
    socket.write(request(KEY).repeat(10));
    await eventually(() => upstream.forwarded >= 1, 5000, "first request forwarded");
    socket.destroy();
    await new Promise((r) => setTimeout(r, 700));
    expect(upstream.forwarded).toBe(1);
    await eventually(async () => sample(await metrics(exporter), "minimo_gateway_in_flight_requests") === 0, 5000, "in flight back to 0");
    const text = await metrics(exporter);
    expect(sumOf(text, "minimo_api_requests_total", { key: "app" }) + sumOf(text, "minimo_api_request_errors_total", { key: "app" })).toBe(1);
    const began = Date.now();
    await exporter.close();
    expect(Date.now() - began).toBeLessThan(10_000);
    expect(log.lines.join("\n")).not.toMatch(/cutting the requests still in flight/);
  });
});

describe("bounds", () => {
  it("gateway.upstream_max_sockets bounds the upstream connections; every request is still answered", async () => {
    const upstream = await httpUpstream((_req, res) => setTimeout(() => res.end("{}"), 50));
    const { exporter } = await exporterFor(upstream.url, { gateway: { upstream_max_sockets: 3 } });
    const answers = await Promise.all(
      Array.from({ length: 30 }, () =>
        fetch(`${exporter.gatewayUrl}/public/v1/custom-fields`, { headers: { authorization: `Bearer ${KEY}`, connection: "close" } }).then((r) => r.status),
      ),
    );
    expect(answers).toEqual(Array(30).fill(200));
    expect(upstream.peakConnections).toBeLessThanOrEqual(3);
  });

  // Regression: with a hard fd limit of 1024, 1,030 half-sent requests took down the gateway,
  // /metrics and /healthz together. The cap keeps the gateway's share bounded.
  it("gateway.max_connections: connections past the cap are closed at accept, counted; /metrics and /healthz keep answering", async () => {
    const upstream = await httpUpstream((_req, res) => res.end("{}"));
    const { exporter } = await exporterFor(upstream.url, { gateway: { max_connections: 5 } });
    const sockets: net.Socket[] = [];
    const closed: boolean[] = [];
    for (let i = 0; i < 12; i++) {
      const s = net.connect(port(exporter), "127.0.0.1");
      s.on("error", () => undefined);
      const at = i;
      closed[at] = false;
      s.on("close", () => (closed[at] = true));
      await new Promise((r) => s.once("connect", r));
      s.write("GET /public/v1/custom-fields HTTP/1.1\r\nhost: x\r\n"); // half-sent: never finished
      sockets.push(s);
    }
    await eventually(() => closed.filter(Boolean).length === 7, 5000, "7 connections closed at accept");
    expect(closed.slice(0, 5)).toEqual(Array(5).fill(false));
    const text = await metrics(exporter);
    expect(sample(text, "minimo_gateway_rejected_connections_total")).toBe(7);
    expect(sample(text, "minimo_gateway_open_connections")).toBe(5);
    expect((await fetch(exporter.metricsUrl.replace(/\/metrics$/, "/healthz"))).status).toBe(200);
    for (const s of sockets) s.destroy();
    await eventually(async () => sample(await metrics(exporter), "minimo_gateway_open_connections") === 0, 5000, "connections closed");
    expect((await get(exporter)).status).toBe(200);
  });

  // Regression: Node keeps about the first 1,000 header fields and drops the rest silently, so an
  // Authorization after them was lost and the request forwarded as keyless.
  it("a request with more than 100 header fields is refused 431 and never forwarded, even with a late Authorization", async () => {
    const upstream = await httpUpstream((_req, res) => res.end("{}"));
    const { exporter } = await exporterFor(upstream.url);
    let fields = "";
    for (let i = 0; i < 1200; i++) fields += `x-f${i}: v\r\n`;
    const got = await rawExchange(exporter, `GET /public/v1/custom-fields HTTP/1.1\r\nhost: x\r\n${fields}authorization: Bearer ${KEY}\r\n\r\n`);
    expect(got).toMatch(/^HTTP\/1\.1 431 /);
    expect(got).toContain("request_header_fields_too_large");
    expect(upstream.forwarded).toBe(0);
    expect(sample(await metrics(exporter), "minimo_gateway_own_responses_total", { code: "431", reason: "too_many_headers" })).toBe(1);
  });
});

describe("the gateway's own answers", () => {
  it("are counted by code and reason (a 400 for an absolute-form target, a 502 for an unreachable upstream)", async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const { exporter } = await exporterFor(`http://127.0.0.1:${closedPort}`);
    const got = await rawExchange(exporter, "GET http://evil.example/ HTTP/1.1\r\nhost: evil.example\r\nconnection: close\r\n\r\n");
    expect(got).toMatch(/^HTTP\/1\.1 400 /);
    expect((await get(exporter)).status).toBe(502);
    const text = await metrics(exporter);
    expect(sample(text, "minimo_gateway_own_responses_total", { code: "400", reason: "absolute_form" })).toBe(1);
    expect(sample(text, "minimo_gateway_own_responses_total", { code: "502", reason: "upstream_unreachable" })).toBe(1);
    expect(sample(text, "minimo_gateway_own_responses_total", { code: "504", reason: "upstream_timeout" })).toBe(0);
  });

  // Regression: during the drain the gateway's own 502/504 said `Connection: keep-alive`, and
  // the client's next request on that connection got a reset.
  it("a 504 made while draining says connection: close", async () => {
    const upstream = await httpUpstream(() => undefined); // never answers
    const { exporter } = await exporterFor(upstream.url, { gateway: { upstream_timeout_seconds: 0.5, drain_timeout_seconds: 10 } });
    const agent = new http.Agent({ keepAlive: true });
    onCleanUp(async () => agent.destroy());
    const answer = new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
      http
        .get(`${exporter.gatewayUrl}/public/v1/custom-fields`, { headers: { authorization: `Bearer ${KEY}` }, agent }, (res) => {
          res.resume();
          resolve({ status: res.statusCode!, connection: res.headers.connection });
        })
        .on("error", reject);
    });
    await eventually(() => upstream.forwarded === 1, 5000, "request forwarded");
    const closing = exporter.close();
    expect(await answer).toEqual({ status: 504, connection: "close" });
    await closing;
  });
});

describe("a key removed by a reload while its request is in flight", () => {
  // Regression: such a request was counted as key="unknown" in minimo_api_requests_total but not
  // in minimo_gateway_unknown_key_requests_total.
  it("is counted as unknown in both families", async () => {
    let release: () => void = () => undefined;
    const upstream = await httpUpstream((_req, res) => {
      release = () => res.end("{}");
    });
    const raw = { listen: { metrics: "127.0.0.1:0", gateway: "127.0.0.1:0" }, upstream: upstream.url };
    const { exporter } = await exporterFor(upstream.url);
    const answer = get(exporter);
    await eventually(() => upstream.forwarded === 1, 5000, "request forwarded");
    await exporter.reload(parseConfig({ ...raw, keys: [{ name: "other", key_env: "K", probe: { operations: [] } }] }, { K: demoKeys[1]!.key }));
    release();
    expect((await answer).status).toBe(200);
    const text = await metrics(exporter);
    expect(sample(text, "minimo_api_requests_total", { key: "unknown", code: "200" })).toBe(1);
    expect(sample(text, "minimo_gateway_unknown_key_requests_total", { code: "200" })).toBe(1);
  });
});

describe("raw upstream bytes never reach a log line", () => {
  // Regression: on a malformed upstream answer the warn line carried Node's err.rawPacket, the
  // upstream's bytes as a number array (up to 180 KB a line): an upstream that echoes the request
  // leaked `Authorization: Bearer …` where a text grep for the secret could not find it.
  it("an upstream that echoes the request into a malformed answer: the log has the error, not the bytes", async () => {
    const upstream = await rawUpstream((head, socket) => {
      socket.end(`HTTP/1.1 200 OK\r\nx-echo: ${head.replace(/\r\n/g, " | ")}\r\nbad header\u0001: x\r\n\r\n`);
    });
    const { exporter, log } = await exporterFor(upstream.url, {}, "debug");
    const answer = await get(exporter, CANARY_KEY);
    expect(answer.status).toBe(502);
    const logs = log.lines.join("\n");
    expect(logs).toMatch(/upstream request failed/);
    // The parser's error by type and reason (undici's HTTPParserError; its `code` is left unset by
    // undici 7, where Node's parser gave an HPE_ code).
    expect(logs).toMatch(/"type":"HTTPParserError","message":"Response does not match the HTTP\/1\.1 protocol \(Invalid header token\)"/);
    expect(logs).not.toMatch(/rawPacket/);
    expect(withDecodedBytes(logs)).not.toContain("CANARY");
    expect(withDecodedBytes(logs)).not.toContain("hardening7f3a");
  });

  it("the canary check itself finds a secret hidden in a byte array", () => {
    const hidden = JSON.stringify({ rawPacket: [...Buffer.from(`authorization: Bearer ${CANARY_KEY}`)] });
    expect(hidden).not.toContain("CANARY");
    expect(withDecodedBytes(hidden)).toContain("CANARY");
  });
});

describe("the sandbox's control API behind the gateway", () => {
  // Regression: /__sim control routes answered anyone, so any gateway client could rotate a key
  // and read the new one. They now need the sandbox's own token, which gateway clients lack.
  it("a gateway client cannot rotate a key or read the key list", async () => {
    const sim = await startSim({ port: 0 });
    onCleanUp(() => sim.close());
    const { exporter } = await exporterFor(sim.url);
    const rotate = await fetch(`${exporter.gatewayUrl}/__sim/keys/demo-full/rotate`, { method: "POST", headers: { authorization: `Bearer ${KEY}` } });
    expect(rotate.status).toBe(401);
    expect(await rotate.text()).not.toMatch(/mn-demo01-/);
    expect((await fetch(`${exporter.gatewayUrl}/__sim/keys`)).status).toBe(401);
    expect((await get(exporter)).status).toBe(200); // the key still works: it was not rotated
  });
});
