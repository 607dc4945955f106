// Property tests (fast-check) over the exporter's own code paths: the gateway's key
// identification (Authorization header -> bearer token -> configured alias), its route
// labelling, its rate-limit header hand-off into the gauges, and key parsing in the config.
// No input may make them throw, and no input may mint a label value outside a fixed set.
import { OPERATIONS, matchOperation } from "@minimo/client";
import { createMinimoMetrics } from "@minimo/metrics";
import fc from "fast-check";
import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { bearerToken, KeyMatcher } from "../../src/gateway/key-matcher.js";
import { endToEndHeaders, headerView } from "../../src/gateway/headers.js";
import { ConfigError, parseConfig, type KeyConfig } from "../../src/index.js";

const RUNS = { numRuns: 500 };
const clientId = fc.stringMatching(/^[A-Za-z0-9_]{1,20}$/);
const secret = fc.stringMatching(/^[A-Za-z0-9_-]{12,60}$/);
const apiKey = fc.tuple(clientId, secret).map(([c, s]) => `mn-${c}-${s}`);
/** What Node's HTTP parser can hand over as a header value: latin1 without control characters. */
const headerValue = fc.string({
  unit: fc
    .integer({ min: 0x20, max: 0xff })
    .filter((c) => c !== 0x7f)
    .map((c) => String.fromCharCode(c)),
  maxLength: 80,
});
const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: "binary", maxLength: 200 }), headerValue);

function keysFrom(list: readonly string[]): KeyConfig[] {
  const config = parseConfig({ keys: list.map((_, i) => ({ name: `k${i}`, key_env: `K${i}` })) }, Object.fromEntries(list.map((k, i) => [`K${i}`, k])));
  return [...config.keys];
}

describe("gateway key identification", () => {
  it("bearerToken and identify never throw, and only an exact configured key has an alias", () => {
    fc.assert(
      fc.property(fc.uniqueArray(apiKey, { minLength: 1, maxLength: 5, selector: (k) => k }), anyText, (keys, header) => {
        const matcher = new KeyMatcher(keysFrom(keys));
        const token = bearerToken(header);
        const alias = matcher.identify(token);
        if (alias !== undefined) expect(keys[Number(alias.slice(1))]).toBe(token);
        expect(matcher.identify(header)).toBe(keys.includes(header) ? `k${keys.indexOf(header)}` : undefined);
      }),
      RUNS,
    );
  });

  it("every configured key is found under its alias, in any Bearer spelling, and a one-character change is not", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(apiKey, { minLength: 1, maxLength: 5, selector: (k) => k }),
        fc.nat(),
        fc.constantFrom("Bearer", "bearer", "BEARER"),
        fc.constantFrom(" ", "  ", "\t"),
        (keys, pick, scheme, gap) => {
          const matcher = new KeyMatcher(keysFrom(keys));
          const i = pick % keys.length;
          const key = keys[i]!;
          expect(matcher.identify(bearerToken(`${scheme}${gap}${key}`))).toBe(`k${i}`);
          const at = 3 + (pick % (key.length - 3));
          const changed = key.slice(0, at) + (key[at] === "A" ? "B" : "A") + key.slice(at + 1);
          if (!keys.includes(changed)) expect(matcher.identify(changed)).toBeUndefined();
        },
      ),
      RUNS,
    );
  });
});

describe("gateway route labelling", () => {
  const templates = new Set(OPERATIONS.map((o) => o.path));
  const label = (method: string, url: string) => {
    // The gateway's own derivation (gateway.ts): pathname without query, then the template.
    const q = url.indexOf("?");
    return matchOperation(method, q === -1 ? url : url.slice(0, q))?.path ?? "unmatched";
  };

  it("any method and path give a spec template or `unmatched`, never the raw path", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "get", ""), fc.string({ maxLength: 12 })),
        fc.oneof(fc.webPath(), anyText, fc.webUrl()),
        (method, path) => {
          const l = label(method, path);
          expect(l === "unmatched" || templates.has(l)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("a concrete path of any operation is labelled with a template that fits it", () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9%@._~-]{1,24}$/);
    fc.assert(
      fc.property(fc.constantFrom(...OPERATIONS), fc.array(segment, { minLength: 3, maxLength: 3 }), fc.option(fc.webQueryParameters()), (op, values, query) => {
        let n = 0;
        const concrete = op.path.replace(/\{[^}]+\}/g, () => values[n++]!);
        const l = label(op.method, query ? `${concrete}?${query}` : concrete);
        expect(templates.has(l)).toBe(true);
        // Literal segments win, so the label is the operation itself or a more literal one.
        const parts = concrete.split("/");
        const tmpl = l.split("/");
        expect(tmpl.length).toBe(parts.length);
        for (const [i, t] of tmpl.entries()) expect(t.startsWith("{") || t === parts[i]).toBe(true);
        if (!values.some((v) => OPERATIONS.some((o) => o.path.split("/").includes(v)))) expect(l).toBe(op.path);
      }),
      RUNS,
    );
  });
});

describe("rate-limit headers from the upstream into the gauges", () => {
  it("no header value makes the hand-off or a scrape throw, and gauges are finite, non-negative, or absent", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            "x-ratelimit-limit": headerValue,
            "x-ratelimit-remaining": headerValue,
            "x-ratelimit-reset": headerValue,
            "retry-after": headerValue,
            connection: fc.constantFrom("keep-alive", "close", "x-ratelimit-limit"),
          },
          { requiredKeys: [] },
        ),
        fc.constantFrom(200, 401, 403, 429, 500, 503),
        async (headers, status) => {
          const registry = new Registry();
          const metrics = createMinimoMetrics({ registry, keys: ["app"] });
          endToEndHeaders(headers);
          metrics.recordResponse({
            key: "app",
            operation: "/public/v1/custom-fields",
            method: "GET",
            status,
            headers: headerView(headers),
            durationSeconds: 0.01,
            startedAt: performance.now(),
          });
          const text = await registry.metrics();
          for (const family of ["minimo_api_rate_limit_limit", "minimo_api_rate_limit_remaining", "minimo_api_rate_limit_reset_timestamp_seconds"]) {
            const line = text.split("\n").find((l) => l.startsWith(`${family}{`));
            if (line === undefined) continue;
            const value = Number(line.slice(line.lastIndexOf(" ") + 1));
            expect(Number.isFinite(value), line).toBe(true);
            expect(value, line).toBeGreaterThanOrEqual(0);
            expect(value, line).toBeLessThan(2 ** 53);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("key parsing in the config", () => {
  it("any key value is accepted or refused with a ConfigError that does not quote it", () => {
    const marked = fc.tuple(fc.string({ maxLength: 30 }), fc.stringMatching(/^[A-Za-z0-9]{4,10}$/), fc.string({ maxLength: 30 })).map(([a, m, b]) => `${a}ZQXJ${m}${b}`);
    fc.assert(
      fc.property(
        fc.oneof(
          marked,
          apiKey.map((k) => `${k}ZQXJ`),
          anyText.map((t) => `mn-${t}ZQXJ`),
        ),
        (value) => {
          try {
            const config = parseConfig({ keys: [{ name: "a", key_env: "K" }] }, { K: value });
            expect(config.keys[0]!.apiKey.reveal()).toBe(value.trim());
          } catch (err) {
            expect(err).toBeInstanceOf(ConfigError);
            expect((err as ConfigError).message).not.toContain("ZQXJ");
          }
        },
      ),
      RUNS,
    );
  });
});
