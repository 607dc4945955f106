// Every request of Minimo's documentation (spec/examples/docs-examples.yaml) through the gateway:
// each gets a real operation label (never `unmatched`) and goes to the host the docs name — the
// app-host paths (`/api/...`, e.g. the WhatsApp pages' `/api/templates/whatsapp`) to the `app`
// upstream, the rest to `api`. The route table is the spec's; this pins that it covers the docs.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { RunningExporter } from "../src/index.js";
import { DEMO, envName, scrape, startExporter, startLoggedSim, testConfig } from "./helpers.js";

interface Row {
  id: string;
  request: { method: string; url: string; body?: unknown };
}
const table = parse(readFileSync(new URL("../../../spec/examples/docs-examples.yaml", import.meta.url), "utf8")) as { examples: Row[] };

describe("documented paths through the gateway", () => {
  let api: Awaited<ReturnType<typeof startLoggedSim>>;
  let app: Awaited<ReturnType<typeof startLoggedSim>>;
  let exporter: RunningExporter;

  beforeAll(async () => {
    api = await startLoggedSim();
    app = await startLoggedSim();
    exporter = await startExporter({
      config: testConfig({ api: api.url, app: app.url }, [{ name: "production", key_env: envName("demo-full") }], { probe: { operations: [] } }),
    });
  });
  afterAll(async () => {
    await exporter?.close();
    await api?.close();
    await app?.close();
  });

  it("labels every documented request with its operation and routes it to the documented host", async () => {
    const wrongHost: string[] = [];
    for (const e of table.examples) {
      const url = new URL(e.request.url);
      const upstream = url.host === "app.minimo.it" ? app : api;
      const before = upstream.lines.length;
      api.control.reset();
      app.control.reset();
      const res = await fetch(exporter.gatewayUrl + url.pathname + url.search, {
        method: e.request.method,
        headers: { authorization: `Bearer ${DEMO["demo-full"]}`, ...(e.request.body === undefined ? {} : { "content-type": "application/json" }) },
        body: e.request.body === undefined ? undefined : JSON.stringify(e.request.body),
      });
      await res.arrayBuffer();
      if (upstream.lines.length !== before + 1) wrongHost.push(`${e.id}: not answered by the ${url.host} upstream`);
    }
    expect(wrongHost).toEqual([]);
    const text = await scrape(exporter);
    const requests = text.split("\n").filter((l) => l.startsWith("minimo_api_requests_total{"));
    expect(requests.filter((l) => l.includes('operation="unmatched"'))).toEqual([]);
    for (const path of ["/api/templates/whatsapp", "/api/templates/whatsapp/send", "/v1/custom-fields", "/public/v1/contacts/upsert", "/public/v1/transactionals/{id}/stats"]) {
      expect(
        requests.some((l) => l.includes(`operation="${path}"`)),
        path,
      ).toBe(true);
    }
  });
});
