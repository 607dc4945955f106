// Basic auth under a flood of wrong passwords: comparisons run off the event loop, at most
// MAX_PENDING_VERIFICATIONS at once (the rest answered 429 at once), a verified password keeps
// getting in, and an unknown user costs what a known one does.
import http from "node:http";
import type { AddressInfo } from "node:net";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BcryptPool, createBasicAuth, dummyHashFor, MAX_PENDING_VERIFICATIONS, protect, type BasicAuthUsers } from "../src/http/web-config/index.js";

const PASSWORD = "right-password";
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

function get(port: number, authorization: string) {
  return new Promise<{ status: number; retryAfter: string | undefined }>((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: "/metrics", headers: { authorization } }, (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode!, retryAfter: res.headers["retry-after"] as string | undefined }));
      })
      .on("error", reject);
  });
}

describe("basic auth under a wrong-password flood", () => {
  let server: http.Server;
  let port: number;
  let pool: BcryptPool;
  // Cost 12 (~0.3 s a comparison here): the 24 requests of the flood all arrive while the first
  // four are still being compared, however loaded the machine is.
  beforeAll(async () => {
    const users: BasicAuthUsers = new Map([["prometheus", bcrypt.hashSync(PASSWORD, 12)]]);
    pool = new BcryptPool();
    const auth = createBasicAuth(() => users, { pool });
    server = http.createServer(protect((_req, res) => res.end("ok\n"), auth));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await pool.close();
  });

  it("answers wrong passwords past the comparison bound 429 with Retry-After at once, and a verified password still gets in", { timeout: 60_000 }, async () => {
    expect((await get(port, basic("prometheus", PASSWORD))).status).toBe(200); // verified once, then remembered
    const flood = Array.from({ length: 24 }, (_, i) => get(port, basic(i % 2 ? "prometheus" : `nobody${i}`, `wrong-${i}`)));
    const during = await get(port, basic("prometheus", PASSWORD));
    const answers = await Promise.all(flood);
    expect(during.status).toBe(200);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(24 - MAX_PENDING_VERIFICATIONS);
    expect(refused.every((a) => a.retryAfter === "1")).toBe(true);
    expect(answers.filter((a) => a.status === 401).length).toBeGreaterThanOrEqual(1);
    expect(answers.every((a) => a.status === 401 || a.status === 429)).toBe(true);
    expect(pool.pending).toBe(0);
  });

  it("keeps the event loop free while wrong passwords are compared (no stall of 90 ms or more)", { timeout: 60_000 }, async () => {
    // bcryptjs' async compare runs on this thread in ~100 ms slices: nearly all of a comparison's
    // time would show up as stalls here. On the worker, none of it does.
    let last = performance.now();
    let stalled = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      if (now - last >= 90) stalled += now - last;
      last = now;
    }, 5);
    const began = performance.now();
    const answers = await Promise.all(Array.from({ length: MAX_PENDING_VERIFICATIONS }, (_, i) => get(port, basic("prometheus", `wrong-${i}`))));
    const took = performance.now() - began;
    clearInterval(timer);
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 401));
    expect(stalled).toBeLessThan(took / 2);
  });
});

describe("an unknown user costs what a known one does", () => {
  it("is compared against a dummy hash of the configured hashes' cost (12 here, not a fixed 10)", async () => {
    const hashes: string[] = [];
    const pool = {
      verify: async (_password: string, hash: string) => {
        hashes.push(hash);
        return "mismatch" as const;
      },
    } as unknown as BcryptPool;
    const users: BasicAuthUsers = new Map([["prometheus", `$2y$12$${"a".repeat(53)}`]]);
    const auth = createBasicAuth(() => users, { pool });
    expect(await auth.check(basic("someone-else", "x"))).toBe("denied");
    expect(await auth.check(basic("prometheus", "x"))).toBe("denied");
    expect(hashes.map((h) => h.slice(0, 7))).toEqual(["$2b$12$", "$2y$12$"]);
    expect(
      dummyHashFor(
        new Map([
          ["a", `$2b$04$${"a".repeat(53)}`],
          ["b", `$2b$13$${"a".repeat(53)}`],
        ]),
      ),
    ).toMatch(/^\$2b\$13\$/);
  });
});
