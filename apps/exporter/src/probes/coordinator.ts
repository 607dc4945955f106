// How replicas share probes (shared state): one replica holds a key's lease per interval and
// probes; the others take its verdict. Without a coordinator every replica probes for itself.

/** A probe verdict as replicas share it (times in seconds since the epoch). */
export interface SharedVerdict {
  up: boolean;
  permitted: [string, 0 | 1][];
  probedAt: number;
  lastSuccessAt?: number;
  durationSeconds: number;
}

export interface ProbeCoordinator {
  /** True when this replica should probe `alias` now (it holds the lease for `ms`); also true when no answer came in time. */
  claim(alias: string, ms: number): Promise<boolean>;
  /** The latest verdict any replica published for `alias`. */
  latest(alias: string): Promise<SharedVerdict | undefined>;
  /** Publishes this replica's verdict (without waiting). */
  publish(alias: string, verdict: SharedVerdict): void;
}
