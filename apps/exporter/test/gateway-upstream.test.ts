// How the gateway talks to its upstream (undici Pools): what goes out (Expect, chunked bodies,
// the base URL's path, Host), what comes back (HEAD, 204, 304, a stray 100, silence mid-body),
// and which pool a reload uses.
import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { codeLabel } from "@minimo/metrics";
import { describe, expect, it } from "vitest";
import type { RunningExporter } from "../src/index.js";
import { captureLogger, DEMO, envName, eventually, sample, scrape, startExporter, startServer, testConfig } from "./helpers.js";

const keys = [{ name: "production", key_env: envName("demo-full") }];
const noProbe = { probe: { operations: [] } };
const KEY = DEMO["demo-full"]!;

/** Writes raw bytes on a new connection to the gateway; `read()` is what came back so far. */
function rawClient(exporter: RunningExporter) {
  const socket = net.connect(Number(new URL(exporter.gatewayUrl).port), "127.0.0.1");
  let got = "";
  socket.on("data", (d) => (got += d.toString("latin1")));
  socket.on("error", () => undefined);
  return { socket, read: () => got };
}

/** An upstream whose open connections can be counted. */
async function countedServer(handler: http.RequestListener) {
  const upstream = await startServer(handler);
  let open = 0;
  upstream.server.on("connection", (s) => {
    open++;
    s.once("close", () => open--);
  });
  return Object.assign(upstream, { open: () => open });
}

describe("what the gateway sends upstream", () => {
  it("Expect: 100-continue: the gateway answers 100 itself, streams the body, and does not forward Expect", async () => {
    let seen: http.IncomingHttpHeaders = {};
    const upstream = await startServer((req, res) => {
      seen = req.headers;
      let body = "";
      req.on("data", (d) => (body += d));
      req.on("end", () => res.writeHead(201, { "content-type": "text/plain" }).end(`got ${body}`));
    });
    const exporter = await startExporter({ config: testConfig(upstream.url, keys, noProbe), logger: captureLogger().logger });
    try {
      const client = rawClient(exporter);
      client.socket.write(`POST /public/v1/contacts HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${KEY}\r\nexpect: 100-continue\r\ncontent-length: 5\r\n\r\n`);
      await eventually(() => client.read().includes("HTTP/1.1 100 Continue\r\n")).catch((e) => {
        throw new Error(`${e.message}; got ${JSON.stringify(client.read())}`);
      });
      client.socket.write("hello");
      await eventually(() => client.read().endsWith("got hello\r\n0\r\n\r\n")).catch((e) => {
        throw new Error(`${e.message}; got ${JSON.stringify(client.read())}`);
      });
      client.socket.destroy();
      expect(client.read()).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 201 Created\r\n/);
      expect(seen.expect).toBeUndefined();
      expect(seen["content-length"]).toBe("5");
      expect(sample(await scrape(exporter), "minimo_api_requests_total", { key: "production", method: "POST", code: "201" })).toBe(1);
    } finally {
      await exporter.close();
      await upstream.close();
    }
  });

  it("a chunked request body goes upstream chunked and whole; the base URL's path and host are kept", async () => {
    let seen: { url?: string; host?: string; te?: string; length?: string; body?: string } = {};
    const upstream = await startServer((req, res) => {
      let body = "";
      req.on("data", (d) => (body += d));
      req.on("end", () => {
        seen = { url: req.url, host: req.headers.host, te: req.headers["transfer-encoding"], length: req.headers["content-length"], body };
        res.end("{}");
      });
    });
    const exporter = await startExporter({ config: testConfig(`${upstream.url}/base/`, keys, noProbe), logger: captureLogger().logger });
    try {
      const client = rawClient(exporter);
      client.socket.write(`POST /public/v1/contacts?source=x HTTP/1.1\r\nhost: gateway.example\r\nauthorization: Bearer ${KEY}\r\ntransfer-encoding: chunked\r\n\r\n`);
      client.socket.write("5\r\nhello\r\n");
      await new Promise((r) => setTimeout(r, 50));
      client.socket.write("6\r\n world\r\n0\r\n\r\n");
      await eventually(() => client.read().endsWith("{}"));
      client.socket.destroy();
      expect(seen).toEqual({ url: "/base/public/v1/contacts?source=x", host: new URL(upstream.url).host, te: "chunked", length: undefined, body: "hello world" });
    } finally {
      await exporter.close();
      await upstream.close();
    }
  });
});

describe("what the gateway relays", () => {
  it("HEAD, 204 and 304 come back without a body, with their headers, and the connection stays usable", async () => {
    const upstream = await startServer((req, res) => {
      if (req.method === "HEAD") res.writeHead(200, { "content-type": "application/json", "content-length": "1234", "x-ratelimit-remaining": "9" }).end();
      else if (req.url!.startsWith("/public/v1/contacts/")) res.writeHead(204, { "x-ratelimit-remaining": "8" }).end();
      else res.writeHead(304, { etag: '"v1"', "x-ratelimit-remaining": "7" }).end();
    });
    const exporter = await startExporter({ config: testConfig(upstream.url, keys, noProbe), logger: captureLogger().logger });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const call = (method: string, path: string, headers: http.OutgoingHttpHeaders = {}) =>
      new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
        http
          .request(`${exporter.gatewayUrl}${path}`, { method, agent, headers: { authorization: `Bearer ${KEY}`, ...headers } }, (res) => {
            let body = "";
            res.on("data", (d) => (body += d));
            res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
          })
          .on("error", reject)
          .end();
      });
    try {
      const head = await call("HEAD", "/public/v1/custom-fields");
      expect(head).toMatchObject({ status: 200, body: "", headers: { "content-length": "1234", "content-type": "application/json" } });
      expect(await call("DELETE", "/public/v1/contacts/c1")).toMatchObject({ status: 204, body: "" });
      const notModified = await call("GET", "/public/v1/custom-fields", { "if-none-match": '"v1"' });
      expect(notModified).toMatchObject({ status: 304, body: "", headers: { etag: '"v1"' } });
      // All three on one client connection: none left it expecting a body.
      expect((await call("GET", "/public/v1/custom-fields")).status).toBe(304);
      const text = await scrape(exporter);
      expect(sample(text, "minimo_api_requests_total", { key: "production", method: "HEAD", code: "200" })).toBe(1);
      expect(sample(text, "minimo_api_requests_total", { key: "production", method: "DELETE", code: "204" })).toBe(1);
      expect(sample(text, "minimo_api_requests_total", { key: "production", method: "GET", code: codeLabel(304) })).toBe(2);
      expect(sample(text, "minimo_api_rate_limit_remaining", { key: "production" })).toBe(7);
    } finally {
      agent.destroy();
      await exporter.close();
      await upstream.close();
    }
  });

  // A change that came with undici: Node's client skipped a 100 nobody asked for and relayed the
  // answer after it; undici fails the request on any upstream 100 (the gateway never sends
  // Expect upstream, so only a broken upstream sends one).
  it("an unasked-for 100 Continue from the upstream: the gateway's 502 bad_upstream_status, counted as a network error", async () => {
    const raw = net.createServer((socket) => {
      socket.on("error", () => undefined);
      socket.once("data", () => socket.write("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}"));
    });
    await new Promise<void>((r) => raw.listen(0, "127.0.0.1", r));
    const exporter = await startExporter({ config: testConfig(`http://127.0.0.1:${(raw.address() as AddressInfo).port}`, keys, noProbe), logger: captureLogger().logger });
    try {
      const res = await fetch(`${exporter.gatewayUrl}/public/v1/custom-fields`, { headers: { authorization: `Bearer ${KEY}` } });
      expect(res.status).toBe(502);
      expect(await res.json()).toMatchObject({ error: { code: "bad_gateway", message: expect.stringMatching(/status code outside 200-599/) } });
      const text = await scrape(exporter);
      expect(sample(text, "minimo_gateway_own_responses_total", { code: "502", reason: "bad_upstream_status" })).toBe(1);
      expect(sample(text, "minimo_api_request_errors_total", { key: "production", reason: "network" })).toBe(1);
    } finally {
      await exporter.close();
      await new Promise<void>((r) => raw.close(() => r()));
    }
  });

  it("upstream silence mid-body longer than gateway.upstream_timeout_seconds: the client's response is cut and a warning logged", async () => {
    const upstream = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      res.write('{"data":['); // and then nothing
    });
    const { logger, lines } = captureLogger("warn");
    const exporter = await startExporter({ config: testConfig(upstream.url, keys, { ...noProbe, gateway: { upstream_timeout_seconds: 0.5 } }), logger });
    try {
      const began = Date.now();
      const res = await fetch(`${exporter.gatewayUrl}/public/v1/custom-fields`, { headers: { authorization: `Bearer ${KEY}` } });
      expect(res.status).toBe(200);
      await expect(res.text()).rejects.toThrow();
      expect(Date.now() - began).toBeLessThan(5000);
      expect(lines.join("\n")).toMatch(/"code":"UND_ERR_BODY_TIMEOUT".*"msg":"upstream response broke off"/);
    } finally {
      await exporter.close();
      await upstream.close();
    }
  });
});

describe("upstream pools across a reload", () => {
  it("a reload to a new upstream URL sends new requests there; the old upstream's connections close once its last request ends", async () => {
    let releaseOld: () => void = () => undefined;
    const old = await countedServer((_req, res) => {
      releaseOld = () => res.end('{"from":"old"}');
    });
    const next = await countedServer((_req, res) => res.end('{"from":"new"}'));
    const exporter = await startExporter({ config: testConfig(old.url, keys, noProbe), logger: captureLogger().logger });
    const call = () => fetch(`${exporter.gatewayUrl}/public/v1/custom-fields`, { headers: { authorization: `Bearer ${KEY}` } }).then((r) => r.text());
    try {
      const inFlight = call();
      await eventually(() => old.open() === 1);
      await exporter.reload(testConfig(next.url, keys, noProbe));
      expect(await call()).toBe('{"from":"new"}');
      expect(old.open()).toBe(1); // the old pool waits for its request in flight
      releaseOld();
      expect(await inFlight).toBe('{"from":"old"}');
      await eventually(() => old.open() === 0, 1000); // well before undici's 4 s idle timeout would close it anyway
      expect(next.open()).toBe(1);
    } finally {
      await exporter.close();
    }
    // close() destroys the pools: no upstream connection outlives the gateway.
    await eventually(() => next.open() === 0);
    await old.close();
    await next.close();
  });
});

describe("gateway.upstream_timeout_seconds with a request body", () => {
  // undici skips its headersTimeout while a request body is still being written, so the gateway
  // keeps its own timer for requests with a body, renewed by each chunk: this upload takes ≈ 2 s
  // with a 0.5 s timeout, and a timer that was not renewed would answer 504.
  it("a slow upload the upstream reads as it comes is not a timeout", async () => {
    const upstream = await startServer((req, res) => {
      let n = 0;
      req.on("data", (d: Buffer) => (n += d.length));
      req.on("end", () => res.writeHead(201).end(`got ${n}`));
    });
    const exporter = await startExporter({ config: testConfig(upstream.url, keys, { ...noProbe, gateway: { upstream_timeout_seconds: 0.5 } }), logger: captureLogger().logger });
    try {
      const client = rawClient(exporter);
      client.socket.write(`POST /public/v1/contacts HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${KEY}\r\ncontent-length: 10\r\n\r\n`);
      for (let i = 0; i < 10; i++) {
        await new Promise((r) => setTimeout(r, 200));
        client.socket.write("x");
      }
      await eventually(() => /\r\n\r\n(\w+\r\n)?got 10/.test(client.read()) || /^HTTP\/1\.1 50/.test(client.read()));
      client.socket.destroy();
      expect(client.read()).toMatch(/^HTTP\/1\.1 201 /);
    } finally {
      await exporter.close();
      await upstream.close();
    }
  });

  // Without the gateway's timer (undici's headersTimeout alone) this request waited for ever.
  it("an upload that stalls: the upstream hears nothing for the timeout, the client gets 504 upstream_timeout", async () => {
    let arrived = false;
    const upstream = await startServer((req) => {
      arrived = true;
      req.resume(); // reads, never answers: only the stalled body keeps it waiting
    });
    const exporter = await startExporter({ config: testConfig(upstream.url, keys, { ...noProbe, gateway: { upstream_timeout_seconds: 0.5 } }), logger: captureLogger().logger });
    try {
      const client = rawClient(exporter);
      client.socket.write(`POST /public/v1/contacts HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${KEY}\r\ncontent-length: 10\r\n\r\nxxx`);
      await eventually(() => arrived);
      await eventually(() => client.read().includes("gateway_timeout"), 5000);
      client.socket.destroy();
      expect(client.read()).toMatch(/^HTTP\/1\.1 504 /);
      const text = await scrape(exporter);
      expect(sample(text, "minimo_gateway_own_responses_total", { code: "504", reason: "upstream_timeout" })).toBe(1);
      expect(sample(text, "minimo_api_request_errors_total", { key: "production", reason: "timeout" })).toBe(1);
    } finally {
      await exporter.close();
      await upstream.close();
    }
  });
});
