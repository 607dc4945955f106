// Runs one docs example (a generated typed call) against a base URL — the sandbox itself, or
// Prism in front of it — and says how the answer differs from the documented one.
import { readFileSync } from "node:fs";
import { createMinimoClient } from "@minimo/client";
import { parse } from "yaml";
import type { RunningSim } from "../src/index.js";
import { loadDocsExamples, type DocsExample } from "./docs-examples-table.js";
import { docsExampleCalls } from "./generated/docs-examples.js";
import { KEYS } from "./helpers.js";

export const table = loadDocsExamples(parse(readFileSync(new URL("../../../spec/examples/docs-examples.yaml", import.meta.url), "utf8")));

/** Keys for the examples: the demo keys, with a budget no replay of the table can exhaust. */
export const exampleKeys = [
  { name: "demo-full", key: KEYS.full, rate_limit: { limit: 100_000, window_seconds: 60 } },
  { name: "demo-readonly", key: KEYS.readonly, permissions: ["contacts:read", "custom_fields:read", "stats:read"], rate_limit: { limit: 100_000, window_seconds: 60 } },
  { name: "demo-revoked", key: KEYS.revoked, revoked: true },
];

const PLACEHOLDER: Record<string, (v: unknown) => boolean> = {
  "<string>": (v) => typeof v === "string",
  "<integer>": (v) => Number.isInteger(v),
  "<boolean>": (v) => typeof v === "boolean",
};

/** Where `actual` differs from the documented `expected` (documented keys only; placeholders match by type). */
export function differences(expected: unknown, actual: unknown, at = "body"): string[] {
  if (typeof expected === "string" && PLACEHOLDER[expected]) {
    return PLACEHOLDER[expected]!(actual) ? [] : [`${at}: expected ${expected}, got ${JSON.stringify(actual)}`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${at}: expected an array, got ${JSON.stringify(actual)}`];
    return expected.flatMap((e, i) => differences(e, actual[i], `${at}[${i}]`));
  }
  if (typeof expected === "object" && expected !== null) {
    if (typeof actual !== "object" || actual === null || Array.isArray(actual)) return [`${at}: expected an object, got ${JSON.stringify(actual)}`];
    return Object.entries(expected).flatMap(([k, v]) => differences(v, (actual as Record<string, unknown>)[k], `${at}.${k}`));
  }
  return Object.is(expected, actual) ? [] : [`${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

/** Fresh data for one example, plus its setup (contacts that must exist). */
export function prepare(sim: RunningSim, e: DocsExample): void {
  sim.control.reset();
  for (let i = 1; i <= (e.setup?.contacts ?? 0); i++) {
    const c = sim.state.newContact();
    c.email = i === 1 && e.setup?.email ? e.setup.email : `filler${i}@example.com`;
  }
}

export interface ExampleOutcome {
  status: number;
  text: string;
  headers: Headers;
  problems: string[];
}

/** Sends the example's typed call to `baseUrl`; `problems` lists every difference from its documented answer. */
export async function runExample(e: DocsExample, baseUrl: string): Promise<ExampleOutcome> {
  const apiKey = KEYS[e.key ?? "full"];
  let text = "";
  const client = createMinimoClient({
    apiKey,
    baseUrl,
    retry: false,
    // Keep the raw body: the check reads it as sent, whatever openapi-fetch makes of it.
    fetch: async (input, init) => {
      const res = await fetch(input, init);
      text = await res.clone().text();
      return res;
    },
  });
  const call = docsExampleCalls[e.id as keyof typeof docsExampleCalls] as ((c: typeof client) => Promise<{ response: Response }>) | undefined;
  if (!call) return { status: 0, text: "", headers: new Headers(), problems: [`${e.id}: no generated call (run npm run generate)`] };
  const { response } = await call(client);
  const problems: string[] = [];
  if (response.status !== e.answer.status) problems.push(`status: expected ${e.answer.status}, got ${response.status} ${text.slice(0, 200)}`);
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (e.answer.empty && text !== "") problems.push(`body: expected none, got ${text.slice(0, 200)}`);
  if (e.answer.code !== undefined) problems.push(...differences({ error: { code: e.answer.code } }, json));
  if (e.answer.body !== undefined) problems.push(...differences(e.answer.body, json));
  return { status: response.status, text, headers: response.headers, problems };
}
