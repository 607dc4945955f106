// End to end with a real Alertmanager: the sandbox as upstream, the exporter's gateway, a real
// Prometheus with the shipped rules (test copy: short windows) and Debian's real Alertmanager
// with the shipped routes and inhibition (receivers swapped for a local webhook). A 401 burst
// through the gateway must reach the webhook with the key, what happened and two working links;
// killing the exporter must bring MinimoExporterDown and no per-key "resolved" notification.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseConfig, startExporter, type RunningExporter } from "@minimo/exporter";
import { demoKeys, startSim, type RunningSim } from "@minimo/sim";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DASHBOARD_SLUG } from "../grafana/dashboard.js";
import {
  flushingsOf,
  startAlertmanager,
  startWebhookReceiver,
  testAlertmanagerConfig,
  type Notification,
  type RunningAlertmanager,
  type WebhookReceiver,
} from "./helpers/alertmanager.js";
import { findBinary, requireBinary, skipWithout } from "./helpers/binaries.js";
import { loadDashboard } from "./helpers/dashboard-queries.js";
import { ALERTMANAGER_CONFIG, RUNBOOK } from "./helpers/paths.js";
import { alerts, eventually, query, startPrometheus, targetHealth, type RunningPrometheus } from "./helpers/prometheus.js";
import { writeShortRules } from "./helpers/short-rules.js";

const prometheusBin = findBinary("prometheus");
const alertmanagerBin = findBinary("prometheus-alertmanager", "prometheus-alertmanager");
const missing = prometheusBin.path ? alertmanagerBin : prometheusBin;

/** A well-formed key the sandbox does not know: every request with it gets 401. */
const BAD_KEY = "mn-demo01-FAKEwrongSecret0000000000";
/** Its alias; `partner-*` keys are routed to their owner as well (alertmanager.yml). */
const PARTNER = "partner-e2e";
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const HEALTHY_INVENTORY = { created: day(-10), expires: day(180) };
/** Per-key alerts stay firing this long after their data vanishes (shipped: 5m). */
const KEEP_FIRING_FOR_S = 20;

const revokedSecret = demoKeys.find((k) => k.name === "demo-revoked")!.key;
const isPerKey = (a: { labels: Record<string, string> }) => Boolean(a.labels.key);

describe.skipIf(skipWithout(missing, "end-to-end test with a real Alertmanager"))("end to end with a real Alertmanager", () => {
  let dir: string;
  let sim: RunningSim | undefined;
  let exporter: RunningExporter | undefined;
  let prom: RunningPrometheus | undefined;
  let am: RunningAlertmanager | undefined;
  let hook: WebhookReceiver | undefined;
  const dashboard = loadDashboard();
  const runbook = readFileSync(RUNBOOK, "utf8");

  beforeAll(async () => {
    const promBin = requireBinary(prometheusBin);
    const amBin = requireBinary(alertmanagerBin);
    dir = mkdtempSync(join(tmpdir(), "minimo-am-e2e-"));
    // The webhook also serves what the alerts link to: RUNBOOK.md, and the dashboard's URL
    // when its uid, slug and variable are the committed dashboard's.
    hook = await startWebhookReceiver((req, res) => {
      const url = new URL(req.url!, "http://x");
      if (url.pathname === "/runbook/RUNBOOK.md") return res.writeHead(200, { "content-type": "text/markdown" }).end(runbook);
      const m = url.pathname.match(/^\/grafana\/d\/([^/]+)\/([^/]+)$/);
      const vars = [...url.searchParams.keys()].map((k) => k.replace(/^var-/, ""));
      const known = new Set(dashboard.templating.list.map((v) => v.name));
      if (m && m[1] === dashboard.uid && m[2] === DASHBOARD_SLUG && vars.every((v) => known.has(v))) return res.writeHead(200).end("dashboard");
      res.writeHead(404).end();
    });
    sim = await startSim({ port: 0, host: "127.0.0.1" });
    const config = parseConfig(
      {
        upstream: sim.url,
        listen: { metrics: "127.0.0.1:0", gateway: "127.0.0.1:0" },
        log_level: "silent",
        probe: { min_interval_seconds: 1, timeout_seconds: 2 },
        // A healthy inventory (recent, expiring within the year): no posture alert joins the 401 ones.
        keys: [
          { name: "demo-revoked", key_env: "AM_REVOKED", ...HEALTHY_INVENTORY },
          { name: PARTNER, key_env: "AM_BAD", probe: { operations: [] }, ...HEALTHY_INVENTORY },
        ],
      },
      { AM_REVOKED: revokedSecret, AM_BAD: BAD_KEY },
    );
    exporter = await startExporter({ config });
    const shipped = parse(readFileSync(ALERTMANAGER_CONFIG, "utf8")) as Parameters<typeof testAlertmanagerConfig>[0];
    am = await startAlertmanager({ bin: amBin, dir, config: testAlertmanagerConfig(shipped, hook.url, { groupWait: "1s", groupInterval: "2s" }), logLevel: "debug" });
    const ruleFiles = writeShortRules(join(dir, "rules"), {
      range: "30s",
      forDuration: "2s",
      keepFiringFor: `${KEEP_FIRING_FOR_S}s`,
      links: { runbookBase: `${hook.url}/runbook/RUNBOOK.md`, grafanaUrl: `${hook.url}/grafana` },
    });
    prom = await startPrometheus({
      bin: promBin,
      dir,
      targets: [new URL(exporter.metricsUrl).host],
      ruleFiles,
      scrapeInterval: "2s",
      evaluationInterval: "1s",
      alertmanagers: [am.host],
    });
    await eventually("the exporter scraped", 15_000, async () => ((await query(prom!.url, 'up{job="minimo"} == 1')).length === 1 ? true : undefined));
  });

  afterAll(async () => {
    await prom?.stop();
    await am?.stop();
    await exporter?.close();
    await sim?.close();
    await hook?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const received = (pred: (n: Notification) => boolean) => hook!.notifications.filter(pred);

  it("delivers a 401 burst through the gateway to the webhook with the key, what happened and working links", async () => {
    const statuses: number[] = [];
    for (let batch = 0; batch < 8; batch++) {
      statuses.push(
        ...(await Promise.all(
          Array.from({ length: 5 }, async () => {
            const r = await fetch(`${exporter!.gatewayUrl}/public/v1/custom-fields`, { headers: { authorization: `Bearer ${BAD_KEY}` } });
            await r.arrayBuffer();
            return r.status;
          }),
        )),
      );
      await new Promise((r) => setTimeout(r, 700));
    }
    expect(new Set(statuses)).toEqual(new Set([401]));

    // Burst (warning) to the team and the partner's owner; ratio (critical) to on-call and the owner.
    const want = [
      ["MinimoKeyUnauthorizedBurst", "minimo-team"],
      ["MinimoKeyUnauthorizedBurst", "minimo-partners"],
      ["MinimoKeyUnauthorizedRatioHigh", "minimo-oncall"],
      ["MinimoKeyUnauthorizedRatioHigh", "minimo-partners"],
    ] as const;
    await eventually("both 401 alerts at every receiver their routes name", 60_000, async () => {
      const ok = want.every(
        ([name, receiver]) =>
          received((n) => n.receiver === receiver && n.status === "firing" && n.alerts.some((a) => a.labels.alertname === name && a.labels.key === PARTNER)).length > 0,
      );
      return ok ? true : undefined;
    }).catch(async (err: Error) => {
      throw new Error(
        `${err.message}; got ${JSON.stringify(hook!.notifications.map((n) => [n.receiver, n.status, n.alerts.map((a) => a.labels.alertname)]))}; prometheus alerts ${JSON.stringify(await alerts(prom!.url))}; targets ${await targetHealth(prom!.url)}; alertmanager log ${am!.log()}`,
      );
    });
    // Grouped per alert and key: a notification never mixes keys.
    for (const n of hook!.notifications) expect(new Set(n.alerts.map((a) => a.labels.key)).size, JSON.stringify(n.groupLabels)).toBe(1);

    for (const n of received((n) => n.alerts.some((a) => a.labels.key === PARTNER))) {
      for (const a of n.alerts) {
        expect(a.labels.key).toBe(PARTNER);
        expect(a.annotations.summary).toMatch(new RegExp(`${PARTNER}.*401`));
        expect(a.annotations.description).toMatch(/401 Unauthorized/);
        const runbookLink = new URL(a.annotations.runbook_url!);
        expect(runbookLink.hash).toBe(`#${a.labels.alertname!.toLowerCase()}`);
        expect(runbook).toMatch(new RegExp(`^## ${a.labels.alertname}$`, "m"));
        expect((await fetch(runbookLink)).status, runbookLink.href).toBe(200);
        const dashboardLink = new URL(a.annotations.dashboard_url!);
        expect(dashboardLink.searchParams.get("var-key")).toBe(PARTNER);
        expect((await fetch(dashboardLink)).status, dashboardLink.href).toBe(200);
      }
    }
  });

  it("when the exporter dies, sends MinimoExporterDown and no per-key resolved notification", async () => {
    // Per-key alerts active before the kill (the 401 alerts, MinimoKeyDown for demo-revoked).
    await eventually("MinimoKeyDown firing for demo-revoked", 30_000, async () =>
      (await alerts(prom!.url)).find((a) => a.labels.alertname === "MinimoKeyDown" && a.labels.key === "demo-revoked" && a.state === "firing"),
    );
    const perKeyBefore = (await alerts(prom!.url)).filter((a) => isPerKey(a) && a.state === "firing");
    expect(perKeyBefore.length).toBeGreaterThanOrEqual(2);
    const killedAt = Date.now();
    const flushesBefore = flushingsOf(am!.log()).length;
    await exporter!.close();
    exporter = undefined;

    const down = await eventually(
      "MinimoExporterDown at on-call",
      60_000,
      async () =>
        received((n) => n.at >= killedAt && n.receiver === "minimo-oncall" && n.status === "firing" && n.alerts.some((a) => a.labels.alertname === "MinimoExporterDown"))[0],
    );
    // Prometheus drops the per-key alerts once keep_firing_for has passed...
    await eventually("per-key alerts resolved in Prometheus", (KEEP_FIRING_FOR_S + 30) * 1000, async () => ((await alerts(prom!.url)).some(isPerKey) ? undefined : true));
    // ...and Alertmanager, inhibiting them, tells nobody. The moment it would have told is each
    // per-key group's flush with its alerts resolved; wait for all of those, then for one more
    // flush of MinimoExporterDown's group, by which time a notification sent at them has landed.
    const flushesSinceKill = () => flushingsOf(am!.log()).slice(flushesBefore);
    const resolvedFlush = (a: { labels: Record<string, string> }) => (f: { group: string; alerts: { name: string; status: string }[] }) =>
      f.group.includes(`key="${a.labels.key}"`) && f.alerts.some((x) => x.name === a.labels.alertname) && f.alerts.every((x) => x.status === "resolved");
    const lastResolvedFlush = await eventually("each per-key group flushed with its alerts resolved", 30_000, async () => {
      const flushes = flushesSinceKill();
      const at = perKeyBefore.map((a) => flushes.findIndex(resolvedFlush(a)));
      return at.every((i) => i >= 0) ? Math.max(...at) : undefined;
    });
    await eventually(
      "a later flush of MinimoExporterDown's group",
      30_000,
      async () =>
        flushesSinceKill()
          .slice(lastResolvedFlush + 1)
          .some((f) => f.alerts.some((x) => x.name === "MinimoExporterDown")) || undefined,
    );
    const after = received((n) => n.at >= killedAt);
    expect(after[0], "the first notification after the kill").toBe(down);
    const resolvedPerKey = after.filter((n) => n.alerts.some((a) => a.status === "resolved" && isPerKey(a)));
    expect(resolvedPerKey.map((n) => [n.receiver, n.alerts.map((a) => `${a.labels.alertname} ${a.labels.key} ${a.status}`)])).toEqual([]);
    console.info(
      `after the kill: ${after.map((n) => `${((n.at - killedAt) / 1000).toFixed(1)}s ${n.receiver} ${n.status} ${n.alerts.map((a) => a.labels.alertname).join("+")}`).join("; ")}`,
    );
  });
});
