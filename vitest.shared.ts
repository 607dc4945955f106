// Shared vitest settings: resolve sibling workspaces to their TypeScript sources (the `source`
// export condition), so tests never run against a stale dist/. The `module` condition is left
// out on purpose: with it, prom-client's require("@opentelemetry/api") resolves to an ESM build
// that Node cannot require.
import type { UserConfig } from "vite";
import type { TestProjectInlineConfiguration } from "vitest/config";
import { FAST_TESTS } from "./vitest.tiers.js";

const conditions = ["source", "node", "development|production"];

export const sharedTestConfig: UserConfig = {
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ["source"] } },
};

/**
 * `npm test`'s schedule for one workspace: its fast-tier files (vitest.tiers.ts) first, two at a
 * time, then every other test file one at a time, since those start processes, bind real
 * binaries or time things, and must not fight over the two cores.
 */
export function tieredProjects(workspace: keyof typeof FAST_TESTS): TestProjectInlineConfiguration[] {
  const fast = [...(FAST_TESTS[workspace] ?? [])];
  return [
    { extends: true, test: { name: "fast", include: fast, maxWorkers: 2, sequence: { groupOrder: 0 } } },
    { extends: true, test: { name: "full", include: ["test/**/*.test.ts"], exclude: fast, maxWorkers: 1, sequence: { groupOrder: 1 } } },
  ];
}
