// Extracts every panel query from the committed dashboard JSON and turns Grafana's variables
// into concrete PromQL, as Grafana would before sending the query.
import { readFileSync } from "node:fs";
import { DASHBOARD_JSON } from "./paths.js";

export interface PanelJson {
  id?: number;
  type: string;
  title?: string;
  gridPos?: { x: number; y: number; w: number; h: number };
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
  return allPanels(d).flatMap((p) =>
    (p.targets ?? []).map((t) => ({ panelId: p.id, title: p.title ?? "", refId: t.refId ?? "", expr: t.expr ?? "" })),
  );
}

export interface Substitutions {
  /** What `$__rate_interval` becomes, e.g. `1m`. */
  rateInterval: string;
  /** Regex for `$key` (Grafana sends `.*` for All, `(a|b)` for a multi-selection). */
  key: string;
}

/** Replaces the dashboard variables the way Grafana interpolates them. */
export function concrete(expr: string, s: Substitutions): string {
  return expr
    .replaceAll("$__rate_interval", s.rateInterval)
    .replaceAll("${key}", s.key)
    .replaceAll("$key", s.key);
}
