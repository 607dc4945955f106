// The exporter's own HTTP server: /metrics, /healthz, /readyz and the landing page.
import http from "node:http";
import type { Registry } from "prom-client";
import type { Logger } from "pino";

export interface MetricsServerDeps {
  /** The exporter's families (linted by promtool) and the Node process metrics, rendered together. */
  registries: readonly Registry[];
  /** Brings probe data up to date, waiting at most `waitMs`. */
  refresh(waitMs: number): Promise<void>;
  /** Scrape deadline in ms for a `X-Prometheus-Scrape-Timeout-Seconds` value (or its absence). */
  waitFor(header: string | undefined): number;
  landing(): Promise<string>;
  ready(): boolean;
  logger: Logger;
}

/** The longest a finished render is shared with scrapes that were queued behind it. */
const MAX_SHARE_MS = 1000;

export function createMetricsServer(deps: MetricsServerDeps): http.Server {
  // Scrapes that arrive while a render is running share it: one serialization, many answers.
  // prom-client renders in one stretch of microtasks, so scrapes that arrived during a render are
  // only parsed after it finished; they still get its text when they come within as long as the
  // render took (at most 1 s), which keeps N concurrent scrapers at about one render each round.
  let rendering: Promise<string> | undefined;
  let last: { text: string; doneAt: number; tookMs: number } | undefined;
  const render = (): Promise<string> => {
    const now = performance.now();
    if (last !== undefined && now - last.doneAt <= Math.min(last.tookMs, MAX_SHARE_MS)) return Promise.resolve(last.text);
    rendering ??= Promise.all(deps.registries.map((r) => r.metrics()))
      .then((parts) => {
        const text = parts.join("");
        const doneAt = performance.now();
        last = { text, doneAt, tookMs: doneAt - now };
        return text;
      })
      .finally(() => {
        rendering = undefined;
      });
    return rendering;
  };
  const contentType = deps.registries[0]?.contentType ?? "text/plain; version=0.0.4; charset=utf-8";

  return http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?", 1)[0];
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body) });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("allow", "GET, HEAD");
      send(405, "text/plain", "method not allowed\n");
      return;
    }
    const fail = (err: unknown) => {
      deps.logger.error({ err, path }, "request failed");
      if (!res.headersSent) send(500, "text/plain", "internal error\n");
    };
    switch (path) {
      case "/metrics": {
        const header = req.headers["x-prometheus-scrape-timeout-seconds"];
        deps
          .refresh(deps.waitFor(typeof header === "string" ? header : undefined))
          .then(render)
          .then((text) => send(200, contentType, text), fail);
        return;
      }
      case "/healthz":
        send(200, "text/plain", "ok\n");
        return;
      case "/readyz":
        if (deps.ready()) send(200, "text/plain", "ready\n");
        else send(503, "text/plain", "not ready\n");
        return;
      case "/":
        deps.landing().then((html) => send(200, "text/html; charset=utf-8", html), fail);
        return;
      default:
        send(404, "text/plain", "not found\n");
    }
  });
}
