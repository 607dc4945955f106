// A CPU profile of the exporter gateway under the load of scenario 6 (10 connections, a
// configured key on every request): the exporter worker runs under `node --cpu-prof`, and the
// self time of the profile is printed by function (top 25, with % of samples).
// `bare` profiles the bare node:http proxy baseline instead, for the CPU per request of both.
//   npx tsx src/profile-gateway.ts [seconds=8] [outDir=.cache/profiles] [bare]
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { load } from "./load.js";
import { Service } from "./proc.js";
import { configuredKey } from "./workers/keys.js";

interface Node {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: Node[];
  samples: number[];
  startTime: number;
  endTime: number;
}

const seconds = Number(process.argv[2] ?? 8);
const dir = resolve(process.argv[3] ?? ".cache/profiles");
rmSync(dir, { recursive: true, force: true });
const upstream = await Service.start<{ url: string }>("upstream", []);
const bare = process.argv[4] === "bare";
const flags = { nodeFlags: ["--cpu-prof", `--cpu-prof-dir=${dir}`] };
const exporter = bare
  ? await Service.start<{ url: string }>("bare-proxy", [upstream.ready.url], flags).then(({ service, ready }) => ({ service, ready: { gatewayUrl: ready.url } }))
  : await Service.start<{ gatewayUrl: string }>("exporter", [upstream.ready.url, 100, "empty"], flags);
const opts = { url: `${exporter.ready.gatewayUrl}/public/v1/custom-fields`, connections: 10, headers: { authorization: `Bearer ${configuredKey(0)}` } };
await load({ ...opts, duration: 1 }); // warm-up (in the profile too; it is short)
const r = await load({ ...opts, duration: seconds });
await exporter.service.stop();
await upstream.service.stop();
const requests = r.ok + Math.round(r.reqPerSec); // the timed run and (about) the warm-up
console.log(`${Math.round(r.reqPerSec)} req/s through the profiled ${bare ? "bare proxy" : "gateway"}`);

const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
if (!file) throw new Error(`no .cpuprofile in ${dir}`);
const profile = JSON.parse(readFileSync(`${dir}/${file}`, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
for (const id of profile.samples) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const where = url ? `${url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\/\.cache\//, "")}:${lineNumber + 1}` : "";
  const name = `${functionName || "(anonymous)"} ${where}`.trim();
  self.set(name, (self.get(name) ?? 0) + 1);
}
const total = profile.samples.length;
const bundled = [...self].filter(([name]) => name.includes("exporter.mjs")).reduce((sum, [, n]) => sum + n, 0);
const crypto = [...self].filter(([name]) => name.includes("internal/crypto")).reduce((sum, [, n]) => sum + n, 0);
const idle = self.get("(idle)") ?? 0;
const interval = (profile.endTime - profile.startTime) / total; // µs per sample
console.log(`busy CPU per request ≈ ${(((total - idle) * interval) / requests).toFixed(1)} µs (${total - idle} busy samples, ${requests} requests)`);
console.log(
  `busy ${((100 * (total - idle)) / total).toFixed(1)} %; self time in the exporter bundle (ours and the workspaces) ${((100 * bundled) / total).toFixed(1)} %, in node:crypto ${((100 * crypto) / total).toFixed(1)} %`,
);
console.log(`${total} samples; self time by function:`);
for (const [name, n] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${((100 * n) / total).toFixed(1).padStart(5)} %  ${name}`);
// Inclusive ("total") time of the bundle's functions: each sample counted once per distinct
// function on its stack, so what a function costs with everything it calls.
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n: Node) => `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.replace(/^file:\/\/.*\/\.cache\//, "")}:${n.callFrame.lineNumber + 1}`;
const inclusive = new Map<string, number>();
for (const id of profile.samples) {
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const n = byId.get(at)!;
    if (n.callFrame.url.includes("exporter.mjs")) seen.add(label(n));
  }
  for (const name of seen) inclusive.set(name, (inclusive.get(name) ?? 0) + 1);
}
console.log("total (inclusive) time of the exporter bundle's functions:");
for (const [name, n] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${((100 * n) / total).toFixed(1).padStart(5)} %  ${name}`);
console.log(`profile: ${dir}/${file}`);
