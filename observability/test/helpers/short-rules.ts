// A test copy of the shipped rules with windows short enough for a test that lasts seconds:
// every range selector becomes `[range]`, every window-sized `offset` (the newborn-series form
// `(x unless x offset W) / W_seconds`) becomes `offset range` with the divisor to match, every
// day-scale offset (baselines) becomes `dayOffset`, every `for:` becomes `forDuration` and every
// `keep_firing_for:` becomes `keepFiringFor`. Thresholds, label matching and structure stay
// exactly as shipped. Never deployed: tests only.
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { stringify } from "yaml";
import { renderRules, type LinkBases } from "../../prometheus/links.js";
import { loadRuleFiles } from "./rules.js";

export interface ShortenOptions {
  /** Replacement for every `[5m]`-style range and window-sized offset, e.g. `30s`. */
  range: string;
  /** Replacement for every `for:`. */
  forDuration: string;
  /** Replacement for every `keep_firing_for:`. Default: forDuration. */
  keepFiringFor?: string;
  /** Replacement for every offset of a day or more (baselines). Default: range. */
  dayOffset?: string;
  /** Link bases for the annotations. Default: the shipped ones. */
  links?: LinkBases;
}

/** Seconds in a Prometheus duration such as `5m`, `1d`, `1d30m`. */
export function durationSeconds(d: string): number {
  const unit: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
  const parts = [...d.matchAll(/(\d+)([smhdw])/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== d) throw new Error(`not a duration: ${d}`);
  return parts.reduce((s, p) => s + Number(p[1]) * unit[p[2]!]!, 0);
}

/** The shortened expression. */
export function shortenExpr(expr: string, o: ShortenOptions): string {
  const rangeSeconds = durationSeconds(o.range);
  return (
    expr
      // The newborn form's divisor is the window in seconds: `offset 5m) / 300`.
      .replace(/offset (\w+)\) \/ (\d+)/g, (_, w: string, s: string) => {
        if (durationSeconds(w) !== Number(s)) throw new Error(`divisor ${s} does not match offset ${w} in: ${expr}`);
        return `offset ${o.range}) / ${rangeSeconds}`;
      })
      .replace(/offset ((?:\d+[smhdw])+)/g, (_, w: string) => `offset ${durationSeconds(w) >= 86400 ? (o.dayOffset ?? o.range) : o.range}`)
      .replace(/\[\d+[smhdw]\]/g, `[${o.range}]`)
  );
}

/** Writes the shortened copies into `dir`; returns their paths. */
export function writeShortRules(dir: string, o: ShortenOptions): string[] {
  mkdirSync(dir, { recursive: true });
  return loadRuleFiles().map((file) => {
    const groups = file.groups.map((g) => ({
      ...g,
      rules: g.rules.map((r) => ({
        ...r,
        expr: shortenExpr(r.expr, o),
        ...(r.for ? { for: o.forDuration } : {}),
        ...(r.keep_firing_for ? { keep_firing_for: o.keepFiringFor ?? o.forDuration } : {}),
      })),
    }));
    const out = join(dir, basename(file.path));
    const text = `# TEST COPY with shortened windows (range ${o.range}, for ${o.forDuration}); see ${basename(file.path)}\n${stringify({ groups }, { lineWidth: 0 })}`;
    writeFileSync(out, o.links ? renderRules(text, o.links) : text);
    return out;
  });
}
