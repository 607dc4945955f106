// Scenario 2: one client variant against the loopback upstream, `inFlight` concurrent loops, for
// `requests` calls after a warm-up. Prints req/s and this process' CPU µs per request.
import { CLIENT_VARIANTS, makeClient, type ClientVariant } from "./clients.js";
import { cpuMicros } from "./protocol.js";

const [variant, url, inFlightText, requestsText] = process.argv.slice(2) as [ClientVariant, string, string, string];
if (!CLIENT_VARIANTS.includes(variant)) throw new Error(`unknown variant ${variant}`);
const inFlight = Number(inFlightText);
const requests = Number(requestsText);
const client = await makeClient(variant, url);

async function drive(total: number): Promise<void> {
  let left = total;
  const loop = async () => {
    while (left-- > 0) await client.call();
  };
  await Promise.all(Array.from({ length: inFlight }, loop));
}

await drive(Math.min(500, requests)); // warm-up: JIT and sockets
const cpu0 = process.cpuUsage();
const t0 = performance.now();
await drive(requests);
const seconds = (performance.now() - t0) / 1000;
const cpu = cpuMicros(cpu0);
process.stdout.write(`${JSON.stringify({ variant, reqPerSec: requests / seconds, cpuPerReq: cpu / requests, spans: client.spans?.() })}\n`);
