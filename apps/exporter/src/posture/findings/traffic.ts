// Verdicts from what the gateway saw: rotation still in use, browser use of a server key, keys in
// URLs, new callers on an accepted key.
import { DAY_MS, HOUR_MS, iso, type Judge } from "./context.js";
import { coverageOf } from "../state/coverage.js";

export const rotationPending: Judge = ({ usage, successor, settings, now, data }) => {
  const started = successor?.usage?.firstAccepted;
  if (successor === undefined || started === undefined) return undefined;
  const lastAccepted = usage?.lastAccepted;
  const quietFrom = Math.max(lastAccepted ?? 0, started);
  const quietMs = settings.rotationQuietHours * HOUR_MS;
  const quietDays = (now - quietFrom) / DAY_MS;
  const watched = quietDays > 0 ? coverageOf(data.coverage, quietDays, now).ok : false;
  const callers = (usage?.rotationCallers ?? [])
    .filter((c) => c.lastSeen >= started)
    .map((c) => ({ address: c.address, userAgent: c.userAgent, lastOperation: c.lastOperation, lastSeen: iso(c.lastSeen) }));
  const evidence = { successor: successor.key.name, successorFirstUse: iso(started), lastAccepted: iso(lastAccepted), callers };
  if (now - quietFrom >= quietMs && watched) {
    return {
      finding: "rotation_pending",
      severity: "info",
      summary: `no accepted request for ${settings.rotationQuietHours} h since ${successor.key.name} took over: safe to revoke`,
      fix: "Safe to revoke: revoked keys stop working immediately, and nothing has used this key since its successor did.",
      evidence,
    };
  }
  if (lastAccepted === undefined || lastAccepted < started) return undefined;
  return {
    finding: "rotation_pending",
    severity: "warning",
    summary: `still used after ${successor.key.name} (its successor) was first used; ${callers.length} caller(s) to move`,
    fix: "Revoked keys stop working immediately: update the apps listed here to the new key before revoking this one.",
    evidence,
  };
};

export const browserUse: Judge = ({ key, usage, settings, now }) => {
  if (key.inventory.clientSide || usage === undefined || usage.browser.last === undefined) return undefined;
  if (usage.browser.last < now - settings.windowDays * DAY_MS) return undefined;
  return {
    finding: "browser_use",
    severity: "critical",
    summary: `a browser used this server key (${usage.browser.count} request(s), last ${iso(usage.browser.last)})`,
    fix: "Use keys server-side. For client-side use, create a separate read-only, short-lived key (`client_side: true`); the key a browser held is exposed: rotate it.",
    evidence: { count: usage.browser.count, last: iso(usage.browser.last), origin: usage.browser.origin ?? null, userAgent: usage.browser.userAgent ?? null },
  };
};

export const keyInUrl: Judge = ({ usage, settings, now }) => {
  if (usage === undefined || usage.keyInUrl.last === undefined) return undefined;
  if (usage.keyInUrl.last < now - settings.windowDays * DAY_MS) return undefined;
  return {
    finding: "key_in_url",
    severity: "critical",
    summary: `a key was sent in a URL (${usage.keyInUrl.count} request(s), last ${iso(usage.keyInUrl.last)}): it lands in every log on its way`,
    fix: "Send the key only in the `Authorization: Bearer` header, never in a path or query; it has been written to logs: rotate it.",
    evidence: { count: usage.keyInUrl.count, last: iso(usage.keyInUrl.last), operation: usage.keyInUrl.operation ?? null },
  };
};

export const NEW_CALLER_ACTIVE_MS = DAY_MS;

export const newCaller: Judge = ({ key, usage, now }) => {
  if (key.inventory.clientSide || usage === undefined) return undefined;
  const recent = usage.newCallers.filter((e) => e.at >= now - NEW_CALLER_ACTIVE_MS);
  if (recent.length === 0) return undefined;
  return {
    finding: "new_caller",
    severity: "warning",
    summary: `${recent.length} new caller(s) in the last 24 h outside the key's baseline`,
    fix: "Monitor usage for unusual patterns and unauthorized access: confirm each new caller is one of your apps; if not, revoke the key.",
    evidence: { callers: recent.map((e) => ({ caller: e.caller, firstSeen: iso(e.at) })) },
  };
};
