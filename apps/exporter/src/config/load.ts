import { dirname, resolve } from "node:path";
import { redactApiKeys } from "@minimo/client";
import { parse, YAMLParseError } from "yaml";
import { readRegularFile, readRegularFiles, type ReadOptions } from "./read-files.js";
import { ConfigError } from "./errors.js";
import { parseConfig } from "./parse.js";
import type { ExporterConfig } from "./types.js";

/**
 * Reads a YAML config file and validates it (relative `key_file` paths resolve from its folder).
 * The file and every file it names are read off the event loop, regular files only, each within
 * a timeout (`opts.timeoutMs`, default 10 s): a FIFO, a device or stalled storage is a ConfigError
 * naming the field, never a hang.
 */
export async function loadConfigFile(path: string, env: NodeJS.ProcessEnv = process.env, opts: ReadOptions = {}): Promise<ExporterConfig> {
  const file = resolve(path);
  let text: string;
  try {
    text = (await readRegularFile(file, opts)).toString("utf8");
  } catch (err) {
    throw new ConfigError([{ path: file, message: `cannot read the config file (${(err as { reason?: string }).reason ?? "read error"})` }]);
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
  const baseDir = dirname(file);
  const files = await readRegularFiles(
    namedFiles(raw).map((f) => resolve(baseDir, f)),
    opts,
  );
  return parseConfig(raw, env, { baseDir, files });
}

/**
 * The key and certificate files a raw config names, as written (validation comes later). A key
 * pasted where its file's name belongs is not a path to try: parseConfig reports it unread.
 */
function namedFiles(raw: unknown): string[] {
  const out: string[] = [];
  const str = (v: unknown) => {
    if (typeof v === "string" && v !== "" && redactApiKeys(v) === v) out.push(v);
  };
  const obj = (v: unknown): Record<string, unknown> => (typeof v === "object" && v !== null ? (v as Record<string, unknown>) : {});
  const keys = obj(raw).keys;
  if (Array.isArray(keys)) for (const key of keys) str(obj(key).key_file);
  const tls = obj(obj(obj(raw).gateway).tls);
  str(tls.cert_file);
  str(tls.key_file);
  return out;
}
