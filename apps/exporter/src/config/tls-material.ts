// Checks a certificate and its key (read ahead with read-files.ts) before any listener uses them:
// an expired or not-yet-valid certificate, or a key that does not match, is a config error naming
// the field — not a TLS handshake failure that every client reports differently.
import { createPrivateKey, X509Certificate } from "node:crypto";
import { resolve } from "node:path";
import type { SecureContextOptions, TlsOptions } from "node:tls";
import type { ConfigProblem } from "./errors.js";
import { lookupIn, type FileReadError } from "./read-files.js";

/** Where to find the files; relative paths resolve from `baseDir`. */
export interface TlsFiles {
  certFile: string;
  keyFile: string;
  clientCaFile?: string;
  clientAuthType?: string;
  minVersion?: string;
  maxVersion?: string;
}

/** What `https.createServer` / `server.setSecureContext` take, plus what the server enforces. */
export interface TlsMaterial {
  context: SecureContextOptions;
  server: Pick<TlsOptions, "requestCert" | "rejectUnauthorized">;
  /** The certificate's expiry, Unix epoch seconds. */
  notAfter: number;
}

const VERSIONS = { TLS10: "TLSv1", TLS11: "TLSv1.1", TLS12: "TLSv1.2", TLS13: "TLSv1.3" } as const;

/** The absolute paths of the files `files` names, to read ahead with `readRegularFiles`. */
export function tlsFilePaths(files: TlsFiles, baseDir: string): string[] {
  return [files.certFile, files.keyFile, ...(files.clientCaFile === undefined ? [] : [files.clientCaFile])].map((f) => resolve(baseDir, f));
}

/**
 * Checks the files; problems go to `problems` with `prefix` before each field name. `read` gives
 * a file's content by absolute path (the files read ahead); default: a synchronous read.
 */
export function loadTlsMaterial(
  files: TlsFiles,
  baseDir: string,
  prefix: string,
  problems: ConfigProblem[],
  now = Date.now(),
  lookup: (file: string) => Buffer | FileReadError = lookupIn(undefined),
): TlsMaterial | undefined {
  const read = (file: string, field: string): Buffer | undefined => {
    const got = lookup(file);
    if (Buffer.isBuffer(got)) return got;
    problems.push({ path: field, message: got.message });
    return undefined;
  };
  const before = problems.length;
  const certPath = resolve(baseDir, files.certFile);
  const cert = read(certPath, `${prefix}.cert_file`);
  const key = read(resolve(baseDir, files.keyFile), `${prefix}.key_file`);
  const ca = files.clientCaFile === undefined ? undefined : read(resolve(baseDir, files.clientCaFile), `${prefix}.client_ca_file`);
  let notAfter = 0;
  if (cert) {
    let x509: X509Certificate | undefined;
    try {
      x509 = new X509Certificate(cert);
    } catch {
      problems.push({ path: `${prefix}.cert_file`, message: `${certPath} is not a PEM certificate` });
    }
    if (x509) {
      const from = Date.parse(x509.validFrom);
      notAfter = Date.parse(x509.validTo);
      if (notAfter <= now) problems.push({ path: `${prefix}.cert_file`, message: `the certificate in ${certPath} expired on ${new Date(notAfter).toISOString()}` });
      else if (from > now) problems.push({ path: `${prefix}.cert_file`, message: `the certificate in ${certPath} is not valid before ${new Date(from).toISOString()}` });
      if (key) {
        try {
          // The message never quotes the key file's content.
          if (!x509.checkPrivateKey(createPrivateKey(key))) problems.push({ path: `${prefix}.key_file`, message: "the key does not match the certificate" });
        } catch {
          problems.push({ path: `${prefix}.key_file`, message: "is not a PEM private key (encrypted keys are not supported)" });
        }
      }
    }
  }
  const authType = files.clientAuthType ?? "NoClientCert";
  if (authType === "RequireAndVerifyClientCert" && files.clientCaFile === undefined) {
    problems.push({ path: `${prefix}.client_ca_file`, message: `is required with client_auth_type ${authType}` });
  }
  if (problems.length > before || !cert || !key) return undefined;
  const context: SecureContextOptions = { cert, key };
  if (ca) context.ca = ca;
  if (files.minVersion) context.minVersion = VERSIONS[files.minVersion as keyof typeof VERSIONS];
  if (files.maxVersion) context.maxVersion = VERSIONS[files.maxVersion as keyof typeof VERSIONS];
  const verify = authType === "RequireAndVerifyClientCert";
  return { context, server: { requestCert: verify, rejectUnauthorized: verify }, notAfter: Math.floor(notAfter / 1000) };
}
