// Plain HTTP servers on 127.0.0.1:0 that a test controls.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface TestServer {
  url: string;
  server: http.Server;
  close(): Promise<void>;
}

/** A server whose handler the test gives; `close()` also ends kept-alive connections. */
export async function startServer(handler: http.RequestListener): Promise<TestServer> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * A minimal upstream that answers every request 401 (Minimo's answer to a garbage key), with
 * `headers` added: flood tests measure the exporter, not the sandbox's express stack.
 */
export function startRefusingUpstream(headers: () => Record<string, string> = () => ({})): Promise<TestServer> {
  return startServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(401, { "content-type": "application/json", ...headers() });
      res.end('{"error":{"code":"unauthorized","message":"Invalid or missing API key"}}');
    });
  });
}
