// The gateway's counts equal what its clients got: nothing forwarded for a client that can no
// longer get the answer, nothing counted that the client was not sent, connections counted once
// over TLS, requests of a key a reload removed counted under `unknown` everywhere, the drain's
// own cut called so, and CONNECT answered and counted like every other refused form.
import tls from "node:tls";
import { demoKeys } from "@minimo/sim";
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig, startExporter } from "../../src/index.js";
import { requireOpenssl, selfSigned, tempDir } from "../tls/certs.js";
import { cleanUp, exporterFor, get, httpUpstream, KEY, metrics, onCleanUp, port, rawExchange, rawUpstream } from "./gateway-support.js";
import { captureLogger, sample, sumOf, eventually } from "./support.js";

afterEach(cleanUp);

const statusLines = (got: string) => [...got.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => m[1]);

describe("nothing is forwarded behind an answer that ends the connection", () => {
  const post = (i: number) => {
    const body = JSON.stringify({ email: `p${i}@example.com` });
    return `POST /public/v1/contacts HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${KEY}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  };

  // Regression: the 20 POSTs pipelined behind a 431 were executed upstream (their clients never
  // got an answer) and counted as `aborted`, never as requests.
  it("20 POSTs pipelined behind a 431: none is forwarded, none is counted, the client gets the 431 alone", async () => {
    const upstream = await httpUpstream((req, res) => {
      req.resume();
      req.on("end", () => res.end("{}"));
    });
    const { exporter } = await exporterFor(upstream.url);
    let fields = "";
    for (let i = 0; i < 101; i++) fields += `x-f${i}: v\r\n`;
    const flood = `GET /public/v1/custom-fields HTTP/1.1\r\nhost: x\r\n${fields}authorization: Bearer ${KEY}\r\n\r\n`;
    const got = await rawExchange(exporter, flood + Array.from({ length: 20 }, (_, i) => post(i)).join(""));
    expect(statusLines(got)).toEqual(["431"]);
    await eventually(async () => sample(await metrics(exporter), "minimo_gateway_in_flight_requests") === 0, 5000, "in flight back to 0");
    const text = await metrics(exporter);
    console.log(
      `behind a 431: 20 POSTs pipelined, ${upstream.forwarded} forwarded, ${sumOf(text, "minimo_api_requests_total")} counted as requests, ${sumOf(text, "minimo_api_request_errors_total")} as errors`,
    );
    expect(upstream.forwarded).toBe(0);
    expect(sumOf(text, "minimo_api_requests_total")).toBe(0);
    expect(sumOf(text, "minimo_api_request_errors_total")).toBe(0);
    expect(sample(text, "minimo_gateway_own_responses_total", { code: "431", reason: "too_many_headers" })).toBe(1);
    expect(sample(text, "minimo_gateway_own_responses_total", { reason: "pipeline_too_deep" })).toBe(0);
  });

  it("requests pipelined behind the gateway's own 502 for an unrelayable status are not forwarded either", async () => {
    let heads = 0;
    const upstream = await rawUpstream((_head, socket) => {
      heads++;
      socket.write(heads === 1 ? "HTTP/1.1 600 Beyond\r\ncontent-length: 2\r\n\r\nok" : "HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}");
    });
    const { exporter } = await exporterFor(upstream.url);
    const one = `GET /public/v1/custom-fields HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${KEY}\r\n\r\n`;
    const got = await rawExchange(exporter, one.repeat(6));
    expect(statusLines(got)).toEqual(["502"]);
    await eventually(async () => sample(await metrics(exporter), "minimo_gateway_in_flight_requests") === 0, 5000, "in flight back to 0");
    const text = await metrics(exporter);
    expect(heads).toBe(1);
    expect(sumOf(text, "minimo_api_requests_total")).toBe(0);
    expect(sumOf(text, "minimo_api_request_errors_total")).toBe(1);
    expect(sample(text, "minimo_gateway_own_responses_total", { reason: "bad_upstream_status" })).toBe(1);
  });
});

describe("only what the client was sent is counted", () => {
  // Regression: undici hands a repeated header over as an array; the hop-by-hop filter called
  // `.split` on it and threw, so the client got a 502 while minimo_api_requests_total had
  // already counted the upstream's 200.
  it("a repeated Connection header from the upstream: relayed as 200 without the fields it names, counted once as 200", async () => {
    const upstream = await rawUpstream((_head, socket) => {
      socket.write(
        "HTTP/1.1 200 OK\r\nconnection: keep-alive\r\nconnection: x-hop\r\nx-hop: private\r\nx-end: kept\r\nset-cookie: a=1\r\nset-cookie: b=2\r\ncontent-length: 2\r\n\r\n{}",
      );
    });
    const { exporter } = await exporterFor(upstream.url);
    const answer = await get(exporter);
    expect(answer.status).toBe(200);
    expect(answer.body).toBe("{}");
    expect(answer.headers.get("x-hop")).toBeNull();
    expect(answer.headers.get("x-end")).toBe("kept");
    expect(answer.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    const text = await metrics(exporter);
    expect(sumOf(text, "minimo_api_requests_total", { key: "app" })).toBe(1);
    expect(sample(text, "minimo_api_requests_total", { key: "app", code: "200" })).toBe(1);
    expect(sample(text, "minimo_gateway_own_responses_total", { reason: "internal" })).toBe(0);
  });

  // Regression: a status line whose reason phrase held a control character made writeHead
  // throw after the 200 had been counted; the client got the gateway's 502.
  it("a reason phrase Node cannot send: the status is relayed with the standard phrase, counted as what was sent", async () => {
    const upstream = await rawUpstream((_head, socket) => {
      socket.write("HTTP/1.1 200 O\u0001K\r\ncontent-length: 2\r\n\r\n{}");
    });
    const { exporter } = await exporterFor(upstream.url);
    const got = await rawExchange(exporter, `GET /public/v1/custom-fields HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${KEY}\r\nconnection: close\r\n\r\n`);
    expect(got).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    const text = await metrics(exporter);
    expect(sumOf(text, "minimo_api_requests_total", { key: "app" })).toBe(1);
    expect(sample(text, "minimo_api_requests_total", { key: "app", code: "200" })).toBe(1);
    expect(sample(text, "minimo_gateway_own_responses_total", { reason: "internal" })).toBe(0);
  });
});

describe("minimo_gateway_open_connections with gateway.tls", () => {
  // Regression: over TLS the tracker counted the TCP socket at accept and the TLS socket again at
  // its first request (25 for 15 connections in the adversarial run).
  it.skipIf(!requireOpenssl("the gateway TLS connection count test"))("counts each connection once, whether it sent a request or not", async () => {
    const upstream = await httpUpstream((_req, res) => res.end("{}"));
    const dir = tempDir();
    const cert = selfSigned(dir, "gateway");
    const config = parseConfig(
      {
        upstream: upstream.url,
        listen: { metrics: "127.0.0.1:0", gateway: "127.0.0.1:0" },
        gateway: { tls: { cert_file: "gateway.pem", key_file: "gateway-key.pem" } },
        keys: [{ name: "app", key_env: "K", probe: { operations: [] } }],
      },
      { K: KEY },
      { baseDir: dir },
    );
    const exporter = await startExporter({ config, logger: captureLogger("warn").logger });
    onCleanUp(() => exporter.close());
    const sockets: tls.TLSSocket[] = [];
    onCleanUp(async () => {
      for (const s of sockets) s.destroy();
    });
    for (let i = 0; i < 15; i++) {
      const socket = tls.connect({ port: port(exporter), host: "127.0.0.1", ca: cert.pem, servername: "localhost" });
      socket.on("error", () => undefined);
      await new Promise((r) => socket.once("secureConnect", r));
      sockets.push(socket);
      if (i >= 10) continue; // 5 connections never send a request
      let got = "";
      const answered = new Promise<void>((resolve) => socket.on("data", (d) => (got += d.toString()).includes("{}") && resolve()));
      socket.write(`GET /public/v1/custom-fields HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${KEY}\r\n\r\n`);
      await answered;
    }
    const open = sample(await metrics(exporter), "minimo_gateway_open_connections");
    console.log(`gateway.tls: 15 connections open (10 sent a request), minimo_gateway_open_connections ${open}`);
    expect(open).toBe(15);
    for (const s of sockets) s.destroy();
    await eventually(async () => sample(await metrics(exporter), "minimo_gateway_open_connections") === 0, 5000, "connections closed");
  });
});

describe("a key removed by a reload while its request is in flight", () => {
  // Regression: /metrics counted such a request under `unknown`, but the console's counters and
  // its callers table dropped it (their `unknown` row stayed empty).
  it("is counted under unknown in the console and its callers table too, as in /metrics", async () => {
    let release: () => void = () => undefined;
    const upstream = await httpUpstream((_req, res) => {
      release = () => {
        res.writeHead(401, { "content-type": "application/json" });
        res.end('{"error":{"code":"unauthorized","message":"Invalid or missing API key"}}');
      };
    });
    const { exporter } = await exporterFor(upstream.url);
    const answer = get(exporter);
    await eventually(() => upstream.forwarded === 1, 5000, "request forwarded");
    const raw = { listen: { metrics: "127.0.0.1:0", gateway: "127.0.0.1:0" }, upstream: upstream.url };
    await exporter.reload(parseConfig({ ...raw, keys: [{ name: "other", key_env: "K", probe: { operations: [] } }] }, { K: demoKeys[1]!.key }));
    release();
    expect((await answer).status).toBe(401);
    expect(sample(await metrics(exporter), "minimo_api_requests_total", { key: "unknown", code: "401" })).toBe(1);
    const keys = (await (await fetch(`${exporter.consoleUrl}api/keys`)).json()) as {
      keys: { alias: string; totals: { requests: number; unauthorized: number }; callers: number }[];
    };
    const unknown = keys.keys.find((k) => k.alias === "unknown");
    expect(unknown).toMatchObject({ totals: { requests: 1, unauthorized: 1 }, callers: 1 });
    const callers = (await (await fetch(`${exporter.consoleUrl}api/keys/unknown/callers`)).json()) as { callers: { count: number; unauthorized: number }[] };
    expect(callers.callers).toEqual([expect.objectContaining({ count: 1, unauthorized: 1 })]);
  });
});

describe("requests cut by the drain timeout", () => {
  // Regression: the cut ones were logged as upstream failures ("upstream request failed",
  // reason network) and each counted a 502 `upstream_unreachable` nobody was sent.
  it("are logged as the exporter's own cut, not as upstream failures, and get no answer counted", async () => {
    // Holds every request; the ones for /public/v1/contacts get their head and a first chunk.
    const upstream = await httpUpstream((req, res) => {
      if (!req.url?.startsWith("/public/v1/contacts")) return;
      res.writeHead(200, { "content-type": "application/json" });
      res.write("[");
    });
    const { exporter, log } = await exporterFor(upstream.url, { gateway: { drain_timeout_seconds: 0.3 } }, "info");
    const waiting = Array.from({ length: 3 }, () =>
      get(exporter).then(
        (a) => a.status,
        () => "cut",
      ),
    );
    const relaying = fetch(`${exporter.gatewayUrl}/public/v1/contacts`, { headers: { authorization: `Bearer ${KEY}` } })
      .then((r) => r.text())
      .then(
        () => "whole",
        () => "cut",
      );
    await eventually(() => upstream.forwarded === 4, 5000, "4 requests forwarded");
    await exporter.close();
    expect(await Promise.all([...waiting, relaying])).toEqual(["cut", "cut", "cut", "cut"]);
    const logs = log.lines.join("\n");
    expect(logs).toMatch(/drain timeout: cutting the requests still in flight/);
    expect(logs).not.toMatch(/upstream request failed|upstream response broke off/);
    expect(logs).not.toMatch(/"reason":"network"/);
    const cuts = log.lines.filter((l) => l.includes("request cut by the drain timeout"));
    expect(cuts).toHaveLength(4);
    expect(cuts.filter((l) => l.includes('"stage":"the answer was being relayed"'))).toHaveLength(1);
    const text = await exporter.registry.metrics();
    expect(sumOf(text, "minimo_api_request_errors_total", { reason: "network" })).toBe(0);
    expect(sumOf(text, "minimo_api_request_errors_total", { reason: "aborted" })).toBe(3);
    expect(sumOf(text, "minimo_api_requests_total")).toBe(1); // the one whose head was relayed
    expect(sample(text, "minimo_gateway_own_responses_total", { reason: "upstream_unreachable" })).toBe(0);
  });
});

describe("CONNECT", () => {
  // Regression: a CONNECT request got its connection closed without any answer and was counted
  // nowhere, unlike every other refused request form.
  it("is answered 400 like any other request target that is not origin-form, and counted", async () => {
    const upstream = await httpUpstream((_req, res) => res.end("{}"));
    const { exporter } = await exporterFor(upstream.url);
    const got = await rawExchange(exporter, "CONNECT evil.example:443 HTTP/1.1\r\nhost: evil.example:443\r\n\r\n");
    expect(got).toMatch(/^HTTP\/1\.1 400 /);
    expect(got).toMatch(/connection: close/i);
    expect(got).toContain('{"error":{"code":"bad_request","message":"The gateway only accepts origin-form request targets"}}');
    expect(upstream.forwarded).toBe(0);
    expect(sample(await metrics(exporter), "minimo_gateway_own_responses_total", { code: "400", reason: "absolute_form" })).toBe(1);
    expect((await get(exporter)).status).toBe(200);
  });

  it("pipelined behind a request in flight: that request's answer comes first, then the 400", async () => {
    const upstream = await httpUpstream((_req, res) => setTimeout(() => res.end("{}"), 200));
    const { exporter } = await exporterFor(upstream.url);
    const got = await rawExchange(
      exporter,
      `GET /public/v1/custom-fields HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${KEY}\r\n\r\nCONNECT evil.example:443 HTTP/1.1\r\nhost: evil.example:443\r\n\r\n`,
    );
    expect(statusLines(got)).toEqual(["200", "400"]);
    const text = await metrics(exporter);
    expect(sample(text, "minimo_api_requests_total", { key: "app", code: "200" })).toBe(1);
    expect(sumOf(text, "minimo_api_request_errors_total")).toBe(0);
    expect(sample(text, "minimo_gateway_own_responses_total", { code: "400", reason: "absolute_form" })).toBe(1);
  });
});
