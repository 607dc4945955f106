// Values inside a JSON body that the schema cannot bound: nesting depth where the spec sets
// `x-minimo-max-depth` (a contact's `customFields`, which is stored and sent back; a value
// thousands of levels deep was accepted once and then broke every later read of that contact),
// and non-finite numbers anywhere (`1e309` parses to Infinity and would be stored as null).
// One iterative walk, so no depth can overflow the stack here.
import type { RequestHandler } from "express";
import { operationObject, type Operation, type SpecDocument } from "../operations.js";
import { deref } from "../spec-ref.js";
import { bodyPath, problem } from "./problem.js";

type Obj = Record<string, unknown>;

/** Depth bounds by body property path (`customFields` → 32), read from the request schema. */
export function depthBounds(doc: SpecDocument, op: Operation): Map<string, number> {
  const bounds = new Map<string, number>();
  const visit = (node: Obj | undefined, at: string[], seen: Set<Obj>) => {
    const schema = deref(doc, node);
    if (!schema || seen.has(schema)) return;
    const bound = schema["x-minimo-max-depth"];
    if (typeof bound === "number" && at.length > 0) bounds.set(at.join("/"), bound);
    const props = (schema.properties ?? {}) as Record<string, Obj>;
    for (const [name, child] of Object.entries(props)) visit(child, [...at, name], new Set([...seen, schema]));
  };
  visit(operationObject(doc, op)?.requestBody?.content?.["application/json"]?.schema as Obj | undefined, [], new Set());
  return bounds;
}

// Paths are parent links, spelled out only for a problem or a bound lookup near the root, so a
// body nested hundreds of thousands of levels deep (JSON.parse accepts it) costs linear time.
interface Frame {
  value: unknown;
  key?: string;
  parent?: Frame;
  length: number;
  level: number;
  bound?: { frame: Frame; max: number };
}

function pathOf(frame: Frame | undefined): string[] {
  const at: string[] = [];
  for (let f = frame; f?.key !== undefined; f = f.parent) at.push(f.key);
  return at.reverse();
}

/** The first problem in `body`: a bounded value nested too deep, or a non-finite number. */
export function bodyValueProblem(body: unknown, bounds: ReadonlyMap<string, number>): { at: string[]; message: string } | undefined {
  const longest = Math.max(0, ...[...bounds.keys()].map((k) => k.split("/").length));
  const stack: Frame[] = [{ value: body, length: 0, level: 0 }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { value } = frame;
    if (typeof value === "number" && !Number.isFinite(value)) return { at: pathOf(frame), message: "must be a finite number" };
    if (typeof value !== "object" || value === null) continue;
    const max = !frame.bound && frame.length > 0 && frame.length <= longest ? bounds.get(pathOf(frame).join("/")) : undefined;
    if (max !== undefined) frame.bound = { frame, max };
    const level = max !== undefined ? 1 : frame.bound ? frame.level : 0;
    if (frame.bound && level > frame.bound.max) {
      return { at: pathOf(frame.bound.frame), message: `must nest at most ${frame.bound.max} levels deep` };
    }
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value as Obj);
    for (const [key, v] of entries) {
      stack.push({ value: v, key, parent: frame, length: frame.length + 1, level: level + 1, bound: frame.bound });
    }
  }
  return undefined;
}

/** The check for `op`'s JSON body, or undefined when it takes none. */
export function bodyValuesStep(doc: SpecDocument, op: Operation): RequestHandler | undefined {
  if (!operationObject(doc, op)?.requestBody) return undefined;
  const bounds = depthBounds(doc, op);
  return (req, _res, next) => {
    const found = bodyValueProblem(req.body, bounds);
    if (found) next(problem(bodyPath(found.at), found.message, "bounds.openapi.validation"));
    else next();
  };
}
