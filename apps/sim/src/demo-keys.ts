// The built-in demo key set, loaded when no keys file is given. These keys are fake by
// construction: every secret spells FAKE and the client ids start with "demo", so they can be
// printed in docs and tests and are useless anywhere but the sandbox.
import type { KeySpec } from "./keys.js";

/** Read permissions only: the key a dashboard should use. */
export const READ_PERMISSIONS = ["contacts:read", "custom_fields:read", "stats:read", "whatsapp:read", "templates:read"] as const;

export const demoKeys: readonly KeySpec[] = Object.freeze(
  [
    { name: "demo-full", key: "mn-demo01-FAKEfullAccess000000000000", permissions: ["*"] },
    { name: "demo-readonly", key: "mn-demo02-FAKEreadOnly0000000000000", permissions: [...READ_PERMISSIONS] },
    { name: "demo-expired", key: "mn-demo03-FAKEexpired00000000000000", permissions: ["*"], expires: "2025-11-27" },
    { name: "demo-revoked", key: "mn-demo04-FAKErevoked00000000000000", permissions: ["*"], revoked: true },
    {
      name: "demo-limited",
      key: "mn-demo05-FAKElimited00000000000000",
      permissions: ["*"],
      rate_limit: { limit: 5, window_seconds: 60 },
    },
  ].map((k) => Object.freeze(k)),
);
