// A stand-in for the Minimo API that costs next to nothing: a node:http server answering every
// request 200 with a small JSON body and the rate-limit headers. The baselines and the candidates
// all talk to it, so its cost is the same on both sides of every ratio.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "./protocol.js";

const body = JSON.stringify({ data: [{ id: "cf_1", name: "plan", type: "string" }] });
let remaining = 1e9;
const server = http.createServer((req, res) => {
  req.resume();
  res.writeHead(200, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    "x-ratelimit-limit": "1000000000",
    "x-ratelimit-remaining": String(--remaining),
    "x-ratelimit-reset": "1795781100",
  });
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  serve(
    { url: `http://127.0.0.1:${port}` },
    () => ({ ok: true }),
    () => {
      server.closeAllConnections();
      server.close();
    },
  );
});
