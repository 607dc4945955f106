// Every request of Minimo's documentation (spec/examples/docs-examples.yaml), as the typed
// @minimo/client call generated from it, gets its documented answer from the sandbox.
import { matchOperation } from "@minimo/client";
import { describe, expect, it } from "vitest";
import { differences, exampleKeys, prepare, runExample, table } from "./docs-examples-run.js";
import { sim } from "./helpers.js";

describe("docs examples", () => {
  it("the table covers every documented page and lists what it does not support with a reason", () => {
    const pages = new Set(table.examples.map((e) => e.page.replace(/\.md$/, "")));
    expect(pages.size).toBeGreaterThanOrEqual(18);
    expect(table.examples.length).toBeGreaterThanOrEqual(60);
    for (const u of table.unsupported) expect(u.reason.length).toBeGreaterThan(20);
  });

  it.each(table.examples.map((e) => [e.id, e] as const))("%s gets its documented answer", async (_id, e) => {
    const s = await sim({ keys: exampleKeys });
    prepare(s, e);
    const outcome = await runExample(e, s.url);
    expect(outcome.problems).toEqual([]);
  });

  it("every documented path has a real operation on the documented host (the gateway labels by this table: no `unmatched`)", () => {
    const hosts: Record<string, string> = { "api.minimo.it": "api", "app.minimo.it": "app" };
    const labels = table.examples.map((e) => {
      const url = new URL(e.request.url);
      const op = matchOperation(e.request.method, url.pathname);
      return [e.id, op ? `${op.server === hosts[url.host] ? "ok" : `wrong host ${op.server}`}` : "unmatched"];
    });
    expect(labels.filter(([, v]) => v !== "ok")).toEqual([]);
  });

  it("the matcher can fail: a wrong status, value or type is reported", () => {
    expect(differences([{ contactId: "<string>" }], [{ contactId: 1 }])).toHaveLength(1);
    expect(differences({ data: { status: "sent" } }, { data: { status: "failed" } })).toHaveLength(1);
    expect(differences({ error: "to must be an email" }, { error: { code: "validation_error" } })).toHaveLength(1);
    expect(differences({ data: [{ id: "<integer>" }] }, { data: [{ id: 3, extra: true }] })).toEqual([]);
  });
});
