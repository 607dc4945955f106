import type { AddressInfo } from "node:net";
import { Registry } from "prom-client";
import { afterEach, describe, expect, it } from "vitest";
import { createMetricsServer } from "../src/http/metrics-server.js";
import { captureLogger } from "./helpers.js";

/** A registry whose render blocks the event loop for `ms`, like prom-client at 10k keys does. */
function slowRegistry(ms: number) {
  const registry = new Registry();
  let renders = 0;
  registry.metrics = async () => {
    renders++;
    const until = performance.now() + ms;
    while (performance.now() < until); // busy: the loop is blocked, as in a real render
    return `# HELP t t\n# TYPE t gauge\nt ${renders}\n`;
  };
  return { registry, renders: () => renders };
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function serve(registry: Registry) {
  const server = createMetricsServer({
    registries: [registry],
    refresh: async () => {},
    waitFor: () => 1000,
    ready: () => true,
    logger: captureLogger().logger,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  close = () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
}

describe("/metrics under concurrent scrapes", () => {
  it("shares one render among scrapes that queued behind it, instead of rendering once per scrape", async () => {
    const slow = slowRegistry(80);
    const url = await serve(slow.registry);
    const bodies = await Promise.all(Array.from({ length: 10 }, () => fetch(url).then((r) => r.text())));
    expect(bodies.every((b) => b.startsWith("# HELP t t"))).toBe(true);
    // The first scrape renders; the others were queued during it and share it (at most one more
    // render for a scrape parsed after the sharing window).
    expect(slow.renders()).toBeLessThanOrEqual(2);
  });

  it("renders afresh for a scrape that comes after the sharing window", async () => {
    const slow = slowRegistry(5);
    const url = await serve(slow.registry);
    await fetch(url).then((r) => r.text());
    await new Promise((r) => setTimeout(r, 50));
    const second = await fetch(url).then((r) => r.text());
    expect(slow.renders()).toBe(2);
    expect(second).toContain("t 2");
  });
});
