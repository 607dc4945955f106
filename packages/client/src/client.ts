import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "./generated/minimo.js";
import { apiKeyProblem } from "./api-key.js";
import type { AttemptErrorReason, AttemptObserver } from "./observer.js";
import { findOperation, matchOperation } from "./operations.js";
import { readRateLimit } from "./rate-limit.js";
import { backoffDelay, resolveRetry, type RetryOptions } from "./retry.js";
import { DeadlineQueue } from "./deadlines.js";
import type { MinimoClient } from "./strict-client.js";

export type { MinimoClient };

/** The documented Minimo servers: the current API and the legacy app server. */
export const MINIMO_SERVERS = { api: "https://api.minimo.it", app: "https://app.minimo.it" } as const;

export interface MinimoClientOptions {
  /** The API key, `mn-{CLIENT_ID}-{SECRET_KEY}`; sent as `Authorization: Bearer …`. Required. */
  apiKey: string;
  /** One base URL for every operation (a gateway, the sandbox), or one per server. Default the documented servers. */
  baseUrl?: string | { api: string; app: string };
  /** The fetch to call once per attempt. Default `globalThis.fetch`. */
  fetch?: (input: Request, init?: RequestInit) => Promise<Response>;
  /** Time limit of each attempt in ms (a fresh signal per attempt, from one shared deadline timer). Default 10000. */
  timeoutMs?: number;
  /** Retries of 429/503 and network errors for idempotent methods; `false` turns them off. Default `{}` (3 attempts). */
  retry?: RetryOptions | false;
  /** openapi-fetch middleware, run before the client's own. Default none. */
  middleware?: Middleware[];
  /** Told about every attempt exactly once, e.g. `metrics.observer("production")`. Default none. */
  observe?: AttemptObserver | readonly AttemptObserver[];
  /** `User-Agent` header. Default `minimo-client`. */
  userAgent?: string;
}

function normalizeBase(name: string, value: unknown): string {
  if (typeof value !== "string") throw new TypeError(`createMinimoClient: ${name} must be a URL string`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`createMinimoClient: ${name} is not a valid URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new TypeError(`createMinimoClient: ${name} must use http or https`);
  return url.href.replace(/\/+$/, "");
}

/**
 * Creates a typed Minimo API client over openapi-fetch. It keeps openapi-fetch's
 * `{ data, error, response }` results; classify outcomes by `response.status`.
 *
 * @example
 * const minimo = createMinimoClient({ apiKey: process.env.MINIMO_API_KEY! });
 * const { data, response } = await minimo.POST("/public/v1/contacts", {
 *   body: { email: "john@example.com", firstName: "John", lastName: "Doe" },
 * });
 */
export function createMinimoClient(options: MinimoClientOptions): MinimoClient {
  if (typeof options !== "object" || options === null) throw new TypeError("createMinimoClient: options are required");
  const keyProblem = apiKeyProblem(options.apiKey);
  if (keyProblem !== undefined) throw new TypeError(`createMinimoClient: apiKey ${keyProblem}`);
  const base = options.baseUrl ?? MINIMO_SERVERS;
  const bases =
    typeof base === "string"
      ? { api: normalizeBase("baseUrl", base), app: normalizeBase("baseUrl", base) }
      : { api: normalizeBase("baseUrl.api", base.api), app: normalizeBase("baseUrl.app", base.app) };
  const timeoutMs = options.timeoutMs ?? 10_000;
  if (!(typeof timeoutMs === "number" && timeoutMs > 0 && Number.isFinite(timeoutMs))) throw new TypeError("createMinimoClient: timeoutMs must be a positive number");
  const policy = resolveRetry(options.retry);
  const deadlines = new DeadlineQueue(timeoutMs);
  const observers: readonly AttemptObserver[] = options.observe === undefined ? [] : Array.isArray(options.observe) ? options.observe : [options.observe as AttemptObserver];
  const fetchImpl = options.fetch ?? ((input: Request, init?: RequestInit) => globalThis.fetch(input, init));

  const notify = <K extends keyof AttemptObserver>(hook: K, info: Parameters<NonNullable<AttemptObserver[K]>>[0]) => {
    for (const observer of observers) {
      try {
        (observer[hook] as ((i: typeof info) => void) | undefined)?.call(observer, info);
      } catch {
        // An observer must never break a call.
      }
    }
  };

  const splitHosts = bases.app !== bases.api;
  const serverOf = new Map<string, "api" | "app">();
  const serverFor = (method: string, template: string) => {
    const id = `${method} ${template}`;
    let server = serverOf.get(id);
    if (server === undefined) {
      server = findOperation(method, template)?.server ?? "api";
      serverOf.set(id, server);
    }
    return server;
  };

  async function attempts(request: Request, init?: RequestInit): Promise<Response> {
    const method = request.method.toUpperCase();
    // The path below the api base, from the URL string (cheaper than a URL object per call).
    const href = request.url;
    const afterBase = href.startsWith(bases.api) ? href.slice(bases.api.length) : new URL(href).pathname;
    const query = afterBase.indexOf("?");
    const local = query === -1 ? afterBase : afterBase.slice(0, query);
    const operation = matchOperation(method, local)?.path ?? "unmatched";
    const target = splitHosts && serverFor(method, operation) === "app" ? `${bases.app}${afterBase}` : href;
    const body = request.body === null ? undefined : await request.arrayBuffer();
    // Bodyless requests to their own URL are sent as they are, with the attempt's signal in
    // `init` (fetch builds its Request from both); others are rebuilt per attempt.
    const reuse = body === undefined && target === href;
    const caller = request.signal;
    const retryable = policy.methods.has(method);
    const began = performance.now();
    // One caller link per call, not per attempt: it aborts whichever attempt is current.
    let current: AbortController | undefined;
    const onCallerAbort = () => current?.abort(caller.reason);
    if (!caller.aborted) caller.addEventListener("abort", onCallerAbort, { once: true });

    for (let attempt = 1; ; attempt++) {
      // One controller per attempt, aborted by the client's shared deadline queue (a TimeoutError)
      // or by the caller. Cheaper than AbortSignal.timeout + AbortSignal.any (weak references) and
      // than a timer + closure per attempt.
      const controller = new AbortController();
      current = controller;
      if (caller.aborted) controller.abort(caller.reason);
      const deadline = deadlines.add(controller);
      const signal = controller.signal;
      const startedAt = performance.now();
      let response: Response;
      try {
        response = reuse
          ? await fetchImpl(request, init === undefined ? { signal } : { ...init, signal })
          : await fetchImpl(new Request(target, { method, headers: request.headers, body, signal, redirect: request.redirect }), init);
      } catch (error) {
        DeadlineQueue.settle(deadline);
        const reason: AttemptErrorReason = caller.aborted ? "aborted" : deadline.timedOut ? "timeout" : "network";
        const durationSeconds = (performance.now() - startedAt) / 1000;
        notify("onError", { operation, method, attempt, startedAt, reason, error, durationSeconds });
        if (reason !== "aborted" && policy.onNetworkError && retryable && attempt < policy.attempts) {
          const delayMs = backoffDelay(policy, attempt, undefined, performance.now() - began);
          if (delayMs !== undefined) {
            notify("onRetry", { operation, method, attempt, startedAt, delayMs, reason });
            await policy.sleep(delayMs, caller);
            continue;
          }
        }
        caller.removeEventListener("abort", onCallerAbort);
        throw error;
      }
      // The deadline stays queued so the body read that follows is bounded too.
      const durationSeconds = (performance.now() - startedAt) / 1000;
      notify("onResponse", { operation, method, attempt, startedAt, response, durationSeconds });
      if (retryable && attempt < policy.attempts && policy.statuses.has(response.status)) {
        let wait = readRateLimit(response).retryAfterSeconds;
        if (wait === undefined && response.status === 429) {
          wait = readRateLimit(response, {
            body: await response
              .clone()
              .json()
              .catch(() => undefined),
          }).retryAfterSeconds;
        }
        const delayMs = backoffDelay(policy, attempt, wait, performance.now() - began);
        if (delayMs !== undefined) {
          notify("onRetry", { operation, method, attempt, startedAt, delayMs, status: response.status });
          DeadlineQueue.settle(deadline);
          await response.body?.cancel().catch(() => undefined);
          await policy.sleep(delayMs, caller);
          continue;
        }
      }
      return response;
    }
  }

  const client = createClient<paths>({
    baseUrl: bases.api,
    fetch: attempts as (input: Request) => Promise<Response>,
    headers: { Authorization: `Bearer ${options.apiKey}`, "User-Agent": options.userAgent ?? "minimo-client" },
  });
  // No middleware of our own: with none registered openapi-fetch skips its middleware machinery,
  // and the route template is matched from the URL against the spec's table instead.
  if (options.middleware !== undefined && options.middleware.length > 0) client.use(...options.middleware);
  return client as MinimoClient;
}
