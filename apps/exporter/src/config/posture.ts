// Resolves the posture fields of the config: per-key inventory (permissions checked against the
// spec's x-minimo-permission values, findings against the fixed list) and the posture settings.
import { OPERATIONS } from "@minimo/client";
import { parseDay } from "./dates.js";
import type { ConfigProblem } from "./errors.js";
import { FINDINGS, type Acceptance, type FindingName, type KeyInventory, type PostureSettings } from "./posture-types.js";

/** Every permission the spec names, sorted (never a hand-copied list). */
export const PERMISSIONS: readonly string[] = Object.freeze([...new Set(OPERATIONS.map((o) => o.permission).filter((p): p is string => typeof p === "string"))].sort());

export const POSTURE_DEFAULTS = Object.freeze({ windowDays: 90, rotationQuietHours: 24, learningDays: 14, statePath: "data" });

interface RawKeyPosture {
  permissions?: string[] | undefined;
  created?: string | Date | undefined;
  environment?: string | undefined;
  owner?: string | undefined;
  client_side?: boolean | undefined;
  replaces?: string | undefined;
  accept?: { finding: string; reason: string; until: string | Date }[] | undefined;
}

/** The inventory of `keys[i]`; problems name the field. */
export function resolveInventory(raw: RawKeyPosture, at: string, problems: ConfigProblem[]): KeyInventory {
  let permissions: string[] | undefined;
  if (raw.permissions !== undefined) {
    permissions = [];
    raw.permissions.forEach((p, j) => {
      if (!PERMISSIONS.includes(p)) {
        problems.push({ path: `${at}.permissions[${j}]`, message: `unknown permission "${p.slice(0, 64)}"; valid: ${PERMISSIONS.join(", ")}` });
      } else if (!permissions!.includes(p)) permissions!.push(p);
    });
  }
  const created = raw.created === undefined ? undefined : parseDay(raw.created, `${at}.created`, problems);
  const accept: Acceptance[] = [];
  (raw.accept ?? []).forEach((a, j) => {
    const path = `${at}.accept[${j}]`;
    if (!(FINDINGS as readonly string[]).includes(a.finding)) {
      problems.push({ path: `${path}.finding`, message: `unknown finding "${a.finding.slice(0, 64)}"; valid: ${FINDINGS.join(", ")}` });
      return;
    }
    const until = parseDay(a.until, `${path}.until`, problems);
    if (until !== undefined) accept.push({ finding: a.finding as FindingName, reason: a.reason, until });
  });
  return {
    ...(permissions !== undefined ? { permissions } : {}),
    ...(created !== undefined ? { created } : {}),
    ...(raw.environment !== undefined ? { environment: raw.environment } : {}),
    ...(raw.owner !== undefined ? { owner: raw.owner } : {}),
    clientSide: raw.client_side ?? false,
    ...(raw.replaces !== undefined ? { replaces: raw.replaces } : {}),
    accept,
  };
}

/** `replaces` must name another configured key, and at most one key may replace a given alias. */
export function checkReplaces(keys: readonly { name: string; replaces?: string | undefined }[], problems: ConfigProblem[]): void {
  const names = new Set(keys.map((k) => k.name));
  const successorOf = new Map<string, string>();
  keys.forEach((key, i) => {
    const old = key.replaces;
    if (old === undefined) return;
    const path = `keys[${i}].replaces`;
    if (old === key.name) problems.push({ path, message: "a key cannot replace itself" });
    else if (!names.has(old)) problems.push({ path, message: `names "${old.slice(0, 64)}", which is not a configured key's name` });
    else if (successorOf.has(old)) problems.push({ path, message: `"${old}" is already replaced by "${successorOf.get(old)}"` });
    else successorOf.set(old, key.name);
  });
}

export function resolveSettings(
  raw: { window_days?: number | undefined; rotation_quiet_hours?: number | undefined; learning_days?: number | undefined } | undefined,
): PostureSettings {
  return {
    windowDays: raw?.window_days ?? POSTURE_DEFAULTS.windowDays,
    rotationQuietHours: raw?.rotation_quiet_hours ?? POSTURE_DEFAULTS.rotationQuietHours,
    learningDays: raw?.learning_days ?? POSTURE_DEFAULTS.learningDays,
  };
}
