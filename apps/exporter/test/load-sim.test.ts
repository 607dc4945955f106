// The demo needs @minimo/sim, a dev dependency: without it, the error says how to install it.
import { describe, expect, it } from "vitest";
import { loadSim, SIM_MISSING } from "../src/demo/load-sim.js";

describe("loadSim", () => {
  it("loads the sandbox when it is installed", async () => {
    expect(typeof (await loadSim()).startSim).toBe("function");
  });

  it("says how to install it when it is missing", async () => {
    const missing = Object.assign(new Error("Cannot find package '@minimo/sim' imported from demo.js"), { code: "ERR_MODULE_NOT_FOUND" });
    await expect(loadSim(() => Promise.reject(missing))).rejects.toThrow(SIM_MISSING);
    expect(SIM_MISSING).toContain("npm install --save-dev @minimo/sim");
  });

  it("passes other failures through unchanged", async () => {
    const other = new Error("boom");
    await expect(loadSim(() => Promise.reject(other))).rejects.toBe(other);
  });
});
