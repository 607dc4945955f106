import type { MinimoClient } from "@minimo/client";
import type { ProbeOperation } from "../config/types.js";

/** The outcome of one probe call: a status, or why there was none. */
export type CallOutcome = { status: number } | { error: string; cause?: string };

// Path parameters get values no real resource has: a 404 still proves the key may call the route.
const PLACEHOLDERS: Record<string, string> = { email: "exporter-probe@example.invalid" };

function pathParams(template: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [, name] of template.matchAll(/\{([^}]+)\}/g)) params[name!] = PLACEHOLDERS[name!] ?? "0";
  return params;
}

/** Calls one read-only operation and discards the body; never throws. */
export async function callOperation(client: MinimoClient, op: ProbeOperation, signal: AbortSignal): Promise<CallOutcome> {
  try {
    // The operation is chosen at runtime from config, so the typed path union cannot be used here.
    const get = client.GET as unknown as (path: string, init: object) => Promise<{ response: Response }>;
    const { response } = await get(op.path, { params: { path: pathParams(op.path) }, parseAs: "stream", signal });
    await response.body?.cancel().catch(() => undefined);
    return { status: response.status };
  } catch (err) {
    // fetch's "TypeError: fetch failed" says nothing; the cause's code (ECONNREFUSED, …) does.
    // Only a code-shaped string is kept: a cause's message could quote an upstream's bytes.
    const code = (err as { cause?: { code?: unknown } } | undefined)?.cause?.code;
    const cause = typeof code === "string" && /^[A-Z][A-Z0-9_]{1,40}$/.test(code) ? { cause: code } : {};
    return { error: err instanceof Error ? err.name : "error", ...cause };
  }
}

export interface ProbeVerdict {
  /** The key authenticated: some answer proves it (2xx, 403, 404, 429) and none was 401. */
  up: boolean;
  /** Per operation template: 1 allowed (2xx/404), 0 forbidden (403); absent when unknown. */
  permitted: Map<string, 0 | 1>;
}

// Answers only a recognised key gets: forbidden (known key, missing permission), not found (the
// route ran), rate limited (limits are per key, so the key was identified).
const AUTHENTICATED: ReadonlySet<number> = new Set([403, 404, 429]);

export function judge(ops: readonly ProbeOperation[], outcomes: readonly CallOutcome[]): ProbeVerdict {
  const permitted = new Map<string, 0 | 1>();
  let authenticated = false;
  let unauthorized = false;
  outcomes.forEach((outcome, i) => {
    if (!("status" in outcome)) return;
    const { status } = outcome;
    // A 5xx (or any other status) can come before authentication and proves nothing about the key.
    if (AUTHENTICATED.has(status) || (status >= 200 && status < 300)) authenticated = true;
    if (status === 401) unauthorized = true;
    else if ((status >= 200 && status < 300) || status === 404) permitted.set(ops[i]!.path, 1);
    else if (status === 403) permitted.set(ops[i]!.path, 0);
  });
  return { up: authenticated && !unauthorized, permitted };
}
