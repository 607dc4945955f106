import { defineConfig, mergeConfig } from "vitest/config";
import { sharedTestConfig, tieredProjects } from "../../vitest.shared.js";

export default mergeConfig(
  sharedTestConfig,
  defineConfig({
    test: { testTimeout: 20_000, hookTimeout: 20_000, projects: tieredProjects("apps/sim") },
  }),
);
