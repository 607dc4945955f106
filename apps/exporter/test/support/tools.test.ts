// requireTool: a missing binary skips locally with a printed reason, and fails the run under CI.
import { afterEach, describe, expect, it, vi } from "vitest";
import { requireTool } from "./tools.js";

const MISSING = "/nonexistent/minimo-no-such-tool";

describe("requireTool", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("is true for a binary that runs, and for an absolute path that exists", () => {
    expect(requireTool(process.execPath, { install: "-" })).toBe(true);
    expect(requireTool("node", { install: "-" })).toBe(true);
  });

  it("prints why and returns false when the binary is missing outside CI", () => {
    vi.stubEnv("CI", "");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(requireTool(MISSING, { install: "apt-get install nothing", needer: "the sample test" })).toBe(false);
    expect(requireTool("minimo-no-such-tool", { install: "apt-get install nothing" })).toBe(false);
    expect(warn.mock.calls[0]?.[0]).toBe(`skipping: the sample test needs ${MISSING}, which is not usable here (apt-get install nothing)`);
  });

  it("throws under CI instead of skipping", () => {
    vi.stubEnv("CI", "true");
    expect(() => requireTool(MISSING, { install: "apt-get install nothing" })).toThrow(/CI must not skip it/);
  });
});
