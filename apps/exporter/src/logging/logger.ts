// JSON logs (pino), with C1 controls and bidi overrides escaped (unsafe-text.ts). Secrets are kept out three ways: known fields are redacted by path, errors are
// reduced to an allow-list of fields (error-fields.ts), and any text shaped like a Minimo key is
// masked in messages and serialized errors.
import { redactApiKeys } from "@minimo/client";
import { pino, type DestinationStream, type Logger } from "pino";
import { errorFields } from "./error-fields.js";
import { escapeUnsafeJson } from "./unsafe-text.js";

export type { Logger };

const REDACT_PATHS = ["authorization", "apiKey", "secret", "headers.authorization", "req.headers.authorization", "*.authorization", "*.apiKey", "*.headers.authorization"];

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
        method.apply(
          this,
          args.map((a) => (typeof a === "string" ? redactApiKeys(a) : a)),
        );
      },
    },
  };
  return pino(options, escaping(opts.destination ?? stdoutDestination()));
}

/**
 * Writes each line with C1 controls and bidi overrides escaped: caller-chosen text (a
 * User-Agent, a path) logged as a field must not reorder or restyle the line in a terminal.
 */
function escaping(dest: DestinationStream): DestinationStream {
  const inner = dest as DestinationStream & { flush?: (cb?: (err?: Error) => void) => void; flushSync?: () => void };
  return {
    write: (line: string) => dest.write(escapeUnsafeJson(line)),
    ...(typeof inner.flush === "function" ? { flush: inner.flush.bind(dest) } : {}),
    ...(typeof inner.flushSync === "function" ? { flushSync: inner.flushSync.bind(dest) } : {}),
  } as DestinationStream;
}

/**
 * stdout as pino's sonic-boom, made to outlive its reader. When the reader goes away (the `npx`
 * or shell pipe in front of the exporter exits first, a log shipper dies), a write fails with
 * EPIPE and sonic-boom emits `error`; with no listener that throws out of whichever `logger.*`
 * call hit it — once it was the SIGTERM handler's "shutting down" line, so the drain never started
 * and the process kept serving. Lines with nowhere to go are dropped; the service goes on.
 */
function stdoutDestination(): DestinationStream {
  const dest = pino.destination({ dest: 1, sync: true });
  dest.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE" || err.code === "EBADF") return;
    // Any other write error: say it once where it can still be seen, never through the logger itself.
    try {
      process.stderr.write(`minimo-exporter: log output failed (${err.code ?? err.message}); lines are dropped\n`);
    } catch {
      // stderr is gone too: nothing left to tell.
    }
  });
  return dest;
}
