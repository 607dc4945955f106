// `state.redis_url` and its password (from an environment variable or a file, like keys): checked
// once at config time. The URL itself must not carry a password, so it can be logged and shown.
import { resolve } from "node:path";
import type { ConfigProblem } from "./errors.js";
import { Secret } from "./secret.js";
import type { FileReadError } from "./read-files.js";

/** The shared-state backend, resolved. */
export interface RedisConfig {
  /** `redis://` or `rediss://` URL without a password (safe to print). */
  readonly url: string;
  /** From `redis_password_env` / `redis_password_file`; absent: no AUTH. */
  readonly password?: Secret;
}

interface RawRedis {
  redis_url?: string | undefined;
  redis_password_env?: string | undefined;
  redis_password_file?: string | undefined;
}

interface Files {
  baseDir: string;
  read(file: string): Buffer | FileReadError;
}

/** The Redis settings of `state:`, or undefined when `redis_url` is not set; problems are pushed. */
export function resolveRedis(raw: RawRedis | undefined, env: NodeJS.ProcessEnv, files: Files, problems: ConfigProblem[]): RedisConfig | undefined {
  if (raw === undefined) return undefined;
  const hasPassword = raw.redis_password_env !== undefined || raw.redis_password_file !== undefined;
  if (raw.redis_url === undefined) {
    if (hasPassword) problems.push({ path: raw.redis_password_env !== undefined ? "state.redis_password_env" : "state.redis_password_file", message: "needs state.redis_url" });
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(raw.redis_url);
  } catch {
    // Not quoted: a malformed URL may still hold a password.
    problems.push({ path: "state.redis_url", message: "expected a URL like redis://host:6379 or rediss://host:6380, got text that is not a URL" });
    return undefined;
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") {
    problems.push({ path: "state.redis_url", message: `expected a redis:// or rediss:// URL, got the scheme "${url.protocol.slice(0, 16)}"` });
    return undefined;
  }
  if (url.password !== "") {
    problems.push({
      path: "state.redis_url",
      message: "holds a password; put it in an environment variable or a file and name that in state.redis_password_env or state.redis_password_file",
    });
    return undefined;
  }
  if (raw.redis_password_env !== undefined && raw.redis_password_file !== undefined) {
    problems.push({ path: "state", message: "set one of redis_password_env or redis_password_file, not both" });
    return undefined;
  }
  let password: string | undefined;
  if (raw.redis_password_env !== undefined) {
    const name = raw.redis_password_env;
    password = env[name];
    if (password === undefined || password.trim() === "") {
      problems.push({ path: "state.redis_password_env", message: `environment variable ${name} is ${password === undefined ? "not set" : "set but empty"}` });
      return undefined;
    }
  } else if (raw.redis_password_file !== undefined) {
    const content = files.read(resolve(files.baseDir, raw.redis_password_file));
    if (!Buffer.isBuffer(content)) {
      problems.push({ path: "state.redis_password_file", message: content.message });
      return undefined;
    }
    password = content.toString("utf8");
    if (password.trim() === "") {
      problems.push({ path: "state.redis_password_file", message: "the file is empty" });
      return undefined;
    }
  }
  return { url: url.toString(), ...(password !== undefined ? { password: new Secret(password.trim()) } : {}) };
}
