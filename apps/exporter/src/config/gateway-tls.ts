// `gateway.tls`: the certificate and key are read and checked while the config is parsed, so an
// expired or mismatched pair is a config error rather than a failed handshake later.
import { resolve } from "node:path";
import type { ConfigProblem } from "./errors.js";
import type { FileSource } from "./read-files.js";
import { loadTlsMaterial } from "./tls-material.js";

/** `gateway.tls`, with both files read and the certificate checked now (expired -> a problem). */
export function gatewayTls(raw: { cert_file: string; key_file: string } | undefined, files: FileSource, problems: ConfigProblem[]) {
  if (raw === undefined) return {};
  const tls = { certFile: resolve(files.baseDir, raw.cert_file), keyFile: resolve(files.baseDir, raw.key_file) };
  loadTlsMaterial(tls, files.baseDir, "gateway.tls", problems, Date.now(), files.read);
  return { tls };
}
