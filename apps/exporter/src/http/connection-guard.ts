// The metrics listener's connection cap (`web.max_connections`). Past the cap a new connection
// first takes the place of the oldest one that has no request in progress (idle keep-alive, or
// still sending its head: what a slow-connection flood holds), so /healthz and a scrape, which
// send their request at once, still get in while a flood lasts; only when every slot is serving
// a request is the new connection closed. Either way the descriptors stay bounded, so the
// gateway keeps its own. Counted, and logged at most once a minute.
//
// Accept errors (EMFILE/ENFILE when the process runs out of descriptors) are logged the same
// way instead of being thrown from the server, where nothing listens once it is up.
import type http from "node:http";
import type { Socket } from "node:net";
import { Counter, Gauge, type Registry } from "prom-client";
import type { Logger } from "pino";
import * as N from "../metrics/names.js";
import { rawSocket } from "./web-config/server.js";

/** A log line's minimum spacing for one kind of event. */
export const LOG_EVERY_MS = 60_000;

export interface ConnectionGuardOptions {
  max: number;
  logger: Logger;
  registry: Registry;
  /** Wall clock in ms for the log spacing; default Date.now. */
  now?: () => number;
}

/** Calls `write(suppressedSinceLast)` at most once per LOG_EVERY_MS; counts the rest. */
export function rateLimitedLog(now: () => number, write: (suppressed: number) => void): () => void {
  let last = Number.NEGATIVE_INFINITY;
  let suppressed = 0;
  return () => {
    const t = now();
    if (t - last < LOG_EVERY_MS) {
      suppressed++;
      return;
    }
    last = t;
    write(suppressed);
    suppressed = 0;
  };
}

/**
 * Logs a listening server's accept errors (EMFILE/ENFILE: out of descriptors) at most once a
 * minute, with how many came since the last line; unlistened, they would be thrown.
 */
export function logAcceptErrors(server: http.Server, label: string, logger: Logger, now: () => number = Date.now): void {
  let code: string | undefined;
  const line = rateLimitedLog(now, (suppressed) => {
    const exhausted = code === "EMFILE" || code === "ENFILE";
    logger.error(
      { code, moreSinceLastLine: suppressed },
      exhausted
        ? `${label}: out of file descriptors (${code}), connections refused; raise ulimit -n or lower gateway.max_connections / web.max_connections`
        : `${label}: accepting a connection failed`,
    );
  });
  server.on("error", (err: NodeJS.ErrnoException) => {
    if (!server.listening) return; // a bind failure: listen() reports it
    code = err.code;
    line();
  });
}

/** Logs a server's `drop` events (connections closed at accept by `server.maxConnections`) at most once a minute. */
export function logDrops(server: http.Server, label: string, field: string, logger: Logger, now: () => number = Date.now): void {
  const line = rateLimitedLog(now, (suppressed) =>
    logger.warn({ max: server.maxConnections, moreSinceLastLine: suppressed }, `${label}: ${field} reached; closing new connections at accept`),
  );
  server.on("drop", line);
}

export class ConnectionGuard {
  /** Open connections, oldest first (a Map keeps insertion order), each with its requests in progress. */
  readonly #open = new Map<Socket, { busy: number }>();
  readonly #max: number;
  readonly rejected: Counter;

  constructor(server: http.Server, options: ConnectionGuardOptions) {
    this.#max = options.max;
    const now = options.now ?? Date.now;
    const registers = [options.registry];
    this.rejected = new Counter({ name: N.WEB_REJECTED_CONNECTIONS_TOTAL, help: N.WEB_REJECTED_CONNECTIONS_TOTAL_HELP, registers });
    const open = this.#open;
    new Gauge({
      name: N.WEB_OPEN_CONNECTIONS,
      help: N.WEB_OPEN_CONNECTIONS_HELP,
      registers,
      collect() {
        this.set(open.size);
      },
    });
    const logCap = rateLimitedLog(now, (suppressed) =>
      options.logger.warn(
        { max: this.#max, open: open.size, moreSinceLastLine: suppressed },
        "metrics listener: web.max_connections reached; closing the oldest idle or new connections",
      ),
    );
    logAcceptErrors(server, "metrics listener", options.logger, now);

    server.on("connection", (socket: Socket) => {
      if (open.size >= this.#max) {
        logCap();
        if (!this.#evictIdle()) {
          socket.destroy();
          this.rejected.inc();
          return;
        }
      }
      const state = { busy: 0 };
      open.set(socket, state);
      socket.once("close", () => open.delete(socket));
    });
    server.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
      const state = open.get(rawSocket(req));
      if (state === undefined) return;
      state.busy++;
      res.once("close", () => state.busy--);
    });
  }

  /** Open connections now. */
  get open(): number {
    return this.#open.size;
  }

  /** Closes the oldest connection with no request in progress; false when every one is busy. */
  #evictIdle(): boolean {
    for (const [socket, state] of this.#open) {
      if (state.busy > 0) continue;
      this.#open.delete(socket);
      socket.destroy();
      this.rejected.inc();
      return true;
    }
    return false;
  }
}
