import { createHash } from "node:crypto";

/** Which of `total` shards probes `alias`: a stable hash, so every replica agrees. */
export function shardOf(alias: string, total: number): number {
  return createHash("sha256").update(alias).digest().readUInt32BE(0) % total;
}
