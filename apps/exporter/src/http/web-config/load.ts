// Reads `--web.config.file`: YAML in the exporter-toolkit format, validated strictly, with the
// certificate and key read and checked. Relative paths resolve from the web config file's folder.
import { dirname, resolve } from "node:path";
import { parse } from "yaml";
import { ConfigError, type ConfigProblem } from "../../config/errors.js";
import { FileReadError, lookupIn, readRegularFile, readRegularFiles, type ReadOptions } from "../../config/read-files.js";
import type { BasicAuthUsers } from "./basic-auth.js";
import { webConfigSchema } from "./schema.js";
import { loadTlsMaterial, tlsFilePaths, type TlsMaterial } from "../../config/tls-material.js";

export interface WebConfig {
  /** The file it was read from (absolute). */
  readonly file: string;
  readonly tls?: TlsMaterial;
  /** user -> bcrypt hash; absent when the file has no `basic_auth_users`. */
  readonly users?: BasicAuthUsers;
  /** Extra response headers (`http_server_config.headers`). */
  readonly headers: Readonly<Record<string, string>>;
}

const FIELD = "--web.config.file";

/**
 * Reads and validates the file, and the files it names (regular files only, each within a
 * timeout, off the event loop); throws ConfigError with one problem per line.
 */
export async function loadWebConfig(path: string, now = Date.now(), opts: ReadOptions = {}): Promise<WebConfig> {
  const file = resolve(path);
  let raw: unknown;
  try {
    raw = parse((await readRegularFile(file, opts)).toString("utf8"));
  } catch (err) {
    const message = err instanceof FileReadError ? err.message : `cannot read ${file} (not valid YAML)`;
    throw new ConfigError([{ path: FIELD, message }]);
  }
  const parsed = webConfigSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const where = issue.path.map(String).join(".");
        // Never quote a value: a plain password pasted where a hash belongs must not be echoed.
        const message = issue.code === "unrecognized_keys" ? `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}` : issue.message;
        return { path: `${FIELD} ${where || "(top level)"}`.trim(), message };
      }),
    );
  }
  const problems: ConfigProblem[] = [];
  const t = parsed.data.tls_server_config;
  let tls: TlsMaterial | undefined;
  if (t) {
    const files = {
      certFile: t.cert_file,
      keyFile: t.key_file,
      clientCaFile: t.client_ca_file,
      clientAuthType: t.client_auth_type,
      minVersion: t.min_version,
      maxVersion: t.max_version,
    };
    const contents = await readRegularFiles(tlsFilePaths(files, dirname(file)), opts);
    tls = loadTlsMaterial(files, dirname(file), `${FIELD} tls_server_config`, problems, now, lookupIn(contents));
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const users = parsed.data.basic_auth_users ? new Map(Object.entries(parsed.data.basic_auth_users)) : undefined;
  return Object.freeze({ file, ...(tls ? { tls } : {}), ...(users ? { users } : {}), headers: Object.freeze({ ...parsed.data.http_server_config?.headers }) });
}
