import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { ConfigError, DEFAULTS, loadConfigFile, parseConfig } from "../src/index.js";

const CANARY = "mn-canary01-CANARYSECRETxyz123";
const dir = mkdtempSync(join(tmpdir(), "exporter-config-"));
writeFileSync(join(dir, "good.key"), `${CANARY}\n`);
const env = { MINIMO_KEY_PRODUCTION: CANARY, MINIMO_KEY_OTHER: "mn-other02-OTHERSECRETabc456", MINIMO_KEY_BAD: "xx-canary01-CANARYSECRETxyz123" };

function problemsOf(raw: unknown, e: NodeJS.ProcessEnv = env): string[] {
  try {
    parseConfig(raw, e, { baseDir: dir });
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    const error = err as ConfigError;
    // The canary secret must appear nowhere: not in lines, message, or a dump of the error.
    for (const text of [error.message, inspect(error), JSON.stringify(error), ...error.lines()]) {
      expect(text).not.toContain("CANARYSECRET");
    }
    return error.lines();
  }
  throw new Error("expected a ConfigError");
}

/** The spec's GET operations that are not deprecated, as the unknown-operation message lists them. */
const PROBEABLE = [
  '"GET /public/v1/contacts/by-email/{email}" (getContactByEmail)',
  '"GET /public/v1/custom-fields" (listCustomFields)',
  '"GET /public/v1/emails/{id}/stats" (getEmailStats)',
  '"GET /public/v1/transactionals/{id}/stats" (getTransactionalStats)',
  '"GET /public/v1/templates/whatsapp" (listWhatsappTemplates)',
  '"GET /api/templates/whatsapp" (listWhatsappTemplatesApp)',
  '"GET /api/templates/email" (listEmailTemplates)',
].join(", ");

const key = (extra: object = {}) => ({ name: "production", key_env: "MINIMO_KEY_PRODUCTION", ...extra });

describe("parseConfig error table", () => {
  const cases: [string, unknown, string[], NodeJS.ProcessEnv?][] = [
    ["unknown top-level field", { keys: [], bogus: 1 }, ["bogus: unknown field"]],
    ["unknown key field", { keys: [key({ tokn: "x" })] }, ["keys[0].tokn: unknown field"]],
    ["unknown probe field", { keys: [key({ probe: { every: 5 } })] }, ["keys[0].probe.every: unknown field"]],
    [
      "bad key format (env)",
      { keys: [key({ key_env: "MINIMO_KEY_BAD" })] },
      ["keys[0].key_env: the value of MINIMO_KEY_BAD is not a Minimo API key (expected mn-{CLIENT_ID}-{SECRET_KEY})"],
    ],
    ["bad key format (inline)", { keys: [{ name: "x", key: "mn-CANARYSECRET" }] }, ["keys[0].key: the value is not a Minimo API key (expected mn-{CLIENT_ID}-{SECRET_KEY})"]],
    ["missing env var", { keys: [key(), { name: "staging", key_env: "MINIMO_KEY_X" }] }, ["keys[1].key_env: environment variable MINIMO_KEY_X is not set"]],
    ["empty env var", { keys: [key()] }, ["keys[0].key_env: environment variable MINIMO_KEY_PRODUCTION is set but empty"], { MINIMO_KEY_PRODUCTION: "" }],
    ["blank env var", { keys: [key()] }, ["keys[0].key_env: environment variable MINIMO_KEY_PRODUCTION is set but empty"], { MINIMO_KEY_PRODUCTION: " \n" }],
    ["unreadable key file", { keys: [{ name: "f", key_file: "missing.key" }] }, [`keys[0].key_file: cannot read ${join(dir, "missing.key")} (ENOENT)`]],
    ["duplicate alias", { keys: [key(), key({ key_env: "MINIMO_KEY_OTHER" })] }, ['keys[1].name: duplicate key name "production" (already used by keys[0])']],
    ["same key twice", { keys: [key(), { name: "again", key_file: "good.key" }] }, ["keys[1]: holds the same API key as keys[0]; configure each key once"]],
    ["reserved alias", { keys: [key({ name: "unknown" })] }, ['keys[0].name: "unknown" is reserved for requests with an unconfigured key']],
    ["no key source", { keys: [{ name: "x" }] }, ["keys[0]: set exactly one of key_env, key_file or key (found none)"]],
    ["two key sources", { keys: [key({ key_file: "good.key" })] }, ["keys[0]: set exactly one of key_env, key_file or key (found key_env, key_file)"]],
    ["bad URL", { upstream: "not a url", keys: [] }, ["upstream: must be an absolute http(s) URL"]],
    ["non-http URL", { upstream: { api: "https://api.example", app: "ftp://app.example" }, keys: [] }, ["upstream.app: must be an http(s) URL, not ftp:"]],
    ["URL with credentials", { upstream: "https://user:pw@api.example", keys: [] }, ["upstream: must not contain credentials"]],
    ["bad URL from env", { keys: [] }, ["upstream (from MINIMO_EXPORTER_UPSTREAM): must be an absolute http(s) URL"], { MINIMO_EXPORTER_UPSTREAM: "nope" }],
    [
      "bad listen from env",
      { keys: [] },
      ['listen.metrics (from MINIMO_EXPORTER_LISTEN_METRICS): must be "host:port" with a port from 0 to 65535, got "localhost"'],
      { MINIMO_EXPORTER_LISTEN_METRICS: "localhost" },
    ],
    [
      "write operation probed",
      { keys: [key({ probe: { operations: ["POST /public/v1/contacts"] } })] },
      ['keys[0].probe.operations[0]: "POST /public/v1/contacts" is not read-only: probes only use GET operations'],
    ],
    [
      "deprecated operation probed",
      { keys: [key({ probe: { operations: ["getEmailTemplateStatsLegacy"] } })] },
      ['keys[0].probe.operations[0]: "getEmailTemplateStatsLegacy" is deprecated: probe a current operation instead'],
    ],
    [
      "unknown operation (lists the spec's read-only operations)",
      { keys: [key({ probe: { operations: ["GET /nope"] } })] },
      [`keys[0].probe.operations[0]: unknown operation "GET /nope"; probes can use: ${PROBEABLE}`],
    ],
    ["key pasted into key_env", { keys: [key({ key_env: CANARY })] }, ["keys[0].key_env: holds an API key itself; put the key in an environment variable and name that here"]],
    ["key pasted into key_file", { keys: [{ name: "f", key_file: CANARY }] }, ["keys[0].key_file: holds an API key itself; put the key in a file and name that here"]],
    [
      "key pasted into name",
      { keys: [{ name: CANARY, key_env: "MINIMO_KEY_PRODUCTION" }] },
      ['keys[0].name: looks like an API key; the name is a label shown in Prometheus, so use an alias such as "production"'],
    ],
    ["key pasted as a field name", { keys: [], [CANARY]: 1 }, ["mn-canary01-<secret>: unknown field"]],
    ["bad expiry", { keys: [key({ expires: "next year" })] }, ["keys[0].expires: must be a date like 2027-06-01 (or an ISO 8601 date-time)"]],
    ["too many keys", { max_keys: 1, keys: [key(), { name: "b", key_env: "MINIMO_KEY_OTHER" }] }, ["keys: 2 keys configured, more than max_keys (1)"]],
    ["keys missing", {}, ["keys: required field is missing"]],
    // Wrong types say what was expected and what was given; a secret is never quoted.
    ["string for an integer", { max_keys: "ten", keys: [] }, ['max_keys: expected a positive integer, got the string "ten"']],
    [
      "string for an integer, from env",
      { keys: [] },
      ['max_keys (from MINIMO_EXPORTER_MAX_KEYS): expected a positive integer, got the string "lots"'],
      { MINIMO_EXPORTER_MAX_KEYS: "lots" },
    ],
    ["quoted number for an integer", { probe: { concurrency: "8" }, keys: [] }, ['probe.concurrency: expected a positive integer, got the string "8"']],
    ["fraction for an integer", { max_keys: 1.5, keys: [] }, ["max_keys: expected a positive integer, got the number 1.5"]],
    ["zero for a positive number", { scrape_timeout_seconds: 0, keys: [] }, ["scrape_timeout_seconds: expected a number of seconds above 0, got the number 0"]],
    ["empty value", { gateway: { drain_timeout_seconds: null }, keys: [] }, ["gateway.drain_timeout_seconds: expected a number of seconds, 0 or more, got an empty value"]],
    ["unknown log level", { log_level: "verbose", keys: [] }, ['log_level: expected one of fatal, error, warn, info, debug, trace, silent, got the string "verbose"']],
    ["wrong type inside upstream", { upstream: { api: 5, app: "https://app.example" }, keys: [] }, ["upstream.api: expected a URL, got the number 5"]],
    ["upstream neither URL nor mapping", { upstream: ["https://a.example"], keys: [] }, ["upstream: expected a URL, or a mapping { api, app } of URLs, got a list of 1 item"]],
    ["keys not a list", { keys: "production" }, ['keys: expected a list of keys, got the string "production"']],
    ["key entry not a mapping", { keys: ["production"] }, ['keys[0]: expected a mapping with name and one of key_env, key_file or key, got the string "production"']],
    [
      "operation not a string",
      { keys: [key({ probe: { operations: [5] } })] },
      ['keys[0].probe.operations[0]: expected an operation ("GET /route/template" or an operationId), got the number 5'],
    ],
    ["key given as a number (not quoted)", { keys: [{ name: "x", key: 123456789 }] }, ["keys[0].key: expected an API key as a string (better: key_env or key_file), got a number"]],
    [
      "key given as a mapping (not quoted)",
      { keys: [{ name: "x", key: { value: CANARY } }] },
      ["keys[0].key: expected an API key as a string (better: key_env or key_file), got a mapping"],
    ],
    [
      "key pasted into an integer field (not quoted)",
      { max_keys: CANARY, keys: [] },
      ["max_keys: expected a positive integer, got a string that looks like an API key (not shown)"],
    ],
    [
      "key pasted into the log level (not quoted)",
      { keys: [] },
      ["log_level (from MINIMO_EXPORTER_LOG_LEVEL): expected one of fatal, error, warn, info, debug, trace, silent, got a string that looks like an API key (not shown)"],
      { MINIMO_EXPORTER_LOG_LEVEL: CANARY },
    ],
    ["not a mapping", ["a"], ["the config must be a YAML mapping"]],
  ];
  it.each(cases)("%s", (_name, raw, expected, e) => {
    expect(problemsOf(raw, { ...env, ...e })).toEqual(expected);
  });

  it("reports every problem at once, one line each", () => {
    const lines = problemsOf({
      keys: [
        { name: "a", key_env: "MINIMO_KEY_NOPE" },
        { name: "a", key_file: "missing.key" },
      ],
    });
    expect(lines).toHaveLength(3);
  });

  it("a typo or a wrong type hides nothing: duplicate aliases, unset variables and bad operations are reported in the same run", () => {
    const lines = problemsOf(
      {
        max_key: 5,
        probe: { concurrency: "8", operations: ["GET /nope"] },
        keys: [
          { name: "a", key_env: "MINIMO_KEY_NOPE", tokn: 1 },
          { name: "a", key_env: "MINIMO_KEY_EMPTY" },
          { name: "b", key: 12345 },
          { name: "bad name!", key_env: "MINIMO_KEY_ALSO_NOPE" },
        ],
      },
      { ...env, MINIMO_KEY_EMPTY: "", MINIMO_EXPORTER_MAX_KEYS: "lots" },
    );
    expect(lines).toEqual([
      'max_keys (from MINIMO_EXPORTER_MAX_KEYS): expected a positive integer, got the string "lots"',
      'probe.concurrency: expected a positive integer, got the string "8"',
      "keys[0].tokn: unknown field",
      "keys[2].key: expected an API key as a string (better: key_env or key_file), got a number",
      `keys[3].name: expected an alias of 1-64 letters, digits, '_', '.', '-', starting with a letter or digit, got the string "bad name!"`,
      "max_key: unknown field",
      `probe.operations[0]: unknown operation "GET /nope"; probes can use: ${PROBEABLE}`,
      "keys[0].key_env: environment variable MINIMO_KEY_NOPE is not set",
      "keys[1].key_env: environment variable MINIMO_KEY_EMPTY is set but empty",
      'keys[1].name: duplicate key name "a" (already used by keys[0])',
      "keys[3].key_env: environment variable MINIMO_KEY_ALSO_NOPE is not set",
    ]);
  });
});

describe("parseConfig result", () => {
  const config = parseConfig({ upstream: "http://127.0.0.1:4010/", keys: [key({ expires: "2027-06-01" }), { name: "inline", key: "mn-other02-OTHERSECRETabc456" }] }, env, {
    baseDir: dir,
  });

  it("fills defaults from one place", () => {
    expect(config.upstream).toEqual({ api: "http://127.0.0.1:4010", app: "http://127.0.0.1:4010" });
    expect(config.listen.metrics).toEqual({ host: "0.0.0.0", port: 9487 });
    expect(config.listen.gateway).toEqual({ host: "0.0.0.0", port: 8787 });
    expect(config.scrapeTimeoutOffsetSeconds).toBe(DEFAULTS.scrapeTimeoutOffsetSeconds);
    expect(config.probe.concurrency).toBe(4);
    expect(config.keys[0]!.probe.minIntervalSeconds).toBe(60);
    expect(config.keys[0]!.probe.operations.map((o) => o.path)).toEqual(["/public/v1/custom-fields"]);
    expect(config.keys[0]!.clientId).toBe("canary01");
    expect(config.keys[0]!.expiresAt).toBe(Date.UTC(2027, 5, 1) / 1000);
  });

  it("is deeply frozen", () => {
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.keys[0]!.probe.operations)).toBe(true);
    expect(() => ((config.upstream as { api: string }).api = "x")).toThrow(TypeError);
  });

  it("prints secrets as <secret> in every dump", () => {
    for (const text of [JSON.stringify(config), inspect(config, { depth: 10 }), String(config.keys[0]!.apiKey), `${config.keys[0]!.apiKey}`]) {
      expect(text).not.toContain("CANARYSECRET");
      expect(text).not.toContain("OTHERSECRET");
    }
    expect(JSON.stringify(config)).toContain('"apiKey":"<secret>"');
    expect(config.keys[0]!.apiKey.reveal()).toBe(CANARY);
  });

  it("warns about an inline key without quoting it", () => {
    expect(config.warnings).toEqual(["keys[1].key: an API key written in the config file is discouraged; use key_env or key_file"]);
  });

  it("applies environment overrides", () => {
    const c = parseConfig(
      { keys: [] },
      { MINIMO_EXPORTER_UPSTREAM: "http://sim:4010", MINIMO_EXPORTER_LISTEN_GATEWAY: "127.0.0.1:0", MINIMO_EXPORTER_LOG_LEVEL: "debug", MINIMO_EXPORTER_MAX_KEYS: "7" },
    );
    expect(c.upstream.app).toBe("http://sim:4010");
    expect(c.listen.gateway).toEqual({ host: "127.0.0.1", port: 0 });
    expect(c.logLevel).toBe("debug");
    expect(c.maxKeys).toBe(7);
  });

  it("resolves the legacy server separately and accepts operationIds", () => {
    const c = parseConfig(
      {
        upstream: { api: "https://a.example", app: "https://b.example" },
        probe: { operations: ["listEmailTemplates", "GET /public/v1/contacts/by-email/{email}"] },
        keys: [key()],
      },
      env,
    );
    expect(c.keys[0]!.probe.operations.map((o) => `${o.server} ${o.path}`)).toEqual(["app /api/templates/email", "api /public/v1/contacts/by-email/{email}"]);
  });
});

describe("loadConfigFile", () => {
  it("reads YAML and resolves key_file next to the config", async () => {
    const file = join(dir, "exporter.yaml");
    writeFileSync(file, "upstream: http://127.0.0.1:1\nkeys:\n  - name: production\n    key_file: good.key\n    expires: 2027-06-01\n");
    const config = await loadConfigFile(file, {});
    expect(config.keys[0]!.name).toBe("production");
    expect(config.keys[0]!.source).toBe("file");
  });

  it("reports a YAML syntax error without quoting the file", async () => {
    const file = join(dir, "broken.yaml");
    writeFileSync(file, `keys:\n  - name: x\n    key: ${CANARY}\n   bad: [\n`);
    const err = await loadConfigFile(file, {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).lines()[0]).toMatch(new RegExp(`^${file.replace(/[.]/g, "\\.")}: not valid YAML at line \\d+ \\(\\w+\\)$`));
    expect((err as ConfigError).message).not.toContain("CANARYSECRET");
  });
});
