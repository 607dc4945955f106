// Scenario 1, run under `valgrind --tool=callgrind --instr-atstart=no`: start-up and warm-up run
// uninstrumented; the parent switches instrumentation on (callgrind_control -i on) for exactly
// the N measured requests, so the total counts those requests and (almost) nothing else.
//   node --single-threaded --predictable-gc-schedule client-instr.mjs <variant> <N> [stub|<url>]
// Protocol: prints {"warm":true}, waits (blocked, counting nothing) for a line on stdin, runs N
// requests, prints {"done":…}, waits for stdin to close, exits. vgdb reaches a process blocked
// in a syscall through ptrace, so waiting costs no counted instructions.
import { createInterface } from "node:readline";
import { CLIENT_VARIANTS, makeClient, stubFetch, type ClientVariant } from "./clients.js";

const [variant, nText, target = "stub"] = process.argv.slice(2) as [ClientVariant, string, string?];
if (!CLIENT_VARIANTS.includes(variant)) throw new Error(`unknown variant ${variant}`);
const n = Number(nText);
const stub = target === "stub";
const client = await makeClient(variant, stub ? "http://bench.invalid" : target, stub ? stubFetch : undefined);
const WARMUP = stub ? 1000 : 200;
for (let i = 0; i < WARMUP; i++) await client.call();

const lines = createInterface({ input: process.stdin });
const go = new Promise<void>((resolve) => lines.once("line", () => resolve()));
const closed = new Promise<void>((resolve) => lines.once("close", () => resolve()));

process.stdout.write(`${JSON.stringify({ warm: true })}\n`);
await go;
for (let i = 0; i < n; i++) await client.call();
process.stdout.write(`${JSON.stringify({ done: true, variant, n, spans: client.spans?.() })}\n`);
await closed;
process.exit(0);
