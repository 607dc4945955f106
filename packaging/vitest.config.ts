import { defineConfig, mergeConfig } from "vitest/config";
import { sharedTestConfig } from "../vitest.shared.js";

// npm installs from the local cache and tsc runs: minutes on a shared 2-core machine.
export default mergeConfig(
  sharedTestConfig,
  defineConfig({
    test: { include: ["test/**/*.test.ts"], testTimeout: 300_000, hookTimeout: 600_000, fileParallelism: false, globalSetup: ["test/setup/pack.ts"] },
  }),
);
