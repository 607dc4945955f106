// The state file's format: JSON of PostureData, checked on the way in so a file that is corrupt
// or from another version is refused (and moved aside by the store) rather than half-read.
import { z } from "zod";
import type { PostureData } from "../types.js";

const time = z.number().finite().nonnegative();
const keyUsage = z.object({
  since: time,
  lastAccepted: time.optional(),
  lastRejected: time.optional(),
  firstAccepted: time.optional(),
  permissions: z.record(z.string(), time),
  forbidden: z.record(z.string(), time),
  baseline: z.record(z.string(), z.object({ firstSeen: time, lastSeen: time })),
  newCallers: z.array(z.object({ caller: z.string(), at: time })),
  newCallersTotal: z.number().int().nonnegative(),
  browser: z.object({ count: z.number().int().nonnegative(), last: time.optional(), origin: z.string().optional(), userAgent: z.string().optional() }),
  keyInUrl: z.object({ count: z.number().int().nonnegative(), last: time.optional(), operation: z.string().optional() }),
  rotationCallers: z.array(z.object({ address: z.string(), userAgent: z.string(), lastOperation: z.string(), lastSeen: time })),
});
const dataSchema = z.object({
  version: z.literal(1),
  coverage: z.array(z.tuple([time, time])),
  keys: z.record(z.string(), keyUsage),
});

export const STATE_FILE = "posture.json";

export function serialize(data: PostureData): string {
  return `${JSON.stringify(data)}\n`;
}

/** Parses a state file; throws an Error saying what is wrong (never quoting the content). */
export function deserialize(text: string): PostureData {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error("not valid JSON");
  }
  const parsed = dataSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`unexpected content at ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return parsed.data as PostureData;
}

export function emptyData(): PostureData {
  return { version: 1, coverage: [], keys: {} };
}
