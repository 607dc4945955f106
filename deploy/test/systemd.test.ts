// The systemd unit, checked by systemd itself: `systemd-analyze verify` (syntax, directives,
// the ExecStart binary) and `systemd-analyze security --offline` (the exposure score).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseConfig } from "@minimo/exporter";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { DEPLOY, exporterBin, have, read } from "./support.js";

const UNIT = join(DEPLOY, "systemd", "minimo-exporter.service");
const enabled = have("systemd-analyze", ["--version"], "Debian's systemd package checks the unit file");

describe.skipIf(!enabled)("deploy/systemd/minimo-exporter.service", () => {
  it("passes systemd-analyze verify with nothing to report", () => {
    const run = spawnSync("systemd-analyze", ["verify", UNIT], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("scores at most 2.0 ('OK') in systemd-analyze security --offline", () => {
    const out = execFileSync("systemd-analyze", ["security", "--offline=yes", "--threshold=20", UNIT], { encoding: "utf8" });
    const score = Number(/Overall exposure level for .*: ([\d.]+)/.exec(out)?.[1]);
    console.log(`systemd-analyze security: exposure ${score}`);
    expect(score).toBeLessThanOrEqual(2);
  });

  it("is hardened as documented, takes keys by LoadCredential, reloads with SIGHUP and runs the package's bin", () => {
    const unit = read("systemd/minimo-exporter.service");
    for (const line of [
      "DynamicUser=yes",
      "ProtectSystem=strict",
      "ProtectHome=yes",
      "NoNewPrivileges=yes",
      "ExecReload=/bin/kill -HUP $MAINPID",
      "Restart=on-failure",
      "RestartPreventExitStatus=2",
    ]) {
      expect(unit).toContain(`\n${line}\n`);
    }
    expect(unit).toMatch(/^LoadCredential=production:\/etc\/minimo-exporter\/keys\/production$/m);
    expect(unit).toContain(`/node_modules/@minimo/exporter/${exporterBin()} --config /etc/minimo-exporter/exporter.yaml`);
  });

  it("its exporter.yaml is a valid config reading the key from the credentials directory", () => {
    const raw = parse(read("systemd/exporter.yaml")) as { keys: { key_file: string }[] };
    expect(raw.keys[0]!.key_file).toBe("/run/credentials/minimo-exporter.service/production");
    // The credential file exists only under systemd: stand one in to validate the rest.
    const dir = mkdtempSync(join(tmpdir(), "deploy-systemd-"));
    writeFileSync(join(dir, "production"), "mn-prod01-FAKEsystemdKey000000\n");
    raw.keys[0]!.key_file = join(dir, "production");
    const config = parseConfig(raw, {});
    expect(config.keys.map((k) => k.name)).toEqual(["production"]);
    expect(config.listen.gateway.host).toBe("127.0.0.1");
  });
});
