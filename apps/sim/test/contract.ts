// Checks responses against spec/minimo.yaml: status documented for the operation, body valid
// against the response schema (ajv 2020 over the spec document), headers valid against the
// response's header objects. Used by the recorder (every response of the suite) and by the
// example round-trip test.
import { spec } from "@minimo/client/spec";
import { matchOperation, type Operation } from "@minimo/client";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
// biome-ignore lint/suspicious/noExplicitAny: walks the untyped OpenAPI document
type Obj = Record<string, any>;

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ ...spec, $id: "minimo" });

const pointer = (segments: string[]) => segments.map((s) => s.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");
const cache = new Map<string, ValidateFunction>();

/** A validator for the schema found at `segments` inside the spec (refs resolve inside it). */
export function schemaAt(segments: string[]): ValidateFunction {
  const ref = `minimo#/${pointer(segments)}`;
  let v = cache.get(ref);
  if (!v) {
    v = ajv.compile({ $ref: ref });
    cache.set(ref, v);
  }
  return v;
}

/** Follows a `$ref: '#/…'` inside the spec; returns the object and its location. */
export function deref(obj: Obj, at: string[]): { obj: Obj; at: string[] } {
  let o = obj;
  let where = at;
  while (typeof o?.$ref === "string") {
    where = o.$ref
      .replace(/^#\//, "")
      .split("/")
      .map((s: string) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
    o = where.reduce((acc: Obj, k) => acc?.[k], spec as Obj);
  }
  return { obj: o, at: where };
}

export interface Recorded {
  method: string;
  path: string;
  status: number;
  headers: Headers;
  text: string;
}

/** Problems of one response for `op` (or, with no operation, of a bare error envelope). */
export function checkResponse(r: Recorded, op: Operation | undefined = matchOperation(r.method, r.path)): string[] {
  const where = `${r.method} ${r.path} → ${r.status}`;
  const problems: string[] = [];
  const ajvText = (v: ValidateFunction) => ajv.errorsText(v.errors);
  if (!op) {
    const v = schemaAt(["components", "schemas", "ErrorEnvelope"]);
    if (!v(safeJson(r.text))) problems.push(`${where}: undocumented path, body is not an ErrorEnvelope: ${ajvText(v)}`);
    return problems;
  }
  const opAt = ["paths", op.path, op.method.toLowerCase()];
  const responses = (spec as Obj).paths[op.path][op.method.toLowerCase()].responses as Obj;
  const raw = responses[String(r.status)] ?? responses.default;
  if (!raw) return [`${where}: status ${r.status} is not documented for ${op.operationId}`];
  const { obj: response, at } = deref(raw, [...opAt, "responses", String(r.status)]);
  for (const [name, rawHeader] of Object.entries((response.headers ?? {}) as Obj)) {
    const { obj: header, at: hAt } = deref(rawHeader, [...at, "headers", name]);
    const value = r.headers.get(name);
    if (value === null) {
      if (header.required) problems.push(`${where}: required header ${name} missing`);
      continue;
    }
    const v = schemaAt([...hAt, "schema"]);
    const typed = header.schema?.type === "integer" && /^-?\d+$/.test(value) ? Number(value) : value;
    if (!v(typed)) problems.push(`${where}: header ${name}=${value}: ${ajvText(v)}`);
  }
  const content = response.content as Obj | undefined;
  if (!content) {
    if (r.text !== "") problems.push(`${where}: body sent where none is documented`);
    return problems;
  }
  const type = (r.headers.get("content-type") ?? "").split(";")[0]!.trim();
  if (!content[type]) {
    problems.push(`${where}: content-type ${type || "(none)"} not documented`);
    return problems;
  }
  const v = schemaAt([...at, "content", type, "schema"]);
  if (!v(safeJson(r.text))) problems.push(`${where}: body ${r.text.slice(0, 200)}: ${ajvText(v)}`);
  return problems;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return Symbol("not JSON");
  }
}

/** The operation's parameters, path-level and operation-level, dereferenced. */
export function parameters(op: Operation): Obj[] {
  const item = (spec as Obj).paths[op.path] as Obj;
  return [...(item.parameters ?? []), ...(item[op.method.toLowerCase()].parameters ?? [])].map((p: Obj) => deref(p, []).obj);
}

/** The operation's path with its parameters' examples filled in. */
export function exampleUrl(op: Operation): string {
  let path = op.path;
  for (const p of parameters(op)) {
    if (p.in === "path") path = path.replace(`{${p.name}}`, encodeURIComponent(String(p.example ?? p.schema?.example)));
  }
  return path;
}

/** The operation's request-body example, if any. */
export function requestExample(op: Operation): unknown {
  const media = (spec as Obj).paths[op.path][op.method.toLowerCase()].requestBody?.content?.["application/json"];
  if (!media) return undefined;
  return media.example ?? Object.values((media.examples ?? {}) as Obj)[0]?.value;
}
