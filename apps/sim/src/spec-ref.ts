// Following `$ref: '#/…'` pointers inside the spec document (local refs only, as the spec uses).
import type { SpecDocument } from "./operations.js";

// biome-ignore lint/suspicious/noExplicitAny: walks the untyped OpenAPI document
type Obj = Record<string, any>;

/** `node`, or what its `$ref` chain points at; undefined when a pointer leads nowhere. */
export function deref(doc: SpecDocument, node: Obj | undefined): Obj | undefined {
  let o = node;
  for (let i = 0; i < 10 && typeof o?.$ref === "string"; i++) {
    o = (o.$ref as string)
      .replace(/^#\//, "")
      .split("/")
      .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((acc: Obj | undefined, k) => acc?.[k], doc as Obj);
  }
  return o;
}
