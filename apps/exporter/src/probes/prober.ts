// Probes for idle keys. A scrape asks for fresh data (refresh); a key is probed only when its
// last probe started at least min_interval_seconds ago, at most once at a time (concurrent scrapes
// share the in-flight probe), under a global concurrency limit. The scrape waits for probes only
// until its deadline; a late probe finishes in the background and updates the gauges then.
// Probe calls are the exporter's own traffic: they are counted in minimo_key_probes_total and
// minimo_key_probe_errors_total, never in minimo_api_* (what applications did), and feed the
// key's budget gauges only from answers in which the key was accepted (recordBudget's rule).
import { createMinimoClient, type AttemptObserver, type MinimoClient } from "@minimo/client";
import type { RecordBudgetInput } from "@minimo/metrics";
import type { Logger } from "pino";
import type { ExporterConfig, KeyConfig } from "../config/types.js";
import type { ExporterMetrics } from "../metrics/exporter-metrics.js";
import { callOperation, judge } from "./probe-once.js";
import type { ProbeCoordinator, SharedVerdict } from "./coordinator.js";
import { Semaphore } from "./semaphore.js";

interface KeyState {
  key: KeyConfig;
  client: MinimoClient;
  /** performance.now() when the last probe was started; -Infinity before the first. */
  lastStartedAt: number;
  inFlight?: Promise<void>;
  up?: boolean;
  lastSuccessAt?: number;
  lastProbeAt?: number;
}

/**
 * The shortest interval between probes of one key that the console (`/api/keys`, unauthenticated
 * unless basic auth is configured) may cause, whatever `min_interval_seconds` says: with 0 there,
 * every page load used to start a probe with the real key. Scrapes keep their own interval.
 */
export const CONSOLE_PROBE_FLOOR_SECONDS = 30;

export interface ProberDeps {
  exporterMetrics: ExporterMetrics;
  /** Applies a probe answer's rate-limit headers to the key's budget gauges (`metrics.recordBudget`). */
  recordBudget(input: RecordBudgetInput): void;
  logger: Logger;
  concurrency: number;
  /** Wall clock in ms that stamps probe results (last probe, last success). Default `Date.now`. */
  now?: () => number;
  /** Shares probes between replicas (state.redis_url). Default: this replica probes every key itself. */
  coordinator?: ProbeCoordinator;
}

/** What the key console shows about a key's probes. */
export interface ProbeStatus {
  up?: boolean;
  lastSuccessAt?: number;
  lastProbeAt?: number;
  probing: boolean;
}

export class Prober {
  readonly #deps: ProberDeps;
  #states = new Map<string, KeyState>();
  #limit: Semaphore;
  readonly #abort = new AbortController();
  #verdicts = 0;

  constructor(deps: ProberDeps) {
    this.#deps = deps;
    this.#limit = new Semaphore(deps.concurrency);
  }

  /** (Re)configures the probed keys; a key whose secret, upstream and operations are unchanged keeps its cache. */
  setKeys(config: ExporterConfig, keys: readonly KeyConfig[]): void {
    const next = new Map<string, KeyState>();
    const timeoutMs = config.probe.timeoutSeconds * 1000;
    for (const key of keys) {
      const old = this.#states.get(key.name);
      const client = createMinimoClient({
        apiKey: key.apiKey.reveal(),
        baseUrl: config.upstream,
        observe: this.#observerFor(key.name),
        retry: false,
        timeoutMs,
        userAgent: "minimo-exporter-probe",
      });
      if (old && old.key.apiKey.reveal() === key.apiKey.reveal() && sameOps(old.key, key)) {
        // Updated in place: an in-flight probe holds this object and still reports into it.
        old.key = key;
        old.client = client;
        next.set(key.name, old);
      } else {
        // A new secret or new operations: the cached verdict describes something else now.
        if (old) this.#deps.exporterMetrics.forgetProbes(key.name);
        next.set(key.name, { key, client, lastStartedAt: Number.NEGATIVE_INFINITY });
      }
      this.#deps.exporterMetrics.keepPermitted(
        key.name,
        key.probe.operations.map((o) => o.path),
      );
      if (key.probe.operations.length > 0) this.#deps.exporterMetrics.probedKey(key.name);
    }
    this.#states = next;
    this.#limit = new Semaphore(config.probe.concurrency);
    this.#verdicts++;
  }

  /**
   * What the probe client reports each call into, silenced once the key leaves the config: a
   * probe still in flight at a reload must not recreate the series of a removed key.
   */
  #observerFor(alias: string): AttemptObserver {
    const { exporterMetrics, recordBudget } = this.#deps;
    const live = () => this.#states.has(alias);
    return {
      onResponse: (i) => {
        if (!live()) return;
        const { status, headers } = i.response;
        exporterMetrics.probeResponse(alias, status);
        recordBudget({ key: alias, operation: i.operation, method: i.method, status, headers, startedAt: i.startedAt });
      },
      onError: (i) => {
        if (live()) exporterMetrics.probeError(alias, i.reason);
      },
    };
  }

  /**
   * Starts the probes that are due and waits for in-flight ones at most `waitMs`. A probe is due
   * `min_interval_seconds` after the last one started, or `floorSeconds` if that is longer (the
   * console passes CONSOLE_PROBE_FLOOR_SECONDS: page loads must not spend a key's budget faster than scrapes do).
   */
  async refresh(waitMs: number, floorSeconds = 0): Promise<void> {
    if (this.#abort.signal.aborted) return;
    const now = performance.now();
    const pending: Promise<void>[] = [];
    for (const state of this.#states.values()) {
      const { operations, minIntervalSeconds } = state.key.probe;
      if (operations.length === 0) continue;
      if (!state.inFlight && now - state.lastStartedAt >= Math.max(minIntervalSeconds, floorSeconds) * 1000) this.#start(state);
      if (state.inFlight) pending.push(state.inFlight);
    }
    if (pending.length === 0 || waitMs <= 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled(pending), new Promise((r) => (timer = setTimeout(r, waitMs)))]);
    clearTimeout(timer);
  }

  /** How many probe verdicts and key sets were written so far: it moves whenever a probe family may have changed. */
  get verdicts(): number {
    return this.#verdicts;
  }

  status(alias: string): ProbeStatus | undefined {
    const s = this.#states.get(alias);
    if (!s) return undefined;
    return { up: s.up, lastSuccessAt: s.lastSuccessAt, lastProbeAt: s.lastProbeAt, probing: s.inFlight !== undefined };
  }

  /** Aborts in-flight probes and refuses new ones. */
  async close(): Promise<void> {
    this.#abort.abort();
    await Promise.allSettled([...this.#states.values()].map((s) => s.inFlight));
  }

  #start(state: KeyState): void {
    state.lastStartedAt = performance.now();
    state.inFlight = this.#limit
      .run(() => this.#probe(state))
      .catch((err) => this.#deps.logger.error({ alias: state.key.name, err }, "probe crashed"))
      .finally(() => {
        state.inFlight = undefined;
      });
  }

  /** Writes a verdict (this replica's or another's) into the key's gauges and state. */
  #apply(state: KeyState, v: SharedVerdict): void {
    const m = this.#deps.exporterMetrics;
    const alias = state.key.name;
    m.up.set({ key: alias }, v.up ? 1 : 0);
    m.probeDuration.set({ key: alias }, v.durationSeconds);
    for (const [operation, value] of v.permitted) m.setPermitted(alias, operation, value);
    state.up = v.up;
    state.lastProbeAt = v.probedAt;
    if (v.lastSuccessAt !== undefined && (state.lastSuccessAt === undefined || v.lastSuccessAt > state.lastSuccessAt)) {
      state.lastSuccessAt = v.lastSuccessAt;
      m.lastSuccess.set({ key: alias }, v.lastSuccessAt);
    }
    this.#verdicts++;
  }

  async #probe(state: KeyState): Promise<void> {
    const { key } = state;
    const signal = this.#abort.signal;
    if (signal.aborted) return;
    const coordinator = this.#deps.coordinator;
    // Another replica holds this interval's lease: take its verdict instead of spending quota.
    if (coordinator && !(await coordinator.claim(key.name, Math.max(1, key.probe.minIntervalSeconds) * 1000))) {
      const shared = await coordinator.latest(key.name);
      if (shared && !signal.aborted && this.#states.get(key.name) === state) this.#apply(state, shared);
      return;
    }
    const began = performance.now();
    const outcomes = [];
    // One call after another: a probe is a trickle, not a burst against the key's budget.
    for (const op of key.probe.operations) outcomes.push(await callOperation(state.client, op, signal));
    if (signal.aborted || this.#states.get(key.name) !== state) return; // closed, or the key was reloaded away
    const verdict = judge(key.probe.operations, outcomes);
    const nowSeconds = (this.#deps.now ?? Date.now)() / 1000;
    const shared: SharedVerdict = {
      up: verdict.up,
      permitted: [...verdict.permitted],
      probedAt: nowSeconds,
      durationSeconds: (performance.now() - began) / 1000,
      ...(verdict.up ? { lastSuccessAt: nowSeconds } : state.lastSuccessAt !== undefined ? { lastSuccessAt: state.lastSuccessAt } : {}),
    };
    this.#apply(state, shared);
    coordinator?.publish(key.name, shared);
    const level = verdict.up ? "debug" : "warn";
    this.#deps.logger[level]({ alias: key.name, up: verdict.up, outcomes }, "probe finished");
  }
}

function sameOps(a: KeyConfig, b: KeyConfig): boolean {
  return a.probe.operations.map((o) => o.operationId).join() === b.probe.operations.map((o) => o.operationId).join();
}
