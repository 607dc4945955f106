// Scenario 8: the gateway's latency while the metrics listener of the same process is flooded
// with wrong basic-auth passwords (an adversarial test: 213 wrong passwords in 15 s took the gateway's
// median from 4.8 ms to 1,610 ms while bcrypt ran on the event loop). A light, paced load on the
// gateway (one request every 10 ms on a keep-alive connection: latency, not throughput) in
// interleaved rounds without and with the flood; the ratio of the medians is the figure.
import http from "node:http";
import { ROUNDS, heading, interleave, limitLine, ratioLine, sample, size, type Sample } from "../harness.js";
import { Service } from "../proc.js";
import { configuredKey } from "../workers/keys.js";

/** Wrong passwords per second (3.5× the adversarial test's 213 in 15 s). */
const FLOOD_RATE = 50;
const PACE_MS = 10;

/** Sequential gateway requests every PACE_MS for `seconds`; each one's latency in ms. */
async function paced(url: string, seconds: number, agent: http.Agent): Promise<number[]> {
  const target = new URL(url);
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const began = performance.now();
    const status = await new Promise<number>((resolve, reject) => {
      http
        .get({ host: target.hostname, port: target.port, path: target.pathname, agent, headers: { authorization: `Bearer ${configuredKey(0)}` } }, (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode!));
        })
        .on("error", reject);
    });
    if (status !== 200) throw new Error(`gateway answered ${status}`);
    const took = performance.now() - began;
    latencies.push(took);
    await new Promise((r) => setTimeout(r, Math.max(0, PACE_MS - took)));
  }
  return latencies;
}

function scrapeStatus(metricsUrl: string, password: string): Promise<number> {
  const target = new URL(metricsUrl);
  return new Promise((resolve, reject) => {
    http
      .get(
        { host: target.hostname, port: target.port, path: target.pathname, headers: { authorization: `Basic ${Buffer.from(`prometheus:${password}`).toString("base64")}` } },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode!));
        },
      )
      .on("error", reject);
  });
}

export async function run(): Promise<void> {
  heading("8", "Gateway latency under a wrong-password flood on the metrics listener");
  // Short rounds, many of them: on a shared machine the load of other work drifts within seconds.
  // Each round runs idle and flood back to back (in alternating order), so the ratio within a
  // round compares the two under the same load; the goal is on the median of those ratios.
  const seconds = size(1, 1.5);
  const rounds = Math.max(ROUNDS, size(8, 16));
  const stops: (() => Promise<void>)[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const upstream = await Service.start<{ url: string }>("upstream", []);
    stops.push(() => upstream.service.stop());
    const exporter = await Service.start<{ metricsUrl: string; gatewayUrl: string }>("auth-exporter", [upstream.ready.url]);
    stops.push(() => exporter.service.stop());
    const flood = await Service.start<{ ready: true }>("auth-flood", [exporter.ready.metricsUrl, FLOOD_RATE]);
    stops.push(() => flood.service.stop());
    const gatewayUrl = `${exporter.ready.gatewayUrl}/public/v1/custom-fields`;
    // The scraper's password once, so it is remembered as Prometheus' would be after its first scrape.
    const first = await scrapeStatus(exporter.ready.metricsUrl, "bench-scraper-password");
    if (first !== 200) throw new Error(`the right password answered ${first}`);
    await paced(gatewayUrl, 1, agent); // warm-up
    console.log(
      `  gateway: one request every ${PACE_MS} ms on one keep-alive connection, ${rounds} rounds of ${seconds} s; flood: ${FLOOD_RATE} wrong passwords/s, ≤ 16 in flight, cost-10 bcrypt hash`,
    );
    const all = new Map<string, number[]>();
    const floods: { perSecond: number; statuses: Record<string, number> }[] = [];
    const scrapesDuringFlood: number[] = [];
    const roundMedians = { idle: [] as number[], flood: [] as number[] };
    const keep = (name: "idle" | "flood", xs: number[]) => {
      all.set(name, [...(all.get(name) ?? []), ...xs]);
      roundMedians[name].push(sample(xs).median);
    };
    const medians = await interleave(
      [
        {
          name: "idle",
          run: async () => {
            const xs = await paced(gatewayUrl, seconds, agent);
            keep("idle", xs);
            return sample(xs).median;
          },
        },
        {
          name: "flood",
          run: async () => {
            await flood.service.ask({ cmd: "start" });
            await new Promise((r) => setTimeout(r, 500)); // the flood at full rate before measuring
            const [xs, scrape] = await Promise.all([paced(gatewayUrl, seconds, agent), scrapeStatus(exporter.ready.metricsUrl, "bench-scraper-password")]);
            floods.push(await flood.service.ask({ cmd: "stop" }));
            scrapesDuringFlood.push(scrape);
            keep("flood", xs);
            return sample(xs).median;
          },
        },
      ],
      rounds,
    );
    const p = (name: string, q: number) => {
      const xs = [...all.get(name)!].sort((a, b) => a - b);
      return xs[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
    };
    const statuses: Record<string, number> = {};
    for (const f of floods) for (const [code, n] of Object.entries(f.statuses)) statuses[code] = (statuses[code] ?? 0) + n;
    console.log(
      `  flood reached ${sample(floods.map((f) => f.perSecond)).median.toFixed(1)} wrong passwords/s; answers ${Object.entries(statuses)
        .map(([c, n]) => `${c}: ${n}`)
        .join(", ")}`,
    );
    console.log(`  the scraper's (remembered) password during the flood: ${scrapesDuringFlood.join(", ")}`);
    console.log(
      `  p99: idle ${p("idle", 0.99).toFixed(2)} ms, flood ${p("flood", 0.99).toFixed(2)} ms; max: idle ${p("idle", 1).toFixed(1)} ms, flood ${p("flood", 1).toFixed(1)} ms`,
    );
    const of = (name: string): Sample => medians.get(name)!;
    const perRound = roundMedians.flood.map((f, i) => f / roundMedians.idle[i]!);
    console.log(`  per round, flood ÷ idle median: ${perRound.map((r) => r.toFixed(2)).join(" ")}`);
    ratioLine({
      scenario: "8",
      what: "gateway median latency under the flood vs idle, medians over all rounds (reference)",
      candidate: { name: "under the flood", value: of("flood") },
      baseline: { name: "idle", value: of("idle") },
      unit: "ms",
    });
    const paired = sample(perRound);
    console.log(`  gateway median latency under a wrong-password flood vs idle, paired within each round`);
    console.log(`    median of ${paired.rounds} round ratios: ${paired.median.toFixed(3)}× (${paired.min.toFixed(2)}–${paired.max.toFixed(2)})`);
    limitLine("8", "gateway median latency under a wrong-password flood ÷ idle (median of per-round ratios)", paired, "×", 1.5, "goal ≤ 1.5× of idle");
  } finally {
    agent.destroy();
    for (const stop of stops.reverse()) await stop();
  }
}
