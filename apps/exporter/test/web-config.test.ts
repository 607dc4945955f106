// TLS and basic auth on the listeners, the Prometheus way: `--web.config.file` (exporter-toolkit
// format) for /metrics, `gateway.tls` for the gateway; certificates made by openssl here.
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSim } from "@minimo/sim";
import { main } from "../src/cli.js";
import { loadConfigFile } from "../src/config/load.js";
import { startExporter, type RunningExporter } from "../src/index.js";
import { loadWebConfig } from "../src/http/web-config/index.js";
import { captureLogger, DEMO, demoEnv, sample, startLoggedSim } from "./helpers.js";
import { expired, requireOpenssl, selfSigned, tempDir, type TestCert } from "./tls/certs.js";
import { basic, httpsGet } from "./tls/request.js";
import { captureIo as io } from "./support/cli-io.js";

const enabled = requireOpenssl("the TLS listener tests");
const PASSWORD = "CANARYpassw0rd-correct";
const WRONG = "CANARYwrong-pass-xyz";

describe.skipIf(!enabled)("metrics over HTTPS with basic auth, gateway over HTTPS", () => {
  let dir: string;
  let metricsCert: TestCert;
  let gatewayCert: TestCert;
  let sim: RunningSim;
  let exporter: RunningExporter;
  let configFile: string;
  let webFile: string;
  const log = captureLogger("debug");

  beforeAll(async () => {
    dir = tempDir();
    metricsCert = selfSigned(dir, "metrics");
    gatewayCert = selfSigned(dir, "gateway");
    sim = await startLoggedSim();
    webFile = join(dir, "web.yml");
    // Relative paths resolve from the web config file's folder, as in the toolkit.
    writeFileSync(
      webFile,
      `tls_server_config:\n  cert_file: metrics.pem\n  key_file: metrics-key.pem\n  min_version: TLS12\nhttp_server_config:\n  headers: { Strict-Transport-Security: max-age=31536000 }\nbasic_auth_users:\n  prometheus: ${bcrypt.hashSync(PASSWORD, 4)}\n`,
    );
    configFile = join(dir, "exporter.yml");
    writeFileSync(
      configFile,
      [
        `upstream: ${sim.url}`,
        "listen: { metrics: 127.0.0.1:0, gateway: 127.0.0.1:0 }",
        "gateway:",
        "  tls: { cert_file: gateway.pem, key_file: gateway-key.pem }",
        "probe: { operations: [] }",
        "keys:",
        "  - name: production",
        "    key_env: MINIMO_KEY_DEMO_FULL",
        "",
      ].join("\n"),
    );
    exporter = await startExporter({ config: await loadConfigFile(configFile, demoEnv), logger: log.logger, webConfigFile: webFile });
  });

  afterAll(async () => {
    await exporter?.close();
    await sim?.close();
  });

  it("serves /metrics over HTTPS to the right user and password", async () => {
    expect(exporter.metricsUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const res = await httpsGet(exporter.metricsUrl, metricsCert.pem, { authorization: basic("prometheus", PASSWORD) });
    expect(res.status).toBe(200);
    expect(res.body).toContain("minimo_exporter_");
    expect(res.headers["strict-transport-security"]).toBe("max-age=31536000");
  });

  it("answers 401 with a Basic challenge to a wrong password, an unknown user and no credentials, and logs nothing of them", async () => {
    for (const authorization of [basic("prometheus", WRONG), basic("nobody", WRONG), undefined]) {
      const res = await httpsGet(exporter.metricsUrl, metricsCert.pem, authorization ? { authorization } : {});
      expect(res.status).toBe(401);
      expect(res.headers["www-authenticate"]).toMatch(/^Basic realm=/);
      expect(res.body).not.toContain("minimo_");
    }
    const landing = await httpsGet(exporter.metricsUrl.replace(/metrics$/, ""), metricsCert.pem, { authorization: basic("prometheus", WRONG) });
    expect(landing.status).toBe(401);
    const logged = log.lines.join("\n");
    expect(logged).not.toContain(WRONG);
    expect(logged).not.toContain(PASSWORD);
    expect(logged).not.toContain(Buffer.from(`prometheus:${WRONG}`).toString("base64"));
  });

  it("leaves /healthz and /readyz open, for probes that carry no credentials", async () => {
    expect((await httpsGet(exporter.metricsUrl.replace(/metrics$/, "healthz"), metricsCert.pem)).status).toBe(200);
    expect((await httpsGet(exporter.metricsUrl.replace(/metrics$/, "readyz"), metricsCert.pem)).status).toBe(200);
  });

  it("proxies through the gateway over HTTPS and counts the answer", async () => {
    expect(exporter.gatewayUrl).toMatch(/^https:\/\//);
    const res = await httpsGet(`${exporter.gatewayUrl}/public/v1/custom-fields`, gatewayCert.pem, { authorization: `Bearer ${DEMO["demo-full"]}` });
    expect(res.status).toBe(200);
    const text = (await httpsGet(exporter.metricsUrl, metricsCert.pem, { authorization: basic("prometheus", PASSWORD) })).body;
    expect(sample(text, "minimo_api_requests_total", { key: "production", code: "200" })).toBe(1);
  });

  it("on reload (SIGHUP) swaps both certificates and the users in place", async () => {
    const before = await httpsGet(exporter.metricsUrl, metricsCert.pem, { authorization: basic("prometheus", PASSWORD) });
    const beforeGateway = await httpsGet(`${exporter.gatewayUrl}/public/v1/custom-fields`, gatewayCert.pem, { authorization: `Bearer ${DEMO["demo-full"]}` });
    const next = selfSigned(dir, "next");
    copyFileSync(next.cert, join(dir, "metrics.pem"));
    copyFileSync(next.key, join(dir, "metrics-key.pem"));
    copyFileSync(next.cert, join(dir, "gateway.pem"));
    copyFileSync(next.key, join(dir, "gateway-key.pem"));
    writeFileSync(webFile, `tls_server_config:\n  cert_file: metrics.pem\n  key_file: metrics-key.pem\nbasic_auth_users:\n  prometheus: ${bcrypt.hashSync("new-password", 4)}\n`);
    await exporter.reload(await loadConfigFile(configFile, demoEnv));

    const after = await httpsGet(exporter.metricsUrl, next.pem, { authorization: basic("prometheus", "new-password") });
    expect(after.status).toBe(200);
    expect(after.fingerprint).not.toBe(before.fingerprint);
    expect((await httpsGet(exporter.metricsUrl, next.pem, { authorization: basic("prometheus", PASSWORD) })).status).toBe(401);
    const afterGateway = await httpsGet(`${exporter.gatewayUrl}/public/v1/custom-fields`, next.pem, { authorization: `Bearer ${DEMO["demo-full"]}` });
    expect(afterGateway.status).toBe(200);
    expect(afterGateway.fingerprint).not.toBe(beforeGateway.fingerprint);
  });

  it("a reload with a broken web config throws and keeps the previous certificate and users", async () => {
    writeFileSync(webFile, "basic_auth_users:\n  prometheus: plain-text-password\n");
    await expect(exporter.reload(await loadConfigFile(configFile, demoEnv))).rejects.toThrow(/bcrypt hash/);
    const res = await httpsGet(exporter.metricsUrl, selfSignedPemOf(dir), { authorization: basic("prometheus", "new-password") });
    expect(res.status).toBe(200);
  });
});

/** The certificate now installed as metrics.pem (after the reload test). */
function selfSignedPemOf(dir: string): Buffer {
  return readFileSync(join(dir, "metrics.pem"));
}

describe.skipIf(!enabled)("bad certificates and web config files are config errors (exit 2)", () => {
  it("an expired gateway certificate: --check-config and a start both exit 2 naming the field and the date", async () => {
    const dir = tempDir();
    expired(dir);
    const file = join(dir, "exporter.yml");
    writeFileSync(file, "gateway:\n  tls: { cert_file: expired.pem, key_file: expired-key.pem }\nkeys:\n  - name: production\n    key_env: K\n");
    const env = { K: DEMO["demo-full"] };
    const check = io(env);
    expect(await main(["--check-config", file], check.io)).toBe(2);
    expect(check.err).toEqual([`gateway.tls.cert_file: the certificate in ${join(dir, "expired.pem")} expired on 2020-01-02T00:00:00.000Z`]);
    const start = io(env);
    expect(await main(["--config", file, "--storage.path", join(dir, "state")], start.io)).toBe(2);
    expect(start.err.join("\n")).toContain("expired on 2020-01-02");
  });

  it("an expired metrics certificate in --web.config.file: exit 2", async () => {
    const dir = tempDir();
    expired(dir);
    writeFileSync(join(dir, "web.yml"), "tls_server_config:\n  cert_file: expired.pem\n  key_file: expired-key.pem\n");
    const file = join(dir, "exporter.yml");
    writeFileSync(file, "listen: { metrics: 127.0.0.1:0, gateway: 127.0.0.1:0 }\nkeys:\n  - name: production\n    key_env: K\n");
    const t = io({ K: DEMO["demo-full"] });
    expect(await main(["--check-config", file, "--web.config.file", join(dir, "web.yml")], t.io)).toBe(2);
    expect(t.err).toEqual([`--web.config.file tls_server_config.cert_file: the certificate in ${join(dir, "expired.pem")} expired on 2020-01-02T00:00:00.000Z`]);
    const start = io({ K: DEMO["demo-full"] });
    expect(await main(["--config", file, "--web.config.file", join(dir, "web.yml"), "--storage.path", join(dir, "state")], start.io)).toBe(2);
  });

  it.each([
    [
      "a plain password where a hash belongs (not echoed)",
      "basic_auth_users:\n  prometheus: CANARYplainpassword\n",
      "--web.config.file basic_auth_users.prometheus: must be a bcrypt hash ($2y$10$...), not a plain password",
    ],
    ["an unknown field", "tls_server_config:\n  cert_file: a\n  key_file: b\n  colour: blue\n", "--web.config.file tls_server_config: unknown field colour"],
    ["a missing key file", "tls_server_config:\n  cert_file: metrics.pem\n  key_file: nope.pem\n", "--web.config.file tls_server_config.key_file: cannot read"],
    [
      "a key of another certificate",
      "tls_server_config:\n  cert_file: metrics.pem\n  key_file: other-key.pem\n",
      "--web.config.file tls_server_config.key_file: the key does not match the certificate",
    ],
    [
      "an unsupported client auth mode",
      "tls_server_config:\n  cert_file: metrics.pem\n  key_file: metrics-key.pem\n  client_auth_type: RequestClientCert\n",
      "--web.config.file tls_server_config.client_auth_type:",
    ],
  ])("%s", async (_name, yaml, message) => {
    const dir = tempDir();
    selfSigned(dir, "metrics");
    selfSigned(dir, "other");
    writeFileSync(join(dir, "web.yml"), yaml);
    let error: Error | undefined;
    try {
      await loadWebConfig(join(dir, "web.yml"));
    } catch (err) {
      error = err as Error;
    }
    expect(error?.message.split("\n")[1]).toContain(message);
    expect(error?.message).not.toContain("CANARY");
  });
});

describe.skipIf(!enabled)("a clear-text gateway beyond localhost is called out", () => {
  it.each([
    ["0.0.0.0 without TLS", false, true],
    ["0.0.0.0 with gateway.tls", true, false],
  ])("%s", async (_name, tls, warned) => {
    const dir = tempDir();
    selfSigned(dir, "gateway");
    const file = join(dir, "exporter.yml");
    writeFileSync(
      file,
      `listen: { metrics: 127.0.0.1:0, gateway: 0.0.0.0:0 }\n${tls ? "gateway:\n  tls: { cert_file: gateway.pem, key_file: gateway-key.pem }\n" : ""}probe: { operations: [] }\nkeys:\n  - name: production\n    key_env: MINIMO_KEY_DEMO_FULL\n`,
    );
    const log = captureLogger("info");
    const exporter = await startExporter({ config: await loadConfigFile(file, demoEnv), logger: log.logger });
    await exporter.close();
    expect(log.lines.some((l) => l.includes("API keys cross the network in clear text"))).toBe(warned);
  });
});
