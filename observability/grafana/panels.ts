// Small builders shared by the dashboard: every panel reads the `${datasource}` variable (never
// a hard-coded uid) and every query is a Prometheus target with its own refId.
import type * as cog from "@grafana/grafana-foundation-sdk/cog";
import type * as common from "@grafana/grafana-foundation-sdk/common";
import { DataqueryBuilder, PromQueryFormat } from "@grafana/grafana-foundation-sdk/prometheus";
import { PanelBuilder as StatBuilder } from "@grafana/grafana-foundation-sdk/stat";
import { PanelBuilder as TableBuilder } from "@grafana/grafana-foundation-sdk/table";
import { PanelBuilder as TimeseriesBuilder } from "@grafana/grafana-foundation-sdk/timeseries";

/** The datasource every panel and the `key` variable use: the dashboard's datasource variable. */
export const DATASOURCE: common.DataSourceRef = { type: "prometheus", uid: "${datasource}" };

/** Label matcher for the multi-select `key` variable (Grafana renders a multi value as `(a|b)`). */
export const KEY = `key=~"$key"`;

/** One PromQL target: expression and legend. */
export interface Query {
  /** PromQL; may use `$key` and `$__rate_interval`. */
  expr: string;
  /** Legend template, e.g. `{{key}}`. Default: none (Grafana's series name). */
  legend?: string;
  /** Table and stat panels want the latest value only. Default: false (range query). */
  instant?: boolean;
  /** Table panels want one row per series. Default: false (time series frames). */
  tableFormat?: boolean;
}

/** Layout and display options shared by the panel kinds. */
export interface PanelOptions {
  title: string;
  description: string;
  queries: Query[];
  /** Grafana unit id, e.g. `reqps`, `percentunit`, `s`. Default: none. */
  unit?: string;
  /** Width in grid columns (of 24). Default: 12 for timeseries, 6 for stat, 12 for table. */
  width?: number;
  /** Height in grid rows. Default: 8 for timeseries/table, 4 for stat. */
  height?: number;
}

function targets(queries: Query[]): cog.Builder<cog.Dataquery>[] {
  return queries.map((q, i) => {
    const b = new DataqueryBuilder()
      .datasource(DATASOURCE)
      .refId(String.fromCharCode(65 + i))
      .expr(q.expr);
    if (q.legend) b.legendFormat(q.legend);
    if (q.instant) b.instant();
    else b.range();
    if (q.tableFormat) b.format(PromQueryFormat.Table);
    return b;
  });
}

export function timeseries(o: PanelOptions): TimeseriesBuilder {
  const p = new TimeseriesBuilder()
    .title(o.title)
    .description(o.description)
    .datasource(DATASOURCE)
    .targets(targets(o.queries))
    .span(o.width ?? 12)
    .height(o.height ?? 8);
  if (o.unit) p.unit(o.unit);
  return p;
}

export function stat(o: PanelOptions): StatBuilder {
  const p = new StatBuilder()
    .title(o.title)
    .description(o.description)
    .datasource(DATASOURCE)
    .targets(targets(o.queries.map((q) => ({ ...q, instant: true }))))
    .span(o.width ?? 6)
    .height(o.height ?? 4);
  if (o.unit) p.unit(o.unit);
  return p;
}

export function table(o: PanelOptions): TableBuilder {
  const p = new TableBuilder()
    .title(o.title)
    .description(o.description)
    .datasource(DATASOURCE)
    .targets(targets(o.queries.map((q) => ({ ...q, instant: true, tableFormat: true }))))
    .span(o.width ?? 12)
    .height(o.height ?? 8);
  if (o.unit) p.unit(o.unit);
  return p;
}
