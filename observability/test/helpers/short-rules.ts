// A test copy of the shipped rules with windows short enough for a test that lasts seconds:
// every range selector becomes `[range]` and every `for:` becomes `forDuration`. Thresholds,
// label matching and structure stay exactly as shipped. Never deployed: tests only.
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { stringify } from "yaml";
import { loadRuleFiles } from "./rules.js";

export interface ShortenOptions {
  /** Replacement for every `[5m]`-style range. */
  range: string;
  /** Replacement for every `for:`. */
  forDuration: string;
}

/** Writes the shortened copies into `dir`; returns their paths. */
export function writeShortRules(dir: string, o: ShortenOptions): string[] {
  mkdirSync(dir, { recursive: true });
  return loadRuleFiles().map((file) => {
    const groups = file.groups.map((g) => ({
      ...g,
      rules: g.rules.map((r) => ({
        ...r,
        expr: r.expr.replace(/\[\d+[smhdw]\]/g, `[${o.range}]`),
        ...(r.for ? { for: o.forDuration } : {}),
      })),
    }));
    const out = join(dir, basename(file.path));
    writeFileSync(out, `# TEST COPY with shortened windows (range ${o.range}, for ${o.forDuration}); see ${basename(file.path)}\n${stringify({ groups }, { lineWidth: 0 })}`);
    return out;
  });
}
