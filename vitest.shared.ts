// Shared vitest settings: resolve sibling workspaces to their TypeScript sources (the `source`
// export condition), so tests never run against a stale dist/.
import { defaultServerConditions, type UserConfig } from "vite";

export const sharedTestConfig: UserConfig = {
  resolve: { conditions: ["source", ...defaultServerConditions] },
  ssr: { resolve: { conditions: ["source", ...defaultServerConditions], externalConditions: ["source"] } },
};
