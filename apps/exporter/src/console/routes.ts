// The console on an express router: the page at `/`, its two assets, and the JSON API.
import { Router, type Response } from "express";
import type { Logger } from "pino";
import { apiKeys, type ConsoleSource } from "./api.js";
import { CONSOLE_JS } from "./assets/script.js";
import { CONSOLE_CSS } from "./assets/style.js";
import { renderConsolePage } from "./page.js";

function sendText(res: Response, type: string, body: string, cache = "no-store") {
  res.writeHead(200, { "content-type": type, "content-length": Buffer.byteLength(body), "cache-control": cache });
  res.end(res.req.method === "HEAD" ? undefined : body);
}

const sendJson = (res: Response, status: number, value: unknown) => {
  const body = JSON.stringify(value);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body), "cache-control": "no-store" });
  res.end(res.req.method === "HEAD" ? undefined : body);
};

export function consoleRouter(source: ConsoleSource, logger: Logger): Router {
  const router = Router();
  const fail = (res: Response) => (err: unknown) => {
    logger.error({ err }, "console request failed");
    if (!res.headersSent) sendJson(res, 500, { error: { code: "internal", message: "internal error" } });
  };
  router.get("/", (_req, res) => {
    apiKeys(source).then((body) => sendText(res, "text/html; charset=utf-8", renderConsolePage(source.version, body)), fail(res));
  });
  router.get("/console.js", (_req, res) => sendText(res, "text/javascript; charset=utf-8", CONSOLE_JS, "max-age=60"));
  router.get("/console.css", (_req, res) => sendText(res, "text/css; charset=utf-8", CONSOLE_CSS, "max-age=60"));
  router.get("/api/keys", (_req, res) => {
    apiKeys(source).then((body) => sendJson(res, 200, body), fail(res));
  });
  router.get("/api/keys/:alias/callers", (req, res) => {
    const table = source.callers.table(String(req.params.alias));
    // The alias is not echoed: a URL is caller-chosen text and could carry anything.
    if (!table) sendJson(res, 404, { error: { code: "not_found", message: "no configured key has that alias (see GET /api/keys)" } });
    else sendJson(res, 200, table);
  });
  router.get("/api/keys/:alias/findings", (req, res) => {
    const alias = String(req.params.alias);
    const report = source.posture?.report(alias);
    if (!report) sendJson(res, 404, { error: { code: "not_found", message: "no configured key has that alias (see GET /api/keys)" } });
    else sendJson(res, 200, report);
  });
  return router;
}
