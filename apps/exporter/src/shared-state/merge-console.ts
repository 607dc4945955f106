// Merging the console's numbers over replicas: counts add up (each incarnation's own cumulative
// counts, so nothing is counted twice), caller rows of the same caller add up.
import type { CallerRow, CallerTable } from "../callers/types.js";
import { FIELDS, type UsageCounts, type UsageExport } from "../console/usage.js";

export function countsOfExport(e: UsageExport): UsageCounts {
  return { since: e.since, totals: e.totals, at: (bucket, field) => e.buckets[bucket]?.[field] ?? 0 };
}

/** The sum of several replicas' counts of one key. */
export function sumCounts(parts: readonly UsageCounts[]): UsageCounts {
  const totals = FIELDS.map((_, i) => parts.reduce((n, p) => n + (p.totals[i] ?? 0), 0));
  return {
    since: Math.min(...parts.map((p) => p.since)),
    totals,
    at: (bucket, field) => parts.reduce((n, p) => n + p.at(bucket, field), 0),
  };
}

/** One table of the heaviest callers over several replicas' tables of the same alias. */
export function mergeCallerTables(tables: readonly CallerTable[]): CallerTable | undefined {
  if (tables.length === 0) return undefined;
  const rows = new Map<string, CallerRow>();
  for (const t of tables) {
    for (const r of t.callers) {
      const id = `${r.address}\n${r.userAgent}\n${r.clientId ?? ""}`;
      const seen = rows.get(id);
      if (!seen) {
        rows.set(id, { ...r });
        continue;
      }
      const newer = r.lastSeen > seen.lastSeen;
      rows.set(id, {
        ...seen,
        count: seen.count + r.count,
        countError: seen.countError + r.countError,
        unauthorized: seen.unauthorized + r.unauthorized,
        forbidden: seen.forbidden + r.forbidden,
        lastOperation: newer ? r.lastOperation : seen.lastOperation,
        // biome-ignore lint/complexity/useMathMinMax: ISO timestamps, compared as text
        firstSeen: r.firstSeen < seen.firstSeen ? r.firstSeen : seen.firstSeen,
        lastSeen: newer ? r.lastSeen : seen.lastSeen,
      });
    }
  }
  const capacity = Math.max(...tables.map((t) => t.capacity));
  const callers = [...rows.values()].sort((a, b) => b.count - a.count || (a.lastSeen < b.lastSeen ? 1 : -1)).slice(0, capacity);
  return { alias: tables[0]!.alias, capacity, evictions: tables.reduce((n, t) => n + t.evictions, 0), callers };
}
