// The file backend: `posture.json` in the state directory, written atomically (temp file, fsync,
// rename, fsync of the directory) every `intervalMs` and at close, so `kill -9` loses at most
// one interval. An unreadable or corrupt file is moved aside with a warning and the store starts
// fresh: the exporter never refuses to start for its state.
import { mkdirSync, readFileSync, renameSync } from "node:fs";
import { open, rename } from "node:fs/promises";
import { join } from "node:path";
import { UNKNOWN_KEY_ALIAS } from "../../config/defaults.js";
import type { KeyUsage, PostureData } from "../types.js";
import { extendCoverage } from "./coverage.js";
import { mergeData } from "./merge.js";
import { deserialize, emptyData, serialize, STATE_FILE } from "./serializer.js";
import { freshUsage, type PostureStore } from "./store.js";

/** How often the state is written (the most `kill -9` can lose). */
export const FLUSH_INTERVAL_MS = 30_000;

/** The part of a pino logger the store uses. */
export interface StoreLogger {
  warn(fields: object, message: string): void;
}

export interface FileStoreOptions {
  /** The state directory; undefined keeps the state in memory only (the library default). */
  dir: string | undefined;
  logger: StoreLogger;
  /** Wall clock in ms; tests inject one. Default `Date.now`. */
  now?: () => number;
  /** Default `FLUSH_INTERVAL_MS`; 0 disables the timer (flush by hand). */
  intervalMs?: number;
}

export type ReadResult = { data: PostureData } | { missing: true } | { problem: string };

/** Reads `dir/posture.json` without changing anything (lint uses this). */
export function readStateDir(dir: string): ReadResult {
  let text: string;
  try {
    text = readFileSync(join(dir, STATE_FILE), "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "read error";
    return code === "ENOENT" ? { missing: true } : { problem: `cannot read (${code})` };
  }
  try {
    return { data: deserialize(text) };
  } catch (err) {
    return { problem: (err as Error).message };
  }
}

export class FileStateStore implements PostureStore {
  readonly #file: string;
  readonly #dir: string | undefined;
  readonly #logger: StoreLogger;
  readonly #now: () => number;
  readonly #runStart: number;
  #data: PostureData;
  #timer: NodeJS.Timeout | undefined;
  #writing: Promise<void> = Promise.resolve();
  #writable = true;
  #closed = false;

  constructor(options: FileStoreOptions) {
    this.#dir = options.dir;
    this.#file = options.dir === undefined ? "" : join(options.dir, STATE_FILE);
    this.#logger = options.logger;
    this.#now = options.now ?? Date.now;
    this.#runStart = this.#now();
    this.#data = this.#load();
    extendCoverage(this.#data.coverage, this.#runStart, this.#runStart);
    const interval = options.intervalMs ?? FLUSH_INTERVAL_MS;
    if (interval > 0) {
      this.#timer = setInterval(() => void this.flush(), interval);
      this.#timer.unref();
    }
  }

  #load(): PostureData {
    if (this.#dir === undefined) {
      this.#writable = false;
      return emptyData();
    }
    try {
      mkdirSync(this.#dir, { recursive: true });
    } catch (err) {
      this.#writable = false;
      this.#logger.warn({ dir: this.#dir, code: (err as NodeJS.ErrnoException).code }, "posture state directory cannot be created; usage facts are kept in memory only");
      return emptyData();
    }
    const read = readStateDir(this.#dir);
    if ("data" in read) return read.data;
    if ("missing" in read) return emptyData();
    const aside = `${this.#file}.corrupt-${new Date(this.#now()).toISOString().replace(/[:.]/g, "-")}`;
    try {
      renameSync(this.#file, aside);
      this.#logger.warn({ file: this.#file, keptAs: aside, problem: read.problem }, "posture state file unreadable; moved aside, starting fresh");
    } catch (err) {
      this.#logger.warn(
        { file: this.#file, problem: read.problem, code: (err as NodeJS.ErrnoException).code },
        "posture state file unreadable and cannot be moved aside; starting fresh",
      );
    }
    return emptyData();
  }

  usage(alias: string, now: number): KeyUsage {
    let u = this.#data.keys[alias];
    if (u === undefined) this.#data.keys[alias] = u = freshUsage(now);
    return u;
  }

  peek(alias: string): KeyUsage | undefined {
    return this.#data.keys[alias];
  }

  snapshot(now: number): PostureData {
    extendCoverage(this.#data.coverage, this.#runStart, now);
    return structuredClone(this.#data);
  }

  merge(other: PostureData): void {
    this.#data = mergeData(this.#data, other);
  }

  retain(aliases: readonly string[]): void {
    const keep = new Set([...aliases, UNKNOWN_KEY_ALIAS]);
    for (const alias of Object.keys(this.#data.keys)) if (!keep.has(alias)) delete this.#data.keys[alias];
  }

  flush(): Promise<void> {
    // One write at a time; a flush asked for during a write runs after it with fresher data.
    this.#writing = this.#writing
      .then(() => this.#write())
      .catch((err: NodeJS.ErrnoException) => {
        this.#logger.warn({ file: this.#file, code: err.code ?? "error" }, "posture state not written; retrying at the next interval");
      });
    return this.#writing;
  }

  async #write(): Promise<void> {
    if (!this.#writable) return;
    extendCoverage(this.#data.coverage, this.#runStart, this.#now());
    const text = serialize(this.#data);
    const tmp = `${this.#file}.tmp`;
    const handle = await open(tmp, "w", 0o600);
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, this.#file);
    // The rename is durable only once the directory entry is (POSIX); best effort where unsupported.
    try {
      const dir = await open(this.#dir!, "r");
      try {
        await dir.sync();
      } finally {
        await dir.close();
      }
    } catch {
      /* some filesystems refuse fsync on a directory */
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#timer) clearInterval(this.#timer);
    await this.flush();
  }
}
