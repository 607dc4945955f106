// The shared harness: machine facts, interleaved rounds, medians and ratio lines with a verdict.
// Every figure a scenario prints is a ratio against a baseline measured in the same run.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus } from "node:os";

/** `BENCH_QUICK=1` shrinks every size so a full pass of all scenarios takes under ~2 minutes. */
export const QUICK = process.env.BENCH_QUICK === "1";

/** Picks the quick or the full value of a size. */
export const size = <T>(quick: T, full: T): T => (QUICK ? quick : full);

/** Rounds per interleaved comparison (≥ 5 even in quick mode: a median of fewer says little here). */
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

export interface Machine {
  node: string;
  cpu: string;
  cores: number;
  commit: string;
}

function cpuModel(): string {
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((l) => l.startsWith("model name"));
    if (line) return line.slice(line.indexOf(":") + 1).trim();
  } catch {
    // not Linux: fall back to what os.cpus() says
  }
  return cpus()[0]?.model ?? "unknown CPU";
}

function commit(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() !== "";
    return dirty ? `${head} (+ uncommitted changes)` : head;
  } catch {
    return "unknown (not a git checkout)";
  }
}

export function machine(): Machine {
  return { node: process.version, cpu: cpuModel(), cores: cpus().length, commit: commit() };
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** A measured quantity: the median of its rounds, with the spread kept for printing. */
export interface Sample {
  median: number;
  min: number;
  max: number;
  rounds: number;
}

export function sample(xs: readonly number[]): Sample {
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), rounds: xs.length };
}

export interface Variant {
  name: string;
  /** One measurement (one round) of this variant; returns the figure of that round. */
  run(round: number): Promise<number>;
}

/**
 * Runs the variants interleaved, A/B/C, B/C/A, C/A/B…: the starting variant rotates each round so
 * none always runs first (order effects here reach ±40 %). Returns every round's figure by name.
 */
export async function interleave(variants: readonly Variant[], rounds = ROUNDS): Promise<Map<string, Sample>> {
  const figures = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  for (let r = 0; r < rounds; r++) {
    for (let j = 0; j < variants.length; j++) {
      const v = variants[(r + j) % variants.length]!;
      figures.get(v.name)!.push(await v.run(r));
    }
  }
  return new Map([...figures].map(([name, xs]) => [name, sample(xs)]));
}

export type Goal = { op: "<=" | ">="; value: number };

export const atMost = (value: number): Goal => ({ op: "<=", value });
export const atLeast = (value: number): Goal => ({ op: ">=", value });

/** "PASS", or "MISS by N %" (how far the ratio is from the goal, relative to the goal). */
export function verdict(ratio: number, goal: Goal): string {
  if (!Number.isFinite(ratio)) return "MISS (no figure)";
  const ok = goal.op === "<=" ? ratio <= goal.value : ratio >= goal.value;
  if (ok) return "PASS";
  const by = goal.op === "<=" ? ratio / goal.value - 1 : 1 - ratio / goal.value;
  return `MISS by ${(by * 100).toFixed(1)} %`;
}

/** One printed line: candidate vs baseline, their ratio, and the goal with its verdict. */
export interface RatioLine {
  scenario: string;
  what: string;
  candidate: { name: string; value: Sample };
  baseline: { name: string; value: Sample };
  unit: string;
  goal?: Goal;
  /** Extra words printed after the verdict (why a goal cannot be met, a caveat). */
  note?: string;
}

/** Every ratio line printed in this process, for the closing summary. */
export const printed: (RatioLine & { ratio: number; verdict: string })[] = [];

export function formatValue(v: number, unit: string): string {
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : Math.abs(v) >= 1 ? 2 : 3;
  return `${v.toFixed(digits)} ${unit}`.trim();
}

export function formatSample(s: Sample, unit: string): string {
  const spread = s.rounds > 1 ? ` (${formatValue(s.min, "")}–${formatValue(s.max, "")}, n=${s.rounds})` : "";
  return `${formatValue(s.median, unit)}${spread}`;
}

export function ratioLine(line: RatioLine): number {
  const ratio = line.candidate.value.median / line.baseline.value.median;
  const goalText = line.goal ? `goal ${line.goal.op === "<=" ? "≤" : "≥"} ${line.goal.value}×` : "(reference)";
  const v = line.goal ? verdict(ratio, line.goal) : "";
  printed.push({ ...line, ratio, verdict: v || "reference" });
  console.log(`  ${line.what}`);
  console.log(`    ${line.candidate.name}: ${formatSample(line.candidate.value, line.unit)}`);
  console.log(`    ${line.baseline.name}: ${formatSample(line.baseline.value, line.unit)}`);
  console.log(`    ratio ${ratio.toFixed(3)}×  ${goalText}  ${v}${line.note ? `  — ${line.note}` : ""}`);
  return ratio;
}

/** A figure that has no baseline of its own (an absolute limit such as Prometheus' 10 s timeout). */
export function limitLine(scenario: string, what: string, value: Sample, unit: string, limit: number, note?: string): void {
  const ratio = value.median / limit;
  const v = verdict(ratio, atMost(1));
  printed.push({
    scenario,
    what,
    candidate: { name: "measured", value },
    baseline: { name: "limit", value: sample([limit]) },
    unit,
    goal: atMost(1),
    ratio,
    verdict: v,
    ...(note ? { note } : {}),
  });
  console.log(`  ${what}`);
  console.log(`    measured: ${formatSample(value, unit)}   limit ${formatValue(limit, unit)} (ratio ${ratio.toFixed(3)}×)  ${v}${note ? `  — ${note}` : ""}`);
}

export function heading(id: string, title: string): void {
  console.log(`\n=== ${id}. ${title}${QUICK ? "  [BENCH_QUICK]" : ""}`);
}

/** Printed instead of a figure when a baseline or tool is unavailable: never a silent skip. */
export function skipped(scenario: string, what: string, why: string): void {
  console.log(`  SKIPPED ${what}: ${why}`);
  printed.push({
    scenario,
    what,
    candidate: { name: "-", value: sample([Number.NaN]) },
    baseline: { name: "-", value: sample([Number.NaN]) },
    unit: "",
    ratio: Number.NaN,
    verdict: `SKIPPED (${why})`,
  });
}
