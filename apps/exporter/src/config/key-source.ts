// Where a key's secret comes from: exactly one of key_env, key_file or key, checked to hold a
// Minimo API key. A message names the variable or file, never the value.
import { resolve } from "node:path";
import { parseApiKey } from "@minimo/client";
import { parseDay } from "./dates.js";
import type { ConfigProblem } from "./errors.js";
import { KEY_FORMAT, looksLikeKey } from "./key-shape.js";
import { resolveInventory } from "./posture.js";
import type { FileSource } from "./read-files.js";
import type { RawKey } from "./schema.js";
import { Secret } from "./secret.js";
import type { KeyConfig, ProbeOperation } from "./types.js";
import { resolveOperations } from "./fields.js";

export function resolveKey(
  raw: RawKey,
  i: number,
  env: NodeJS.ProcessEnv,
  files: FileSource,
  problems: ConfigProblem[],
  warnings: string[],
  defaultOps: ProbeOperation[],
  defaultInterval: number,
): KeyConfig | undefined {
  const at = `keys[${i}]`;
  const given = (["key_env", "key_file", "key"] as const).filter((f) => raw[f] !== undefined);
  const operations = raw.probe?.operations ? resolveOperations(raw.probe.operations, `${at}.probe.operations`, problems) : defaultOps;
  const expiresAt = raw.expires === undefined ? undefined : parseDay(raw.expires, `${at}.expires`, problems);
  const inventory = resolveInventory(raw, at, problems);
  if (given.length !== 1) {
    problems.push({ path: at, message: `set exactly one of key_env, key_file or key (found ${given.length ? given.join(", ") : "none"})` });
    return undefined;
  }
  let value: string | undefined;
  let what: string;
  let source: KeyConfig["source"];
  const field = given[0]!;
  if (field !== "key" && looksLikeKey(raw[field]!)) {
    const holder = field === "key_env" ? "an environment variable" : "a file";
    problems.push({ path: `${at}.${field}`, message: `holds an API key itself; put the key in ${holder} and name that here` });
    return undefined;
  }
  if (field === "key_env") {
    const name = raw.key_env!;
    what = `the value of ${name}`;
    source = "env";
    value = env[name];
    if (value === undefined) {
      problems.push({ path: `${at}.key_env`, message: `environment variable ${name} is not set` });
      return undefined;
    }
    if (value.trim() === "") {
      problems.push({ path: `${at}.key_env`, message: `environment variable ${name} is set but empty` });
      return undefined;
    }
  } else if (field === "key_file") {
    const file = resolve(files.baseDir, raw.key_file!);
    what = `the content of ${file}`;
    source = "file";
    const content = files.read(file);
    if (!Buffer.isBuffer(content)) {
      problems.push({ path: `${at}.key_file`, message: content.message });
      return undefined;
    }
    value = content.toString("utf8");
  } else {
    what = "the value";
    source = "inline";
    value = raw.key!;
    warnings.push(`${at}.key: an API key written in the config file is discouraged; use key_env or key_file`);
  }
  value = value.trim();
  let clientId: string;
  try {
    clientId = parseApiKey(value).clientId;
  } catch {
    // The parse error is not forwarded: it could quote the value.
    problems.push({ path: `${at}.${field}`, message: `${what} is not a Minimo API key (${KEY_FORMAT})` });
    return undefined;
  }
  return {
    name: raw.name,
    apiKey: new Secret(value),
    clientId,
    source,
    ...(expiresAt !== undefined ? { expiresAt } : {}),
    probe: { operations, minIntervalSeconds: raw.probe?.min_interval_seconds ?? defaultInterval },
    inventory,
  };
}
