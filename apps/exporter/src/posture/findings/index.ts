// The fixed list of judges, one per finding name.
import type { FindingName } from "../types.js";
import type { Judge } from "./context.js";
import { clientSidePolicy } from "./client-side.js";
import { expiryOver1y, noExpiry, rotationDue } from "./expiry.js";
import { browserUse, keyInUrl, newCaller, rotationPending } from "./traffic.js";
import { idle, missingPermission, unusedPermission } from "./usage.js";

export const JUDGES: Readonly<Record<FindingName, Judge>> = {
  key_in_url: keyInUrl,
  browser_use: browserUse,
  rotation_pending: rotationPending,
  missing_permission: missingPermission,
  new_caller: newCaller,
  client_side_policy: clientSidePolicy,
  unused_permission: unusedPermission,
  no_expiry: noExpiry,
  expiry_over_1y: expiryOver1y,
  rotation_due: rotationDue,
  idle,
};

/** What the `unknown` alias (keys not configured) can be judged on. */
export const UNKNOWN_KEY_JUDGES: readonly FindingName[] = ["key_in_url"];
