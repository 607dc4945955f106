// The demo's traffic generator: a gentle, fixed cycle of calls through the gateway, one at a
// time, chosen so that every outcome the dashboards show (2xx, 401, 403, 429, 410) appears
// within the first few seconds and keeps appearing.

/** One scripted call: which demo key, and what it does. */
export interface DemoCall {
  /** The sandbox key name (also the exporter alias in the demo). */
  key: string;
  method: "GET" | "POST";
  path: string;
  body?: unknown;
  /** What the sandbox is expected to answer (for the status line, not enforced). */
  expect: number;
}

const get = (key: string, path: string, expect: number): DemoCall => ({ key, method: "GET", path, expect });

/** One cycle of the script; the limited key's burst runs every `burstEvery` cycles (the first included). */
export function demoCycle(cycle: number, burstEvery = 4): DemoCall[] {
  const calls: DemoCall[] = [
    get("demo-full", "/public/v1/custom-fields", 200),
    {
      key: "demo-full",
      method: "POST",
      path: "/public/v1/contacts",
      body: { email: `demo-${cycle % 50}@example.com`, firstName: "Demo" },
      expect: 200,
    },
    get("demo-readonly", "/public/v1/custom-fields", 200),
    // The read-only key attempting a write.
    {
      key: "demo-readonly",
      method: "POST",
      path: "/public/v1/custom-fields",
      body: { key: "demo_field", displayName: "Demo", type: "text" },
      expect: 403,
    },
    get("demo-expired", "/public/v1/custom-fields", 401),
    get("demo-revoked", "/public/v1/templates/whatsapp", 401),
    get("demo-full", `/public/v1/contacts/by-email/demo-${cycle % 50}%40example.com`, 200),
  ];
  // An occasional call to a legacy operation removed on its sunset date.
  if (cycle % 3 === 0) {
    calls.push({ key: "demo-full", method: "POST", path: "/api/transactionals", body: { uid: "welcome" }, expect: 410 });
  }
  if (cycle % burstEvery === 0) {
    // Past the 5-per-minute limit of demo-limited: the tail of the burst gets 429.
    for (let i = 0; i < 7; i++) calls.push(get("demo-limited", "/public/v1/custom-fields", 429));
  } else calls.push(get("demo-limited", "/public/v1/custom-fields", 200));
  return calls;
}

/** The simulated app behind each demo key: its User-Agent, so the console's callers table tells who. */
export const DEMO_USER_AGENTS: Readonly<Record<string, string>> = Object.freeze({
  "demo-full": "shop-backend/2.3 python-requests/2.32",
  "demo-readonly": "reporting-dashboard/1.4 node-fetch/3",
  "demo-expired": "nightly-export-cron/0.9 curl/8.5.0",
  "demo-revoked": "old-mobile-app/3.1 okhttp/4.12",
  "demo-limited": "bulk-importer/1.0 Go-http-client/1.1",
});

export interface TrafficStats {
  sent: number;
  /** Answers by status ("error" when no answer came). */
  byStatus: Map<string, number>;
}

export interface TrafficOptions {
  /** The gateway base URL. */
  gatewayUrl: string;
  /** Sandbox key name -> the full key (the demo keys are fake by construction). */
  keys: ReadonlyMap<string, string>;
  /** Requests per second, one at a time. Default 4. */
  ratePerSecond?: number;
  /** Per-request timeout in ms. Default 5000. */
  timeoutMs?: number;
}

export interface Traffic {
  readonly stats: TrafficStats;
  /** Stops after the request in flight (if any) ends. */
  stop(): Promise<void>;
}

/** Starts sending the demo script through the gateway until `stop()`. */
export function startTraffic(options: TrafficOptions): Traffic {
  const interval = 1000 / (options.ratePerSecond ?? 4);
  const timeoutMs = options.timeoutMs ?? 5000;
  const stats: TrafficStats = { sent: 0, byStatus: new Map() };
  const stopper = new AbortController();
  const count = (status: string) => stats.byStatus.set(status, (stats.byStatus.get(status) ?? 0) + 1);

  // One request and one pause at a time, so stop() only has these two to cut short.
  let current: AbortController | undefined;
  let wake: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function send(call: DemoCall): Promise<void> {
    const key = options.keys.get(call.key);
    if (key === undefined) return;
    stats.sent++;
    current = new AbortController();
    const timer = setTimeout(() => current?.abort(), timeoutMs);
    try {
      const res = await fetch(options.gatewayUrl + call.path, {
        method: call.method,
        headers: {
          authorization: `Bearer ${key}`,
          "user-agent": DEMO_USER_AGENTS[call.key] ?? "minimo-demo-app",
          ...(call.body ? { "content-type": "application/json" } : {}),
        },
        ...(call.body ? { body: JSON.stringify(call.body) } : {}),
        signal: current.signal,
      });
      await res.arrayBuffer();
      count(String(res.status));
    } catch {
      if (!stopper.signal.aborted) count("error");
    } finally {
      clearTimeout(timer);
    }
  }

  const running = (async () => {
    for (let cycle = 0; !stopper.signal.aborted; cycle++) {
      for (const call of demoCycle(cycle)) {
        if (stopper.signal.aborted) break;
        await send(call);
        await sleep(interval);
      }
    }
  })();

  return {
    stats,
    async stop() {
      stopper.abort();
      current?.abort();
      wake?.();
      await running;
    },
  };
}

/** `sent 40 (200 25, 401 8, 403 3, 410 1, 429 3)` */
export function formatStats(stats: TrafficStats): string {
  const parts = [...stats.byStatus].sort(([a], [b]) => a.localeCompare(b)).map(([s, n]) => `${s} ${n}`);
  return `sent ${stats.sent}${parts.length ? ` (${parts.join(", ")})` : ""}`;
}
