// The shape of the YAML file (snake_case), checked by zod. Every object is strict so a misspelt
// field is an error with its path rather than a silently ignored setting.
import { z } from "zod";
import { postureKeyFields, postureSchema, stateSchema } from "../posture/config-schema.js";

const positive = z.number().positive();
const nonNegative = z.number().nonnegative();

const probeSchema = z.strictObject({
  operations: z.array(z.string()).optional(),
  min_interval_seconds: nonNegative.optional(),
});

const keySchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, {
    message: "must be 1-64 characters of letters, digits, '_', '.', '-', starting with a letter or digit",
  }),
  key_env: z.string().min(1).optional(),
  key_file: z.string().min(1).optional(),
  key: z.string().optional(),
  expires: z.union([z.string(), z.date()]).optional(),
  probe: probeSchema.optional(),
  ...postureKeyFields,
});

export const rawConfigSchema = z.strictObject({
  upstream: z.union([z.string(), z.strictObject({ api: z.string(), app: z.string() })]).optional(),
  listen: z.strictObject({ metrics: z.string().optional(), gateway: z.string().optional() }).optional(),
  log_level: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  max_keys: z.number().int().positive().optional(),
  scrape_timeout_offset_seconds: nonNegative.optional(),
  scrape_timeout_seconds: positive.optional(),
  probe: z
    .strictObject({
      concurrency: z.number().int().positive().optional(),
      timeout_seconds: positive.optional(),
      min_interval_seconds: nonNegative.optional(),
      operations: z.array(z.string()).optional(),
    })
    .optional(),
  gateway: z
    .strictObject({
      drain_timeout_seconds: nonNegative.optional(),
      upstream_timeout_seconds: positive.optional(),
      trusted_proxies: z.array(z.string()).optional(),
      max_connections: z.number().int().positive().optional(),
      upstream_max_sockets: z.number().int().positive().optional(),
      tls: z.strictObject({ cert_file: z.string().min(1), key_file: z.string().min(1) }).optional(),
    })
    .optional(),
  state: stateSchema,
  posture: postureSchema,
  keys: z.array(keySchema),
});

export type RawConfig = z.infer<typeof rawConfigSchema>;
export type RawKey = z.infer<typeof keySchema>;
