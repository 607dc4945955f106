// Merging two states (a restart's leftovers, another replica's view): the later time wins for
// every "last", the earlier for every "first", coverage is the union, bounded lists keep the
// most recent entries.
import { BASELINE_SIZE, EVIDENCE_SIZE, type KeyUsage, type PostureData } from "../types.js";
import { normalize } from "./coverage.js";

const max = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.max(a, b));
const min = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.min(a, b));

function mergeTimes(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = max(out[k], v)!;
  return out;
}

function mergeKey(a: KeyUsage, b: KeyUsage): KeyUsage {
  const baseline: KeyUsage["baseline"] = { ...a.baseline };
  for (const [caller, e] of Object.entries(b.baseline)) {
    const mine = baseline[caller];
    baseline[caller] = mine ? { firstSeen: Math.min(mine.firstSeen, e.firstSeen), lastSeen: Math.max(mine.lastSeen, e.lastSeen) } : { ...e };
  }
  const kept = Object.entries(baseline)
    .sort((x, y) => y[1].lastSeen - x[1].lastSeen)
    .slice(0, BASELINE_SIZE);
  const rotation = new Map<string, KeyUsage["rotationCallers"][number]>();
  for (const c of [...a.rotationCallers, ...b.rotationCallers]) {
    const id = `${c.address} ${c.userAgent}`;
    const seen = rotation.get(id);
    if (!seen || seen.lastSeen < c.lastSeen) rotation.set(id, { ...c });
  }
  const events = new Map<string, KeyUsage["newCallers"][number]>();
  for (const e of [...a.newCallers, ...b.newCallers]) events.set(`${e.caller} ${e.at}`, e);
  const newer = (x: KeyUsage["browser"], y: KeyUsage["browser"]) => ((y.last ?? 0) > (x.last ?? 0) ? y : x);
  const browserLast = newer(a.browser, b.browser);
  const urlLast = (b.keyInUrl.last ?? 0) > (a.keyInUrl.last ?? 0) ? b.keyInUrl : a.keyInUrl;
  const out: KeyUsage = {
    since: Math.min(a.since, b.since),
    permissions: mergeTimes(a.permissions, b.permissions),
    forbidden: mergeTimes(a.forbidden, b.forbidden),
    baseline: Object.fromEntries(kept),
    newCallers: [...events.values()].sort((x, y) => x.at - y.at).slice(-EVIDENCE_SIZE),
    newCallersTotal: Math.max(a.newCallersTotal, b.newCallersTotal),
    browser: { ...browserLast, count: Math.max(a.browser.count, b.browser.count) },
    keyInUrl: { ...urlLast, count: Math.max(a.keyInUrl.count, b.keyInUrl.count) },
    rotationCallers: [...rotation.values()].sort((x, y) => x.lastSeen - y.lastSeen).slice(-EVIDENCE_SIZE),
  };
  const lastAccepted = max(a.lastAccepted, b.lastAccepted);
  const lastRejected = max(a.lastRejected, b.lastRejected);
  const firstAccepted = min(a.firstAccepted, b.firstAccepted);
  if (lastAccepted !== undefined) out.lastAccepted = lastAccepted;
  if (lastRejected !== undefined) out.lastRejected = lastRejected;
  if (firstAccepted !== undefined) out.firstAccepted = firstAccepted;
  return out;
}

/** A new PostureData holding what both know. Inputs are not changed. */
export function mergeData(a: PostureData, b: PostureData): PostureData {
  const keys: Record<string, KeyUsage> = structuredClone(a.keys);
  for (const [alias, usage] of Object.entries(b.keys)) {
    keys[alias] = keys[alias] ? mergeKey(keys[alias]!, usage) : structuredClone(usage);
  }
  const coverage = structuredClone([...a.coverage, ...b.coverage]);
  normalize(coverage);
  return { version: 1, coverage, keys };
}
