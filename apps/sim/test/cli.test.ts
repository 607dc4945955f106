import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli.js";
import { KEYS, call } from "./helpers.js";

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => void out.push(l), err: (l: string) => void err.push(l) } };
}

describe("minimo-sim CLI", () => {
  it("--version prints the package version and --help lists it", async () => {
    const { version } = (await import("../package.json", { with: { type: "json" } })).default as { version: string };
    const v = io();
    expect(await main(["--version"], v.io)).toBe(0);
    expect(v.out).toEqual([version]);
    const h = io();
    expect(await main(["--help"], h.io)).toBe(0);
    expect(h.out.join("\n")).toContain("--version");
  });

  it("with no --keys serves the demo keys and prints name, masked key, permissions and limit, never a secret", async () => {
    const cap = io();
    const started = await main(["--port", "0", "--quiet"], cap.io);
    if (typeof started === "number") throw new Error(`exit ${started}: ${cap.err.join("\n")}`);
    try {
      expect(cap.out[0]).toMatch(/^minimo-sim listening on http:\/\/127\.0\.0\.1:\d+ \(demo keys\)$/);
      const banner = cap.out.slice(1).join("\n");
      for (const name of ["demo-full", "demo-readonly", "demo-expired", "demo-revoked", "demo-limited"]) expect(banner).toContain(name);
      expect(banner).toMatch(/demo-limited\s+mn-demo05-…\s+active\s+limit 5\/60s/);
      expect(banner).toMatch(/demo-readonly .*contacts:read custom_fields:read stats:read whatsapp:read templates:read/);
      expect(banner).not.toMatch(/FAKE/);
      expect((await call(started, "GET", "/public/v1/custom-fields", { key: KEYS.full })).status).toBe(200);
      // The printed control token opens the control routes.
      const token = /X-Sim-Control-Token: (\S+)/.exec(banner)![1]!;
      expect((await call({ url: started.url, controlToken: token }, "GET", "/__sim/keys")).status).toBe(200);
      expect((await call({ url: started.url }, "GET", "/__sim/keys")).status).toBe(401);
    } finally {
      await started.stop();
    }
  });

  it("a bad keys file exits 1 naming the field, without echoing the secret", async () => {
    const dir = mkdtempSync(join(tmpdir(), "minimo-sim-cli-"));
    try {
      const file = join(dir, "keys.yaml");
      writeFileSync(file, "keys:\n  - name: prod\n    key: mn-acme01-CANARYcliSecret0000\n    permissions: [everything]\n");
      const cap = io();
      expect(await main(["--port", "0", "--keys", file], cap.io)).toBe(1);
      expect(cap.err.join("\n")).toContain("keys[0].permissions[0]: must be one of");
      expect(cap.err.join("\n")).not.toContain("CANARY");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Regression: a port in use gave a stack trace and exit 1 (the exporter: one line, exit 2).
  it("a port in use: one line naming the address and the reason, exit 2", async () => {
    const first = io();
    const started = await main(["--port", "0", "--quiet"], first.io);
    if (typeof started === "number") throw new Error(`exit ${started}`);
    try {
      const port = new URL(started.url).port;
      const cap = io();
      expect(await main(["--port", port, "--quiet"], cap.io)).toBe(2);
      expect(cap.err).toEqual([`minimo-sim: cannot listen on 127.0.0.1:${port}: address already in use (EADDRINUSE)`]);
    } finally {
      await started.stop();
    }
  });

  it("--control-token sets the token the control routes require", async () => {
    const cap = io();
    const started = await main(["--port", "0", "--quiet", "--control-token", "rehearsal-token-1"], cap.io);
    if (typeof started === "number") throw new Error(`exit ${started}`);
    try {
      expect(cap.out.join("\n")).not.toContain("rehearsal-token-1");
      expect((await call({ url: started.url, controlToken: "rehearsal-token-1" }, "POST", "/__sim/reset")).status).toBe(204);
      expect((await call({ url: started.url, controlToken: "wrong-token-00" }, "POST", "/__sim/reset")).status).toBe(401);
    } finally {
      await started.stop();
    }
  });

  it("usage errors exit 2", async () => {
    const cap = io();
    expect(await main(["--port", "eighty"], cap.io)).toBe(2);
    expect(await main(["--colour"], cap.io)).toBe(2);
    expect(cap.err.join("\n")).toMatch(/--port must be an integer/);
  });

  // The real executable runs the built dist/ (turbo builds it before `test`).
  const bin = fileURLToPath(new URL("../bin/minimo-sim.js", import.meta.url));
  const built = existsSync(fileURLToPath(new URL("../dist/cli.js", import.meta.url)));
  if (!built && process.env.CI) throw new Error("apps/sim/dist is missing: build before testing in CI");
  if (!built) console.warn("skipping the bin/minimo-sim.js test: dist/ is not built (run `npx turbo run build --filter=@minimo/sim`)");
  it.skipIf(!built)("bin/minimo-sim.js starts with examples/keys.yaml, serves, and exits 0 on SIGTERM", async () => {
    const keys = fileURLToPath(new URL("../examples/keys.yaml", import.meta.url));
    const child = spawn(process.execPath, [bin, "--port", "0", "--keys", keys], { stdio: ["ignore", "pipe", "pipe"] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let text = "";
        child.stdout.on("data", (b: Buffer) => {
          text += b.toString();
          const m = /listening on (http:\/\/\S+)/.exec(text);
          if (m) resolve(m[1]!);
        });
        child.once("exit", (code) => reject(new Error(`exited ${code}: ${text}`)));
      });
      const r = await call({ url }, "GET", "/public/v1/custom-fields", { key: "mn-acme01-EXAMPLEdash0000000000" });
      expect(r.status).toBe(200);
      const code = await new Promise<number | null>((resolve) => {
        child.once("exit", resolve);
        child.kill("SIGTERM");
      });
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });
});
