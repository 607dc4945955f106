// The shape of the YAML file (snake_case), checked by zod. Every object is strict so a misspelt
// field is an error with its path rather than a silently ignored setting. Every check's message
// is what the field expects ("a positive integer"); parse.ts adds what was given.
import { z } from "zod";
import { postureKeyFields, postureSchema, stateSchema } from "./posture-schema.js";

/** Builds the schema. `lenient` keeps what is valid and drops the rest (unknown fields, wrong
 * types) so the checks that come after zod still run on a config that has schema errors. */
/** Each field made optional and dropped when invalid, as `lenient` does for the rest. */
function lenientFields<S extends z.ZodRawShape>(shape: S): S {
  return Object.fromEntries(Object.entries(shape).map(([name, field]) => [name, (field as z.ZodType).optional().catch(undefined)])) as unknown as S;
}

function buildSchema(lenient: boolean) {
  const what = (expected: string) => ({ error: expected });
  const object = <S extends z.ZodRawShape>(shape: S, expected = "a mapping of fields") => (lenient ? z.object(shape, what(expected)) : z.strictObject(shape, what(expected)));
  const optional = <T extends z.ZodType>(schema: T) => (lenient ? schema.optional().catch(undefined) : schema.optional());
  const list = <T extends z.ZodType>(item: T, expected: string, fallback: z.output<T>) => z.array(lenient ? item.catch(fallback) : item, what(expected));

  const positive = (expected = "a number of seconds above 0") => z.number(what(expected)).positive(what(expected));
  const nonNegative = (expected = "a number of seconds, 0 or more") => z.number(what(expected)).nonnegative(what(expected));
  const positiveInt = (expected = "a positive integer") => z.number(what(expected)).int(what(expected)).positive(what(expected));
  const operations = list(z.string(what('an operation ("GET /route/template" or an operationId)')), 'a list of operations ("GET /route/template" or operationIds)', "");

  const alias = z.string(what("an alias")).regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, what("an alias of 1-64 letters, digits, '_', '.', '-', starting with a letter or digit"));
  const probeSchema = object({
    operations: optional(operations),
    min_interval_seconds: optional(nonNegative()),
  });

  const keySchema = object(
    {
      name: lenient ? alias.catch("") : alias,
      key_env: optional(z.string(what("the name of an environment variable")).min(1, what("the name of an environment variable"))),
      key_file: optional(z.string(what("a file path")).min(1, what("a file path"))),
      key: optional(z.string(what("an API key as a string (better: key_env or key_file)"))),
      expires: optional(z.union([z.string(), z.date()], what("a date like 2027-06-01 (or an ISO 8601 date-time)"))),
      probe: optional(probeSchema),
      ...(lenient ? lenientFields(postureKeyFields) : postureKeyFields),
    },
    "a mapping with name and one of key_env, key_file or key",
  );

  return object({
    upstream: optional(z.union([z.string(), z.strictObject({ api: z.string(what("a URL")), app: z.string(what("a URL")) })], what("a URL, or a mapping { api, app } of URLs"))),
    listen: optional(object({ metrics: optional(z.string(what('"host:port"'))), gateway: optional(z.string(what('"host:port"'))) })),
    log_level: optional(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], what("one of fatal, error, warn, info, debug, trace, silent"))),
    max_keys: optional(positiveInt()),
    scrape_timeout_offset_seconds: optional(nonNegative()),
    scrape_timeout_seconds: optional(positive()),
    probe: optional(
      object({
        concurrency: optional(positiveInt()),
        timeout_seconds: optional(positive()),
        min_interval_seconds: optional(nonNegative()),
        operations: optional(operations),
      }),
    ),
    gateway: optional(
      object({
        drain_timeout_seconds: optional(nonNegative()),
        upstream_timeout_seconds: optional(positive()),
        trusted_proxies: optional(list(z.string(what("an IP address, a CIDR block or loopback/linklocal/uniquelocal")), "a list of addresses", "")),
        max_connections: optional(positiveInt()),
        upstream_max_sockets: optional(positiveInt()),
        tls: optional(object({ cert_file: z.string(what("a file path")).min(1, what("a file path")), key_file: z.string(what("a file path")).min(1, what("a file path")) })),
      }),
    ),
    web: optional(
      object({
        max_connections: optional(positiveInt()),
        allowed_hosts: optional(list(z.string(what("a host name")).min(1, what("a host name")), "a list of host names", "")),
      }),
    ),
    state: lenient ? stateSchema.catch(undefined) : stateSchema,
    posture: lenient ? postureSchema.catch(undefined) : postureSchema,
    // Lenient: a key entry that is not a mapping becomes one with no source, whose problems are
    // already reported at its path; an unreadable list of keys becomes none.
    keys: lenient ? list(keySchema, "a list of keys", { name: "" }).catch([]) : list(keySchema, "a list of keys", { name: "" }),
  });
}

export const rawConfigSchema = buildSchema(false);

/** The same shape, keeping what is valid: never fails on a mapping. Its output has the strict schema's type. */
export const lenientConfigSchema = buildSchema(true) as unknown as typeof rawConfigSchema;

export type RawConfig = z.infer<typeof rawConfigSchema>;
export type RawKey = RawConfig["keys"][number];
