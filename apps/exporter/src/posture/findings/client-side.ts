// The docs: client-side use only with a separate read-only, short-lived key, closely monitored.
import { OPERATIONS } from "@minimo/client";
import { DAY_MS, day, type Judge } from "./context.js";

/** Permissions of operations that change or send something (every non-GET operation's), from the spec. */
export const WRITE_PERMISSIONS: ReadonlySet<string> = new Set(
  OPERATIONS.filter((o) => o.method.toUpperCase() !== "GET")
    .map((o) => o.permission)
    .filter((p): p is string => typeof p === "string"),
);
const MAX_CLIENT_SIDE_DAYS = 90;

export const clientSidePolicy: Judge = ({ key, now }) => {
  if (!key.inventory.clientSide) return undefined;
  const writes = (key.inventory.permissions ?? []).filter((p) => WRITE_PERMISSIONS.has(p));
  const daysLeft = key.expiresAt === undefined ? null : Math.ceil((key.expiresAt * 1000 - now) / DAY_MS);
  const longLived = daysLeft === null || daysLeft > MAX_CLIENT_SIDE_DAYS;
  if (writes.length === 0 && !longLived) return undefined;
  const why = [
    ...(writes.length ? [`write or send permissions (${writes.join(", ")})`] : []),
    ...(longLived ? [daysLeft === null ? "no expiration" : `an expiration ${daysLeft} days away`] : []),
  ];
  return {
    finding: "client_side_policy",
    severity: "warning",
    summary: `client-side key with ${why.join(" and ")}`,
    fix: `Client-side keys should be read-only and short-lived: replace it with a read-only key that expires within ${MAX_CLIENT_SIDE_DAYS} days.`,
    evidence: { writePermissions: writes, expires: key.expiresAt !== undefined ? day(key.expiresAt) : null, daysLeft, maxDays: MAX_CLIENT_SIDE_DAYS },
  };
};
