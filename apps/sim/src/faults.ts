// Faults injected at runtime through `PUT /__sim/faults`, so demos and tests can cause an
// incident on purpose. They apply to the public paths only, never to `/__sim/`.
import type { ServerResponse } from "node:http";
import type { RateLimitState } from "./rate-limit.js";

export type RateLimitHeaderMode = "normal" | "missing" | "garbage" | "negative" | "huge";

export interface Faults {
  /** Added before every public request is handled, in ms. Default 0. */
  latencyMs?: number;
  /** Share (0–1) of public requests answered with `errorStatus` before auth. Default 0. */
  errorRate?: number;
  /** Status of injected errors. Default 500. */
  errorStatus?: 500 | 503;
  /** Share (0–1) of public requests whose connection is destroyed without a response. Default 0. */
  dropRate?: number;
  /** How the X-RateLimit-* (and Retry-After) headers are sent. Default "normal". */
  rateLimitHeaders?: RateLimitHeaderMode;
  /** Send error responses (status >= 400) as an HTML page instead of JSON. Default false. */
  nonJsonErrors?: boolean;
}

export const faultsSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    latencyMs: { type: "integer", minimum: 0, maximum: 600_000 },
    errorRate: { type: "number", minimum: 0, maximum: 1 },
    errorStatus: { enum: [500, 503] },
    dropRate: { type: "number", minimum: 0, maximum: 1 },
    rateLimitHeaders: { enum: ["normal", "missing", "garbage", "negative", "huge"] },
    nonJsonErrors: { type: "boolean" },
  },
} as const;

/** Writes the rate-limit headers for `state`, distorted as the current fault asks. */
export function writeRateLimitHeaders(
  res: Pick<ServerResponse, "setHeader" | "removeHeader">,
  state: RateLimitState,
  mode: RateLimitHeaderMode = "normal",
  retryAfter?: number,
): void {
  const values: Record<string, string | undefined> = {
    "X-RateLimit-Limit": String(state.limit),
    "X-RateLimit-Remaining": String(state.remaining),
    "X-RateLimit-Reset": String(Math.ceil(state.resetAt / 1000)),
    "Retry-After": retryAfter === undefined ? undefined : String(retryAfter),
  };
  for (const [name, value] of Object.entries(values)) {
    res.removeHeader(name);
    if (value === undefined || mode === "missing") continue;
    res.setHeader(name, distort(value, mode));
  }
}

function distort(value: string, mode: RateLimitHeaderMode): string {
  switch (mode) {
    case "garbage":
      return "soon-ish";
    case "negative":
      return `-${value}`;
    case "huge":
      return "184467440737095516150";
    default:
      return value;
  }
}

/** An HTML error page, like a proxy in front of the API would send. */
export function htmlErrorPage(status: number): string {
  return `<html><head><title>${status}</title></head><body><h1>${status}</h1><p>upstream error</p></body></html>`;
}
