// The last resort: an exception or rejection that no handler caught is logged and counted, and
// the process keeps serving. Every known path has its own handler (the gateway answers 502 on
// anything it cannot relay); this exists so that an unknown one costs one request, not every
// app's gateway and every counter. Installed by the CLI, not by startExporter: an embedding
// application decides for itself what its process does.
import { Counter, type Registry } from "prom-client";
import type { Logger } from "pino";
import * as N from "../metrics/names.js";

export interface LastResort {
  /** Handles one uncaught error: logs at error level and counts it. */
  handle(err: unknown, origin: string): void;
  /** Exposes the count as minimo_exporter_uncaught_errors_total in `registry` (after start-up). */
  attach(registry: Registry): void;
  /** Removes the process listeners. */
  uninstall(): void;
  readonly count: number;
}

export function createLastResort(logger: Logger): LastResort {
  let count = 0;
  return {
    handle(err, origin) {
      count++;
      try {
        logger.error({ err, origin }, "uncaught error survived by the last-resort handler; please report it");
      } catch {
        // Logging must not throw from here: that would end the process after all.
      }
    },
    attach(registry) {
      new Counter({
        name: N.EXPORTER_UNCAUGHT_ERRORS_TOTAL,
        help: N.EXPORTER_UNCAUGHT_ERRORS_TOTAL_HELP,
        registers: [registry],
        collect() {
          this.reset();
          this.inc(count);
        },
      });
    },
    uninstall() {},
    get count() {
      return count;
    },
  };
}

/** Installs `lastResort` on the process (`uncaughtException`, `unhandledRejection`). */
export function installLastResort(logger: Logger): LastResort {
  const lastResort = createLastResort(logger);
  const onException = (err: unknown, origin: string) => lastResort.handle(err, origin);
  const onRejection = (reason: unknown) => lastResort.handle(reason, "unhandledRejection");
  process.on("uncaughtException", onException);
  process.on("unhandledRejection", onRejection);
  lastResort.uninstall = () => {
    process.off("uncaughtException", onException);
    process.off("unhandledRejection", onRejection);
  };
  return lastResort;
}
