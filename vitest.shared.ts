// Shared vitest settings: resolve sibling workspaces to their TypeScript sources (the `source`
// export condition), so tests never run against a stale dist/. The `module` condition is left
// out on purpose: with it, prom-client's require("@opentelemetry/api") resolves to an ESM build
// that Node cannot require.
import type { UserConfig } from "vite";

const conditions = ["source", "node", "development|production"];

export const sharedTestConfig: UserConfig = {
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ["source"] } },
};
