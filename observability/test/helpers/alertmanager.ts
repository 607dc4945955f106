// Runs Debian's real Alertmanager (`/usr/bin/prometheus-alertmanager`, package
// `prometheus-alertmanager`) on loopback, and a webhook receiver that records what it is sent.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { freePort, startDaemon } from "./daemon.js";

export interface RunningAlertmanager {
  url: string;
  /** `host:port`, for Prometheus' `alerting.alertmanagers`. */
  host: string;
  log(): string;
  stop(): Promise<void>;
}

/** `logLevel` "debug" logs each aggregation group's flush (`flushingsOf` reads them). Default "warn". */
export async function startAlertmanager(o: { bin: string; dir: string; config: unknown; logLevel?: "warn" | "debug" }): Promise<RunningAlertmanager> {
  const configFile = join(o.dir, "alertmanager.yml");
  writeFileSync(configFile, stringify(o.config, { lineWidth: 0 }));
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const daemon = await startDaemon(
    "alertmanager",
    o.bin,
    [
      `--config.file=${configFile}`,
      `--storage.path=${join(o.dir, "alertmanager-data")}`,
      `--web.listen-address=${host}`,
      "--cluster.listen-address=", // no gossip: a single local instance
      `--log.level=${o.logLevel ?? "warn"}`,
    ],
    `http://${host}`,
  );
  return { ...daemon, host };
}

/** One flush of an aggregation group, from Alertmanager's debug log: the point where it notifies, or stays silent. */
export interface Flush {
  /** The group's key, e.g. `{}:{alertname="MinimoKeyDown", key="partner"}`. */
  group: string;
  /** Each alert as `name` and `active` / `resolved`. */
  alerts: { name: string; status: string }[];
}

/** The flushes in an Alertmanager log (level debug), oldest first. */
export function flushingsOf(log: string): Flush[] {
  const out: Flush[] = [];
  for (const m of log.matchAll(/aggrGroup="((?:[^"\\]|\\.)*)" msg=flushing alerts=\[(.*)\]$/gm)) {
    const alerts = [...m[2]!.matchAll(/(\w+)\[[0-9a-f]+\]\[(\w+)\]/g)].map((a) => ({ name: a[1]!, status: a[2]! }));
    out.push({ group: m[1]!.replace(/\\"/g, '"'), alerts });
  }
  return out;
}

/** One alert of an Alertmanager webhook payload (version 4). */
export interface WebhookAlert {
  status: "firing" | "resolved";
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
}

/** One notification as received, with the receiver taken from the URL path. */
export interface Notification {
  receiver: string;
  at: number;
  status: "firing" | "resolved";
  groupLabels: Record<string, string>;
  alerts: WebhookAlert[];
}

export interface WebhookReceiver {
  url: string;
  notifications: Notification[];
  close(): Promise<void>;
}

/**
 * A webhook receiver at `<url>/<receiver name>`; `extra` answers any other request (GET), e.g.
 * to serve the pages the alerts' links point at.
 */
export async function startWebhookReceiver(extra?: (req: IncomingMessage, res: ServerResponse) => void): Promise<WebhookReceiver> {
  const notifications: Notification[] = [];
  const server = createServer((req, res) => {
    if (req.method !== "POST") {
      if (extra) extra(req, res);
      else res.writeHead(404).end();
      return;
    }
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const payload = JSON.parse(body) as { receiver: string; status: "firing" | "resolved"; groupLabels: Record<string, string>; alerts: WebhookAlert[] };
      notifications.push({ receiver: decodeURIComponent(req.url!.slice(1)), at: Date.now(), status: payload.status, groupLabels: payload.groupLabels, alerts: payload.alerts });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    notifications,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

interface Route {
  receiver?: string;
  group_wait?: string;
  group_interval?: string;
  repeat_interval?: string;
  routes?: Route[];
}

/**
 * A test copy of a shipped Alertmanager config: routes, grouping and inhibition as shipped,
 * every receiver replaced by a webhook to `<hook>/<receiver name>`, and the timers shortened.
 */
export function testAlertmanagerConfig(shipped: { route: Route; receivers: { name: string }[] }, hook: string, timers: { groupWait: string; groupInterval: string }): unknown {
  const shorten = (r: Route): Route => ({
    ...r,
    ...(r.group_wait ? { group_wait: timers.groupWait } : {}),
    ...(r.group_interval ? { group_interval: timers.groupInterval } : {}),
    ...(r.repeat_interval ? { repeat_interval: "1h" } : {}),
    ...(r.routes ? { routes: r.routes.map(shorten) } : {}),
  });
  return {
    ...shipped,
    route: { ...shorten(shipped.route), group_wait: timers.groupWait, group_interval: timers.groupInterval, repeat_interval: "1h" },
    receivers: shipped.receivers.map((r) => ({ name: r.name, webhook_configs: [{ url: `${hook}/${encodeURIComponent(r.name)}`, send_resolved: true }] })),
  };
}
