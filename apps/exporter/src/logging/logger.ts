// JSON logs (pino). Secrets are kept out twice: known fields are redacted by path, and any text
// shaped like a Minimo key is masked in messages and serialized errors.
import { redactApiKeys } from "@minimo/client";
import { pino, stdSerializers, type DestinationStream, type Logger } from "pino";

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

function maskError(err: unknown) {
  const out = stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  for (const field of ["message", "stack"]) {
    if (typeof out[field] === "string") out[field] = redactApiKeys(out[field] as string);
  }
  return out;
}

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
    serializers: { err: maskError, error: maskError },
    hooks: {
      logMethod(this: Logger, args: unknown[], method: (...a: unknown[]) => void) {
        method.apply(this, args.map((a) => (typeof a === "string" ? redactApiKeys(a) : a)));
      },
    },
  };
  return opts.destination ? pino(options, opts.destination) : pino(options);
}
