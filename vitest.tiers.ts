// The test files of the fast tier, by workspace: unit and in-process tests that start no child
// process, need no external binary (promtool, prometheus, chromium, openssl, ...) and take a few
// seconds at most; loopback servers started in the test's own process are fine. Tests that assert
// on elapsed time stay out (they flake when files share the two cores).
//
// `npm run test:fast` runs exactly these (vitest.fast.ts); `npm test` runs every test file, these
// included. A file that is not listed is in the full tier only, so a new file lands there by
// default: list it here once it meets the rule above.
export const FAST_TESTS: Record<string, readonly string[]> = {
  "packages/client": [
    "test/api-key.test.ts",
    "test/client.test.ts",
    "test/deadlines.test.ts",
    "test/operations.test.ts",
    "test/rate-limit.test.ts",
    "test/timers.test.ts",
    "test/types.test.ts",
  ],
  "packages/metrics": ["test/cardinality.test.ts", "test/code-label.test.ts", "test/golden.test.ts", "test/middleware.test.ts", "test/rate-limit.test.ts", "test/store.test.ts"],
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
    "test/probe-cause.test.ts",
    "test/probe-verdict.test.ts",
    "test/probes.test.ts",
    "test/reload.test.ts",
    "test/shutdown.test.ts",
    "test/traffic-sources.test.ts",
    "test/gateway-upstream.test.ts",
    "test/reliability/canary.test.ts",
    "test/reliability/faults.test.ts",
    "test/reliability/gateway-hardening.test.ts",
    "test/reliability/gateway-robustness.test.ts",
    "test/reliability/properties.test.ts",
  ],
  bench: ["test/harness.test.ts", "test/shape.test.ts"],
  deploy: ["test/kubernetes.test.ts"],
  observability: ["test/dashboard-structure.test.ts"],
};
