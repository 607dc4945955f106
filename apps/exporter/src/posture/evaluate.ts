// The findings engine: every judge over every key, acceptances applied, most severe first.
// Pure: a snapshot of the state, the keys and a clock in; reports out.
import { UNKNOWN_KEY_ALIAS } from "../config/defaults.js";
import { day, type Draft, type FindingContext } from "./findings/context.js";
import { JUDGES, UNKNOWN_KEY_JUDGES } from "./findings/index.js";
import { FINDINGS, SEVERITIES, type Finding, type FindingName, type KeyReport, type PendingVerdict, type PostureData, type PostureKey, type PostureSettings } from "./types.js";

const rank = (f: Finding) => -SEVERITIES.indexOf(f.severity) * 100 + FINDINGS.indexOf(f.finding);

function finalize(key: PostureKey, draft: Draft, now: number): Finding {
  const entries = key.inventory.accept.filter((a) => a.finding === draft.finding);
  const live = entries.find((a) => a.until * 1000 > now);
  const ended = entries.filter((a) => a.until * 1000 <= now).sort((a, b) => b.until - a.until)[0];
  return {
    key: key.name,
    ...draft,
    ...(live ? { accepted: { reason: live.reason, until: day(live.until) } } : {}),
    ...(!live && ended ? { acceptanceExpired: { reason: ended.reason, until: day(ended.until) } } : {}),
  };
}

export function evaluateKey(key: PostureKey, keys: readonly PostureKey[], data: PostureData, settings: PostureSettings, now: number, only?: readonly FindingName[]): KeyReport {
  const successorKey = keys.find((k) => k.inventory.replaces === key.name);
  const ctx: FindingContext = {
    key,
    usage: data.keys[key.name],
    data,
    ...(successorKey ? { successor: { key: successorKey, usage: data.keys[successorKey.name] } } : {}),
    settings,
    now,
  };
  const findings: Finding[] = [];
  const pending: PendingVerdict[] = [];
  for (const name of only ?? FINDINGS) {
    const out = JUDGES[name](ctx);
    if (out === undefined) continue;
    if ("pending" in out) pending.push({ key: key.name, finding: out.pending, summary: out.summary });
    else findings.push(finalize(key, out, now));
  }
  findings.sort((a, b) => rank(a) - rank(b));
  return { key: key.name, findings, pending };
}

/** Reports for every configured key, plus `unknown` when a key-in-URL was seen under it. */
export function evaluateAll(keys: readonly PostureKey[], data: PostureData, settings: PostureSettings, now: number): KeyReport[] {
  const reports = keys.map((k) => evaluateKey(k, keys, data, settings, now));
  if (data.keys[UNKNOWN_KEY_ALIAS] !== undefined) {
    const unknown: PostureKey = { name: UNKNOWN_KEY_ALIAS, inventory: { clientSide: false, accept: [] } };
    const report = evaluateKey(unknown, keys, data, settings, now, UNKNOWN_KEY_JUDGES);
    if (report.findings.length) reports.push(report);
  }
  return reports;
}

/** True for a finding that counts: not silenced by an unexpired acceptance. */
export const isActive = (f: Finding): boolean => f.accepted === undefined;
