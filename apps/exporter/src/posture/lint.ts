// `minimo-exporter lint`: the findings that need no live traffic — the inventory's, and the usage
// ones from a state directory — for CI and a weekly review. Lint never needs the keys themselves:
// every key's source is replaced by a placeholder before the config is checked.
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { ConfigError } from "../config/errors.js";
import { parseConfig } from "../config/parse.js";
import type { ExporterConfig } from "../config/types.js";
import { evaluateAll, isActive } from "./evaluate.js";
import { toPostureKeys } from "./keys.js";
import { readStateDir } from "./state/file-store.js";
import { emptyData } from "./state/serializer.js";
import { SEVERITIES, type Finding, type FindingName, type PendingVerdict, type Severity } from "./types.js";

export const LINT_USAGE = `usage: minimo-exporter lint --config FILE [--storage.path DIR] [--format text|json] [--fail-on warning|critical]
  exit 1 when an unaccepted finding reaches --fail-on (default warning), 0 otherwise, 2 on a bad config`;

/** Judged from the config alone. */
const INVENTORY_FINDINGS: readonly FindingName[] = ["no_expiry", "expiry_over_1y", "rotation_due", "client_side_policy"];

export interface LintIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

/** The config with every key source replaced by a placeholder key (lint judges no secret). */
async function loadWithoutSecrets(path: string): Promise<ExporterConfig> {
  const file = resolve(path);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw new ConfigError([{ path: file, message: `cannot read the config file (${(err as NodeJS.ErrnoException).code ?? "read error"})` }]);
  }
  let raw: unknown;
  try {
    raw = parse(text);
  } catch {
    throw new ConfigError([{ path: file, message: "not valid YAML" }]);
  }
  const env: NodeJS.ProcessEnv = {};
  const keys = (raw as { keys?: unknown } | null)?.keys;
  if (Array.isArray(keys)) {
    keys.forEach((k, i) => {
      if (k === null || typeof k !== "object") return;
      const entry = k as Record<string, unknown>;
      delete entry.key;
      delete entry.key_file;
      entry.key_env = `LINT_KEY_${i}`;
      env[`LINT_KEY_${i}`] = `mn-lint${i}-placeholder${String(i).padStart(6, "0")}`;
    });
  }
  return parseConfig(raw, env, { baseDir: dirname(file) });
}

export async function lint(argv: readonly string[], io: LintIo, now = Date.now()): Promise<number> {
  let values: { config?: string; "storage.path"?: string; format?: string; "fail-on"?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { config: { type: "string" }, "storage.path": { type: "string" }, format: { type: "string" }, "fail-on": { type: "string" } },
      strict: true,
    }));
  } catch (err) {
    io.stderr(`${(err as Error).message}\n${LINT_USAGE}`);
    return 2;
  }
  const format = values.format ?? "text";
  const failOn = (values["fail-on"] ?? "warning") as Severity;
  if (values.config === undefined || (format !== "text" && format !== "json") || (failOn !== "warning" && failOn !== "critical")) {
    io.stderr(LINT_USAGE);
    return 2;
  }
  let config: ExporterConfig;
  try {
    config = await loadWithoutSecrets(values.config);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    for (const line of err.lines()) io.stderr(line);
    return 2;
  }
  const dir = values["storage.path"] ?? config.state?.path;
  let data = emptyData();
  let usage = false;
  if (dir !== undefined) {
    const read = readStateDir(dir);
    if ("data" in read) [data, usage] = [read.data, true];
    else if ("problem" in read) io.stderr(`warning: state in ${dir} unreadable (${read.problem}); usage findings not judged`);
    else io.stderr(`warning: no state in ${dir}; usage findings not judged`);
  }
  const keep = (f: { finding: FindingName }) => usage || INVENTORY_FINDINGS.includes(f.finding);
  const reports = evaluateAll(toPostureKeys(config.keys), data, config.posture!, now);
  const findings: Finding[] = reports.flatMap((r) => r.findings).filter(keep);
  const pending: PendingVerdict[] = reports.flatMap((r) => r.pending).filter(keep);
  const threshold = SEVERITIES.indexOf(failOn);
  const failing = findings.filter((f) => isActive(f) && SEVERITIES.indexOf(f.severity) >= threshold);
  if (format === "json") {
    io.stdout(JSON.stringify({ generatedAt: new Date(now).toISOString(), usageJudged: usage, failOn, failing: failing.length, findings, pending }, null, 2));
  } else {
    for (const f of findings) {
      const note = f.accepted ? ` [accepted until ${f.accepted.until}: ${f.accepted.reason}]` : f.acceptanceExpired ? ` [acceptance expired ${f.acceptanceExpired.until}]` : "";
      io.stdout(`${f.key} ${f.finding} ${f.severity}: ${f.summary}${note}`);
    }
    for (const p of pending) io.stdout(`${p.key} ${p.finding} pending: ${p.summary}`);
    io.stdout(`${findings.length} finding(s), ${failing.length} at or above ${failOn} and not accepted`);
  }
  return failing.length > 0 ? 1 : 0;
}
