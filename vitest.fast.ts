// The fast test tier, `npm run test:fast`: one vitest run over the workspaces' unit and in-process
// tests, in parallel, meant to finish in well under a minute while coding. `npm test` still runs
// every test file of every workspace (each workspace's own vitest.config.ts includes them all).
//
// A file belongs here only if it starts no child process, needs no external binary (promtool,
// prometheus, chromium, openssl, ...) and finishes in a few seconds; loopback servers started in
// the test's own process are fine. A test file that is not listed runs in `npm test` only, so new
// files land in the full tier by default: add one here once it meets the rule above.
import { defineConfig, mergeConfig, type TestProjectInlineConfiguration } from "vitest/config";
import { sharedTestConfig } from "./vitest.shared.js";

const FAST: Record<string, string[]> = {
  "packages/client": [
    "test/api-key.test.ts",
    "test/client.test.ts",
    "test/deadlines.test.ts",
    "test/operations.test.ts",
    "test/rate-limit.test.ts",
    "test/timers.test.ts",
    "test/types.test.ts",
  ],
  "packages/metrics": [
    "test/cardinality.test.ts",
    "test/code-label.test.ts",
    "test/golden.test.ts",
    "test/middleware.test.ts",
    "test/rate-limit.test.ts",
    "test/store.test.ts",
  ],
  "apps/sim": [
    "test/auth.test.ts",
    "test/contract.test.ts",
    "test/control-faults.test.ts",
    "test/docs-examples.test.ts",
    "test/fuzz.test.ts",
    "test/keys-file.test.ts",
    "test/rate-limit.test.ts",
  ],
  "apps/exporter": [
    "test/callers.test.ts",
    "test/cli.test.ts",
    "test/config.test.ts",
    "test/console-api.test.ts",
    "test/console-usage.test.ts",
    "test/gateway-docs-paths.test.ts",
    "test/gateway-key-cache.test.ts",
    "test/gateway-streams.test.ts",
    "test/gateway.e2e.test.ts",
    "test/last-resort.test.ts",
    "test/load-sim.test.ts",
    "test/logger.test.ts",
    "test/metrics-server.test.ts",
    "test/probe-cause.test.ts",
    "test/probe-verdict.test.ts",
    "test/probes.test.ts",
    "test/reload.test.ts",
    "test/shutdown.test.ts",
    "test/traffic-sources.test.ts",
    "test/gateway-upstream.test.ts",
    "test/reliability/canary.test.ts",
    "test/reliability/cardinality.test.ts",
    "test/reliability/faults.test.ts",
    "test/reliability/gateway-hardening.test.ts",
    "test/reliability/gateway-robustness.test.ts",
    "test/reliability/properties.test.ts",
  ],
  bench: ["test/harness.test.ts", "test/shape.test.ts"],
  deploy: ["test/kubernetes.test.ts"],
  observability: ["test/dashboard-structure.test.ts"],
};

const projects: TestProjectInlineConfiguration[] = Object.entries(FAST).map(([root, include]) =>
  mergeConfig(sharedTestConfig, { root, test: { name: root, include, testTimeout: 20_000, hookTimeout: 20_000 } }),
);

// Most of these tests wait on timers and sockets rather than the CPU: four workers keep two cores busy.
export default defineConfig({ test: { projects, maxWorkers: 4 } });
