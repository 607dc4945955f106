// The "Minimo API keys" dashboard, as code. `build.ts` writes it to dashboards/minimo-keys.json;
// tests check its structure and run every query in promtool and in a real Prometheus.
import {
  DashboardBuilder,
  DashboardCursorSync,
  DatasourceVariableBuilder,
  MappingType,
  QueryVariableBuilder,
  RowBuilder,
  VariableRefresh,
  VariableSort,
  type Dashboard,
} from "@grafana/grafana-foundation-sdk/dashboard";
import { OPERATIONS } from "@minimo/client";
import { DATASOURCE, JOB, KEY, stat, table, timeseries } from "./panels.js";

/** Stable dashboard uid (Grafana allows at most 40 characters). */
export const DASHBOARD_UID = "minimo-keys";

/** The URL slug Grafana derives from the title ("Minimo API keys"); alerts' dashboard_url uses it. */
export const DASHBOARD_SLUG = "minimo-api-keys";

/**
 * The route templates of the operations spec/minimo.yaml marks deprecated, as a PromQL regex over
 * the `operation` label; a `{param}` becomes `.+`. The MinimoDeprecatedOperationTraffic
 * alert carries the same regex (a test checks it), and the committed dashboard is drift-checked.
 */
export const DEPRECATED_OPERATIONS_RE = [...new Set(OPERATIONS.filter((o) => o.deprecated).map((o) => o.path))]
  .sort()
  .map((path) =>
    path
      .split(/\{[^}]+\}/)
      .map((s) => s.replace(/[.*+?^$()[\]|\\]/g, "\\$&"))
      .join(".+"),
  )
  .join("|");

const RATE = "[$__rate_interval]";

function rate(metric: string, by: string, extra = ""): string {
  const sel = extra ? `${KEY},${extra}` : KEY;
  return `sum by (${by}) (rate(${metric}{${sel}}${RATE}))`;
}

function overview(d: DashboardBuilder): void {
  d.withRow(new RowBuilder("Overview"))
    .withPanel(
      stat({
        title: "Requests",
        description: "Requests per second made with the selected keys, summed over every exporter replica.",
        unit: "reqps",
        queries: [{ expr: `sum(rate(minimo_api_requests_total{${KEY}}${RATE}))` }],
      }),
    )
    .withPanel(
      stat({
        title: "Rejected share (401/403/429)",
        description: "Share of requests answered 401, 403 or 429.",
        unit: "percentunit",
        queries: [
          {
            expr: `sum(rate(minimo_api_requests_total{${KEY},code=~"401|403|429"}${RATE})) / sum(rate(minimo_api_requests_total{${KEY}}${RATE}))`,
          },
        ],
      }),
    )
    .withPanel(
      stat({
        title: "Keys down",
        description: "Keys whose probe is rejected on every replica that probes them (minimo_key_up == 0).",
        queries: [{ expr: `count(max by (key) (minimo_key_up{${KEY}}) == 0) or vector(0)` }],
      }),
    )
    .withPanel(
      stat({
        title: "Lowest budget left",
        description:
          "Lowest remaining share of the rate-limit window across the selected keys and replicas; a window that already reset counts as full (recording rule minimo:api_rate_limit_remaining:ratio).",
        unit: "percentunit",
        queries: [{ expr: `min(minimo:api_rate_limit_remaining:ratio{${KEY}})` }],
      }),
    );
}

function traffic(d: DashboardBuilder): void {
  d.withRow(new RowBuilder("Per-key traffic"))
    .withPanel(
      timeseries({
        title: "Requests by key",
        description: "Requests per second per key, all replicas summed (gateways behind a load balancer each see a share).",
        unit: "reqps",
        queries: [{ expr: rate("minimo_api_requests_total", "key"), legend: "{{key}}" }],
      }),
    )
    .withPanel(
      timeseries({
        title: "Usual vs now",
        description:
          "Each key's request rate over the last 30 minutes against its usual rate for this time of day: the higher and the lower of the same 30 minutes yesterday and a week ago (recording rules shared with MinimoKeyTrafficAnomaly, which fires at 3x the higher, and MinimoKeyTrafficDropped, at a tenth of the lower). Keys with less than a day of history have no usual rate.",
        unit: "reqps",
        queries: [
          { expr: `minimo:api_requests:rate30m{${KEY}}`, legend: "{{key}} now" },
          { expr: `minimo:api_requests:usual_high_rate30m{${KEY}}`, legend: "{{key}} usual (higher)" },
          { expr: `minimo:api_requests:usual_low_rate30m{${KEY}}`, legend: "{{key}} usual (lower)" },
        ],
      }),
    )
    .withPanel(
      timeseries({
        title: "Requests by status code",
        description: "Requests per second per key and HTTP status code.",
        unit: "reqps",
        queries: [{ expr: rate("minimo_api_requests_total", "key, code"), legend: "{{key}} {{code}}" }],
      }),
    )
    .withPanel(
      timeseries({
        title: "Requests by operation",
        description: "Requests per second per key and operation (route template from the OpenAPI spec).",
        unit: "reqps",
        queries: [{ expr: rate("minimo_api_requests_total", "key, operation, method"), legend: "{{key}} {{method}} {{operation}}" }],
      }),
    )
    .withPanel(
      timeseries({
        title: "Latency p95 by operation",
        description:
          "95th percentile request duration per operation, over the selected jobs (the histogram has no key label by default). Operations without calls in the window are left out.",
        unit: "s",
        queries: [
          {
            expr:
              `histogram_quantile(0.95, sum by (le, operation) (rate(minimo_api_request_duration_seconds_bucket{${JOB}}${RATE}))` +
              ` and on (operation) (sum by (operation) (rate(minimo_api_request_duration_seconds_count{${JOB}}${RATE})) > 0))`,
            legend: "{{operation}}",
          },
        ],
      }),
    )
    .withPanel(
      timeseries({
        title: "Transport errors and retries",
        description: "Attempts that got no HTTP response (timeout, network, aborted) and retries made by the client.",
        unit: "reqps",
        queries: [
          { expr: rate("minimo_api_request_errors_total", "key, reason"), legend: "{{key}} {{reason}}" },
          { expr: rate("minimo_api_retries_total", "key"), legend: "{{key}} retries" },
        ],
      }),
    )
    .withPanel(
      timeseries({
        title: "Deprecated operations and 410 Gone",
        description: "Calls to operations the spec marks deprecated, and any 410 Gone answer. Should be zero.",
        unit: "reqps",
        queries: [
          { expr: rate("minimo_api_requests_total", "key, operation", `operation=~"${DEPRECATED_OPERATIONS_RE}"`), legend: "{{key}} {{operation}}" },
          { expr: rate("minimo_api_requests_total", "key, operation", `code="410"`), legend: "{{key}} {{operation}} 410" },
        ],
      }),
    );
}

function rejections(d: DashboardBuilder): void {
  d.withRow(new RowBuilder("401 / 403 / 429"))
    .withPanel(
      timeseries({
        title: "401 Unauthorized",
        description: "401s per second per key: revoked, expired or wrong key.",
        unit: "reqps",
        width: 8,
        queries: [{ expr: rate("minimo_api_unauthorized_total", "key"), legend: "{{key}}" }],
      }),
    )
    .withPanel(
      timeseries({
        title: "403 Forbidden",
        description: "403s per second per key: the key lacks a permission.",
        unit: "reqps",
        width: 8,
        queries: [{ expr: rate("minimo_api_forbidden_total", "key"), legend: "{{key}}" }],
      }),
    )
    .withPanel(
      timeseries({
        title: "429 Too Many Requests",
        description: "429s per second per key: the rate limit was hit.",
        unit: "reqps",
        width: 8,
        queries: [{ expr: rate("minimo_api_rate_limited_total", "key"), legend: "{{key}}" }],
      }),
    )
    .withPanel(
      timeseries({
        title: "Rejected share by key",
        description: "Share of each key's requests answered 401, 403 or 429 (the alerts use 5m windows and a traffic guard).",
        unit: "percentunit",
        queries: [
          // Each numerator is a subset of the denominator's series, so a share never exceeds 100%.
          { expr: `${rate("minimo_api_requests_total", "key", `code="401"`)} / ${rate("minimo_api_requests_total", "key")}`, legend: "{{key}} 401" },
          { expr: `${rate("minimo_api_requests_total", "key", `code="403"`)} / ${rate("minimo_api_requests_total", "key")}`, legend: "{{key}} 403" },
          { expr: `${rate("minimo_api_requests_total", "key", `code="429"`)} / ${rate("minimo_api_requests_total", "key")}`, legend: "{{key}} 429" },
        ],
      }),
    )
    .withPanel(
      timeseries({
        title: "Gateway requests with unknown keys",
        description: "Requests through the selected jobs' gateways whose key is not configured, by status code (no key label by design).",
        unit: "reqps",
        queries: [{ expr: `sum by (code) (rate(minimo_gateway_unknown_key_requests_total{${JOB}}${RATE}))`, legend: "{{code}}" }],
      }),
    );
}

function budget(d: DashboardBuilder): void {
  d.withRow(new RowBuilder("Remaining budget and reset"))
    .withPanel(
      timeseries({
        title: "Remaining requests in window",
        description:
          "X-RateLimit-Remaining, lowest value across exporter replicas whose window has not reset yet, and the full limit once every replica's window has reset without a new answer (recording rules, as the alerts).",
        queries: [
          { expr: `minimo:api_rate_limit_remaining:min{${KEY}}`, legend: "{{key}} remaining" },
          { expr: `minimo:api_rate_limit_limit:max{${KEY}}`, legend: "{{key}} limit" },
        ],
      }),
    )
    .withPanel(
      timeseries({
        title: "Remaining budget share",
        description: "Remaining / limit per key; the MinimoRateLimitBudgetLow alert fires under 10%.",
        unit: "percentunit",
        queries: [{ expr: `minimo:api_rate_limit_remaining:ratio{${KEY}}`, legend: "{{key}}" }],
      }),
    )
    .withPanel(
      table({
        title: "Window reset",
        description:
          'Seconds until the current rate-limit window resets ("window reset" once it has, until the key\'s next answer tells the new window), and age of the last rate-limit headers seen.',
        unit: "s",
        columns: ["Reset in", "Headers age"],
        // An idle key's last reset time lies in the past: that window is over, not "-50 s" away.
        columnMappings: { "Reset in": [{ type: MappingType.RangeToText, options: { from: null, to: 0, result: { text: "window reset", index: 0 } } }] },
        queries: [
          { expr: `clamp_min(minimo:api_rate_limit_reset_timestamp_seconds:max{${KEY}} - time(), 0)` },
          { expr: `time() - max by (key) (minimo_api_rate_limit_updated_timestamp_seconds{${KEY}})` },
        ],
      }),
    )
    .withPanel(
      timeseries({
        title: "Projected time to exhaustion",
        description: "Remaining budget divided by the current request rate; below the reset time means 429s before the reset.",
        unit: "s",
        queries: [
          {
            expr: `minimo:api_rate_limit_remaining:min{${KEY}} / (${rate("minimo_api_requests_total", "key")} > 0)`,
            legend: "{{key}}",
          },
        ],
      }),
    );
}

function keyHealth(d: DashboardBuilder): void {
  d.withRow(new RowBuilder("Key health and expiry"))
    .withPanel(
      timeseries({
        title: "Key up",
        description: "1 when the probe succeeds on at least one replica probing the key, 0 when it is rejected.",
        queries: [{ expr: `max by (key) (minimo_key_up{${KEY}})`, legend: "{{key}}" }],
      }),
    )
    .withPanel(
      table({
        title: "Days until expiry",
        description: "Days until each key expires; MinimoKeyExpiringSoon fires under 14.",
        columns: ["Days left"],
        queries: [{ expr: `(min by (key) (minimo_key_expiry_timestamp_seconds{${KEY}}) - time()) / 86400` }],
      }),
    )
    .withPanel(
      table({
        title: "Permitted operations",
        description: "Whether each key may call each operation (1) or not (0), from the probes.",
        columns: ["Permitted"],
        queries: [{ expr: `max by (key, operation) (minimo_key_permitted{${KEY}})` }],
      }),
    )
    .withPanel(
      timeseries({
        title: "Probe duration and age",
        description: "Probe duration per key, and seconds since its last successful probe.",
        unit: "s",
        queries: [
          { expr: `max by (key) (minimo_key_probe_duration_seconds{${KEY}})`, legend: "{{key}} duration" },
          { expr: `time() - max by (key) (minimo_key_last_success_timestamp_seconds{${KEY}})`, legend: "{{key}} since last success" },
        ],
      }),
    )
    .withPanel(
      table({
        title: "Key identity",
        description: "Client id of each key (the non-secret part of mn-{CLIENT_ID}-{SECRET}).",
        columns: ["Configured"],
        queries: [{ expr: `max by (key, client_id) (minimo_key_info{${KEY}})` }],
      }),
    );
}

function posture(d: DashboardBuilder): void {
  d.withRow(new RowBuilder("Posture"))
    .withPanel(
      table({
        title: "Active findings",
        description: "Posture findings per key (minimo_key_finding): what breaks Minimo's key advice. Evidence and fix: the exporter's console or GET /api/keys/{alias}/findings.",
        width: 12,
        columns: ["Active"],
        queries: [{ expr: `max by (key, finding, severity) (minimo_key_finding{${KEY}})` }],
      }),
    )
    .withPanel(
      table({
        title: "Days since last accepted use",
        description: "Days since an application request with the key last got an answer other than 401 through the gateway (kept across restarts).",
        width: 6,
        columns: ["Days"],
        queries: [{ expr: `(time() - max by (key) (minimo_key_last_used_timestamp_seconds{${KEY}})) / 86400` }],
      }),
    )
    .withPanel(
      timeseries({
        title: "Browser requests and new callers",
        description: "Requests a browser made with the key, and accepted requests from callers outside its baseline.",
        width: 6,
        queries: [
          { expr: `sum by (key) (increase(minimo_gateway_browser_requests_total{${KEY}}[$__rate_interval]))`, legend: "{{key}} browser" },
          { expr: `sum by (key) (increase(minimo_key_new_callers_total{${KEY}}[$__rate_interval]))`, legend: "{{key}} new callers" },
        ],
      }),
    )
    .withPanel(
      table({
        title: "Days since each permission was used",
        description: "Per key and permission (the operation's x-minimo-permission): days since its last accepted use. Declared permissions missing here were never used.",
        width: 12,
        columns: ["Days"],
        queries: [{ expr: `(time() - max by (key, permission) (minimo_key_permission_last_used_timestamp_seconds{${KEY}})) / 86400` }],
      }),
    );
}

function exporterHealth(d: DashboardBuilder): void {
  d.withRow(new RowBuilder("Exporter health"))
    .withPanel(
      timeseries({
        title: "Exporter targets up",
        description: "Prometheus' up metric for every exporter replica of the selected jobs.",
        width: 8,
        queries: [{ expr: `up{${JOB}}`, legend: "{{job}} {{instance}}" }],
      }),
    )
    .withPanel(
      timeseries({
        title: "Scrape duration and samples",
        description: "How long scrapes of each replica take, and how many samples they return (watch sample_limit).",
        width: 8,
        queries: [
          { expr: `scrape_duration_seconds{${JOB}}`, legend: "{{instance}} seconds" },
          { expr: `scrape_samples_scraped{${JOB}}`, legend: "{{instance}} samples" },
        ],
      }),
    )
    .withPanel(
      table({
        title: "Config and version",
        description: "Whether the last config reload succeeded, its age in seconds, and the build version per replica.",
        width: 8,
        columns: ["Reload ok", "Reload age (s)", "Running"],
        queries: [
          { expr: `max by (instance) (minimo_exporter_config_last_reload_successful{${JOB}})` },
          { expr: `time() - max by (instance) (minimo_exporter_config_last_reload_success_timestamp_seconds{${JOB}})` },
          { expr: `max by (instance, version) (minimo_exporter_build_info{${JOB}})` },
        ],
      }),
    );
}

/** The `job` variable's query: jobs whose targets publish the exporter's build info. */
export const JOB_QUERY = "label_values(minimo_exporter_build_info, job)";
/** The `key` variable's query: every configured key of the selected jobs. */
export const KEY_QUERY = `label_values(minimo_key_info{${JOB}}, key)`;

/** Builds the dashboard JSON model. Panel ids are assigned in layout order. */
export function buildDashboard(): Dashboard {
  const d = new DashboardBuilder("Minimo API keys")
    .uid(DASHBOARD_UID)
    .description("Per-key usage of the Minimo API: traffic, 401/403/429, rate-limit budget, key health and the exporter itself.")
    .tags(["minimo", "api-keys"])
    .editable()
    .tooltip(DashboardCursorSync.Crosshair)
    .refresh("30s")
    .time({ from: "now-6h", to: "now" })
    .timezone("browser")
    .withVariable(new DatasourceVariableBuilder("datasource").label("Data source").type("prometheus"))
    // Jobs that run the exporter (no job name is hard-coded); "All" is every one of them.
    .withVariable(
      new QueryVariableBuilder("job")
        .label("Job")
        .description("Prometheus jobs scraping a Minimo exporter.")
        .datasource(DATASOURCE)
        .query(JOB_QUERY)
        .definition(JOB_QUERY)
        .refresh(VariableRefresh.OnTimeRangeChanged)
        .sort(VariableSort.AlphabeticalAsc)
        .multi(true)
        .includeAll(true),
    )
    // Every configured key, with traffic or not (minimo_key_info is published for each).
    .withVariable(
      new QueryVariableBuilder("key")
        .label("Key")
        .description("Key aliases from the exporter config.")
        .datasource(DATASOURCE)
        .query(KEY_QUERY)
        .definition(KEY_QUERY)
        .refresh(VariableRefresh.OnTimeRangeChanged)
        .sort(VariableSort.AlphabeticalAsc)
        .multi(true)
        .includeAll(true)
        .allValue(".*"),
    );
  overview(d);
  traffic(d);
  rejections(d);
  budget(d);
  keyHealth(d);
  posture(d);
  exporterHealth(d);
  const model = d.build();
  let id = 1;
  for (const panel of model.panels ?? []) panel.id = id++;
  return model;
}
