// What only the reliability tests need: a forced GC, a socket counter, decoded byte arrays for
// canary checks. The exposition readers, waiting and servers are the shared ones in ../support/.

export { labelValues, sample, seriesCount, sumOf } from "../support/exposition.js";
export { eventually } from "../support/wait.js";
export { startRefusingUpstream } from "../support/servers.js";
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
