// PromQL checks with Prometheus' own lezer grammar (@prometheus-io/lezer-promql).
import { parser } from "@prometheus-io/lezer-promql";

export interface PromqlInfo {
  /** Text around each parse error, empty when the expression parses. */
  errors: string[];
  /** Metric names selected by the expression (VectorSelector identifiers). */
  metrics: string[];
  /** Names of the functions called. */
  functions: string[];
}

export function inspectPromql(expr: string): PromqlInfo {
  const errors: string[] = [];
  const metrics = new Set<string>();
  const functions = new Set<string>();
  parser.parse(expr).iterate({
    enter(node) {
      if (node.type.isError) errors.push(`at ${node.from}: "${expr.slice(Math.max(0, node.from - 10), node.to + 10)}"`);
      if (node.name === "Identifier" && node.node.parent?.name === "VectorSelector") metrics.add(expr.slice(node.from, node.to));
      if (node.name === "FunctionIdentifier") functions.add(expr.slice(node.from, node.to));
    },
  });
  return { errors, metrics: [...metrics].sort(), functions: [...functions].sort() };
}

/** Each vector selector of the expression: its metric name and its whole text (with matchers). */
export function vectorSelectors(expr: string): { metric: string; text: string }[] {
  const found: { metric: string; text: string }[] = [];
  parser.parse(expr).iterate({
    enter(node) {
      if (node.name !== "VectorSelector") return;
      const id = node.node.getChild("Identifier");
      found.push({ metric: id ? expr.slice(id.from, id.to) : "", text: expr.slice(node.from, node.to) });
    },
  });
  return found;
}
