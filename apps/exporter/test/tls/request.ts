// One HTTPS request trusting a given CA, returning status, headers, body and the server's
// certificate fingerprint (to see a reload take effect on a new connection).
import https from "node:https";
import type { TLSSocket } from "node:tls";

export interface TlsAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  fingerprint: string;
}

export function httpsGet(url: string, ca: Buffer, headers: Record<string, string> = {}, method = "GET", body?: string): Promise<TlsAnswer> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method, ca, headers, agent: false }, (res) => {
      const fingerprint = (res.socket as TLSSocket).getPeerCertificate().fingerprint256;
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8"), fingerprint }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

export const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
