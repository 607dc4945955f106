// Per-connection bookkeeping of the gateway. Pipelined requests on one connection are forwarded
// one at a time (HTTP/1.1 answers them in order anyway, so forwarding them at once bought nothing
// but one upstream connection each), at most `maxPipelined` deep. Every admitted request is
// finished exactly once: when its response ends, or when its connection closes — Node never
// emits `close` on the response of a pipelined request whose connection died before its turn,
// which is how the in-flight count used to leak.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";

/** One admitted request; `finish()` is idempotent. */
export class Task {
  started = false;
  done = false;
  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
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

  /** Tracks a new client connection (the server's `connection` event). */
  open(socket: Socket): void {
    const queue: Task[] = [];
    this.#queues.set(socket, queue);
    this.#connections++;
    socket.once("close", () => {
      this.#connections--;
      // Requests still queued were never forwarded; they end here, unanswered, as the client left.
      for (const task of queue.splice(0)) this.finish(task);
    });
  }

  /**
   * Admits a request on its connection: it starts now if the connection is idle, else when the
   * requests before it have finished. Returns its task (call `finish()` when its response ends),
   * or undefined when the connection already has `maxPipelined` requests waiting or running.
   */
  admit(req: IncomingMessage, res: ServerResponse): Task | undefined {
    const socket = req.socket;
    let queue = this.#queues.get(socket);
    if (queue === undefined) {
      this.open(socket);
      queue = this.#queues.get(socket)!;
    }
    if (queue.length >= this.maxPipelined) return undefined;
    const task = new Task(req, res, queue, this);
    queue.push(task);
    this.#inFlight++;
    if (queue.length === 1) this.#run(task);
    return task;
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
    const next = queue[0];
    if (next !== undefined && !next.started) {
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
