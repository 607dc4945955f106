// JSON logs (pino). Secrets are kept out three ways: known fields are redacted by path, errors are
// reduced to an allow-list of fields (error-fields.ts), and any text shaped like a Minimo key is
// masked in messages and serialized errors.
import { redactApiKeys } from "@minimo/client";
import { pino, type DestinationStream, type Logger } from "pino";
import { errorFields } from "./error-fields.js";

export type { Logger };

const REDACT_PATHS = [
  "authorization",
  "apiKey",
  "secret",
  "headers.authorization",
  "req.headers.authorization",
  "*.authorization",
  "*.apiKey",
  "*.headers.authorization",
];

export interface CreateLoggerOptions {
  /** pino level; default `info`. */
  level?: string;
  /** Where lines go; default stdout. Tests pass a stream to capture them. */
  destination?: DestinationStream;
}

/** The exporter's logger: JSON lines, Authorization/API keys redacted. */
export function createLogger(opts: CreateLoggerOptions = {}): Logger {
  const options = {
    level: opts.level ?? "info",
    base: { name: "minimo-exporter" },
    redact: { paths: REDACT_PATHS, censor: "<secret>" },
    serializers: { err: errorFields, error: errorFields },
    hooks: {
      logMethod(this: Logger, args: unknown[], method: (...a: unknown[]) => void) {
        method.apply(this, args.map((a) => (typeof a === "string" ? redactApiKeys(a) : a)));
      },
    },
  };
  return opts.destination ? pino(options, opts.destination) : pino(options);
}
