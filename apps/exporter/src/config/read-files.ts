// Reads the files the exporter is pointed at (config, key files, certificates, web config) without
// ever waiting on something that is not a file. A FIFO with no writer blocks open() forever: on
// the event loop when read synchronously (the whole process froze), and on a libuv threadpool
// thread when read asynchronously, where it also wedges every later read queued behind it and
// keeps process.exit() from returning (Node joins the threadpool on exit). So: stat first and
// refuse anything but a regular file (a symlink to one is fine) before opening it, open with
// O_NONBLOCK (a FIFO swapped in between then opens without waiting), check the opened file
// again, and give up after a timeout so a read on stalled storage fails instead of hanging.
import { closeSync, constants, fstatSync, openSync, readFileSync, statSync, type Stats } from "node:fs";
import { open, stat } from "node:fs/promises";

/** How long one file may take to read before the read fails: 10 s. */
export const FILE_READ_TIMEOUT_MS = 10_000;

/** Reads of this many files run at once; more would only queue in libuv's threadpool (4 threads). */
const CONCURRENCY = 8;

// O_NOCTTY: a terminal given by mistake never becomes the controlling terminal.
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY;

/** A file that could not be read; `message` names the file and the reason (never its content). */
export class FileReadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    /** True when the read gave up at its timeout (the storage is stalled, not the file wrong). */
    readonly timedOut = false,
  ) {
    super(`cannot read ${file} (${reason})`);
    this.name = "FileReadError";
  }
}

export interface ReadOptions {
  /** Default {@link FILE_READ_TIMEOUT_MS}. */
  timeoutMs?: number;
}

/** What a file is when it is not a regular one, for the error message. */
function notRegular(st: Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isFIFO()) return "a FIFO";
  if (st.isDirectory()) return "a directory";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  if (st.isSocket()) return "a socket";
  return "not a file";
}

function check(file: string, st: Stats): void {
  const kind = notRegular(st);
  if (kind) throw new FileReadError(file, `it is ${kind}, not a regular file`);
}

function codeOf(file: string, err: unknown): FileReadError {
  if (err instanceof FileReadError) return err;
  return new FileReadError(file, (err as NodeJS.ErrnoException).code ?? "read error");
}

async function readChecked(file: string, signal: AbortSignal): Promise<Buffer> {
  check(file, await stat(file));
  const handle = await open(file, OPEN_FLAGS);
  try {
    // Replaced between the stat and the open: the opened file is what counts.
    check(file, await handle.stat());
    return await handle.readFile({ signal });
  } finally {
    await handle.close();
  }
}

/** Reads a regular file (or a symlink to one) without blocking the event loop; rejects with FileReadError. */
export async function readRegularFile(file: string, opts: ReadOptions = {}): Promise<Buffer> {
  const timeoutMs = opts.timeoutMs ?? FILE_READ_TIMEOUT_MS;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new FileReadError(file, `timed out after ${timeoutMs / 1000} s`, true));
    }, timeoutMs);
  });
  try {
    // A read still pending at the deadline finishes (and closes its handle) in the background;
    // race() has subscribed to it, so its late failure is not an unhandled rejection.
    return await Promise.race([readChecked(file, controller.signal).catch((err: unknown) => Promise.reject(codeOf(file, err))), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** The contents of several files by path: a Buffer, or the FileReadError that says why not. */
export type FileContents = ReadonlyMap<string, Buffer | FileReadError>;

/**
 * Reads `files` (duplicates once), a few at a time, each with its own timeout; never rejects.
 * Once one read times out the rest are not started (they fail at once, naming that file): on
 * stalled storage a thousand key files fail in one timeout, not in a thousand.
 */
export async function readRegularFiles(files: Iterable<string>, opts: ReadOptions = {}): Promise<FileContents> {
  const queue = [...new Set(files)];
  const out = new Map<string, Buffer | FileReadError>();
  let stalled: FileReadError | undefined;
  const worker = async () => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      if (stalled) {
        out.set(file, new FileReadError(file, `not read: reading ${stalled.file} timed out`, true));
        continue;
      }
      const got = await readRegularFile(file, opts).catch((err: FileReadError) => err);
      if (got instanceof FileReadError && got.timedOut) stalled ??= got;
      out.set(file, got);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
  return out;
}

/**
 * The synchronous form, for callers that validate a config without loading it first
 * (`parseConfig` used directly): still refuses anything but a regular file, so it never waits on
 * a FIFO, but a read on stalled storage blocks. `loadConfigFile` reads ahead with
 * {@link readRegularFiles} and never gets here.
 */
export function readRegularFileSync(file: string): Buffer | FileReadError {
  try {
    check(file, statSync(file));
    const fd = openSync(file, OPEN_FLAGS);
    try {
      check(file, fstatSync(fd));
      return readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    return codeOf(file, err);
  }
}

/** Looks a file up in contents read ahead, reading it synchronously only when it was not. */
export function lookupIn(contents: FileContents | undefined): (file: string) => Buffer | FileReadError {
  return (file) => contents?.get(file) ?? readRegularFileSync(file);
}

/** Where relative paths start, and the content of a file by absolute path. */
export interface FileSource {
  baseDir: string;
  read(file: string): Buffer | FileReadError;
}
