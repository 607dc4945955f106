// CPU time (user + system, from /proc/<pid>/stat) per request of the exporter gateway, the bare
// node:http proxy and, with BENCH_GATEWAY_BEFORE, an earlier gateway bundle, in interleaved rounds
// under scenario 6's load. Unlike req/s this leaves out the load generator's and the upstream's
// share of the two cores, so it is the proxy's own cost.
//   npx tsx src/gateway-cpu.ts [rounds=5] [seconds=4]
import { readFileSync } from "node:fs";
import { median } from "./harness.js";
import { load } from "./load.js";
import { Service } from "./proc.js";
import { configuredKey } from "./workers/keys.js";

const rounds = Number(process.argv[2] ?? 5);
const seconds = Number(process.argv[3] ?? 4);
const TICK_US = 1e6 / 100; // USER_HZ is 100 on Linux
const stat = (pid: number) => readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
const cpuUs = (pid: number) => {
  const fields = stat(pid);
  return (Number(fields[11]) + Number(fields[12])) * TICK_US; // utime, stime
};
const sysUs = (pid: number) => Number(stat(pid)[12]) * TICK_US;

const upstream = await Service.start<{ url: string }>("upstream", []);
const bare = await Service.start<{ url: string }>("bare-proxy", [upstream.ready.url]);
const gw = await Service.start<{ gatewayUrl: string }>("exporter", [upstream.ready.url, 100, "empty"]);
const beforeFile = process.env.BENCH_GATEWAY_BEFORE;
const before = beforeFile ? await Service.start<{ gatewayUrl: string }>("exporter", [upstream.ready.url, 100, "empty"], { file: beforeFile }) : undefined;
const targets = [
  { name: "bare node:http proxy", url: bare.ready.url, pid: bare.service.pid! },
  { name: "exporter gateway", url: gw.ready.gatewayUrl, pid: gw.service.pid! },
  ...(before ? [{ name: "exporter gateway (before)", url: before.ready.gatewayUrl, pid: before.service.pid! }] : []),
];
const headers = { authorization: `Bearer ${configuredKey(0)}` };
const perRequest = new Map<string, number[]>(targets.map((t) => [t.name, []]));
const sysPerRequest = new Map<string, number[]>(targets.map((t) => [t.name, []]));
for (const t of targets) await load({ url: `${t.url}/public/v1/custom-fields`, connections: 10, duration: 1, headers });
for (let round = 0; round < rounds; round++) {
  for (let i = 0; i < targets.length; i++) {
    const t = targets[(i + round) % targets.length]!;
    const cpu0 = cpuUs(t.pid);
    const sys0 = sysUs(t.pid);
    const r = await load({ url: `${t.url}/public/v1/custom-fields`, connections: 10, duration: seconds, headers });
    perRequest.get(t.name)!.push((cpuUs(t.pid) - cpu0) / r.ok);
    sysPerRequest.get(t.name)!.push((sysUs(t.pid) - sys0) / r.ok);
  }
}
const bareUs = median(perRequest.get("bare node:http proxy")!);
for (const [name, xs] of perRequest) {
  const m = median(xs);
  console.log(
    `${name}: ${m.toFixed(1)} µs CPU per request (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}, n=${xs.length}), of which system ${median(sysPerRequest.get(name)!).toFixed(1)} µs; ${(m / bareUs).toFixed(3)}× the bare proxy's`,
  );
}
for (const s of [before, gw, bare, upstream]) await s?.service.stop();
