// A connection that never sends a request holds its descriptor for a bounded time, the same on
// both listeners with and without TLS (Node's defaults: 90 s plain, 120 s in a TLS handshake).
import type http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { FIRST_REQUEST_SECONDS, HEADERS_SECONDS, createWebServer, loadTlsMaterial } from "../src/http/web-config/index.js";
import type { ConfigProblem } from "../src/config/errors.js";
import { requireOpenssl, selfSigned, tempDir } from "./tls/certs.js";

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function listen(server: http.Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return (server.address() as AddressInfo).port;
}

/** Opens a connection, writes `send` (maybe nothing), and resolves with how long until the server closed it. */
function heldFor(port: number, send: string, giveUpMs: number): Promise<number> {
  return new Promise((resolve) => {
    const began = performance.now();
    const socket = net.connect(port, "127.0.0.1", () => send && socket.write(send));
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(Number.POSITIVE_INFINITY);
    }, giveUpMs);
    socket.on("error", () => undefined);
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(performance.now() - began);
    });
    socket.resume();
  });
}

const ok: http.RequestListener = (_req, res) => res.end("ok\n");

describe("connection time limits", () => {
  it("states 60 s for the first request head and for any later one, and sets Node's check interval to match", () => {
    expect(FIRST_REQUEST_SECONDS).toBe(60);
    expect(HEADERS_SECONDS).toBe(60);
    const server = createWebServer(ok) as http.Server & { connectionsCheckingInterval: number };
    expect(server.headersTimeout).toBe(60_000);
    expect(server.connectionsCheckingInterval).toBeLessThanOrEqual(1000);
  });

  it("closes a plain connection that sends nothing, or trickles a head, once the limit passed", async () => {
    const port = await listen(createWebServer(ok, undefined, { firstRequestSeconds: 1, headersSeconds: 1 }));
    const [silent, trickle] = await Promise.all([heldFor(port, "", 8000), heldFor(port, "GET / HTTP/1.1\r\nhost: x\r\n", 8000)]);
    expect(silent).toBeLessThan(4000);
    expect(trickle).toBeLessThan(4000);
    expect(silent).toBeGreaterThanOrEqual(900);
  });

  it.skipIf(!requireOpenssl("the TLS handshake limit test"))("closes a TLS connection that never starts its handshake once the limit passed", async () => {
    const cert = selfSigned(tempDir());
    const problems: ConfigProblem[] = [];
    const tls = loadTlsMaterial({ certFile: cert.cert, keyFile: cert.key }, "/", "test", problems);
    expect(problems).toEqual([]);
    const port = await listen(createWebServer(ok, tls, { firstRequestSeconds: 1 }));
    const silent = await heldFor(port, "", 8000);
    expect(silent).toBeLessThan(4000);
  });

  it("leaves a connection that sent its request open for keep-alive and answers it", async () => {
    const port = await listen(createWebServer(ok, undefined, { firstRequestSeconds: 1 }));
    const res = await fetch(`http://127.0.0.1:${port}/`);
    expect(await res.text()).toBe("ok\n");
  });
});
