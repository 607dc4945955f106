// Per-connection bookkeeping of the gateway. Pipelined requests on one connection are forwarded
// one at a time (HTTP/1.1 answers them in order anyway, so forwarding them at once bought nothing
// but one upstream connection each), at most `maxPipelined` deep. Every admitted request is
// finished exactly once: when its response ends, or when its connection closes — Node never
// emits `close` on the response of a pipelined request whose connection died before its turn,
// which is how the in-flight count used to leak. An answer that ends its connection (a 431, any
// answer with `Connection: close`) drops what was pipelined behind it unforwarded: its client
// can no longer get an answer, so the upstream must not execute it.
//
// Connections are counted at accept (the server's `connection` event: the TCP socket), requests
// are queued by the socket they arrive on: over TLS that is the TLS socket wrapping the TCP one,
// so the two are kept apart, or each connection would count twice.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";

/** One admitted request; `finish()` is idempotent. */
export class Task {
  started = false;
  done = false;
  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    /** `req.socket` at admission (undici sets a streamed body's `socket` to null once sent). */
    readonly socket: Socket,
    readonly queue: Task[],
    readonly tracker: ConnectionTracker,
  ) {}

  finish(): void {
    this.tracker.finish(this);
  }
}

export class ConnectionTracker {
  #connections = 0;
  #inFlight = 0;
  readonly #queues = new WeakMap<Socket, Task[]>();
  /** What runs when a queue next empties (`whenDone`). */
  readonly #after = new WeakMap<Task[], () => void>();
  #idle: (() => void) | undefined;

  /** `start` forwards an admitted request, once the requests before it on its connection finished. */
  constructor(
    readonly maxPipelined: number,
    readonly start: (req: IncomingMessage, res: ServerResponse) => void,
  ) {}

  get connections(): number {
    return this.#connections;
  }

  /** Requests admitted and not finished (waiting behind another on their connection included). */
  get inFlight(): number {
    return this.#inFlight;
  }

  /** Called once when the in-flight count next reaches 0 (replaces an earlier callback). */
  onIdle(callback: (() => void) | undefined): void {
    this.#idle = callback;
  }

  /** Counts a new client connection (the server's `connection` event) until it closes. */
  open(socket: Socket): void {
    this.#connections++;
    socket.once("close", () => this.#connections--);
  }

  /** The queue of the socket requests arrive on, made at its first request. */
  #queueOf(socket: Socket): Task[] {
    let queue = this.#queues.get(socket);
    if (queue === undefined) {
      const made: Task[] = (queue = []);
      this.#queues.set(socket, made);
      // Requests still queued were never forwarded; they end here, unanswered, as the client left.
      socket.once("close", () => {
        for (const task of made.splice(0)) this.finish(task);
      });
    }
    return queue;
  }

  /**
   * Admits a request on its connection: it starts now if the connection is idle, else when the
   * requests before it have finished. Returns its task (call `finish()` when its response ends);
   * "full" when the connection already has `maxPipelined` requests waiting or running; "ended"
   * when an answer already ended the connection (the request arrived behind it and can never be
   * answered: it is neither forwarded nor answered).
   */
  admit(req: IncomingMessage, res: ServerResponse): Task | "full" | "ended" {
    const socket = req.socket;
    if (socket.writableEnded || socket.destroyed) return "ended";
    const queue = this.#queueOf(socket);
    if (queue.length >= this.maxPipelined) return "full";
    const task = new Task(req, res, socket, queue, this);
    queue.push(task);
    this.#inFlight++;
    if (queue.length === 1) this.#run(task);
    return task;
  }

  /** Runs `then` once every request admitted on `socket` has finished: now, when none is waiting. */
  whenDone(socket: Socket, then: () => void): void {
    const queue = this.#queues.get(socket);
    if (queue === undefined || queue.length === 0) then();
    else this.#after.set(queue, then);
  }

  #run(task: Task): void {
    task.started = true;
    this.start(task.req, task.res);
  }

  /** A queued request's turn (see finish): unless its connection closed meanwhile. */
  runQueued(task: Task): void {
    if (!task.done) this.start(task.req, task.res);
  }

  finish(task: Task): void {
    if (task.done) return;
    task.done = true;
    this.#inFlight--;
    const queue = task.queue;
    // Usually the head: it is the one running.
    const at = queue[0] === task ? 0 : queue.indexOf(task);
    if (at === 0) queue.shift();
    else if (at !== -1) queue.splice(at, 1);
    // Node has called `end()` on the socket once an answer that ends the connection finished
    // (`close` on the response comes a tick after): nothing behind it can be answered any more.
    if (task.socket.writableEnded || task.socket.destroyed) {
      for (const dropped of queue.splice(0)) this.finish(dropped);
    }
    const next = queue[0];
    if (next === undefined) {
      const after = this.#after.get(queue);
      if (after !== undefined) {
        this.#after.delete(queue);
        after();
      }
    } else if (!next.started) {
      // The next pipelined request starts on the next turn of the event loop, not now: undici
      // frees an upstream connection one turn after its response ends (setImmediate), so starting
      // now would open a second upstream connection per pipelining client instead of reusing the first.
      next.started = true;
      setImmediate(runQueued, this, next);
    }
    if (this.#inFlight === 0) {
      const idle = this.#idle;
      this.#idle = undefined;
      idle?.();
    }
  }
}

function runQueued(tracker: ConnectionTracker, task: Task): void {
  tracker.runQueued(task);
}
