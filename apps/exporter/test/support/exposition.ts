// Readers for Prometheus exposition text (what /metrics answers), shared by every exporter test.

/** The labels of `line` when it is a sample of `name`, else undefined. */
function labelsOf(line: string, name: string): Record<string, string> | undefined {
  if (line.startsWith(`${name} `)) return {};
  if (!line.startsWith(`${name}{`)) return undefined;
  const text = line.slice(name.length + 1, line.lastIndexOf("}"));
  return Object.fromEntries([...text.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!]));
}

/** The value of the first sample of `name` whose labels include `labels`, or undefined when the series is absent. */
export function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split("\n")) {
    const found = labelsOf(line, name);
    if (found && Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(line.slice(line.lastIndexOf(" ") + 1));
  }
  return undefined;
}

/** The sum of every sample of `name` whose labels include `labels` (0 when none). */
export function sumOf(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split("\n")) {
    const found = labelsOf(line, name);
    if (found && Object.entries(labels).every(([k, v]) => found[k] === v)) sum += Number(line.slice(line.lastIndexOf(" ") + 1));
  }
  return sum;
}

/** Sample lines (not comments) of families whose name starts with `prefix`. */
export function seriesCount(text: string, prefix = "minimo_"): number {
  return text.split("\n").filter((l) => l.startsWith(prefix)).length;
}

/** Every distinct value of label `label` across the samples of `prefix` families. */
export function labelValues(text: string, label: string, prefix = "minimo_"): Set<string> {
  const out = new Set<string>();
  for (const line of text.split("\n")) {
    if (!line.startsWith(prefix)) continue;
    const m = new RegExp(`[{,]${label}="((?:[^"\\\\]|\\\\.)*)"`).exec(line);
    if (m) out.add(m[1]!);
  }
  return out;
}
