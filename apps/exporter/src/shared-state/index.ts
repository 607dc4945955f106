// Shared state for several replicas (state.redis_url): one Redis connection and the stores that
// use it. Absent config: nothing here runs and each replica keeps its state to itself.
import { hostname } from "node:os";
import type { Registry } from "prom-client";
import type { PostureStore } from "../posture/state/store.js";
import type { RedisConfig } from "../config/redis.js";
import { SharedLink, type LinkLogger, type LinkStatus } from "./link.js";
import { SharedPostureStore } from "./posture-store.js";
import { FleetConsole, type FleetConsoleOptions } from "./fleet-console.js";
import { redisProbeCoordinator } from "./probe-lease.js";
import type { ProbeCoordinator } from "../probes/coordinator.js";

export type { RedisConfig } from "../config/redis.js";
export type { LinkStatus } from "./link.js";

export interface SharedState {
  readonly link: SharedLink;
  /** Wraps this replica's posture store so its facts are merged with the fleet's. */
  sharePosture(local: PostureStore): PostureStore;
  /** The console's counters and caller tables over every live replica. */
  shareConsole(options: Omit<FleetConsoleOptions, "link" | "now">): FleetConsole;
  /** One probe per key per interval across replicas. */
  readonly probes: ProbeCoordinator;
  status(): LinkStatus;
  close(): Promise<void>;
}

/** The replica id when `--replica-id` is not given: the host name (a pod's name in Kubernetes). */
export const defaultReplicaId = (): string => hostname();

export function createSharedState(options: { config: RedisConfig; replicaId: string; registry: Registry; logger: LinkLogger; now?: () => number }): SharedState {
  const link = new SharedLink(options);
  const consoles: FleetConsole[] = [];
  const now = options.now ? { now: options.now } : {};
  return {
    link,
    probes: redisProbeCoordinator(link),
    sharePosture: (local) => new SharedPostureStore({ link, local, ...now }),
    shareConsole: (o) => {
      const fleet = new FleetConsole({ ...o, link, ...now });
      consoles.push(fleet);
      return fleet;
    },
    status: () => link.status(),
    close: async () => {
      await Promise.all(consoles.map((c) => c.close()));
      await link.close();
    },
  };
}
