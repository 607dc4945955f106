// zod's issues as config problems: the dotted field path (with the variable it came from), what
// the field expects and what was given — never quoting a value that could be a secret.
import type { z } from "zod";
import type { ConfigProblem } from "./errors.js";
import { withSource } from "./env-overlay.js";
import { looksLikeKey } from "./key-shape.js";

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** Problems from zod's issues; `dropped` collects the paths whose values were wrong (not just unknown). */
export function zodProblems(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[], sources: Map<string, string>, dropped: string[]): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  for (const issue of issues) {
    const at = [...prefix, ...issue.path];
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) out.push({ path: formatPath([...at, key]), message: "unknown field" });
      continue;
    }
    // A mapping given where { api, app } or similar is allowed: its own fields' problems say more.
    if (issue.code === "invalid_union" && isMapping(issue.input)) {
      const inside = issue.errors.find((branch) => branch.length > 0 && branch.every((i) => i.path.length > 0 || i.code === "unrecognized_keys"));
      if (inside) {
        out.push(...zodProblems(inside, at, sources, dropped));
        continue;
      }
    }
    const path = formatPath(at);
    dropped.push(path);
    const message =
      issue.input === undefined && (issue.code === "invalid_type" || issue.code === "invalid_union")
        ? "required field is missing"
        : `expected ${issue.message}, got ${describeValue(issue.input, path)}`;
    out.push({ path: withSource(path, sources) || "(root)", message });
  }
  return out;
}

const isMapping = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** Fields that hold a key: a wrong value there is described by its type only, never quoted. */
const SECRET_FIELD = /^keys\[\d+\]\.key$/;

/** What was given, for "expected X, got Y": quoted only when it cannot be a secret. */
function describeValue(value: unknown, path: string): string {
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? "" : "s"}`;
  if (value instanceof Date) return "a date";
  const secret = SECRET_FIELD.test(path);
  switch (typeof value) {
    case "string":
      if (value === "") return "an empty string";
      if (secret) return "a string";
      if (looksLikeKey(value)) return "a string that looks like an API key (not shown)";
      return `the string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
    case "number":
    case "boolean":
      return secret ? `a ${typeof value}` : `the ${typeof value} ${String(value)}`;
    case "object":
      return "a mapping";
    default:
      return `a ${typeof value}`;
  }
}

/** True when a later problem at `path` only follows from a wrong value already reported in `dropped`. */
export function followsFrom(path: string, dropped: readonly string[]): boolean {
  const bare = path.replace(/ \(from [A-Z_]+\)$/, "");
  return dropped.some(
    (d) =>
      bare === d ||
      bare.startsWith(`${d}.`) ||
      bare.startsWith(`${d}[`) ||
      // A key entry whose source field was dropped: "set exactly one of …" says nothing new.
      (/^keys\[\d+\]$/.test(bare) && d.startsWith(`${bare}.`)),
  );
}
