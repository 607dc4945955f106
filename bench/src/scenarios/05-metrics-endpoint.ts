// Scenario 5: /metrics end to end through the real exporter (startExporter) with 10k keys that
// all carried traffic through its gateway, 1 and 10 concurrent scrapers (autocannon), against the
// same text pre-rendered and served by node:http, and against the render alone.
import { atMost, heading, interleave, median, ratioLine, sample, size } from "../harness.js";
import { load } from "../load.js";
import { Service } from "../proc.js";

/** What Prometheus 2.42 sends with every scrape (its scrape.go): gzip, and its scrape timeout. */
const PROMETHEUS_HEADERS = {
  accept: "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1",
  "accept-encoding": "gzip",
  "x-prometheus-scrape-timeout-seconds": "10",
};

interface ExporterReady {
  metricsUrl: string;
  staticUrl: string;
  expressUrl: string;
  bytes: number;
  lines: number;
}

export async function run(): Promise<void> {
  heading("5", "/metrics end to end: 1 and 10 concurrent scrapers");
  const keys = size(1_000, 10_000);
  const upstream = await Service.start<{ url: string }>("upstream", []);
  let exporter: Service | undefined;
  try {
    const started = await Service.start<ExporterReady>("exporter", [upstream.ready.url, keys, "prefill"]);
    exporter = started.service;
    const { metricsUrl, staticUrl, expressUrl, bytes, lines } = started.ready;
    console.log(`  ${keys} configured keys, one request each through the gateway first: ${lines} samples, ${(bytes / 2 ** 20).toFixed(2)} MiB per scrape`);

    // Scrapes per round: enough for a p99 at 1 scraper; at 10, each connection scrapes a few times.
    const amounts: Record<number, number> = { 1: size(8, 20), 10: size(20, 40) };
    const p50 = new Map<string, number[]>();
    const scrapes = (name: string, url: string, connections: number, headers: Record<string, string> = {}) => ({
      name,
      run: async () => {
        const r = await load({ url, connections, amount: amounts[connections]!, headers });
        p50.set(name, [...(p50.get(name) ?? []), r.p50]);
        return r.p99;
      },
    });
    const service = exporter;
    const p99 = await interleave([
      // The render alone, timed inside the exporter process, in the same rounds as the scrapes.
      { name: "render", run: async () => median((await service.ask<{ times: number[] }>({ cmd: "render", n: 3 })).times) },
      scrapes("exporter, 1 scraper", metricsUrl, 1),
      scrapes("exporter, 1 Prometheus-like scraper", metricsUrl, 1, PROMETHEUS_HEADERS),
      scrapes("exporter, 10 Prometheus-like scrapers", metricsUrl, 10, PROMETHEUS_HEADERS),
      scrapes("pre-rendered, 1 scraper", staticUrl, 1),
      scrapes("exporter, 10 scrapers", metricsUrl, 10),
      scrapes("pre-rendered, 10 scrapers", staticUrl, 10),
      scrapes("pre-rendered via express listener, 1 scraper", expressUrl, 1),
      scrapes("pre-rendered via express listener, 10 scrapers", expressUrl, 10),
    ]);
    const render = { name: "renderMetrics(registry) alone (what /metrics serves), in the exporter process", value: p99.get("render")! };
    const p50Of = (name: string) => ({ name: `${name} p50`, value: sample(p50.get(name)!) });
    const p99Of = (name: string) => ({ name: `${name} p99`, value: p99.get(name)! });
    ratioLine({
      scenario: "5",
      what: "1 scraper: scrape p50 vs the render time (HTTP layer + refresh)",
      candidate: p50Of("exporter, 1 scraper"),
      baseline: render,
      unit: "ms",
      goal: atMost(1.1),
    });
    ratioLine({
      scenario: "5",
      what: "1 scraper: pre-rendered text over node:http vs the render time (cost of moving the bytes, context)",
      candidate: p50Of("pre-rendered, 1 scraper"),
      baseline: render,
      unit: "ms",
    });
    ratioLine({
      scenario: "5",
      what: "p99 with 10 scrapers vs p99 with 1, as Prometheus scrapes (gzip; concurrent scrapes share a render and its gzip)",
      candidate: p99Of("exporter, 10 Prometheus-like scrapers"),
      baseline: p99Of("exporter, 1 Prometheus-like scraper"),
      unit: "ms",
      goal: atMost(1.5),
    });
    ratioLine({
      scenario: "5",
      what: "p99 with 10 scrapers vs p99 with 1, plain text (no Accept-Encoding: bounded by moving 10 × the bytes, see the pre-rendered line)",
      candidate: p99Of("exporter, 10 scrapers"),
      baseline: p99Of("exporter, 1 scraper"),
      unit: "ms",
      goal: atMost(1.5),
    });
    ratioLine({
      scenario: "5",
      what: "10 plain-text scrapers: exporter p99 vs the same text pre-rendered (what the exporter adds to the transfer)",
      candidate: p99Of("exporter, 10 scrapers"),
      baseline: p99Of("pre-rendered, 10 scrapers"),
      unit: "ms",
    });
    ratioLine({
      scenario: "5",
      what: "the same text through the express listener vs bare node:http, 1 scraper p50 (cost of express + helmet)",
      candidate: p50Of("pre-rendered via express listener, 1 scraper"),
      baseline: p50Of("pre-rendered, 1 scraper"),
      unit: "ms",
      goal: atMost(1.1),
    });
    ratioLine({
      scenario: "5",
      what: "the same text through the express listener vs bare node:http, 10 scrapers p99",
      candidate: p99Of("pre-rendered via express listener, 10 scrapers"),
      baseline: p99Of("pre-rendered, 10 scrapers"),
      unit: "ms",
      goal: atMost(1.1),
    });
    ratioLine({
      scenario: "5",
      what: "pre-rendered text: p99 with 10 scrapers vs 1 (context: the transfer alone)",
      candidate: p99Of("pre-rendered, 10 scrapers"),
      baseline: p99Of("pre-rendered, 1 scraper"),
      unit: "ms",
    });
  } finally {
    await exporter?.stop();
    await upstream.service.stop();
  }
}
