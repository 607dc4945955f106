import { defineConfig, mergeConfig } from "vitest/config";
import { sharedTestConfig } from "../vitest.shared.js";

// Three files at a time: the end-to-end files mostly wait on real Prometheus and Alertmanager
// clocks (scrape and evaluation intervals), and each starts its own daemons on free ports.
export default mergeConfig(
  sharedTestConfig,
  defineConfig({
    test: { include: ["test/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 60_000, maxWorkers: 3 },
  }),
);
