#!/usr/bin/env -S npx tsx
// Derives everything the code needs from spec/minimo.yaml, into src/generated/ (never edited by
// hand). With --check it writes nothing and exits 1 when a committed file differs from what the
// spec gives, so stale types fail the test command. Under CI (CI set) it always checks: the
// committed files are what users get, so CI must never quietly regenerate them.
// Also writes the operation table of docs/contracts.md (between its generated markers), so the
// page never drifts from the spec either.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { parse } from "yaml";
// Run under tsx (package scripts do), so the derivation the sandbox also uses is shared as source.
import { type Operation, operationsFromSpec } from "../src/derive-operations.js";

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, "..");
const root = join(pkg, "..", "..");
const specPath = join(root, "spec", "minimo.yaml");
const contractsPath = join(root, "docs", "contracts.md");
const outDir = join(pkg, "src", "generated");
const check = process.argv.includes("--check") || (Boolean(process.env.CI) && !process.argv.includes("--write"));
const HEADER = "// Generated from spec/minimo.yaml by packages/client/scripts/generate.ts. Do not edit by hand:\n// change the spec and run `npm run generate`.\n";

const spec = parse(readFileSync(specPath, "utf8"));

async function typesFile(): Promise<string> {
  const ast = await openapiTS(pathToFileURL(specPath), { rootTypes: true, rootTypesNoSchemaPrefix: false });
  return `${HEADER}${astToString(ast)}`;
}

function operationsFile(operations: Operation[]): string {
  const body = operations.map((r) => `  ${JSON.stringify(r)},`).join("\n");
  return `${HEADER}
import type { Operation } from "../derive-operations.js";

export type { Operation };

export const OPERATIONS: readonly Operation[] = [
${body}
];
`;
}

function statusesFile(): string {
  const codes = new Set<number>();
  for (const item of Object.values<Record<string, { responses?: object }>>(spec.paths ?? {})) {
    for (const op of Object.values(item)) for (const code of Object.keys(op?.responses ?? {})) if (/^[1-5]\d\d$/.test(code)) codes.add(Number(code));
  }
  return `${HEADER}
/** Every status code a response of the spec documents, ascending: the \`code\` label's own values. */
export const DOCUMENTED_STATUSES: readonly number[] = ${JSON.stringify([...codes].sort((a, b) => a - b))};
`;
}

function specFile(): string {
  return `${HEADER}
/** The spec document (spec/minimo.yaml) as a plain object, for validators and route tables. */
export const spec: Record<string, any> = ${JSON.stringify(spec, null, 2)};
`;
}

const BEGIN = "<!-- operations: generated from spec/minimo.yaml by packages/client/scripts/generate.ts; do not edit -->";
const END = "<!-- end of generated operations -->";

function note(op: Operation, summary: string): string {
  if (!op.deprecated) return summary;
  return op.sunset === undefined ? `deprecated: ${summary}` : `deprecated, sunset ${op.sunset} → 410: ${summary}`;
}

/** docs/contracts.md with its operation table rebuilt from the spec. */
function contractsFile(operations: Operation[]): string {
  const page = readFileSync(contractsPath, "utf8");
  const start = page.indexOf(BEGIN);
  const end = page.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${relative(root, contractsPath)}: the markers ${BEGIN} and ${END} are missing or out of order`);
  const cell = (s: string) => s.replaceAll("|", "\\|");
  const rows = operations.map((op) => {
    const summary = String(spec.paths[op.path][op.method.toLowerCase()].summary ?? "");
    return `| ${op.operationId} | ${op.method} | ${op.path} | ${op.server} | ${op.permission} | ${cell(note(op, summary))} |`;
  });
  const table = ["| operationId | method | path | server | x-minimo-permission | notes |", "|---|---|---|---|---|---|", ...rows].join("\n");
  return `${page.slice(0, start)}${BEGIN}\n${table}\n${page.slice(end)}`;
}

const operations = operationsFromSpec(spec);
const files: Record<string, string> = {
  "minimo.ts": await typesFile(),
  "operations.ts": operationsFile(operations),
  "spec.ts": specFile(),
  "statuses.ts": statusesFile(),
  "README.md":
    "# Generated code — do not edit\n\nEverything in this folder is written by `scripts/generate.ts` from `spec/minimo.yaml`.\nChange the spec, then run `npm run generate`; the test command fails when these files are stale.\n",
};

const outputs: [string, string][] = Object.entries(files).map(([name, contents]) => [join(outDir, name), contents]);
outputs.push([contractsPath, contractsFile(operations)]);

let stale = 0;
mkdirSync(outDir, { recursive: true });
for (const [file, contents] of outputs) {
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
