// The acceptance fixture: 22 keys, every finding. The running exporter (/metrics and the console
// API) and `lint` on the state it leaves report exactly the expected set, no more, no fewer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSim, type RunningSim } from "@minimo/sim";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { parseConfig, startExporter, type RunningExporter } from "../../src/index.js";
import { lint } from "../../src/posture/lint.js";
import { captureLogger } from "../helpers.js";
import { EXPECTED, fleetEnv, liveTraffic, NOW, rawConfig, seededStateDir, simKeys } from "./fixture.js";

let sim: RunningSim;
let exporter: RunningExporter;
let storage: string;
let metricsText: string;
let apiFindings: string[];

beforeAll(async () => {
  sim = await startSim({ port: 0, keys: simKeys() });
  storage = seededStateDir();
  const config = parseConfig(rawConfig(sim.url, storage), fleetEnv());
  exporter = await startExporter({ config, logger: captureLogger("warn").logger, now: () => NOW });
  await liveTraffic(exporter.gatewayUrl);
  metricsText = await (await fetch(exporter.metricsUrl)).text();
  const keys = (await (await fetch(`${exporter.consoleUrl}api/keys`)).json()) as {
    keys: { alias: string; findings: { finding: string; severity: string; accepted: boolean }[] }[];
  };
  apiFindings = keys.keys.flatMap((k) => k.findings.filter((f) => !f.accepted).map((f) => `${k.alias} ${f.finding} ${f.severity}`));
  await exporter.close();
}, 60_000);

afterAll(async () => {
  await sim?.close();
});

const fromMetrics = (text: string) =>
  [...text.matchAll(/^minimo_key_finding\{key="([^"]+)",finding="([^"]+)",severity="([^"]+)"\} 1$/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`).sort();

describe("the 22-key fleet", () => {
  it("/metrics holds exactly the expected findings", () => {
    expect(fromMetrics(metricsText)).toEqual(EXPECTED);
  });

  it("the console API holds exactly the expected findings (unknown is not a configured row)", () => {
    expect(apiFindings.sort()).toEqual(EXPECTED.filter((e) => !e.startsWith("unknown ")));
  });

  it("lint on the state the exporter left reports exactly the expected set and exits 1", async () => {
    const file = join(storage, "exporter.yaml");
    writeFileSync(file, stringify(rawConfig("http://127.0.0.1:1", storage)));
    const out: string[] = [];
    const err: string[] = [];
    const code = await lint(["--config", file, "--format", "json"], { stdout: (l) => out.push(l), stderr: (l) => err.push(l) }, NOW);
    expect(err).toEqual([]);
    const report = JSON.parse(out.join("\n")) as { findings: { key: string; finding: string; severity: string; accepted?: unknown }[] };
    const active = report.findings
      .filter((f) => f.accepted === undefined)
      .map((f) => `${f.key} ${f.finding} ${f.severity}`)
      .sort();
    expect(active).toEqual(EXPECTED);
    expect(report.findings.filter((f) => f.accepted !== undefined).map((f) => `${f.key} ${f.finding}`)).toEqual(["accepted no_expiry"]);
    expect(code).toBe(1);
  });

  it("lint --fail-on critical fails on the critical ones; text output names key and finding", async () => {
    const file = join(storage, "exporter.yaml");
    const out: string[] = [];
    const code = await lint(["--config", file, "--fail-on", "critical"], { stdout: (l) => out.push(l), stderr: () => {} }, NOW);
    expect(code).toBe(1);
    expect(out).toContain("in-url key_in_url critical: a key was sent in a URL (1 request(s), last 2026-12-04T12:00:00.000Z): it lands in every log on its way");
    expect(out.some((l) => l.startsWith("young unused_permission pending: not enough history: 40 of 90 days watched"))).toBe(true);
  });

  it("no finding, metric or lint line holds a key", () => {
    expect(metricsText).not.toMatch(/mn-fx\d\d-FAKE/);
    expect(metricsText).toContain('minimo_key_info{key="clean",client_id="fx00",owner="team-a",environment=""} 1');
  });
});
