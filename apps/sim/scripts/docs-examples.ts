#!/usr/bin/env -S npx tsx
// Turns the docs-examples table (spec/examples/docs-examples.yaml) into typed @minimo/client
// calls, written to test/generated/docs-examples.ts, which tsc compiles with the rest of the
// tests: a documented request the spec rejects is a compile error. Each URL must resolve to a
// spec operation on the host the docs name (api.minimo.it / app.minimo.it). With --check (and
// under CI) it writes nothing and exits 1 when the committed file is stale.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { matchOperation } from "@minimo/client";
import { spec } from "@minimo/client/spec";
import { parse } from "yaml";
import { loadDocsExamples, type DocsExample } from "../test/docs-examples-table.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..", "..");
const tablePath = join(root, "spec", "examples", "docs-examples.yaml");
const outFile = join(here, "..", "test", "generated", "docs-examples.ts");
const check = process.argv.includes("--check") || (Boolean(process.env.CI) && !process.argv.includes("--write"));

// biome-ignore lint/suspicious/noExplicitAny: walks the untyped OpenAPI document
type Obj = Record<string, any>;
const HOSTS: Record<string, "api" | "app"> = { "api.minimo.it": "api", "app.minimo.it": "app" };

function deref(node: Obj): Obj {
  let o = node;
  while (typeof o?.$ref === "string")
    o = o.$ref
      .replace(/^#\//, "")
      .split("/")
      .reduce((acc: Obj, k: string) => acc?.[k], spec as Obj);
  return o;
}

/** A parameter value typed as the spec types it (integers stay numbers; `tmpl_…` stays a string). */
function typed(param: Obj | undefined, raw: string): unknown {
  const types = ([] as string[]).concat(param?.schema?.type ?? "string");
  return types.includes("integer") && /^-?\d+$/.test(raw) ? Number(raw) : raw;
}

function callOf(e: DocsExample): string {
  const url = new URL(e.request.url);
  const server = HOSTS[url.host];
  if (!server) throw new Error(`${e.id}: host ${url.host} is not a documented Minimo server`);
  const pathname = decodeURIComponent(url.pathname);
  const op = matchOperation(e.request.method, url.pathname);
  if (!op) throw new Error(`${e.id}: ${e.request.method} ${url.pathname} is not an operation of the spec (list it under unsupported)`);
  if (op.server !== server) throw new Error(`${e.id}: ${op.operationId} is on the ${op.server} host in the spec, the docs say ${url.host}`);
  const item = (spec as Obj).paths[op.path];
  const params = [...(item.parameters ?? []), ...(item[op.method.toLowerCase()].parameters ?? [])].map(deref);
  const path: Obj = {};
  const templateParts = op.path.split("/");
  const parts = pathname.split("/");
  templateParts.forEach((t, i) => {
    const m = /^\{(.+)\}$/.exec(t);
    if (m)
      path[m[1]!] = typed(
        params.find((p) => p.in === "path" && p.name === m[1]),
        parts[i]!,
      );
  });
  const query: Obj = {};
  for (const [k, v] of url.searchParams)
    query[k] = typed(
      params.find((p) => p.in === "query" && p.name === k),
      v,
    );
  const init: Obj = {};
  if (Object.keys(path).length || Object.keys(query).length) {
    init.params = { ...(Object.keys(path).length ? { path } : {}), ...(Object.keys(query).length ? { query } : {}) };
  }
  if (e.request.body !== undefined) init.body = e.request.body;
  const args = [JSON.stringify(op.path), ...(Object.keys(init).length ? [JSON.stringify(init)] : [])].join(", ");
  const call = `  ${JSON.stringify(e.id)}: (c: MinimoClient) => c.${op.method}(${args}),`;
  return e.type_error ? `  // @ts-expect-error the docs show this request as wrong, and the types reject it\n${call}` : call;
}

const table = loadDocsExamples(parse(readFileSync(tablePath, "utf8")));
const contents = `// Generated from spec/examples/docs-examples.yaml by apps/sim/scripts/docs-examples.ts. Do not edit by hand:
// change the table and run \`npm run generate\`.
import type { MinimoClient } from "@minimo/client";

/** Every documented example as a typed @minimo/client call, by example id. */
export const docsExampleCalls = {
${table.examples.map(callOf).join("\n")}
} satisfies Record<string, (c: MinimoClient) => Promise<{ response: Response }>>;
`;

const current = existsSync(outFile) ? readFileSync(outFile, "utf8") : undefined;
if (current === contents) {
  if (check) console.log("docs-examples calls are up to date with spec/examples/docs-examples.yaml");
} else if (check) {
  console.error(`stale: ${relative(process.cwd(), outFile)} differs from what spec/examples/docs-examples.yaml generates: run \`npm run generate\``);
  process.exit(1);
} else {
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, contents);
  console.log(`wrote ${relative(process.cwd(), outFile)}`);
}
