// Shared by the reliability tests: exposition-text readers, log capture, a forced GC and a
// socket counter, a refusing upstream. Log capture and the GC come from the suite's helpers and the soak.
import http from "node:http";
import type { AddressInfo } from "node:net";

function labelsOf(line: string, name: string): Record<string, string> | undefined {
  if (line.startsWith(`${name} `)) return {};
  if (!line.startsWith(`${name}{`)) return undefined;
  const text = line.slice(name.length + 1, line.lastIndexOf("}"));
  return Object.fromEntries([...text.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!]));
}

/** The value of the first sample of `name` whose labels include `labels`, or undefined. */
export function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split("\n")) {
    const found = labelsOf(line, name);
    if (found && Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(line.slice(line.lastIndexOf(" ") + 1));
  }
  return undefined;
}

/** The sum of every sample of `name` whose labels include `labels` (0 when none). */
export function sumOf(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split("\n")) {
    const found = labelsOf(line, name);
    if (found && Object.entries(labels).every(([k, v]) => found[k] === v)) sum += Number(line.slice(line.lastIndexOf(" ") + 1));
  }
  return sum;
}

/** Sample lines (not comments) of families whose name starts with `prefix`. */
export function seriesCount(text: string, prefix = "minimo_"): number {
  return text.split("\n").filter((l) => l.startsWith(prefix)).length;
}

/** Every distinct value of label `label` across the samples of `prefix` families. */
export function labelValues(text: string, label: string, prefix = "minimo_"): Set<string> {
  const out = new Set<string>();
  for (const line of text.split("\n")) {
    if (!line.startsWith(prefix)) continue;
    const m = new RegExp(`[{,]${label}="((?:[^"\\\\]|\\\\.)*)"`).exec(line);
    if (m) out.add(m[1]!);
  }
  return out;
}

export { captureLogger } from "../helpers.js";
export { gc } from "../../src/soak/run.js";
import { gc } from "../../src/soak/run.js";

/** heapUsed after a forced GC, in bytes. */
export function settledHeap(): number {
  gc();
  return process.memoryUsage().heapUsed;
}

/** Open TCP sockets of this process (Node's own count of active socket handles). */
export function openSockets(): number {
  const resources = (process as unknown as { getActiveResourcesInfo(): string[] }).getActiveResourcesInfo();
  return resources.filter((r) => r === "TCPSocketWrap").length;
}

export async function waitFor(check: () => boolean | Promise<boolean>, ms = 5000, what = "condition"): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`${what} not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * `text` plus every JSON array of byte values in it, decoded (latin1). Node's parser errors carry
 * the upstream's bytes as a number array (`rawPacket`): a secret there is invisible to a grep of
 * the text, so canary checks search the decoded arrays too.
 */
export function withDecodedBytes(text: string): string {
  const decoded: string[] = [];
  for (const m of text.matchAll(/\[(\d{1,3}(?:,\d{1,3}){7,})\]/g)) {
    const bytes = m[1]!.split(",").map(Number);
    if (bytes.every((b) => b <= 255)) decoded.push(Buffer.from(bytes).toString("latin1"));
  }
  return decoded.length === 0 ? text : `${text}\n${decoded.join("\n")}`;
}

/**
 * A minimal upstream on loopback that answers every request 401 (Minimo's answer to a garbage
 * key), with `headers` added: the flood tests measure the exporter, not the sandbox's express stack.
 */
export async function startRefusingUpstream(headers: () => Record<string, string> = () => ({})): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(401, { "content-type": "application/json", ...headers() });
      res.end('{"error":{"code":"unauthorized","message":"Invalid or missing API key"}}');
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
