// The posture families. Findings and last-used times are computed when scraped (from one cached
// evaluation shared by both collect() hooks); the two counters are bumped on the request path.
import { Counter, Gauge, type Registry } from "prom-client";
import * as N from "../metrics/names.js";
import { isActive } from "./evaluate.js";
import type { KeyReport, PostureData } from "./types.js";

export interface PostureView {
  /** One evaluation and its snapshot, at most a second old. */
  current(): { reports: readonly KeyReport[]; data: PostureData };
}

export class PostureMetrics {
  readonly browserRequests: Counter<"key">;
  readonly newCallers: Counter<"key">;
  readonly #keys = new Set<string>();

  constructor(registry: Registry, view: PostureView, configured: () => readonly string[]) {
    const registers = [registry];
    this.browserRequests = new Counter({ name: N.GATEWAY_BROWSER_REQUESTS_TOTAL, help: N.GATEWAY_BROWSER_REQUESTS_TOTAL_HELP, labelNames: ["key"], registers });
    this.newCallers = new Counter({ name: N.KEY_NEW_CALLERS_TOTAL, help: N.KEY_NEW_CALLERS_TOTAL_HELP, labelNames: ["key"], registers });
    new Gauge({
      name: N.KEY_FINDING,
      help: N.KEY_FINDING_HELP,
      labelNames: ["key", "finding", "severity"],
      registers,
      collect() {
        this.reset();
        for (const r of view.current().reports) for (const f of r.findings) if (isActive(f)) this.set({ key: f.key, finding: f.finding, severity: f.severity }, 1);
      },
    });
    new Gauge({
      name: N.KEY_LAST_USED_TIMESTAMP_SECONDS,
      help: N.KEY_LAST_USED_TIMESTAMP_SECONDS_HELP,
      labelNames: ["key"],
      registers,
      collect() {
        this.reset();
        const { data } = view.current();
        for (const key of configured()) {
          const at = data.keys[key]?.lastAccepted;
          if (at !== undefined) this.set({ key }, at / 1000);
        }
      },
    });
    new Gauge({
      name: N.KEY_PERMISSION_LAST_USED_TIMESTAMP_SECONDS,
      help: N.KEY_PERMISSION_LAST_USED_TIMESTAMP_SECONDS_HELP,
      labelNames: ["key", "permission"],
      registers,
      collect() {
        this.reset();
        const { data } = view.current();
        for (const key of configured()) {
          for (const [permission, at] of Object.entries(data.keys[key]?.permissions ?? {})) this.set({ key, permission }, at / 1000);
        }
      },
    });
  }

  /** Counters of configured keys at 0 from the start, so rate() and alerts see the first event; removed keys dropped. */
  setKeys(keys: readonly string[]): void {
    const next = new Set(keys);
    for (const key of this.#keys) {
      if (next.has(key)) continue;
      this.browserRequests.remove({ key });
      this.newCallers.remove({ key });
    }
    for (const key of next) {
      this.browserRequests.inc({ key }, 0);
      this.newCallers.inc({ key }, 0);
    }
    this.#keys.clear();
    for (const key of next) this.#keys.add(key);
  }
}
