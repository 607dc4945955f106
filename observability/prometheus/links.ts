// The links every alert carries: `runbook_url` (<runbook base>#<alert name in lower case>) and
// `dashboard_url` (<Grafana URL>/d/<dashboard uid>/<slug>?var-…). The committed rule files use
// the defaults below; `renderRules` swaps them for a deployment's own bases (render.ts is its CLI).
import { DASHBOARD_SLUG, DASHBOARD_UID } from "../grafana/dashboard.js";

/** Default runbook base: observability/RUNBOOK.md of this repository on GitHub. */
export const DEFAULT_RUNBOOK_BASE = "https://github.com/minimo-monitoring/minimo-monitoring/blob/main/observability/RUNBOOK.md";

/** Default Grafana root URL: a Grafana on its default port. */
export const DEFAULT_GRAFANA_URL = "http://localhost:3000";

export interface LinkBases {
  /** Where RUNBOOK.md is served; alerts link to `<runbookBase>#<alertname lower-cased>`. Default: DEFAULT_RUNBOOK_BASE. */
  runbookBase?: string;
  /** Grafana root URL (no trailing slash needed). Default: DEFAULT_GRAFANA_URL. */
  grafanaUrl?: string;
}

/** The runbook link of an alert, as the rules carry it. */
export function runbookUrl(alert: string, base = DEFAULT_RUNBOOK_BASE): string {
  return `${base}#${alert.toLowerCase()}`;
}

/** The dashboard link prefix (before `?var-…`), as the rules carry it. */
export function dashboardUrl(grafanaUrl = DEFAULT_GRAFANA_URL): string {
  return `${grafanaUrl.replace(/\/+$/, "")}/d/${DASHBOARD_UID}/${DASHBOARD_SLUG}`;
}

function absolute(name: string, url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`${name}: "${url}" is not an absolute URL (expected e.g. https://wiki.example.com/minimo/RUNBOOK.md)`);
  }
  if (!/^https?:$/.test(parsed.protocol)) throw new Error(`${name}: "${url}" must be an http(s) URL`);
  if (parsed.hash) throw new Error(`${name}: "${url}" must not have a #fragment (the alert name is appended as one)`);
  return url.replace(/\/+$/, "");
}

/**
 * Rewrites the default link bases in one rule file's text (they appear only in `runbook_url` and
 * `dashboard_url`); everything else stays byte for byte.
 */
export function renderRules(text: string, bases: LinkBases): string {
  const runbook = absolute("runbook base", bases.runbookBase ?? DEFAULT_RUNBOOK_BASE);
  const grafana = absolute("grafana url", bases.grafanaUrl ?? DEFAULT_GRAFANA_URL);
  return text.replaceAll(`${DEFAULT_RUNBOOK_BASE}#`, `${runbook}#`).replaceAll(dashboardUrl(), dashboardUrl(grafana));
}
