// The skip policy for tests needing promtool/prometheus: skip with a reason locally, fail in CI.
import { afterEach, describe, expect, it, vi } from "vitest";
import { findBinary, requireBinary, skipWithout } from "./helpers/binaries.js";

describe("binary skip policy", () => {
  const missing = findBinary("minimo-no-such-binary");
  afterEach(() => vi.unstubAllEnvs());

  it("reports why a binary is unusable", () => {
    expect(missing.path).toBeUndefined();
    expect(missing.reason).toMatch(/minimo-no-such-binary not found.*prometheus/);
  });

  it("skips with a printed reason when CI is not set", () => {
    vi.stubEnv("CI", "");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(skipWithout(missing, "a test")).toBe(true);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("SKIPPED a test: minimo-no-such-binary"));
    warn.mockRestore();
  });

  it("does not skip under CI, and the test then fails on the missing binary", () => {
    vi.stubEnv("CI", "true");
    expect(skipWithout(missing, "a test")).toBe(false);
    expect(() => requireBinary(missing)).toThrow(/required when CI is set/);
  });
});
