import { describe, expect, it } from "vitest";
import type { ProbeOperation } from "../src/index.js";
import { judge, type CallOutcome } from "../src/probes/probe-once.js";

const op = (path: string): ProbeOperation => ({ operationId: path, method: "GET", path, server: "api" });
const A = op("/a");
const B = op("/b");

describe("probe verdict", () => {
  const cases: [string, CallOutcome[], boolean, Record<string, 0 | 1>][] = [
    ["200", [{ status: 200 }, { status: 200 }], true, { "/a": 1, "/b": 1 }],
    ["403 on one operation", [{ status: 200 }, { status: 403 }], true, { "/a": 1, "/b": 0 }],
    ["404 proves the route ran", [{ status: 404 }, { status: 403 }], true, { "/a": 1, "/b": 0 }],
    ["401 wins over anything", [{ status: 200 }, { status: 401 }], false, { "/a": 1 }],
    ["429 only: the key was identified", [{ status: 429 }, { status: 429 }], true, {}],
    ["503 only proves nothing", [{ status: 503 }, { status: 500 }], false, {}],
    ["network errors only", [{ error: "TypeError" }, { error: "TimeoutError" }], false, {}],
    ["a 503 beside a 200", [{ status: 503 }, { status: 200 }], true, { "/b": 1 }],
  ];
  it.each(cases)("%s", (_name, outcomes, up, permitted) => {
    const verdict = judge([A, B], outcomes);
    expect(verdict.up).toBe(up);
    expect(Object.fromEntries(verdict.permitted)).toEqual(permitted);
  });
});
