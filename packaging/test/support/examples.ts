// The docs' contact example (packages/client/README.md, examples/upsert-contact.ts) as a consumer
// writes it, counted with @minimo/metrics, pointed at the sandbox by environment variables.
// `@ts-expect-error` lines prove the types are real, not `any`.

/** The body of the example: `upsertJohn()` resolves with what happened. */
const body = `
const registry = new Registry();
const metrics = createMinimoMetrics({ registry, keys: ["production"] });
const minimo = createMinimoClient({
  apiKey: process.env.MINIMO_API_KEY!,
  baseUrl: process.env.MINIMO_BASE_URL!,
  observe: metrics.observer("production"),
});

async function upsertJohn() {
  const { data, response } = await minimo.POST("/public/v1/contacts", {
    body: { email: "john@example.com", firstName: "John", lastName: "Doe" },
  });
  if (response.status === 401) throw new Error("key missing, invalid, expired or revoked");
  const { remaining, limit } = readRateLimit(response);
  const text = await registry.metrics();
  const counted = /minimo_api_requests_total\\{[^}]*key="production"[^}]*\\} (\\d+)/.exec(text)?.[1];
  return { status: response.status, contactId: data?.[0]?.contactId ?? null, remaining, limit, counted, operations: Object.keys(spec.paths).length };
}

// Never called: compile-time checks only.
export function typeChecks() {
  // @ts-expect-error a misspelled body field does not compile
  void minimo.POST("/public/v1/contacts", { body: { email: "a@b.c", firstname: "x" } });
}
`;

export const esmExample = `import { createMinimoClient, readRateLimit } from "@minimo/client";
import { spec } from "@minimo/client/spec";
import { createMinimoMetrics } from "@minimo/metrics";
import { Registry } from "prom-client";
${body}
console.log(JSON.stringify(await upsertJohn()));
`;

export const cjsExample = `import { createMinimoClient, readRateLimit } from "@minimo/client";
import { spec } from "@minimo/client/spec";
import { createMinimoMetrics } from "@minimo/metrics";
import { Registry } from "prom-client";
${body}
upsertJohn().then(
  (result) => console.log(JSON.stringify(result)),
  (err) => {
    console.error(err);
    process.exitCode = 1;
  },
);
`;

/** Only the spec entry point, for `moduleResolution: node10` (no `exports` support). */
export const node10Example = `import { spec } from "@minimo/client/spec";
import { createMinimoClient } from "@minimo/client";
export const count: number = Object.keys(spec.paths).length;
// Never called: compile-time checks only (it would reach the real API).
export function typeChecks() {
  const client = createMinimoClient({ apiKey: "mn-abc-secret123" });
  // @ts-expect-error a path the spec does not have
  void client.GET("/public/v1/nope");
}
`;

/** The browser build: the client alone (no prom-client), no Node globals. */
export const browserExample = `import { createMinimoClient, parseApiKey, readRateLimit } from "@minimo/client";
declare const report: (value: unknown) => void;
declare const config: { apiKey: string; baseUrl: string };

const minimo = createMinimoClient({ apiKey: config.apiKey, baseUrl: config.baseUrl, timeoutMs: 5000 });
minimo.POST("/public/v1/contacts", { body: { email: "john@example.com", firstName: "John", lastName: "Doe" } }).then(
  ({ data, response }) => report({ status: response.status, contactId: data?.[0]?.contactId ?? null, remaining: readRateLimit(response).remaining, fingerprint: parseApiKey(config.apiKey).fingerprint }),
  (err: unknown) => report({ error: String(err) }),
);
`;
