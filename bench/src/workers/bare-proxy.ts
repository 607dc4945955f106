// The baseline of scenario 6: a bare node:http reverse proxy with keep-alive upstream connections
// and no metrics, the least a Node gateway can do (hop-by-hop headers dropped, as a proxy must).
//   bare-proxy.mjs <upstreamUrl>
import http, { type IncomingHttpHeaders, type OutgoingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "./protocol.js";

const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade"]);
const endToEnd = (headers: IncomingHttpHeaders): OutgoingHttpHeaders => {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
  return out;
};

const upstream = new URL(process.argv[2]!);
const agent = new http.Agent({ keepAlive: true });
const server = http.createServer((req, res) => {
  const headers = endToEnd(req.headers);
  headers.host = upstream.host;
  const out = http.request({ hostname: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers, agent });
  out.on("response", (up) => {
    res.writeHead(up.statusCode ?? 502, up.statusMessage, endToEnd(up.headers));
    up.pipe(res);
  });
  out.on("error", () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  // pipe() rather than pipeline(), as the gateway does: pipeline allocates an AbortController
  // and a DOMException per call, which is measurable at these rates.
  req.pipe(out);
});
server.listen(0, "127.0.0.1", () => {
  serve(
    { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` },
    () => ({ ok: true }),
    () => {
      server.closeAllConnections();
      server.close();
      agent.destroy();
    },
  );
});
