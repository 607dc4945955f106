// Test helpers: a sandbox on 127.0.0.1:0 and a `call` that records every public response, so
// each test file can assert at the end that all of them conform to the spec (contract test).
import http from "node:http";
import { afterAll, afterEach, expect } from "vitest";
import { startSim, type RunningSim, type StartSimOptions } from "../src/index.js";
import { checkResponse, type Recorded } from "./contract.js";

export const KEYS = {
  full: "mn-demo01-FAKEfullAccess000000000000",
  readonly: "mn-demo02-FAKEreadOnly0000000000000",
  expired: "mn-demo03-FAKEexpired00000000000000",
  revoked: "mn-demo04-FAKErevoked00000000000000",
  limited: "mn-demo05-FAKElimited00000000000000",
} as const;

export const UNAUTHORIZED = { error: { code: "unauthorized", message: "Invalid or missing API key" } };
export const FORBIDDEN = { error: { code: "forbidden", message: "This API key does not have permission to access this resource" } };

/** A controllable clock in epoch ms. */
export function clock(startIso = "2026-11-27T12:00:00.000Z") {
  let t = Date.parse(startIso);
  return { now: () => t, advance: (ms: number) => void (t += ms), set: (iso: string) => void (t = Date.parse(iso)) };
}

const recorded: Recorded[] = [];
const running = new Set<RunningSim>();

/** Starts a sandbox for one test; it is closed after the test. */
export async function sim(options: StartSimOptions = {}): Promise<RunningSim> {
  const s = await startSim({ port: 0, ...options });
  running.add(s);
  return s;
}

afterEach(async () => {
  await Promise.all([...running].map((s) => s.close()));
  running.clear();
});

// The contract check over every response this file recorded.
afterAll(() => {
  const problems = recorded.flatMap((r) => checkResponse(r));
  expect(problems).toEqual([]);
});

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export interface CallOptions {
  key?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
  /** False for responses distorted on purpose by a fault (garbage headers, HTML errors). */
  record?: boolean;
}

/** One request to the sandbox; public-path responses are recorded for the contract check. */
export async function call(s: { url: string; controlToken?: string }, method: string, path: string, opts: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = { ...opts.headers };
  // Control routes carry the sandbox's token unless the test sets the header itself.
  if (path.startsWith("/__sim/") && s.controlToken !== undefined) headers["x-sim-control-token"] ??= s.controlToken;
  if (opts.key !== null) headers.authorization ??= `Bearer ${opts.key ?? KEYS.full}`;
  let body: string | undefined;
  if (opts.body !== undefined) {
    body = typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
    headers["content-type"] ??= "application/json";
  }
  const res = await fetch(`${s.url}${path}`, { method, headers, body });
  const text = await res.text();
  const pathname = new URL(path, "http://x").pathname;
  if (opts.record !== false && !pathname.startsWith("/__sim/")) {
    recorded.push({ method, path: pathname, status: res.status, headers: res.headers, text });
  }
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** Number of responses recorded so far in this file (to prove the contract check saw them). */
export function recordedCount(): number {
  return recorded.length;
}

export function rateHeaders(r: CallResult) {
  return {
    limit: r.headers.get("x-ratelimit-limit"),
    remaining: r.headers.get("x-ratelimit-remaining"),
    reset: r.headers.get("x-ratelimit-reset"),
    retryAfter: r.headers.get("retry-after"),
  };
}

export interface RawResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** One request with node:http, so any method may carry any body and the path goes out byte for byte. */
export function raw(base: string, method: string, path: string, headers: Record<string, string>, body?: Buffer): Promise<RawResult> {
  return new Promise((resolve, reject) => {
    const url = new URL(base);
    // A well-formed HTTP message (the property is about the app, not Node's HTTP parser): with a
    // body, its length is declared, whatever the method.
    const sent = body === undefined ? headers : { ...headers, "content-length": String(body.length) };
    const req = http.request({ host: url.hostname, port: url.port, method, path, headers: sent, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** What is missing or not a decimal count among X-RateLimit-Limit/-Remaining/-Reset (empty when all are fine). */
export function rateLimitHeaderProblems(headers: Record<string, string | string[] | undefined>): string[] {
  return ["x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"].flatMap((name) => {
    const value = headers[name];
    return typeof value === "string" && /^\d+$/.test(value) ? [] : [`${name}=${String(value)}`];
  });
}
