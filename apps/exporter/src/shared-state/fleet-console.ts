// The console's counters and caller tables over the fleet. Every `PUBLISH_INTERVAL_MS` a replica
// writes its compact snapshot (its own cumulative counts, keyed by replica id and process start,
// so a restarted replica is a new incarnation) with a time-to-live, then reads the others'. The
// console merges the last snapshots read with this replica's live counts; it never waits on
// Redis. A snapshot stays for the longest window (60 min) after its replica stopped writing: a
// killed replica's requests were real and stay in the windowed counts until they age out.
import type { CallerTable } from "../callers/types.js";
import type { FleetStatus } from "../console/api.js";
import { snapshotOf, type KeyUsageSnapshot, type UsageExport, type UsageRing } from "../console/usage.js";
import type { SharedLink } from "./link.js";
import { countsOfExport, mergeCallerTables, sumCounts } from "./merge-console.js";

export const PUBLISH_INTERVAL_MS = 5000;
/** A snapshot this recent is a replica that answers now. */
export const LIVE_MS = 3 * PUBLISH_INTERVAL_MS;
/** How long a snapshot outlives its last write: the longest console window, plus a margin. */
export const SNAPSHOT_TTL_MS = 61 * 60 * 1000;
const PREFIX = "minimo-exporter:console:";
const INDEX = "minimo-exporter:console-index";

interface ReplicaSnapshot {
  replica: string;
  incarnation: string;
  at: number;
  usage: Record<string, UsageExport>;
  callers: Record<string, CallerTable>;
}

export interface FleetConsoleOptions {
  link: SharedLink;
  usage: UsageRing;
  callers: { table(alias: string): CallerTable | undefined };
  /** The aliases whose caller tables are published (configured keys and `unknown`). */
  aliases: () => readonly string[];
  now?: () => number;
  /** Default `PUBLISH_INTERVAL_MS`; 0: by hand (`exchange()`). */
  intervalMs?: number;
}

export class FleetConsole {
  readonly #o: FleetConsoleOptions;
  readonly #now: () => number;
  readonly #key: string;
  readonly #incarnation: string;
  #others: ReplicaSnapshot[] = [];
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;

  constructor(options: FleetConsoleOptions) {
    this.#o = options;
    this.#now = options.now ?? Date.now;
    this.#incarnation = `${this.#now()}-${process.pid}`;
    this.#key = `${PREFIX}${options.link.replicaId}:${this.#incarnation}`;
    options.link.onUp(() => void this.exchange());
    const interval = options.intervalMs ?? PUBLISH_INTERVAL_MS;
    if (interval > 0) {
      this.#timer = setInterval(() => void this.exchange(), interval);
      this.#timer.unref();
    }
  }

  /** The `usage` the console reads: merged while Redis answers, this replica's own otherwise. */
  readonly usage = {
    snapshot: (alias: string): KeyUsageSnapshot | undefined => {
      const own = this.#o.usage.counts(alias);
      if (!own) return undefined;
      const others = this.#o.link.up ? this.#others.flatMap((s) => (s.usage[alias] ? [countsOfExport(s.usage[alias]!)] : [])) : [];
      return snapshotOf(others.length > 0 ? sumCounts([own, ...others]) : own, this.#now());
    },
  };

  readonly callers = {
    table: (alias: string): CallerTable | undefined => {
      const own = this.#o.callers.table(alias);
      if (!own || !this.#o.link.up) return own;
      return mergeCallerTables([own, ...this.#others.flatMap((s) => (s.callers[alias] ? [s.callers[alias]!] : []))]);
    },
  };

  status(): FleetStatus {
    const link = this.#o.link.status();
    if (!link.up) return { replicaId: link.replicaId, scope: "replica", replicas: 1, unavailableSince: new Date(link.downSince ?? this.#now()).toISOString() };
    const now = this.#now();
    const live = new Set(this.#others.filter((s) => now - s.at <= LIVE_MS).map((s) => s.replica));
    live.add(link.replicaId);
    return { replicaId: link.replicaId, scope: "fleet", replicas: live.size };
  }

  /** Publishes this replica's snapshot and reads the others' (one at a time; nothing while Redis is out). */
  exchange(): Promise<void> {
    this.#running ??= this.#exchange().finally(() => (this.#running = undefined));
    return this.#running;
  }

  async #exchange(): Promise<void> {
    const now = this.#now();
    const callers: Record<string, CallerTable> = {};
    for (const alias of this.#o.aliases()) {
      const t = this.#o.callers.table(alias);
      if (t && t.callers.length > 0) callers[alias] = t;
    }
    const mine: ReplicaSnapshot = { replica: this.#o.link.replicaId, incarnation: this.#incarnation, at: now, usage: this.#o.usage.export(), callers };
    const keys = await this.#o.link.run(async (c) => {
      const [, , , members] = await c
        .multi()
        .set(this.#key, JSON.stringify(mine), { expiration: { type: "PX", value: SNAPSHOT_TTL_MS } })
        .zAdd(INDEX, { score: now, value: this.#key })
        .zRemRangeByScore(INDEX, "-inf", now - SNAPSHOT_TTL_MS)
        .zRange(INDEX, 0, -1)
        .exec();
      return members as unknown as string[];
    });
    if (keys === undefined) return;
    const wanted = keys.filter((k) => k !== this.#key);
    if (wanted.length === 0) {
      this.#others = [];
      return;
    }
    const values = await this.#o.link.run((c) => c.mGet(wanted));
    if (values === undefined) return;
    this.#others = values.flatMap((v) => {
      const s = parseSnapshot(v);
      return s ? [s] : [];
    });
  }

  async close(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    // The last counts of this incarnation, so a clean stop loses nothing either.
    await this.exchange();
  }
}

function parseSnapshot(text: string | null): ReplicaSnapshot | undefined {
  if (text === null) return undefined;
  try {
    const v = JSON.parse(text) as ReplicaSnapshot;
    if (typeof v.replica !== "string" || typeof v.at !== "number" || typeof v.usage !== "object" || typeof v.callers !== "object") return undefined;
    return v;
  } catch {
    return undefined;
  }
}
