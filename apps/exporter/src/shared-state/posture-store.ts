// Posture facts shared by every replica: a wrapper around the replica's own store. Every
// `SYNC_INTERVAL_MS` it reads all replicas' entries of one Redis hash, merges them into its own
// state (later "last", earlier "first", bounded union of baselines: merge.ts), and writes its
// merged view under its replica id. Nothing is ever overwritten by another replica's view, and
// the gateway only ever touches the local store's memory. Entries of replicas that stopped
// writing are dropped once merged, so replica ids that change (pods) do not pile up.
import { mergeData } from "../posture/state/merge.js";
import { deserialize } from "../posture/state/serializer.js";
import type { PostureStore } from "../posture/state/store.js";
import type { KeyUsage, PostureData } from "../posture/types.js";
import type { SharedLink } from "./link.js";

export const POSTURE_HASH = "minimo-exporter:posture";
/** How often a replica exchanges posture facts. */
export const SYNC_INTERVAL_MS = 5000;
/** An entry not rewritten for this long belongs to a replica that is gone (its facts live on in the others'). */
export const STALE_ENTRY_MS = 60 * 60 * 1000;

export interface SharedPostureOptions {
  link: SharedLink;
  local: PostureStore;
  now?: () => number;
  /** Default `SYNC_INTERVAL_MS`; 0: sync by hand (`sync()`). */
  intervalMs?: number;
}

export class SharedPostureStore implements PostureStore {
  readonly #link: SharedLink;
  readonly #local: PostureStore;
  readonly #now: () => number;
  #timer: NodeJS.Timeout | undefined;
  #syncing: Promise<void> | undefined;

  constructor(options: SharedPostureOptions) {
    this.#link = options.link;
    this.#local = options.local;
    this.#now = options.now ?? Date.now;
    // Right when Redis answers: a restarted replica gets the fleet's facts before its first interval.
    this.#link.onUp(() => void this.sync());
    const interval = options.intervalMs ?? SYNC_INTERVAL_MS;
    if (interval > 0) {
      this.#timer = setInterval(() => void this.sync(), interval);
      this.#timer.unref();
    }
  }

  usage(alias: string, now: number): KeyUsage {
    return this.#local.usage(alias, now);
  }

  peek(alias: string): KeyUsage | undefined {
    return this.#local.peek(alias);
  }

  snapshot(now: number): PostureData {
    return this.#local.snapshot(now);
  }

  merge(other: PostureData): void {
    this.#local.merge(other);
  }

  retain(aliases: readonly string[]): void {
    this.#local.retain(aliases);
  }

  /** One exchange with Redis (one at a time); a no-op while Redis is unavailable. */
  sync(): Promise<void> {
    this.#syncing ??= this.#exchange().finally(() => (this.#syncing = undefined));
    return this.#syncing;
  }

  async #exchange(): Promise<void> {
    const entries = await this.#link.run((c) => c.hGetAll(POSTURE_HASH));
    if (entries === undefined) return;
    const now = this.#now();
    const stale: string[] = [];
    let theirs: PostureData | undefined;
    for (const [replica, text] of Object.entries(entries)) {
      const entry = parseEntry(text);
      // An unreadable entry (another version) is left alone, not merged and not deleted.
      if (!entry) continue;
      theirs = theirs ? mergeData(theirs, entry.data) : entry.data;
      if (replica !== this.#link.replicaId && now - entry.at > STALE_ENTRY_MS) stale.push(replica);
    }
    if (theirs) this.#local.merge(theirs);
    const mine = JSON.stringify({ at: now, data: this.#local.snapshot(now) });
    const written = await this.#link.run((c) => c.hSet(POSTURE_HASH, this.#link.replicaId, mine));
    if (written !== undefined && stale.length > 0) await this.#link.run((c) => c.hDel(POSTURE_HASH, stale));
  }

  async flush(): Promise<void> {
    await Promise.all([this.#local.flush(), this.sync()]);
  }

  async close(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    await this.sync();
    await this.#local.close();
  }
}

function parseEntry(text: string): { at: number; data: PostureData } | undefined {
  try {
    const value = JSON.parse(text) as { at?: unknown; data?: unknown };
    if (typeof value.at !== "number") return undefined;
    return { at: value.at, data: deserialize(JSON.stringify(value.data)) };
  } catch {
    return undefined;
  }
}
