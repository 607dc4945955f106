// A CPU profile of the exporter gateway under the load of scenario 6 (10 connections, a
// configured key on every request): the exporter worker runs under `node --cpu-prof`, and the
// self time of the profile is printed by function (top 25, with % of samples).
//   npx tsx src/profile-gateway.ts [seconds=8] [outDir=.cache/profiles]
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { load } from "./load.js";
import { Service } from "./proc.js";
import { configuredKey } from "./workers/keys.js";

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; }
interface Profile { nodes: Node[]; samples: number[]; }

const seconds = Number(process.argv[2] ?? 8);
const dir = resolve(process.argv[3] ?? ".cache/profiles");
rmSync(dir, { recursive: true, force: true });
const upstream = await Service.start<{ url: string }>("upstream", []);
const exporter = await Service.start<{ gatewayUrl: string }>("exporter", [upstream.ready.url, 100, "empty"], { nodeFlags: ["--cpu-prof", `--cpu-prof-dir=${dir}`] });
const opts = { url: `${exporter.ready.gatewayUrl}/public/v1/custom-fields`, connections: 10, headers: { authorization: `Bearer ${configuredKey(0)}` } };
await load({ ...opts, duration: 1 }); // warm-up (in the profile too; it is short)
const r = await load({ ...opts, duration: seconds });
await exporter.service.stop();
await upstream.service.stop();
console.log(`${Math.round(r.reqPerSec)} req/s through the profiled gateway`);

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
console.log(`${total} samples; self time by function:`);
for (const [name, n] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${((100 * n) / total).toFixed(1).padStart(5)} %  ${name}`);
console.log(`profile: ${dir}/${file}`);
