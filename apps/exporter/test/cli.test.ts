import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkConfig, main, parseShard } from "../src/cli.js";
import { captureIo as io } from "./support/cli-io.js";

const dir = mkdtempSync(join(tmpdir(), "exporter-cli-"));
const CANARY = "mn-canary01-CANARYSECRETxyz123";

describe("minimo-exporter --check-config", () => {
  it("exits 0 and says how many keys a valid file holds", async () => {
    const file = join(dir, "ok.yaml");
    writeFileSync(file, "keys:\n  - name: production\n    key_env: MINIMO_KEY_PRODUCTION\n  - name: staging\n    key_env: MINIMO_KEY_STAGING\n");
    const t = io({ MINIMO_KEY_PRODUCTION: CANARY, MINIMO_KEY_STAGING: "mn-stage01-STAGINGsecret99" });
    expect(await main(["--check-config", file], t.io)).toBe(0);
    expect(t.out).toEqual(["config OK: 2 keys"]);
    expect(t.err).toEqual([]);
  });

  it("exits 2 with one line per problem, never the secret", async () => {
    const file = join(dir, "bad.yaml");
    writeFileSync(file, `keys:\n  - name: production\n    key: ${CANARY.replace("mn-", "xx-")}\n  - name: staging\n    key_env: MINIMO_KEY_STAGING\n    colour: blue\n`);
    const t = io();
    expect(await checkConfig(file, t.io)).toBe(2);
    // A typo does not hide the other problems: every one in the same run.
    expect(t.err).toEqual([
      "keys[1].colour: unknown field",
      "keys[0].key: the value is not a Minimo API key (expected mn-{CLIENT_ID}-{SECRET_KEY})",
      "keys[1].key_env: environment variable MINIMO_KEY_STAGING is not set",
    ]);
    const t2 = io();
    writeFileSync(file, `keys:\n  - name: production\n    key: ${CANARY.replace("mn-", "xx-")}\n  - name: staging\n    key_env: MINIMO_KEY_STAGING\n`);
    expect(await checkConfig(file, t2.io)).toBe(2);
    expect(t2.err).toEqual([
      "keys[0].key: the value is not a Minimo API key (expected mn-{CLIENT_ID}-{SECRET_KEY})",
      "keys[1].key_env: environment variable MINIMO_KEY_STAGING is not set",
    ]);
    expect([...t.err, ...t2.err].join("\n")).not.toContain("CANARYSECRET");
  });

  it("reports the config's and the web config's problems in the same run", async () => {
    const file = join(dir, "both.yaml");
    writeFileSync(file, "keys:\n  - name: production\n    key_env: MINIMO_KEY_PRODUCTION\n");
    const web = join(dir, "web.yml");
    writeFileSync(web, "basic_auth_users:\n  prometheus: not-a-hash\n");
    const t = io();
    expect(await main(["--check-config", file, "--web.config.file", web], t.io)).toBe(2);
    expect(t.err).toEqual([
      "keys[0].key_env: environment variable MINIMO_KEY_PRODUCTION is not set",
      "--web.config.file basic_auth_users.prometheus: must be a bcrypt hash ($2y$10$...), not a plain password",
    ]);
  });

  it("rejects bad arguments with the usage and exit 2", async () => {
    const t = io();
    expect(await main([], t.io)).toBe(2);
    expect(t.err.join("\n")).toContain("usage: minimo-exporter");
    expect(await main(["--config", "x.yaml", "--shard", "2/2"], io().io)).toBe(2);
    expect(parseShard("1/3")).toEqual({ index: 1, total: 3 });
    expect(parseShard("3/3")).toBeUndefined();
  });
});

describe("minimo-exporter --version and --help", () => {
  it("--version prints the package version; --help lists --version and --web.config.file", async () => {
    const { version } = JSON.parse(await import("node:fs").then((fs) => fs.readFileSync(new URL("../package.json", import.meta.url), "utf8"))) as { version: string };
    const v = io();
    expect(await main(["--version"], v.io)).toBe(0);
    expect(v.out).toEqual([version]);
    const h = io();
    expect(await main(["--help"], h.io)).toBe(0);
    expect(h.out.join("\n")).toMatch(/--version\s+print the version and exit/);
    expect(h.out.join("\n")).toContain("--web.config.file FILE");
  });
});
