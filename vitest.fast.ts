// The fast tier, `npm run test:fast`: one vitest run over the files vitest.tiers.ts lists, every
// workspace at once, in parallel. Meant to finish in well under a minute while coding.
import { defineConfig, mergeConfig, type TestProjectInlineConfiguration } from "vitest/config";
import { sharedTestConfig } from "./vitest.shared.js";
import { FAST_TESTS } from "./vitest.tiers.js";

// Files of a workspace share one module graph per worker (isolate: false): importing the sources
// once instead of once per file halves the tier's CPU time. So a fast test must leave no global
// state behind (timers, env, mocks, listeners): restore it in afterEach.
const projects: TestProjectInlineConfiguration[] = Object.entries(FAST_TESTS).map(([root, include]) =>
  mergeConfig(sharedTestConfig, { root, test: { name: root, include: [...include], testTimeout: 20_000, hookTimeout: 20_000, isolate: false } }),
);

// Most of these tests wait on timers and sockets rather than the CPU: four workers keep two cores busy.
export default defineConfig({ test: { projects, maxWorkers: 4 } });
