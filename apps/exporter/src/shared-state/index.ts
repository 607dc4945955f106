// Shared state for several replicas (state.redis_url): one Redis connection and the stores that
// use it. Absent config: nothing here runs and each replica keeps its state to itself.
import { hostname } from "node:os";
import type { Registry } from "prom-client";
import type { PostureStore } from "../posture/state/store.js";
import type { RedisConfig } from "./config.js";
import { SharedLink, type LinkLogger, type LinkStatus } from "./link.js";
import { SharedPostureStore } from "./posture-store.js";

export type { RedisConfig } from "./config.js";
export type { LinkStatus } from "./link.js";

export interface SharedState {
  readonly link: SharedLink;
  /** Wraps this replica's posture store so its facts are merged with the fleet's. */
  sharePosture(local: PostureStore): PostureStore;
  status(): LinkStatus;
  close(): Promise<void>;
}

/** The replica id when `--replica-id` is not given: the host name (a pod's name in Kubernetes). */
export const defaultReplicaId = (): string => hostname();

export function createSharedState(options: { config: RedisConfig; replicaId: string; registry: Registry; logger: LinkLogger; now?: () => number }): SharedState {
  const link = new SharedLink(options);
  return {
    link,
    sharePosture: (local) => new SharedPostureStore({ link, local, ...(options.now ? { now: options.now } : {}) }),
    status: () => link.status(),
    close: () => link.close(),
  };
}
