// `minimo-exporter lint` through the CLI entry: exit codes 0 / 1 / 2, and no key needed.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { main } from "../../src/cli.js";

const dir = mkdtempSync(join(tmpdir(), "posture-lint-"));
const write = (name: string, value: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, typeof value === "string" ? value : stringify(value));
  return file;
};
async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["lint", ...args], { env: {}, stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, out, err };
}
const far = new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10);
const recent = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);

describe("lint", () => {
  it("exits 0 on a clean inventory, without the keys being set", async () => {
    const file = write("clean.yaml", { keys: [{ name: "prod", key_env: "NOT_SET_IN_CI", created: recent, expires: far, permissions: ["contacts:read"] }] });
    const r = await run(["--config", file]);
    expect(r).toEqual({ code: 0, out: ["0 finding(s), 0 at or above warning and not accepted"], err: [] });
  });

  it("exits 1 when a warning is not accepted, and 0 with --fail-on critical", async () => {
    const file = write("warn.yaml", { keys: [{ name: "prod", key_env: "X" }] });
    const r = await run(["--config", file]);
    expect(r.code).toBe(1);
    expect(r.out[0]).toBe("prod no_expiry warning: no expiration date is recorded for this key");
    expect((await run(["--config", file, "--fail-on", "critical"])).code).toBe(0);
  });

  it("exits 2 on a bad config, naming the field", async () => {
    const file = write("bad.yaml", { keys: [{ name: "prod", key_env: "X", permissions: ["contacts:admin"] }] });
    const r = await run(["--config", file]);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/^keys\[0\]\.permissions\[0\]: unknown permission "contacts:admin"; valid: contacts:read, /);
    expect((await run(["--config", file, "--format", "yaml"])).code).toBe(2);
    expect((await run([])).code).toBe(2);
  });

  it("says when usage findings cannot be judged", async () => {
    const file = write("nostate.yaml", { keys: [{ name: "prod", key_env: "X", created: recent, expires: far }] });
    const r = await run(["--config", file, "--storage.path", join(dir, "nothing-here")]);
    expect(r.err).toEqual([`warning: no state in ${join(dir, "nothing-here")}; usage findings not judged`]);
    expect(r.code).toBe(0);
  });
});
