// Test certificates made by openssl in the test: self-signed for localhost, and an expired one
// (openssl 3.0's `req` cannot backdate, so the expired one is signed by `openssl ca` with dates).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { requireTool } from "../support/tools.js";

/** Skips (with the reason printed) without openssl, which makes the test certificates; fails under CI. */
export function requireOpenssl(what: string): boolean {
  return requireTool("openssl", { probe: ["version"], install: "apt-get install openssl", needer: what });
}

export interface TestCert {
  dir: string;
  cert: string;
  key: string;
  /** The certificate's PEM, to trust as a CA. */
  pem: Buffer;
}

export function tempDir(prefix = "exporter-tls-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A self-signed certificate for localhost / 127.0.0.1, valid for a day, written as `<name>.pem` and `<name>-key.pem`. */
export function selfSigned(dir: string, name = "cert", cn = "localhost"): TestCert {
  const cert = join(dir, `${name}.pem`);
  const key = join(dir, `${name}-key.pem`);
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", `/CN=${cn}`, "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", cert],
    { stdio: "ignore" },
  );
  return { dir, cert, key, pem: readFileSync(cert) };
}

/** A certificate that expired on 2020-01-02. */
export function expired(dir: string, name = "expired"): TestCert {
  const ca = join(dir, `${name}-ca`);
  mkdirSync(join(ca, "db"), { recursive: true });
  writeFileSync(join(ca, "db", "index.txt"), "");
  writeFileSync(join(ca, "db", "serial"), "01\n");
  writeFileSync(
    join(ca, "ca.cnf"),
    [
      "[ca]",
      "default_ca = d",
      "[d]",
      `database = ${join(ca, "db", "index.txt")}`,
      `serial = ${join(ca, "db", "serial")}`,
      `new_certs_dir = ${join(ca, "db")}`,
      "default_md = sha256",
      "policy = p",
      "[p]",
      "commonName = supplied",
      "",
    ].join("\n"),
  );
  const key = join(dir, `${name}-key.pem`);
  const cert = join(dir, `${name}.pem`);
  const csr = join(ca, "req.csr");
  execFileSync("openssl", ["req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout", key, "-out", csr], { stdio: "ignore" });
  execFileSync(
    "openssl",
    ["ca", "-batch", "-config", join(ca, "ca.cnf"), "-selfsign", "-keyfile", key, "-in", csr, "-out", cert, "-startdate", "20200101000000Z", "-enddate", "20200102000000Z"],
    { stdio: "ignore" },
  );
  return { dir, cert, key, pem: readFileSync(cert) };
}
