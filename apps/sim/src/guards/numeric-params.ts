// Integer path and query parameters, checked on their raw text. The validator coerces with
// `Number()`, so `1e309` became Infinity and passed as an integer (`"page": null` in the answer),
// and `0x10` or `1e2` passed as 16 and 100. Here an integer is decimal digits, a safe integer,
// and inside the spec's `minimum`/`maximum`.
import type { RequestHandler } from "express";
import { expressParamName, operationObject, type Operation, type SpecDocument } from "../operations.js";
import { deref } from "../spec-ref.js";
import { problem } from "./problem.js";

interface IntegerParam {
  name: string;
  in: "path" | "query";
  minimum?: number;
  maximum?: number;
}

const DECIMAL = /^-?[0-9]+$/;

function integerParams(doc: SpecDocument, op: Operation): IntegerParam[] {
  const item = doc.paths?.[op.path] ?? {};
  const raw = [...(item.parameters ?? []), ...(operationObject(doc, op)?.parameters ?? [])];
  return raw.flatMap((p: unknown) => {
    const param = deref(doc, p as Record<string, unknown>);
    const schema = deref(doc, param?.schema as Record<string, unknown> | undefined);
    if (!param || schema?.type !== "integer" || (param.in !== "path" && param.in !== "query")) return [];
    return [{ name: String(param.name), in: param.in, minimum: schema.minimum as number | undefined, maximum: schema.maximum as number | undefined }];
  });
}

/** What is wrong with one raw value of an integer parameter, or undefined. */
export function integerProblem(raw: string, p: Pick<IntegerParam, "minimum" | "maximum">): string | undefined {
  if (!DECIMAL.test(raw)) return "must be an integer in decimal digits";
  const value = Number(raw);
  if (p.minimum !== undefined && value < p.minimum) return `must be >= ${p.minimum}`;
  if (p.maximum !== undefined && value > p.maximum) return `must be <= ${p.maximum}`;
  if (!Number.isSafeInteger(value)) return `must be <= ${Number.MAX_SAFE_INTEGER}`;
  return undefined;
}

/** The check for `op`'s integer parameters, or undefined when it has none. */
export function numericParamsStep(doc: SpecDocument, op: Operation): RequestHandler | undefined {
  const params = integerParams(doc, op);
  if (params.length === 0) return undefined;
  return (req, _res, next) => {
    for (const p of params) {
      const raw = p.in === "path" ? req.params[expressParamName(p.name)] : (req.query as Record<string, unknown>)[p.name];
      // Absent, or repeated (an array): the validator's findings stand.
      if (typeof raw !== "string") continue;
      const message = integerProblem(raw, p);
      if (message !== undefined) {
        next(problem(`/${p.in === "path" ? "params" : "query"}/${p.name}`, message, "type.openapi.validation"));
        return;
      }
    }
    next();
  };
}
