// Canary secrets: keys whose secrets spell CANARY are configured (env and file), presented through
// the gateway as valid, invalid, expired, revoked and unconfigured keys, probed through upstream
// faults, rotated and reloaded, and fed to a failing reload. No CANARY may then appear in
// /metrics, the key console, any log line at debug level, a gateway answer, an error message or
// a dump of the config — nor in the posture state directory, its findings or `lint` output.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { startSim, type KeySpec, type RunningSim } from "@minimo/sim";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfigFile, parseConfig, startExporter, type ExporterConfig, type RunningExporter } from "../../src/index.js";
import { stringify } from "yaml";
import { checkConfig } from "../../src/cli.js";
import { lint } from "../../src/posture/lint.js";
import { captureLogger, sample, eventually, withDecodedBytes } from "./support.js";

const MARK = "CANARY";
const simKeys: KeySpec[] = [
  { name: "valid", key: "mn-cnryvalid-CANARYvalid4f8a2c9e1b", permissions: ["*"] },
  { name: "readonly", key: "mn-cnryro-CANARYreadonly77c2d19a", permissions: ["custom_fields:read"] },
  { name: "expired", key: "mn-cnryexp-CANARYexpired5b3e0d2f", permissions: ["*"], expires: "2025-01-01" },
  { name: "revoked", key: "mn-cnryrev-CANARYrevoked91a7c3e4", permissions: ["*"], revoked: true },
];
// Configured in the exporter but unknown to the sandbox: every call is 401.
const INVALID = "mn-cnryinv-CANARYinvalid3e9f1a7b";
// Presented through the gateway but configured nowhere.
const STRANGER = "mn-cnrystr-CANARYstranger8d2b6f0c";
// Planted in X-Forwarded-For behind a trusted proxy (loopback): the callers table keeps addresses.
const FORWARDED = "mn-cnryxff-CANARYforwarded5c1d8e2a";

const dir = mkdtempSync(join(tmpdir(), "rel-canary-"));
writeFileSync(join(dir, "revoked.key"), `${simKeys[3]!.key}\n`);

function envFor(validKey: string): NodeJS.ProcessEnv {
  return { K_VALID: validKey, K_RO: simKeys[1]!.key, K_EXPIRED: simKeys[2]!.key, K_INVALID: INVALID };
}

function configFor(sim: RunningSim, validKey: string, extra: object = {}): ExporterConfig {
  return parseConfig(
    {
      upstream: sim.url,
      listen: { metrics: "127.0.0.1:0", gateway: "127.0.0.1:0" },
      log_level: "debug",
      gateway: { trusted_proxies: ["loopback"] },
      probe: { min_interval_seconds: 0, timeout_seconds: 0.5 },
      keys: [
        { name: "valid", key_env: "K_VALID" },
        { name: "readonly", key_env: "K_RO", replaces: "valid", probe: { operations: ["GET /public/v1/custom-fields", "GET /public/v1/templates/whatsapp"] } },
        { name: "expired", key_env: "K_EXPIRED", expires: "2025-01-01" },
        { name: "revoked", key_file: "revoked.key" },
        { name: "invalid", key_env: "K_INVALID" },
      ],
      ...extra,
    },
    envFor(validKey),
    { baseDir: dir },
  );
}

describe("canary secrets appear nowhere", () => {
  let sim: RunningSim;
  let exporter: RunningExporter;
  const log = captureLogger("debug");
  /** Everything the exporter showed the outside world during the run. */
  const seen: { where: string; text: string }[] = [];
  const see = (where: string, text: string) => seen.push({ where, text });

  const faults = async (body: object | undefined) => {
    const control = { "x-sim-control-token": sim.controlToken };
    const res = await fetch(
      `${sim.url}/__sim/faults`,
      body ? { method: "PUT", headers: { ...control, "content-type": "application/json" }, body: JSON.stringify(body) } : { method: "DELETE", headers: control },
    );
    expect(res.status).toBe(200);
  };
  const scrape = async (tag: string) => {
    const res = await fetch(exporter.metricsUrl, { headers: { "x-prometheus-scrape-timeout-seconds": "2" } });
    const text = await res.text();
    see(`/metrics ${tag}`, text);
    return text;
  };
  const call = async (key: string | undefined, method = "GET", path = "/public/v1/custom-fields", auth?: string, extra: Record<string, string> = {}) => {
    const headers: Record<string, string> = { "content-type": "application/json", ...extra };
    if (auth !== undefined) headers.authorization = auth;
    else if (key !== undefined) headers.authorization = `Bearer ${key}`;
    const res = await fetch(exporter.gatewayUrl + path, { method, headers, ...(method === "POST" ? { body: JSON.stringify({ email: "c@example.com" }) } : {}) });
    const body = await res.text();
    see(`gateway ${method} ${res.status}`, body + JSON.stringify([...res.headers]));
    return res.status;
  };

  beforeAll(async () => {
    sim = await startSim({ port: 0, keys: simKeys });
    const config = configFor(sim, simKeys[0]!.key);
    see("inspect(config)", inspect(config, { depth: 10 }));
    see("JSON.stringify(config)", JSON.stringify(config));
    see("String(apiKey)", config.keys.map((k) => `${k.apiKey}`).join(" "));
    exporter = await startExporter({ config, logger: log.logger, storagePath: join(dir, "state") });
  });
  afterAll(async () => {
    await exporter?.close();
    await sim?.close();
  });

  it("exercises every path, then finds no canary anywhere", async () => {
    // Healthy: probes of every key, then gateway calls with each kind of key.
    let text = await scrape("first");
    await eventually(async () => sample((text = await scrape("probing")), "minimo_key_up", { key: "invalid" }) !== undefined, 5000, "first probes");
    expect(sample(text, "minimo_key_up", { key: "valid" })).toBe(1);
    for (const k of ["expired", "revoked", "invalid"]) expect(sample(text, "minimo_key_up", { key: k })).toBe(0);

    expect(await call(simKeys[0]!.key)).toBe(200);
    expect(await call(simKeys[0]!.key, "POST", "/public/v1/contacts")).toBeLessThan(300);
    expect(await call(simKeys[1]!.key, "POST", "/public/v1/contacts")).toBe(403);
    expect(await call(simKeys[2]!.key)).toBe(401);
    expect(await call(simKeys[3]!.key)).toBe(401);
    expect(await call(INVALID)).toBe(401);
    expect(await call(STRANGER)).toBe(401);
    // Malformed Authorization values that carry the canary in other shapes.
    await call(undefined, "GET", "/public/v1/custom-fields", `Basic ${Buffer.from(`user:${STRANGER}`).toString("base64")}`);
    await call(undefined, "GET", "/public/v1/custom-fields", `Bearer ${STRANGER} trailing`);
    await call(undefined, "GET", "/public/v1/custom-fields", `Token ${STRANGER}`);
    // A key as the X-Forwarded-For hop the trusted proxy (loopback) vouches for, alone and after an address.
    expect(await call(INVALID, "GET", "/public/v1/custom-fields", undefined, { "x-forwarded-for": FORWARDED })).toBe(401);
    expect(await call(STRANGER, "GET", "/public/v1/custom-fields", undefined, { "x-forwarded-for": `198.51.100.7, ${FORWARDED}` })).toBe(401);
    // The key in the URL (an app bug): a route label is a template, a log line never the raw URL.
    const leakyPath = `/public/v1/contacts/by-email/${STRANGER}`;
    await fetch(`${exporter.gatewayUrl}${leakyPath}?api_key=${STRANGER}`, { headers: { authorization: `Bearer ${simKeys[0]!.key}` } }).then((r) => r.arrayBuffer());

    // Posture evidence: a browser and a rotation caller whose User-Agent and Origin carry a key,
    // and a key in a URL; they reach findings, the state directory and lint.
    const leakyHeaders = { authorization: `Bearer ${simKeys[0]!.key}`, "user-agent": `Mozilla/5.0 ${STRANGER}`, origin: `https://${STRANGER}.example` };
    await fetch(`${exporter.gatewayUrl}/public/v1/custom-fields?k=${simKeys[0]!.key}`, { headers: leakyHeaders }).then((r) => r.arrayBuffer());

    // Upstream faults while probing and proxying: dropped connections, timeouts, HTML 5xx.
    await faults({ dropRate: 1 });
    await scrape("drop");
    expect(await call(simKeys[0]!.key)).toBe(502);
    await faults({ latencyMs: 1500 });
    await scrape("latency");
    await faults({ errorRate: 1, errorStatus: 503, nonJsonErrors: true, rateLimitHeaders: "garbage" });
    await scrape("5xx");
    expect(await call(simKeys[0]!.key)).toBe(503);
    await faults(undefined);
    await eventually(async () => sample(await scrape("recovering"), "minimo_key_up", { key: "valid" }) === 1, 5000, "recovery");

    // Rotation: the old canary now gets 401; the reload brings the new one in.
    const rotated = (await (await fetch(`${sim.url}/__sim/keys/valid/rotate`, { method: "POST", headers: { "x-sim-control-token": sim.controlToken } })).json()) as { key: string };
    expect(rotated.key).toMatch(/^mn-cnryvalid-/);
    expect(await call(simKeys[0]!.key)).toBe(401);
    const next = configFor(sim, rotated.key);
    await exporter.reload(next);
    see("inspect(reloaded config)", inspect(next, { depth: 10 }));
    expect(await call(rotated.key)).toBe(200);
    await eventually(async () => sample(await scrape("after reload"), "minimo_key_up", { key: "valid" }) === 1, 5000, "rotated key up");

    // A failed reload: the new file holds a malformed canary; the old config stays.
    try {
      parseConfig(
        {
          upstream: sim.url,
          keys: [
            { name: "valid", key_env: "K_VALID" },
            { name: "bad", key: `mn-${MARK}brokenSecret` },
          ],
        },
        envFor(`xx-${MARK}notakey`),
      );
      throw new Error("expected a ConfigError");
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const e = err as ConfigError;
      see("ConfigError", [e.message, e.stack ?? "", inspect(e), JSON.stringify(e), ...e.lines()].join("\n"));
      exporter.reloadFailed();
      log.logger.error({ problems: e.lines() }, "config reload failed; keeping the previous config");
    }
    text = await scrape("after failed reload");
    expect(sample(text, "minimo_exporter_config_last_reload_successful")).toBe(0);
    see("landing", await (await fetch(exporter.metricsUrl.replace(/\/metrics$/, "/"))).text());
    // The console's JSON, including every caller table (callers that presented canary keys).
    const keysJson = await (await fetch(`${exporter.consoleUrl}api/keys`)).text();
    see("/api/keys", keysJson);
    for (const { alias } of (JSON.parse(keysJson) as { keys: { alias: string }[] }).keys) {
      see(`callers of ${alias}`, await (await fetch(`${exporter.consoleUrl}api/keys/${encodeURIComponent(alias)}/callers`)).text());
    }
    // A canary key in a path with a bad percent-escape (answered 400, never logged).
    const badEscape = await fetch(`${exporter.consoleUrl}api/keys/${simKeys[0]!.key}%E0%A4%A/callers`);
    expect(badEscape.status).toBe(400);
    see("bad percent-escape answer", await badEscape.text());

    for (const alias of ["valid", "readonly", "unknown"]) {
      see(`findings of ${alias}`, await (await fetch(`${exporter.consoleUrl}api/keys/${alias}/findings`)).text());
    }
    const findingsText = seen
      .filter((x) => x.where.startsWith("findings of"))
      .map((x) => x.text)
      .join("\n");
    expect(findingsText).toContain("browser_use");
    expect(findingsText).toContain("key_in_url");
    await exporter.close();
    for (const file of readdirSync(join(dir, "state"))) see(`state ${file}`, readFileSync(join(dir, "state", file), "utf8"));
    expect(seen.some((x) => x.where === "state posture.json" && x.text.includes("rotationCallers"))).toBe(true);
    const configFile = join(dir, "lint.yaml");
    writeFileSync(
      configFile,
      JSON.stringify({
        upstream: sim.url,
        state: { path: join(dir, "state") },
        keys: [
          { name: "valid", key_env: "K_VALID" },
          { name: "readonly", key_env: "K_RO", replaces: "valid" },
        ],
      }),
    );
    for (const format of ["text", "json"]) {
      const out: string[] = [];
      await lint(["--config", configFile, "--format", format], { stdout: (l) => out.push(l), stderr: (l) => out.push(l) });
      see(`lint ${format}`, out.join("\n"));
    }

    // The run did go through every path it claims to.
    const logs = log.lines.join("\n");
    expect(logs).toMatch(/"reason":"network"/);
    expect(logs).toMatch(/"status":401/);
    expect(logs).toMatch(/config reloaded/);
    expect(log.lines.some((l) => l.includes('"level":20'))).toBe(true);
    expect(sample(text, "minimo_gateway_unknown_key_requests_total", { code: "401" })).toBeGreaterThanOrEqual(4);
    see("logs", logs);

    // The secret parts, and the marker they share, appear nowhere.
    const secrets = [...simKeys.map((k) => k.key), INVALID, STRANGER, FORWARDED, rotated.key].map((k) => k.slice(k.indexOf("-", 3) + 1));
    for (const { where, text } of seen) {
      const shown = withDecodedBytes(text);
      expect(shown, where).not.toContain(MARK);
      for (const s of secrets) expect(shown, where).not.toContain(s);
    }
    expect(seen.length).toBeGreaterThan(20);
  });
});

describe("a key pasted into the wrong field", () => {
  // Regression: parse.ts used to echo the field's value when a user pasted the key itself into
  // key_env or key_file ("environment variable mn-...-SECRET is not set"), so the secret landed
  // in the error line, in --check-config output and in the SIGHUP reload log.
  it.each([
    ["key_env", { name: "a", key_env: STRANGER }],
    ["key_file", { name: "a", key_file: STRANGER }],
  ])("%s holding a key is reported without echoing it", (_field, key) => {
    let message = "";
    try {
      parseConfig({ keys: [key] }, {}, { baseDir: dir });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/keys\[0\]\.key_(env|file)/);
    expect(message).not.toContain(MARK);
  });

  it("key_file holding a key, through loadConfigFile (which reads every named file ahead)", async () => {
    const file = join(dir, "pasted.yaml");
    writeFileSync(file, `keys:\n  - { name: a, key_file: ${STRANGER} }\n`);
    const message = await loadConfigFile(file, {}).then(
      () => "",
      (err: Error) => err.message,
    );
    expect(message).toMatch(/keys\[0\]\.key_file: holds an API key itself/);
    expect(message).not.toContain(MARK);
  });

  // Wrong-typed fields say what was given ("got the string …"): never when it is, or may be, a key.
  it.each([
    ["an integer field", { max_keys: STRANGER, keys: [] }, {}],
    ["an enum field from the environment", { keys: [] }, { MINIMO_EXPORTER_LOG_LEVEL: STRANGER }],
    ["an integer field from the environment", { keys: [] }, { MINIMO_EXPORTER_MAX_KEYS: `${STRANGER} ` }],
    ["an alias with a space", { keys: [{ name: `${STRANGER} x`, key_env: "K" }] }, { K: "" }],
    ["an operation of a list", { keys: [], probe: { operations: [{ op: STRANGER }] } }, {}],
    ["key as a list", { keys: [{ name: "a", key: [STRANGER] }] }, {}],
    ["key as a mapping", { keys: [{ name: "a", key: { value: STRANGER } }] }, {}],
    ["upstream", { upstream: { api: STRANGER, app: 1 }, keys: [] }, {}],
  ])("a key in %s is described, not quoted, by --check-config", async (_where, raw, env) => {
    const file = join(dir, "wrong-type.yaml");
    writeFileSync(file, stringify(raw));
    const out: string[] = [];
    expect(await checkConfig(file, { env, stdout: (l) => out.push(l), stderr: (l) => out.push(l) })).toBe(2);
    expect(out.length).toBeGreaterThan(0);
    for (const line of out) expect(line).not.toContain(MARK);
  });
});
