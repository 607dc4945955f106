// Small builders shared by the dashboard: every panel reads the `${datasource}` variable (never
// a hard-coded uid) and every query is a Prometheus target with its own refId.
import type * as cog from "@grafana/grafana-foundation-sdk/cog";
import { LegendDisplayMode, LegendPlacement, VizLegendOptionsBuilder, type DataSourceRef } from "@grafana/grafana-foundation-sdk/common";
import type { DataTransformerConfig, ValueMapping } from "@grafana/grafana-foundation-sdk/dashboard";
import { DataqueryBuilder, PromQueryFormat } from "@grafana/grafana-foundation-sdk/prometheus";
import { PanelBuilder as StatBuilder } from "@grafana/grafana-foundation-sdk/stat";
import { PanelBuilder as TableBuilder } from "@grafana/grafana-foundation-sdk/table";
import { PanelBuilder as TimeseriesBuilder } from "@grafana/grafana-foundation-sdk/timeseries";

/** The datasource every panel and the `key` variable use: the dashboard's datasource variable. */
export const DATASOURCE: DataSourceRef = { type: "prometheus", uid: "${datasource}" };

/**
 * Every panel's minimum interval ("Min interval" in the query options). Grafana computes
 * `$__rate_interval` as max($__interval + scrape interval, 4 x scrape interval), the scrape
 * interval being the data source's setting (15 s unless the user sets it). With the documented
 * 60 s scrape and the setting left at 15 s, a 6 h dashboard would get a 1 m window holding a single
 * sample, and rate() would return nothing. A 2 m floor gives at least 2m15s: two samples at a
 * 60 s scrape whatever the data source says (and 4 m once it is set to 60 s, as the README asks).
 */
export const MIN_INTERVAL = "2m";

/** Label matcher for the multi-select `key` variable (Grafana renders a multi value as `(a|b)`). */
export const KEY = `key=~"$key"`;

/** Label matcher for the multi-select `job` variable (no job name is hard-coded). */
export const JOB = `job=~"$job"`;

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
  /** Legend values (Grafana reducer ids) shown in the table legend. Default: last and max. */
  legendCalcs?: string[];
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
    .interval(MIN_INTERVAL)
    .legend(
      new VizLegendOptionsBuilder()
        .showLegend(true)
        .displayMode(LegendDisplayMode.Table)
        .placement(LegendPlacement.Bottom)
        .calcs(o.legendCalcs ?? ["lastNotNull", "max"]),
    )
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
    .interval(MIN_INTERVAL)
    .span(o.width ?? 6)
    .height(o.height ?? 4);
  if (o.unit) p.unit(o.unit);
  return p;
}

/** A table: one row per series, a column per query (merged on the labels they share). */
export interface TableOptions extends PanelOptions {
  /** Column title per query, in query order (replaces Grafana's "Value #A"…). */
  columns?: string[];
  /** Value mappings of single columns, by column title (e.g. 0 s shown as text). Default: none. */
  columnMappings?: Record<string, ValueMapping[]>;
}

export function table(o: TableOptions): TableBuilder {
  const p = new TableBuilder()
    .title(o.title)
    .description(o.description)
    .datasource(DATASOURCE)
    .targets(targets(o.queries.map((q) => ({ ...q, instant: true, tableFormat: true }))))
    .interval(MIN_INTERVAL)
    .transformations(tableTransformations(o))
    .span(o.width ?? 12)
    .height(o.height ?? 8);
  if (o.unit) p.unit(o.unit);
  for (const [column, mappings] of Object.entries(o.columnMappings ?? {})) p.overrideByName(column, [{ id: "mappings", value: mappings }]);
  return p;
}

/**
 * Several instant queries arrive as one frame each; "merge" joins them into one row per label
 * set (Grafana's own recipe for multi-query tables), then "organize" drops the Time column and
 * names the value columns.
 */
function tableTransformations(o: TableOptions): DataTransformerConfig[] {
  const multi = o.queries.length > 1;
  const valueName = (i: number) => (multi ? `Value #${String.fromCharCode(65 + i)}` : "Value");
  const renameByName = Object.fromEntries((o.columns ?? []).map((c, i) => [valueName(i), c]));
  return [...(multi ? [{ id: "merge", options: {} }] : []), { id: "organize", options: { excludeByName: { Time: true }, renameByName } }];
}
