#!/usr/bin/env -S npx tsx
// Derives everything the code needs from spec/minimo.yaml, into src/generated/ (never edited by
// hand). With --check it writes nothing and exits 1 when a committed file differs from what the
// spec gives, so stale types fail the test command. Under CI (CI set) it always checks: the
// committed files are what users get, so CI must never quietly regenerate them.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { parse } from "yaml";
// Run under tsx (package scripts do), so the derivation the sandbox also uses is shared as source.
import { operationsFromSpec } from "../src/derive-operations.ts";

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, "..");
const specPath = join(pkg, "..", "..", "spec", "minimo.yaml");
const outDir = join(pkg, "src", "generated");
const check = process.argv.includes("--check") || (Boolean(process.env.CI) && !process.argv.includes("--write"));
const HEADER = "// Generated from spec/minimo.yaml by packages/client/scripts/generate.mjs. Do not edit by hand:\n// change the spec and run `npm run generate`.\n";

const spec = parse(readFileSync(specPath, "utf8"));

async function typesFile() {
  const ast = await openapiTS(pathToFileURL(specPath), { rootTypes: true, rootTypesNoSchemaPrefix: false });
  return `${HEADER}/* eslint-disable */\n${astToString(ast)}`;
}

function operationsFile() {
  const body = operationsFromSpec(spec).map((r) => `  ${JSON.stringify(r)},`).join("\n");
  return `${HEADER}
import type { Operation } from "../derive-operations.js";

export type { Operation };

export const OPERATIONS: readonly Operation[] = [
${body}
];
`;
}

function statusesFile() {
  const codes = new Set();
  for (const item of Object.values(spec.paths ?? {})) {
    for (const op of Object.values(item)) for (const code of Object.keys(op?.responses ?? {})) if (/^[1-5]\d\d$/.test(code)) codes.add(Number(code));
  }
  return `${HEADER}
/** Every status code a response of the spec documents, ascending: the \`code\` label's own values. */
export const DOCUMENTED_STATUSES: readonly number[] = ${JSON.stringify([...codes].sort((a, b) => a - b))};
`;
}

function specFile() {
  return `${HEADER}
/** The spec document (spec/minimo.yaml) as a plain object, for validators and route tables. */
export const spec: Record<string, any> = ${JSON.stringify(spec, null, 2)};
`;
}

const files = {
  "minimo.ts": await typesFile(),
  "operations.ts": operationsFile(),
  "spec.ts": specFile(),
  "statuses.ts": statusesFile(),
  "README.md": "# Generated code — do not edit\n\nEverything in this folder is written by `scripts/generate.mjs` from `spec/minimo.yaml`.\nChange the spec, then run `npm run generate`; the test command fails when these files are stale.\n",
};

let stale = 0;
mkdirSync(outDir, { recursive: true });
for (const [name, contents] of Object.entries(files)) {
  const file = join(outDir, name);
  const current = existsSync(file) ? readFileSync(file, "utf8") : undefined;
  if (current === contents) continue;
  if (check) {
    stale++;
    console.error(`stale: ${relative(process.cwd(), file)} differs from what spec/minimo.yaml generates`);
  } else {
    writeFileSync(file, contents);
    console.log(`wrote ${relative(process.cwd(), file)}`);
  }
}
if (check && stale > 0) {
  console.error("Generated code is not up to date with spec/minimo.yaml: run `npm run generate` and commit the result.");
  process.exit(1);
}
if (check) console.log("generated code is up to date with spec/minimo.yaml");
