// The client variants that scenarios 1 and 2 compare. Each is one GET of a spec operation.
import createClient from "openapi-fetch";
import { Registry } from "prom-client";
import { createMinimoClient, type paths } from "@minimo/client";
import { createMinimoMetrics } from "@minimo/metrics";

export const CLIENT_VARIANTS = ["fetch", "openapi-fetch", "openapi-fetch+metrics", "minimo", "minimo+observer", "openapi-fetch+otel"] as const;
export type ClientVariant = (typeof CLIENT_VARIANTS)[number];

/** Fake by construction (the sandbox's demo shape): never a real secret. */
const API_KEY = "mn-bench01-FAKEbenchKey000000000000";
const PATH = "/public/v1/custom-fields";
type Fetch = (input: Request) => Promise<Response>;

const BODY = { data: [{ id: "cf_1", name: "plan", type: "string" }] };
const RATE_LIMIT = { "x-ratelimit-limit": "1000", "x-ratelimit-remaining": "999", "x-ratelimit-reset": "1795781100" };

/** What openapi-fetch's own benchmark stubs: a Response resolved on the next tick, no network. */
export const stubFetch: Fetch = () => new Promise((resolve) => process.nextTick(() => resolve(Response.json(BODY, { status: 200, headers: RATE_LIMIT }))));

/** Sets up the OpenTelemetry undici instrumentation (the peer): spans for every fetch, kept in memory. */
async function enableOtel(): Promise<() => number> {
  const { UndiciInstrumentation } = await import("@opentelemetry/instrumentation-undici");
  const { NodeTracerProvider, BatchSpanProcessor, InMemorySpanExporter } = await import("@opentelemetry/sdk-trace-node");
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(exporter)] });
  provider.register();
  const instrumentation = new UndiciInstrumentation();
  instrumentation.setTracerProvider(provider);
  instrumentation.enable();
  let spans = 0;
  // Count and drop exported spans so memory stays flat over a long loop.
  return () => {
    spans += exporter.getFinishedSpans().length;
    exporter.reset();
    return spans;
  };
}

export interface ClientUnderTest {
  call(): Promise<void>;
  /** Spans exported so far (OTel variant only): proof that the peer did its work. */
  spans?: () => number;
}

export async function makeClient(variant: ClientVariant, baseUrl: string, fetchImpl?: Fetch): Promise<ClientUnderTest> {
  const registry = new Registry();
  const metrics = createMinimoMetrics({ registry });
  const check = (status: number) => {
    if (status !== 200) throw new Error(`unexpected status ${status}`);
  };
  const viaOpenapiFetch = (client: ReturnType<typeof createClient<paths>>) => async () => {
    const { response } = await client.GET(PATH);
    check(response.status);
  };
  const headers = { Authorization: `Bearer ${API_KEY}` };
  const opts = fetchImpl ? { baseUrl, headers, fetch: fetchImpl } : { baseUrl, headers };
  switch (variant) {
    case "fetch": {
      const f = fetchImpl ?? ((r: Request) => globalThis.fetch(r));
      const url = `${baseUrl}${PATH}`;
      return {
        call: async () => {
          const res = await f(new Request(url, { headers }));
          await res.json();
          check(res.status);
        },
      };
    }
    case "openapi-fetch":
      return { call: viaOpenapiFetch(createClient<paths>(opts)) };
    case "openapi-fetch+metrics": {
      const client = createClient<paths>(opts);
      client.use(metrics.middleware("bench"));
      return { call: viaOpenapiFetch(client) };
    }
    case "openapi-fetch+otel": {
      if (fetchImpl) throw new Error("the OTel peer instruments undici: it needs the real fetch");
      const spans = await enableOtel();
      return { call: viaOpenapiFetch(createClient<paths>(opts)), spans };
    }
    case "minimo":
    case "minimo+observer": {
      const client = createMinimoClient({
        apiKey: API_KEY,
        baseUrl,
        retry: false,
        ...(fetchImpl ? { fetch: fetchImpl } : {}),
        ...(variant === "minimo+observer" ? { observe: metrics.observer("bench") } : {}),
      });
      return {
        call: async () => {
          const { response } = await client.GET(PATH);
          check(response.status);
        },
      };
    }
  }
}
