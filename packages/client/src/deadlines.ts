import { unrefTimer } from "./timers.js";

/** One attempt's time limit; `controller` is dropped once the attempt no longer needs aborting. */
export interface Deadline {
  readonly at: number;
  controller: AbortController | undefined;
  timedOut: boolean;
}

/**
 * The per-attempt time limits of one client, driven by a single timer instead of a timer (and its
 * closure) per attempt. Every attempt of a client has the same `timeoutMs`, so deadlines arrive in
 * order and the queue is a FIFO. A firing handles every deadline due within `slackMs` (1 % of the
 * timeout, at most 100 ms), so a burst of attempts costs one timer, not one each. No WeakRef or
 * FinalizationRegistry; the timer is unref'd where the runtime has `unref` (Node), a number elsewhere.
 */
export class DeadlineQueue {
  readonly #timeoutMs: number;
  readonly #slackMs: number;
  #queue: Deadline[] = [];
  #head = 0;
  #armed = false;

  constructor(timeoutMs: number) {
    this.#timeoutMs = timeoutMs;
    this.#slackMs = Math.min(100, Math.max(1, timeoutMs / 100));
  }

  /** Starts the clock of one attempt: `controller` is aborted with a `TimeoutError` when it runs out. */
  add(controller: AbortController): Deadline {
    const entry: Deadline = { at: performance.now() + this.#timeoutMs, controller, timedOut: false };
    this.#queue.push(entry);
    if (!this.#armed) this.#arm(this.#timeoutMs);
    return entry;
  }

  /** The attempt ended (an error or a retry): its signal is no longer aborted by the clock. */
  static settle(entry: Deadline): void {
    entry.controller = undefined;
  }

  #arm(delayMs: number): void {
    this.#armed = true;
    unrefTimer(setTimeout(this.#fire, delayMs + this.#slackMs));
  }

  readonly #fire = (): void => {
    this.#armed = false;
    const queue = this.#queue;
    const now = performance.now();
    let reason: DOMException | undefined;
    let i = this.#head;
    for (; i < queue.length && queue[i]!.at <= now + this.#slackMs; i++) {
      const entry = queue[i]!;
      const controller = entry.controller;
      if (controller === undefined) continue;
      entry.controller = undefined;
      entry.timedOut = true;
      // One reason per firing: every attempt it aborts ran out in the same tick.
      reason ??= new DOMException("The operation was aborted due to timeout", "TimeoutError");
      controller.abort(reason);
    }
    if (i === queue.length) {
      this.#queue = [];
      this.#head = 0;
      return;
    }
    if (i > 1024 && i * 2 > queue.length) {
      this.#queue = queue.slice(i);
      this.#head = 0;
    } else {
      this.#head = i;
    }
    this.#arm(Math.max(0, this.#queue[this.#head]!.at - now));
  };
}
