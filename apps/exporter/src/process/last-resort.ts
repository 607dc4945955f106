// The last resort for errors no handler caught. An uncaught exception leaves the process in a
// state nobody can vouch for (Node's documentation: resuming after one is not safe), so it is
// logged, counted, and the process drains and exits non-zero for its supervisor (systemd
// Restart=on-failure, a Kubernetes Deployment) to start a clean one. An unhandled rejection
// unwound nothing but its own promise chain: it is logged and counted, and the process serves on.
// Installed by the CLI, not by startExporter: an embedding application decides for itself what
// its process does.
import { Counter, type Registry } from "prom-client";
import type { Logger } from "pino";
import * as N from "../metrics/names.js";

export interface LastResort {
  /** An uncaught exception: logs at fatal level, counts it, then calls `onException` (the drain). */
  exception(err: unknown, origin: string): void;
  /** An unhandled rejection: logs at error level and counts it. */
  rejection(reason: unknown): void;
  /** Exposes both counts in `registry` (after start-up). */
  attach(registry: Registry): void;
  /** Removes the process listeners. */
  uninstall(): void;
  readonly exceptions: number;
  readonly rejections: number;
}

/** Logging must never throw from here: a throw from an uncaughtException listener ends the process on the spot. */
function log(write: () => void): void {
  try {
    write();
  } catch {
    // Nothing left to tell it with.
  }
}

function counter(registry: Registry, name: string, help: string, value: () => number): void {
  new Counter({
    name,
    help,
    registers: [registry],
    collect() {
      this.reset();
      this.inc(value());
    },
  });
}

/** `onException` runs after each uncaught exception is logged and counted (the CLI starts its drain there). */
export function createLastResort(logger: Logger, onException: (err: unknown) => void = () => {}): LastResort {
  let exceptions = 0;
  let rejections = 0;
  return {
    exception(err, origin) {
      exceptions++;
      log(() => logger.fatal({ err, origin }, "uncaught exception: draining and exiting so that the supervisor restarts a clean process; please report it"));
      onException(err);
    },
    rejection(reason) {
      rejections++;
      log(() => logger.error({ err: reason, origin: "unhandledRejection" }, "unhandled promise rejection survived by the last-resort handler; please report it"));
    },
    attach(registry) {
      counter(registry, N.EXPORTER_UNCAUGHT_EXCEPTIONS_TOTAL, N.EXPORTER_UNCAUGHT_EXCEPTIONS_TOTAL_HELP, () => exceptions);
      counter(registry, N.EXPORTER_UNHANDLED_REJECTIONS_TOTAL, N.EXPORTER_UNHANDLED_REJECTIONS_TOTAL_HELP, () => rejections);
    },
    uninstall() {},
    get exceptions() {
      return exceptions;
    },
    get rejections() {
      return rejections;
    },
  };
}

/** Installs a last resort on the process (`uncaughtException`, `unhandledRejection`). */
export function installLastResort(logger: Logger, onException?: (err: unknown) => void): LastResort {
  const lastResort = createLastResort(logger, onException);
  const onUncaught = (err: unknown, origin: string) => lastResort.exception(err, origin);
  const onRejection = (reason: unknown) => lastResort.rejection(reason);
  process.on("uncaughtException", onUncaught);
  process.on("unhandledRejection", onRejection);
  lastResort.uninstall = () => {
    process.off("uncaughtException", onUncaught);
    process.off("unhandledRejection", onRejection);
  };
  return lastResort;
}
