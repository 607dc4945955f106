// bcrypt comparisons on a worker thread, never on the event loop that also proxies traffic.
// bcryptjs' own async API only slices the work into ~100 ms chunks on the same thread: a flood of
// wrong passwords still stalls every gateway request behind those chunks. Native bcrypt would
// run on libuv's 4-thread pool, which the gateway needs for DNS lookups and /metrics for gzip.
//
// At most `maxPending` comparisons wait or run at once; beyond that `verify` answers "busy" at
// once, without any bcrypt work, so a flood costs a bounded share of one core.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** Comparisons queued or running at once; more are refused ("busy"). */
export const MAX_PENDING_VERIFICATIONS = 4;

// Plain CommonJS evaluated in the worker: no build step and no loader needed (tests run the
// TypeScript sources, the CLI the compiled ones; both find bcryptjs the same way).
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const bcrypt = require(workerData.bcrypt);
// On Linux a priority set from a thread applies to that thread only: the gateway's thread keeps
// the CPU it needs while a flood keeps this one busy.
try { require("node:os").setPriority(19); } catch {}
parentPort.on("message", (m) => {
  let ok = false;
  try { ok = bcrypt.compareSync(m.password, m.hash); } catch {}
  parentPort.postMessage({ id: m.id, ok });
});
`;

export type Verdict = "match" | "mismatch" | "busy";

export interface BcryptPoolOptions {
  /** Default `MAX_PENDING_VERIFICATIONS`. */
  maxPending?: number;
}

/** One worker thread (started on first use, never keeping the process alive) and a bounded queue. */
export class BcryptPool {
  readonly #maxPending: number;
  #worker: Worker | undefined;
  #nextId = 0;
  readonly #waiting = new Map<number, (ok: boolean | Error) => void>();

  constructor(options: BcryptPoolOptions = {}) {
    this.#maxPending = options.maxPending ?? MAX_PENDING_VERIFICATIONS;
  }

  /** Comparisons queued or running now. */
  get pending(): number {
    return this.#waiting.size;
  }

  /** Compares off the event loop; "busy" without comparing when `maxPending` are already pending. */
  verify(password: string, hash: string): Promise<Verdict> {
    if (this.#waiting.size >= this.#maxPending) return Promise.resolve("busy");
    const worker = this.#ensureWorker();
    const id = this.#nextId++;
    return new Promise<Verdict>((resolve, reject) => {
      this.#waiting.set(id, (ok) => (ok instanceof Error ? reject(ok) : resolve(ok ? "match" : "mismatch")));
      worker.postMessage({ id, password, hash });
    });
  }

  /** Stops the worker; pending comparisons fail. */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    if (worker) await worker.terminate();
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const bcrypt = createRequire(import.meta.url).resolve("bcryptjs");
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { bcrypt } });
    worker.unref();
    worker.on("message", (m: { id: number; ok: boolean }) => {
      const done = this.#waiting.get(m.id);
      this.#waiting.delete(m.id);
      done?.(m.ok);
    });
    const fail = (err: Error) => {
      if (this.#worker === worker) this.#worker = undefined;
      for (const done of this.#waiting.values()) done(err);
      this.#waiting.clear();
    };
    worker.on("error", fail);
    worker.on("exit", () => fail(new Error("the bcrypt worker stopped")));
    this.#worker = worker;
    return worker;
  }
}
