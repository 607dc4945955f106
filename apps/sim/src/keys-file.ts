// Loading and validating the keys file. Every problem is reported as `path: reason`, and no
// message ever contains a key's value: ajv messages name the rule, never the data, and YAML
// syntax errors are reduced to line/column because the parser's own message quotes the source.
import { readFileSync } from "node:fs";
import { Ajv, type ErrorObject } from "ajv";
import addFormatsModule from "ajv-formats";
import { parseDocument } from "yaml";
import { apiKeyProblem, redactApiKeys } from "@minimo/client";
import type { KeySpec } from "./keys.js";

// ajv-formats is CommonJS with a default export; under NodeNext its default sits one level down.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

export const PERMISSIONS = [
  "contacts:read",
  "contacts:write",
  "custom_fields:read",
  "custom_fields:write",
  "transactional",
  "stats:read",
  "whatsapp:read",
  "whatsapp:send",
  "templates:read",
  "*",
] as const;

const rateLimitSchema = {
  type: "object",
  additionalProperties: false,
  required: ["limit", "window_seconds"],
  properties: {
    limit: { type: "integer", minimum: 1 },
    window_seconds: { type: "integer", minimum: 1 },
  },
} as const;

const expiresSchema = { type: "string", anyOf: [{ format: "date" }, { format: "date-time" }] } as const;

const keySchema = {
  type: "object",
  additionalProperties: false,
  required: ["name", "key"],
  properties: {
    name: { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$" },
    // The shape is checked by @minimo/client's apiKeyProblem, whose messages never echo the key.
    key: { type: "string" },
    permissions: { type: "array", items: { enum: PERMISSIONS }, uniqueItems: true },
    expires: expiresSchema,
    revoked: { type: "boolean" },
    rate_limit: rateLimitSchema,
  },
} as const;

const fileSchema = {
  type: "object",
  additionalProperties: false,
  required: ["keys"],
  properties: { keys: { type: "array", minItems: 1, items: keySchema } },
} as const;

/** Body of `PUT /__sim/keys/{name}/policy`: every field optional, `expires: null` clears it. */
export const policySchema = {
  type: "object",
  additionalProperties: false,
  minProperties: 1,
  properties: {
    permissions: keySchema.properties.permissions,
    expires: { anyOf: [{ type: "null" }, expiresSchema] },
    revoked: { type: "boolean" },
    rate_limit: rateLimitSchema,
  },
} as const;

export const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv, ["date", "date-time"]);
const validateFile = ajv.compile(fileSchema);

export interface Problem {
  path: string;
  message: string;
}

export class KeysFileError extends Error {
  readonly problems: readonly Problem[];
  constructor(source: string, problems: Problem[]) {
    super(`invalid keys file ${source}:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join("\n")}`);
    this.name = "KeysFileError";
    this.problems = problems;
  }
}

/** Turns ajv errors into one `path: reason` per field, without ever quoting the value. */
export function describeAjvErrors(errors: readonly ErrorObject[] | null | undefined): Problem[] {
  const byPath = new Map<string, Problem>();
  for (const e of errors ?? []) {
    let path = toDotted(e.instancePath);
    let message: string;
    if (e.keyword === "additionalProperties") {
      path = join(path, String(e.params.additionalProperty));
      message = "unknown field";
    } else if (e.keyword === "required") {
      path = join(path, String(e.params.missingProperty));
      message = "is required";
    } else if (e.keyword === "anyOf" || e.keyword === "format") {
      message = e.instancePath.endsWith("/expires") ? "must be a date (YYYY-MM-DD) or an RFC 3339 date-time" : `must match format ${String(e.params.format ?? "")}`;
    } else if (e.keyword === "enum") {
      // The rule's own list: a fault's errorStatus is not a permission.
      const allowed = (e.params.allowedValues as readonly unknown[] | undefined) ?? [];
      message = `must be one of ${allowed.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(", ")}`;
    } else {
      message = e.message ?? e.keyword;
    }
    // One line per field: the more specific anyOf/format messages win over their sub-errors.
    const prev = byPath.get(path);
    if (!prev || e.keyword === "anyOf") byPath.set(path, { path: path || "(root)", message });
  }
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function toDotted(pointer: string): string {
  return pointer
    .split("/")
    .slice(1)
    .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : join(acc, seg)), "");
}
function join(a: string, b: string): string {
  return a ? `${a}.${b}` : b;
}

/** Parses the YAML text of a keys file into key specs; throws KeysFileError listing every problem. */
export function parseKeysFile(text: string, source = "keys file"): KeySpec[] {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    // The parser's message embeds the offending source line, which may hold a key: keep position only.
    throw new KeysFileError(
      source,
      doc.errors.map((e) => ({
        path: `line ${e.linePos?.[0]?.line ?? "?"}, column ${e.linePos?.[0]?.col ?? "?"}`,
        message: `YAML syntax error (${e.code})`,
      })),
    );
  }
  return validateKeys(doc.toJS(), source);
}

/** Validates an already-parsed keys document (`{ keys: [...] }`). */
export function validateKeys(raw: unknown, source = "keys"): KeySpec[] {
  if (!validateFile(raw)) throw new KeysFileError(source, describeAjvErrors(validateFile.errors));
  const specs = (raw as { keys: KeySpec[] }).keys;
  const problems: Problem[] = [];
  const names = new Map<string, number>();
  const values = new Map<string, number>();
  specs.forEach((k, i) => {
    // The name is printed at start, listed by GET /__sim/keys and logged per request: a key
    // pasted there would be published (the exporter refuses the same mistake).
    if (redactApiKeys(k.name) !== k.name)
      problems.push({ path: `keys[${i}].name`, message: 'looks like an API key; the name is shown in logs, so use an alias such as "production"' });
    const shape = apiKeyProblem(k.key);
    if (shape !== undefined) problems.push({ path: `keys[${i}].key`, message: shape });
    const n = names.get(k.name);
    if (n !== undefined) problems.push({ path: `keys[${i}].name`, message: `duplicates keys[${n}].name` });
    else names.set(k.name, i);
    const v = values.get(k.key);
    if (v !== undefined) problems.push({ path: `keys[${i}].key`, message: `duplicates keys[${v}].key` });
    else values.set(k.key, i);
  });
  if (problems.length > 0) throw new KeysFileError(source, problems);
  return specs.map((k) => ({ ...k }));
}

/** Reads and validates a YAML keys file. */
export function loadKeysFile(path: string): KeySpec[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "read error";
    throw new KeysFileError(path, [{ path: "(file)", message: `cannot be read (${code})` }]);
  }
  return parseKeysFile(text, path);
}
