// Usage verdicts that need the observer to have watched the whole window: unused permissions,
// idle keys ("safe to revoke"), and permissions Minimo refused (403) in the last day.
import { coverageOf } from "../state/coverage.js";
import { DAY_MS, iso, type FindingContext, type Judge, type Pending } from "./context.js";

/** Coverage of the window, counted from when the key's history starts. */
function windowCoverage({ usage, data, settings, now }: FindingContext) {
  const since = usage?.since ?? now;
  const windowStart = now - settings.windowDays * DAY_MS;
  // Days before the key's history started were not watched for this key.
  const clipped = data.coverage.map(([a, b]) => [Math.max(a, since), b] as [number, number]).filter(([a, b]) => b > a);
  return { verdict: coverageOf(clipped, settings.windowDays, now), windowStart };
}

const notEnough = (finding: "idle" | "unused_permission", watched: number, days: number): Pending => ({
  pending: finding,
  summary: `not enough history: ${watched} of ${days} days watched`,
});

export const idle: Judge = (ctx) => {
  const { usage, settings } = ctx;
  const { verdict, windowStart } = windowCoverage(ctx);
  const lastAccepted = usage?.lastAccepted;
  if (lastAccepted !== undefined && lastAccepted >= windowStart) return undefined;
  if (!verdict.ok) return notEnough("idle", verdict.watchedDays, verdict.days);
  return {
    finding: "idle",
    severity: "info",
    summary: `no accepted request in ${settings.windowDays} days: safe to revoke`,
    fix: "Safe to revoke. Revoked keys stop working immediately: make sure no app still holds the key, then revoke it in the Minimo dashboard and remove it from this config.",
    evidence: { lastAccepted: iso(lastAccepted), lastRejected: iso(usage?.lastRejected), coverageDays: verdict.watchedDays, windowDays: verdict.days },
  };
};

export const unusedPermission: Judge = (ctx) => {
  const { key, usage, settings } = ctx;
  const declared = key.inventory.permissions;
  if (declared === undefined || declared.length === 0) return undefined;
  const { verdict, windowStart } = windowCoverage(ctx);
  const used = declared.filter((p) => (usage?.permissions[p] ?? -1) >= windowStart);
  const unused = declared.filter((p) => !used.includes(p));
  if (unused.length === 0) return undefined;
  // A key with no accepted use at all is `idle`: one finding, not two.
  if (usage?.lastAccepted === undefined || usage.lastAccepted < windowStart) return undefined;
  if (!verdict.ok) return notEnough("unused_permission", verdict.watchedDays, verdict.days);
  return {
    finding: "unused_permission",
    severity: "warning",
    summary: `${unused.join(", ")} unused in ${settings.windowDays} days; ${used.length ? `{${used.join(", ")}}` : "no permission"} covers what was used`,
    fix: "Least privilege: give each key only the permissions it needs (read-only keys for dashboards, write-only keys for contact imports). Create a key with the suggested permissions and replace this one.",
    evidence: {
      unused: unused.map((permission) => ({ permission, lastUsed: iso(usage.permissions[permission]) })),
      suggested: used,
      coverageDays: verdict.watchedDays,
      windowDays: verdict.days,
    },
  };
};

export const missingPermission: Judge = ({ key, usage, now }) => {
  if (usage === undefined) return undefined;
  const recent = Object.entries(usage.forbidden).filter(([, at]) => at >= now - DAY_MS);
  if (recent.length === 0) return undefined;
  const declared = key.inventory.permissions;
  const refused = recent.map(([permission, at]) => ({ permission, last403: iso(at), declared: declared?.includes(permission) ?? false }));
  const wrongInventory = refused.filter((r) => r.declared).map((r) => r.permission);
  return {
    finding: "missing_permission",
    severity: "warning",
    summary: `Minimo refused (403) ${refused.map((r) => r.permission).join(", ")} in the last 24 h${wrongInventory.length ? `; declared here, so the inventory is wrong for ${wrongInventory.join(", ")}` : ""}`,
    fix: "The key lacks a permission its callers use: create a key with it (only what is used), or stop the calls; if the key should have it, correct `permissions` to what the Minimo dashboard shows.",
    evidence: { refused },
  };
};
