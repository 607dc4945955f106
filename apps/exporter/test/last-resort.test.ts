// The last-resort handler: an exception no handler caught is logged and counted, the process
// keeps running. Driven through the handler function (emitting a real uncaughtException inside
// vitest would be caught by vitest's own handler first).
import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { createLastResort, installLastResort } from "../src/process/last-resort.js";
import { captureLogger, sample } from "./helpers.js";

describe("last-resort handler", () => {
  it("logs and counts an uncaught error, masking key-shaped text, without exiting", async () => {
    const log = captureLogger("info");
    const registry = new Registry();
    const lastResort = createLastResort(log.logger);
    lastResort.attach(registry);
    const err = Object.assign(new Error("boom with mn-acct42-TOPSECRETvalue1"), { rawPacket: [...Buffer.from("Authorization: Bearer x")] });
    lastResort.handle(err, "uncaughtException");
    lastResort.handle("a rejected string", "unhandledRejection");
    expect(lastResort.count).toBe(2);
    expect(sample(await registry.metrics(), "minimo_exporter_uncaught_errors_total")).toBe(2);
    const text = log.lines.join("\n");
    expect(text).toMatch(/last-resort handler/);
    expect(text).not.toContain("TOPSECRET");
    expect(text).not.toContain("rawPacket");
  });

  it("installs on the process and uninstalls cleanly", () => {
    const before = process.listenerCount("uncaughtException");
    const lastResort = installLastResort(captureLogger().logger);
    expect(process.listenerCount("uncaughtException")).toBe(before + 1);
    lastResort.uninstall();
    expect(process.listenerCount("uncaughtException")).toBe(before);
  });
});
