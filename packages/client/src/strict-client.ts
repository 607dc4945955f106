import type { Client, FetchResponse, MaybeOptionalInit } from "openapi-fetch";
import type { HttpMethod, MediaType, PathsWithMethod, RequiredKeysOf } from "openapi-typescript-helpers";
import type { paths } from "./generated/minimo.js";

/**
 * openapi-fetch infers the options object as a type parameter, and TypeScript does not check
 * excess properties against a constraint, so `{ firstname: "x" }` would compile. Here the options
 * type is fixed by the path alone, so a misspelled body field is a compile error.
 */
type StrictMethod<M extends HttpMethod> = <P extends PathsWithMethod<paths, M>>(
  url: P,
  ...init: RequiredKeysOf<MaybeOptionalInit<paths[P], M>> extends never ? [MaybeOptionalInit<paths[P], M>?] : [MaybeOptionalInit<paths[P], M>]
  // biome-ignore lint/complexity/noBannedTypes: openapi-fetch's own ClientMethod spells these two types this way
  // biome-ignore lint/suspicious/noExplicitAny: as above
) => Promise<paths[P][M] extends infer O extends Record<string | number, any> ? FetchResponse<O, {}, MediaType> : never>;

/** The openapi-fetch client typed by the spec's `paths`, with exact request bodies. */
export type MinimoClient = Omit<Client<paths>, "GET" | "PUT" | "POST" | "DELETE"> & {
  /** Call a GET operation. */
  GET: StrictMethod<"get">;
  /** Call a PUT operation. */
  PUT: StrictMethod<"put">;
  /** Call a POST operation. */
  POST: StrictMethod<"post">;
  /** Call a DELETE operation. */
  DELETE: StrictMethod<"delete">;
};
