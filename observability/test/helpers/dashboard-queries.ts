// Extracts every panel query from the committed dashboard JSON and turns Grafana's variables
// into concrete PromQL, as Grafana would before sending the query.
import { readFileSync } from "node:fs";
import { DASHBOARD_JSON } from "./paths.js";

export interface PanelJson {
  id?: number;
  type: string;
  title?: string;
  gridPos?: { x: number; y: number; w: number; h: number };
  interval?: string;
  options?: { legend?: { showLegend?: boolean; displayMode?: string; calcs?: string[] } };
  transformations?: { id: string; options: unknown }[];
  datasource?: { type?: string; uid?: string };
  targets?: { refId?: string; expr?: string; datasource?: { type?: string; uid?: string } }[];
  panels?: PanelJson[];
}

export interface DashboardJson {
  uid: string;
  title: string;
  panels: PanelJson[];
  templating: { list: { name: string; type: string; query?: unknown; multi?: boolean; includeAll?: boolean; datasource?: { uid?: string } }[] };
}

export interface PanelQuery {
  panelId: number | undefined;
  title: string;
  refId: string;
  /** The expression as committed (with `$key`, `$__rate_interval`). */
  expr: string;
}

export function loadDashboard(): DashboardJson {
  return JSON.parse(readFileSync(DASHBOARD_JSON, "utf8")) as DashboardJson;
}

/** Every panel, rows' nested panels included. */
export function allPanels(d: DashboardJson): PanelJson[] {
  return d.panels.flatMap((p) => [p, ...(p.panels ?? [])]);
}

export function panelQueries(d: DashboardJson): PanelQuery[] {
  return allPanels(d).flatMap((p) => (p.targets ?? []).map((t) => ({ panelId: p.id, title: p.title ?? "", refId: t.refId ?? "", expr: t.expr ?? "" })));
}

export interface Substitutions {
  /** What `$__rate_interval` becomes, e.g. `1m`. */
  rateInterval: string;
  /** Regex for `$key` (Grafana sends `.*` for All, `(a|b)` for a multi-selection). */
  key: string;
  /** Regex for `$job`. Default: `minimo`. */
  job?: string;
}

/**
 * `$__rate_interval` as Grafana computes it: max($__interval + scrape, 4 x scrape), where scrape is
 * the data source's "Scrape interval" setting (15 s by default) and $__interval is at least the
 * panel's min interval (it grows with the time range; the floor is the worst case).
 */
export function grafanaRateInterval(o: { minInterval: string; dataSourceScrape: string }): string {
  const sec = (d: string) => Number(d.slice(0, -1)) * ({ s: 1, m: 60, h: 3600 } as Record<string, number>)[d.slice(-1)]!;
  const scrape = sec(o.dataSourceScrape);
  return `${Math.max(sec(o.minInterval) + scrape, 4 * scrape)}s`;
}

/** Replaces the dashboard variables the way Grafana interpolates them. */
export function concrete(expr: string, s: Substitutions): string {
  return expr
    .replaceAll("$__rate_interval", s.rateInterval)
    .replaceAll("${job}", s.job ?? "minimo")
    .replaceAll("$job", s.job ?? "minimo")
    .replaceAll("${key}", s.key)
    .replaceAll("$key", s.key);
}
