// The connection to Redis, kept off every request path: commands are bounded by a timeout, fail
// at once while disconnected (no offline queue), and a failure only flips `up` to false. The
// client reconnects by itself with a capped backoff; one warning is logged per outage.
import { createClient } from "redis";
import { Gauge, type Registry } from "prom-client";
import { STATE_BACKEND_UP, STATE_BACKEND_UP_HELP } from "../metrics/names.js";
import type { RedisConfig } from "../config/redis.js";

/** A command that takes longer counts as a failure (the backend is "slow or gone"). */
export const COMMAND_TIMEOUT_MS = 1000;
/** Reconnect backoff: 100 ms doubling up to this, with jitter. */
export const MAX_BACKOFF_MS = 5000;

export type RedisClient = ReturnType<typeof createClient>;

export interface LinkLogger {
  warn(fields: object, message: string): void;
  info(fields: object, message: string): void;
}

export interface SharedLinkOptions {
  config: RedisConfig;
  /** `--replica-id`: names this replica's entries. */
  replicaId: string;
  registry: Registry;
  logger: LinkLogger;
  /** Wall clock in ms. Default `Date.now`. */
  now?: () => number;
  /** Default `COMMAND_TIMEOUT_MS`. */
  timeoutMs?: number;
}

/** What the console says about the shared view. */
export interface LinkStatus {
  replicaId: string;
  up: boolean;
  /** When the current outage began (ms), while down. */
  downSince?: number;
}

export class SharedLink {
  readonly replicaId: string;
  readonly #client: RedisClient;
  readonly #logger: LinkLogger;
  readonly #gauge: Gauge;
  readonly #now: () => number;
  readonly #timeoutMs: number;
  readonly #url: string;
  #up = false;
  #downSince: number;
  #warned = false;
  #closed = false;
  readonly #onUp: (() => void)[] = [];

  constructor(options: SharedLinkOptions) {
    this.replicaId = options.replicaId;
    this.#logger = options.logger;
    this.#now = options.now ?? Date.now;
    this.#timeoutMs = options.timeoutMs ?? COMMAND_TIMEOUT_MS;
    this.#url = options.config.url;
    this.#downSince = this.#now();
    this.#gauge = new Gauge({ name: STATE_BACKEND_UP, help: STATE_BACKEND_UP_HELP, registers: [options.registry] });
    this.#gauge.set(0);
    this.#client = createClient({
      url: options.config.url,
      ...(options.config.password ? { password: options.config.password.reveal() } : {}),
      // Fail fast while disconnected instead of queueing commands for later.
      disableOfflineQueue: true,
      commandsQueueMaxLength: 256,
      socket: {
        connectTimeout: this.#timeoutMs * 2,
        reconnectStrategy: (retries: number) => Math.min(100 * 2 ** Math.min(retries, 10), MAX_BACKOFF_MS) + Math.floor(Math.random() * 100),
      },
    });
    // The client emits "error" for every failed (re)connect; without a listener Node would throw.
    this.#client.on("error", (err: Error) => this.#down(err));
    this.#client.on("ready", () => this.#mark());
    this.#client.connect().catch((err: Error) => this.#down(err));
  }

  /** Calls `fn` each time the backend becomes available (first connection, after an outage). */
  onUp(fn: () => void): void {
    this.#onUp.push(fn);
  }

  get up(): boolean {
    return this.#up;
  }

  status(): LinkStatus {
    return { replicaId: this.replicaId, up: this.#up, ...(this.#up ? {} : { downSince: this.#downSince }) };
  }

  /** Runs `fn` against Redis within the timeout; resolves undefined (never rejects) when it cannot. */
  async run<T>(fn: (client: RedisClient) => Promise<T>): Promise<T | undefined> {
    if (this.#closed || !this.#client.isReady) return undefined;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${this.#timeoutMs} ms`)), this.#timeoutMs);
    });
    try {
      const value = await Promise.race([fn(this.#client), timeout]);
      this.#mark();
      return value;
    } catch (err) {
      this.#down(err as Error);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  #mark(): void {
    if (this.#up || this.#closed) return;
    this.#up = true;
    this.#gauge.set(1);
    if (this.#warned) this.#logger.info({ redis: this.#url, downSeconds: Math.round((this.#now() - this.#downSince) / 1000) }, "shared state available again");
    this.#warned = false;
    for (const fn of this.#onUp) fn();
  }

  #down(err: Error): void {
    if (this.#closed) return;
    if (this.#up) {
      this.#up = false;
      this.#downSince = this.#now();
      this.#gauge.set(0);
    }
    if (!this.#warned) {
      this.#warned = true;
      // The message only: a node-redis error never carries the password, but the URL may be long.
      this.#logger.warn({ redis: this.#url, problem: err.message.slice(0, 200) }, "shared state unavailable; serving from this replica's memory only (one warning per outage)");
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      if (this.#client.isOpen) await Promise.race([this.#client.close(), new Promise((r) => setTimeout(r, this.#timeoutMs).unref())]);
    } catch {
      /* closing a broken connection */
    }
    try {
      if (this.#client.isOpen) this.#client.destroy();
    } catch {
      /* already closed */
    }
  }
}
