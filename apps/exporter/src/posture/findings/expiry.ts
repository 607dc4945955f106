// The docs: "set an expiration date (recommended at most 1 year)" and "rotate keys at least yearly".
import { DAY_MS, day, type Judge } from "./context.js";

const YEAR_S = 365 * 86_400;

export const noExpiry: Judge = ({ key }) =>
  key.expiresAt !== undefined
    ? undefined
    : {
        finding: "no_expiry",
        severity: "warning",
        summary: "no expiration date is recorded for this key",
        fix: "Minimo recommends an expiration date of at most 1 year: create a key with one, move the apps to it, revoke this one; record the date as `expires`.",
        evidence: { expires: null },
      };

export const expiryOver1y: Judge = ({ key, now }) => {
  if (key.expiresAt === undefined) return undefined;
  const from = key.inventory.created ?? Math.floor(now / 1000);
  const days = Math.floor((key.expiresAt - from) / 86_400);
  if (key.expiresAt - from <= YEAR_S) return undefined;
  return {
    finding: "expiry_over_1y",
    severity: "warning",
    summary: `expires ${days} days after ${key.inventory.created !== undefined ? "its creation" : "today"}, more than the recommended 1 year`,
    fix: "Minimo recommends an expiration of at most 1 year: replace the key with one that expires within a year of its creation.",
    evidence: { created: key.inventory.created !== undefined ? day(key.inventory.created) : null, expires: day(key.expiresAt), days },
  };
};

export const rotationDue: Judge = ({ key, now }) => {
  const created = key.inventory.created;
  if (created === undefined || now - created * 1000 <= 365 * DAY_MS) return undefined;
  const age = Math.floor((now - created * 1000) / DAY_MS);
  return {
    finding: "rotation_due",
    severity: "warning",
    summary: `created ${age} days ago: rotation is due`,
    fix: "Rotate keys at least yearly: create a successor (config `replaces: <this alias>`), move the apps to it, and revoke this key once it is safe to revoke.",
    evidence: { created: day(created), ageDays: age },
  };
};
