// Drives the posture recorder the way the gateway does, with an injected clock and a real file store.
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseConfig } from "../../src/index.js";
import { KeyMatcher } from "../../src/gateway/key-matcher.js";
import { toPostureKeys } from "../../src/posture/keys.js";
import { evaluateAll } from "../../src/posture/evaluate.js";
import { PostureRecorder } from "../../src/posture/recorder.js";
import { FileStateStore } from "../../src/posture/state/file-store.js";
import type { ExporterConfig } from "../../src/config/types.js";

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const T0 = Date.parse("2026-01-01T00:00:00Z");

export const quietLogger = { warn: () => {} };

export function keyEnv(n: number): NodeJS.ProcessEnv {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`K${i}`, `mn-acct${i}-secretvalue${String(i).padStart(4, "0")}`]));
}

export function config(keys: object[], extra: object = {}): ExporterConfig {
  return parseConfig({ keys: keys.map((k, i) => ({ key_env: `K${i}`, ...k })), ...extra }, keyEnv(keys.length));
}

export interface Call {
  alias: string | undefined;
  method?: string;
  operation: string;
  status?: number;
  url?: string;
  address?: string;
  headers?: Record<string, string>;
}

export function harness(cfg: ExporterConfig, start = T0, dir = mkdtempSync(join(tmpdir(), "posture-"))) {
  const clock = { now: start };
  const events = { browser: new Map<string, number>(), newCallers: new Map<string, number>() };
  const store = new FileStateStore({ dir, logger: quietLogger, now: () => clock.now, intervalMs: 0 });
  const recorder = new PostureRecorder(
    store,
    {
      browserRequest: (a) => events.browser.set(a, (events.browser.get(a) ?? 0) + 1),
      newCaller: (a) => events.newCallers.set(a, (events.newCallers.get(a) ?? 0) + 1),
    },
    () => clock.now,
  );
  let current = cfg;
  const apply = (c: ExporterConfig) => {
    current = c;
    const matcher = new KeyMatcher(c.keys);
    recorder.configure(c.keys, c.gateway.trustedProxies, c.posture!, (s) => matcher.identify(s));
  };
  apply(cfg);
  return {
    dir,
    clock,
    store,
    events,
    recorder,
    apply,
    call(c: Call) {
      const req = { url: c.url ?? c.operation, headers: { "user-agent": "curl/8.5.0", ...c.headers } } as unknown as IncomingMessage;
      const socket = { remoteAddress: c.address ?? "198.51.100.10" } as Socket;
      recorder.observe(req, socket, c.alias, c.method ?? "GET", c.operation, c.status ?? 200);
    },
    reports() {
      return evaluateAll(toPostureKeys(current.keys), store.snapshot(clock.now), current.posture!, clock.now);
    },
    findings(alias: string) {
      return this.reports().find((r) => r.key === alias)?.findings ?? [];
    },
  };
}
