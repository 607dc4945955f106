// The exporter's own HTTP listener, an express 5 app: /metrics, /healthz, /readyz, and whatever
// routers are mounted beside them (the console's page, assets and /api). `createMetricsApp` is a
// plain (req, res) handler, so any server factory (TLS, basic auth) can wrap it.
import http from "node:http";
import express, { type NextFunction, type Request, type Response } from "express";
import helmet from "helmet";
import type { Registry } from "prom-client";
import type { Logger } from "pino";
import { sharedRender, type RenderedPage } from "./shared-render.js";

/**
 * A connect-style handler mounted beside the built-in routes (an express `Router` is one). Written
 * with node:http types only, so the published declarations need no `@types/express`; the method
 * form keeps parameters bivariant, so an express handler (whose `req` is narrower) still fits.
 */
export type MountedHandler = {
  handle(req: http.IncomingMessage, res: http.ServerResponse, next: (err?: unknown) => void): void;
}["handle"];

export interface MetricsServerDeps {
  /** The exporter's families (linted by promtool) and the Node process metrics, rendered together. */
  registries: readonly Registry[];
  /** Brings probe data up to date, waiting at most `waitMs`. */
  refresh(waitMs: number): Promise<void>;
  /** Scrape deadline in ms for a `X-Prometheus-Scrape-Timeout-Seconds` value (or its absence). */
  waitFor(header: string | undefined): number;
  /**
   * Changes whenever what a scrape shows changes other than by traffic (a reload, a probe verdict),
   * so a shared render from before the change is never served after it. Default: never changes.
   */
  version?(): number;
  ready(): boolean;
  logger: Logger;
  /** Mounted at `/` after the built-in routes (the console). Default: none. */
  routers?: readonly MountedHandler[];
  /** Makes the listening server around the request handler (TLS, basic auth: `./web-config`). Default `http.createServer`. */
  createServer?: (handler: http.RequestListener) => http.Server;
  /** Monotonic time in ms, which decides how long a render is shared. Default `performance.now`. */
  clock?: () => number;
}

/** Writes the body directly: res.send() would hash a multi-megabyte /metrics text for an ETag. */
function send(req: Request, res: Response, status: number, type: string, body: string | Buffer, extra: http.OutgoingHttpHeaders = {}) {
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body), ...extra });
  res.end(req.method === "HEAD" ? undefined : body);
}

/** The page in the encoding the scraper asked for: gzip when `Accept-Encoding` allows it, as Prometheus' does. */
async function sendPage(req: Request, res: Response, type: string, page: RenderedPage) {
  if (req.acceptsEncodings("gzip", "identity") === "gzip") {
    send(req, res, 200, type, await page.gzipped(), { "content-encoding": "gzip", vary: "Accept-Encoding" });
  } else {
    send(req, res, 200, type, page.body, { vary: "Accept-Encoding" });
  }
}

/** The 4xx status express' router put on an error it raised for the request itself, if any. */
function clientErrorStatus(err: unknown): number | undefined {
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === "number" && status >= 400 && status < 500 ? status : undefined;
}

/** The metrics listener as a plain `(req, res)` handler (an express app inside), for any server to wrap. */
export function createMetricsApp(deps: MetricsServerDeps): http.RequestListener {
  const render = sharedRender(deps.registries, deps.version ?? (() => 0), deps.clock);
  const contentType = deps.registries[0]?.contentType ?? "text/plain; version=0.0.4; charset=utf-8";
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          "default-src": ["'self'"],
          "script-src": ["'self'"],
          "style-src": ["'self'", "'unsafe-inline'"],
          "img-src": ["'self'", "data:"],
          "connect-src": ["'self'"],
          "object-src": ["'none'"],
          "base-uri": ["'none'"],
          "frame-ancestors": ["'none'"],
          "form-action": ["'none'"],
        },
      },
      // Served over plain HTTP unless a TLS wrapper is configured: HSTS is that wrapper's to set.
      strictTransportSecurity: false,
    }),
  );
  app.use((req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    res.setHeader("allow", "GET, HEAD");
    send(req, res, 405, "text/plain", "method not allowed\n");
  });
  app.get("/metrics", (req, res) => {
    const header = req.headers["x-prometheus-scrape-timeout-seconds"];
    deps
      .refresh(deps.waitFor(typeof header === "string" ? header : undefined))
      .then(render)
      .then((page) => sendPage(req, res, contentType, page))
      .catch((err: unknown) => {
        deps.logger.error({ err, path: "/metrics" }, "request failed");
        if (!res.headersSent) send(req, res, 500, "text/plain", "internal error\n");
      });
  });
  app.get("/healthz", (req, res) => send(req, res, 200, "text/plain", "ok\n"));
  app.get("/readyz", (req, res) => {
    if (deps.ready()) send(req, res, 200, "text/plain", "ready\n");
    else send(req, res, 503, "text/plain", "not ready\n");
  });
  for (const router of deps.routers ?? []) app.use(router);
  app.use((req, res) => send(req, res, 404, "text/plain", "not found\n"));
  // Express' default handler would print the stack; log it (redacted) and answer plainly.
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = clientErrorStatus(err);
    if (status !== undefined) {
      // The client's own mistake (a bad percent-escape in a path parameter): answered, never
      // logged — the path is caller-chosen text, and anyone can send it without credentials.
      if (res.headersSent) return;
      if (req.path.startsWith("/api/"))
        send(req, res, status, "application/json; charset=utf-8", JSON.stringify({ error: { code: "bad_request", message: "the path is not valid percent-encoding" } }));
      else send(req, res, status, "text/plain", "bad request\n");
      return;
    }
    deps.logger.error({ err, method: req.method }, "request failed");
    if (!res.headersSent) send(req, res, 500, "text/plain", "internal error\n");
  });
  return app;
}

export function createMetricsServer(deps: MetricsServerDeps): http.Server {
  return (deps.createServer ?? http.createServer)(createMetricsApp(deps));
}
