// Docker HEALTHCHECK: GET /healthz on the metrics listener (no credentials needed there).
// MINIMO_HEALTHCHECK_URL overrides it, e.g. https://127.0.0.1:9487/healthz with a self-signed
// certificate (the check only asks whether the process answers, so it does not verify it).
import http from "node:http";
import https from "node:https";

const url = new URL(process.env.MINIMO_HEALTHCHECK_URL ?? "http://127.0.0.1:9487/healthz");
const client = url.protocol === "https:" ? https : http;
const req = client.get(url, { timeout: 4000, rejectUnauthorized: false }, (res) => {
  res.resume();
  process.exit(res.statusCode === 200 ? 0 : 1);
});
req.on("timeout", () => req.destroy(new Error("timeout")));
req.on("error", () => process.exit(1));
