// The baseline of scenario 6: a bare node:http reverse proxy with keep-alive upstream connections
// and no metrics, the least a Node gateway can do.
//   bare-proxy.mjs <upstreamUrl>
import http from "node:http";
import type { AddressInfo } from "node:net";
import { pipeline } from "node:stream";
import { serve } from "./protocol.js";

const upstream = new URL(process.argv[2]!);
const agent = new http.Agent({ keepAlive: true });
const server = http.createServer((req, res) => {
  const headers: http.OutgoingHttpHeaders = { ...req.headers, host: upstream.host };
  delete headers.connection;
  delete headers["keep-alive"];
  const out = http.request({ hostname: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers, agent }, (up) => {
    const back = { ...up.headers };
    delete back.connection;
    delete back["keep-alive"];
    res.writeHead(up.statusCode ?? 502, back);
    pipeline(up, res, () => {});
  });
  out.on("error", () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  pipeline(req, out, () => {});
});
server.listen(0, "127.0.0.1", () => {
  serve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }, () => ({ ok: true }), () => {
    server.closeAllConnections();
    server.close();
    agent.destroy();
  });
});
