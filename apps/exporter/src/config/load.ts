import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { parse, YAMLParseError } from "yaml";
import { ConfigError } from "./errors.js";
import { parseConfig } from "./parse.js";
import type { ExporterConfig } from "./types.js";

/** Reads a YAML config file and validates it (relative `key_file` paths resolve from its folder). */
export async function loadConfigFile(path: string, env: NodeJS.ProcessEnv = process.env): Promise<ExporterConfig> {
  const file = resolve(path);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "read error";
    throw new ConfigError([{ path: file, message: `cannot read the config file (${code})` }]);
  }
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (err) {
    // The YAML error's own text can quote a line of the file, which may hold an inline key.
    const where = err instanceof YAMLParseError && err.linePos ? ` at line ${err.linePos[0].line}` : "";
    const code = err instanceof YAMLParseError ? err.code : "parse error";
    throw new ConfigError([{ path: file, message: `not valid YAML${where} (${code})` }]);
  }
  return parseConfig(raw, env, { baseDir: dirname(file) });
}
