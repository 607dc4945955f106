import { defineConfig } from "vitest/config";

// Like ../../vitest.shared.ts (sibling workspaces resolve to their sources through the `source`
// condition) but without the `module` condition for externals: with it, prom-client's
// require("@opentelemetry/api") resolved to an ESM build Node cannot load. Same fix as
// apps/exporter/vitest.config.ts; the shared file should drop `module` instead.
const conditions = ["source", "node", "development|production"];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ["source"] } },
  test: { include: ["test/**/*.test.ts"], testTimeout: 20_000, hookTimeout: 20_000 },
});
