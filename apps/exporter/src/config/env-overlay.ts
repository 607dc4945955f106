// MINIMO_EXPORTER_* variables laid over the config file before it is validated, remembering
// which field each came from so a problem with it names the variable.
import type { ConfigProblem } from "./errors.js";
import { ENV_OVERRIDES } from "./defaults.js";

/** Overrides from MINIMO_EXPORTER_* variables; `sources` maps a config path to its variable. */
export function applyEnvOverrides(raw: unknown, env: NodeJS.ProcessEnv, problems: ConfigProblem[]) {
  const sources = new Map<string, string>();
  if (raw === null || raw === undefined) raw = {};
  if (typeof raw !== "object" || Array.isArray(raw)) {
    problems.push({ path: "", message: "the config must be a YAML mapping" });
    return { value: { keys: [] }, sources };
  }
  const value = structuredClone(raw) as Record<string, unknown>;
  for (const [name, path] of Object.entries(ENV_OVERRIDES)) {
    const text = env[name];
    if (text === undefined || text === "") continue;
    sources.set(path, name);
    if (path === "max_keys") value.max_keys = /^\d+$/.test(text) ? Number(text) : text;
    else if (path.startsWith("listen.")) {
      const listen = (value.listen ?? {}) as Record<string, unknown>;
      value.listen = { ...listen, [path.slice("listen.".length)]: text };
    } else value[path] = text;
  }
  return { value, sources };
}

/** A config path, with the variable that set it when one did: `listen.metrics (from MINIMO_EXPORTER_LISTEN_METRICS)`. */
export function withSource(path: string, sources: Map<string, string>): string {
  const variable = sources.get(path);
  return variable ? `${path} (from ${variable})` : path;
}
