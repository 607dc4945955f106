// Posture for a running exporter: the state store, the gateway hook, the metrics, and the
// reports the console serves. The gateway only ever touches memory; the store writes on a timer.
import type { Registry } from "prom-client";
import type { ExporterConfig } from "../config/types.js";
import { KeyMatcher } from "../gateway/key-matcher.js";
import { evaluateAll } from "./evaluate.js";
import { POSTURE_DEFAULTS } from "../config/posture.js";
import { toPostureKeys } from "./keys.js";
import { PostureMetrics } from "./metrics.js";
import { PostureRecorder, type PostureHook } from "./recorder.js";
import { FileStateStore, type StoreLogger } from "./state/file-store.js";
import type { PostureStore } from "./state/store.js";
import type { KeyReport, PostureData, PostureSettings } from "./types.js";

export interface PostureServiceOptions {
  registry: Registry;
  logger: StoreLogger;
  /** The state directory (`--storage.path` / `state.path`); undefined keeps the state in memory. */
  dir: string | undefined;
  /** Wall clock in ms. Default `Date.now`. */
  now?: () => number;
  /** Store write interval; default the store's (30 s). */
  flushIntervalMs?: number;
  /** A store to use instead of the file store (another backend). */
  store?: PostureStore;
  /** Wraps the file store (the shared backend of several replicas). */
  share?: (local: PostureStore) => PostureStore;
}

const DEFAULT_SETTINGS: PostureSettings = {
  windowDays: POSTURE_DEFAULTS.windowDays,
  rotationQuietHours: POSTURE_DEFAULTS.rotationQuietHours,
  learningDays: POSTURE_DEFAULTS.learningDays,
};

export class PostureService {
  readonly hook: PostureHook;
  readonly store: PostureStore;
  readonly #recorder: PostureRecorder;
  readonly #metrics: PostureMetrics;
  readonly #now: () => number;
  #config: ExporterConfig | undefined;
  #cache: { at: number; changes: number; reports: KeyReport[]; data: PostureData } | undefined;

  constructor(options: PostureServiceOptions) {
    this.#now = options.now ?? Date.now;
    const local = () =>
      new FileStateStore({ dir: options.dir, logger: options.logger, now: this.#now, ...(options.flushIntervalMs !== undefined ? { intervalMs: options.flushIntervalMs } : {}) });
    this.store = options.store ?? (options.share ? options.share(local()) : local());
    this.#metrics = new PostureMetrics(options.registry, this, () => this.#config?.keys.map((k) => k.name) ?? []);
    this.#recorder = new PostureRecorder(
      this.store,
      { browserRequest: (key) => this.#metrics.browserRequests.inc({ key }), newCaller: (key) => this.#metrics.newCallers.inc({ key }) },
      this.#now,
    );
    this.hook = this.#recorder;
  }

  configure(config: ExporterConfig): void {
    this.#config = config;
    const matcher = new KeyMatcher(config.keys);
    this.#recorder.configure(config.keys, config.gateway.trustedProxies, config.posture ?? DEFAULT_SETTINGS, (s) => matcher.identify(s));
    this.#metrics.setKeys(config.keys.map((k) => k.name));
    this.#cache = undefined;
  }

  /**
   * The evaluation of every key, shared by the collect() hooks of one scrape: reused for up to a
   * second while no request came through (time-based findings move by the hour, not the second).
   */
  current(): { reports: KeyReport[]; data: PostureData } {
    const now = this.#now();
    const changes = this.#recorder.changes;
    const c = this.#cache;
    if (c && c.changes === changes && now - c.at < 1000 && now >= c.at) return c;
    const config = this.#config;
    const data = this.store.snapshot(now);
    const reports = config ? evaluateAll(toPostureKeys(config.keys), data, config.posture ?? DEFAULT_SETTINGS, now) : [];
    this.#cache = { at: now, changes, reports, data };
    return this.#cache;
  }

  report(alias: string): KeyReport | undefined {
    return this.current().reports.find((r) => r.key === alias);
  }

  close(): Promise<void> {
    return this.store.close();
  }
}
