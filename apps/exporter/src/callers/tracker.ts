// Caller attribution for rejected requests: per alias, a bounded top-N table of who is calling
// with a key that gets 401 or 403 (address, User-Agent, operation, counts, first/last seen), and
// an info log line per (alias, caller) when first seen, then at most once a minute while it
// continues. Memory is constant: a fixed number of tables (configured aliases + `unknown`), each
// of a fixed capacity, and a per-alias budget of new-caller log lines under a flood.
import { isApiKeyFormat } from "@minimo/client";
import type { Logger } from "pino";
import { UNKNOWN_KEY_ALIAS } from "../config/defaults.js";
import { replaceUnsafe } from "../logging/unsafe-text.js";
import { bearerToken } from "../gateway/key-matcher.js";
import { callerAddress, compileTrust, type TrustFn } from "./client-address.js";
import { SpaceSaving } from "./space-saving.js";
import { cleanUserAgent } from "./user-agent.js";
import type { CallerRequest, CallerRow, CallerTable, RejectionHook } from "./types.js";

/** Callers kept per alias. */
export const CALLERS_PER_KEY = 20;
/** A caller still being rejected is logged again after this long. */
export const RELOG_MS = 60_000;
/** New-caller log lines per alias per minute; the rest are counted and reported on the next line. */
export const NEW_CALLER_LINES_PER_MINUTE = 10;

interface Caller {
  address: string;
  userAgent: string;
  clientId: string | undefined;
  unauthorized: number;
  forbidden: number;
  lastOperation: string;
  firstSeen: number;
  lastSeen: number;
  /** Wall-clock ms of its last log line, and its count then. */
  loggedAt: number;
  loggedCount: number;
}

interface AliasState {
  table: SpaceSaving<Caller>;
  /** Log budget for new callers: lines left in the current minute, and those suppressed. */
  windowStart: number;
  linesLeft: number;
  suppressed: number;
}

export interface CallerTrackerOptions {
  logger: Logger;
  /** Default `CALLERS_PER_KEY`. */
  capacity?: number;
  /** Wall clock in ms; tests pass a fake. Default `Date.now`. */
  now?: () => number;
}

const iso = (ms: number) => new Date(ms).toISOString();

export class CallerTracker implements RejectionHook {
  readonly #logger: Logger;
  readonly #capacity: number;
  readonly #now: () => number;
  #aliases = new Map<string, AliasState>();
  #clientIds = new Set<string>();
  #trust: TrustFn = compileTrust([]);

  constructor(options: CallerTrackerOptions) {
    this.#logger = options.logger;
    this.#capacity = options.capacity ?? CALLERS_PER_KEY;
    this.#now = options.now ?? Date.now;
    this.#aliases.set(UNKNOWN_KEY_ALIAS, this.#fresh());
  }

  /** Applies a config: tables of removed aliases are dropped, kept ones keep their callers. */
  configure(keys: readonly { name: string; clientId: string }[], trustedProxies: readonly string[]): void {
    const next = new Map<string, AliasState>([[UNKNOWN_KEY_ALIAS, this.#aliases.get(UNKNOWN_KEY_ALIAS)!]]);
    for (const key of keys) next.set(key.name, this.#aliases.get(key.name) ?? this.#fresh());
    this.#aliases = next;
    this.#clientIds = new Set(keys.map((k) => k.clientId));
    this.#trust = compileTrust(trustedProxies);
  }

  rejected(req: CallerRequest, alias: string | undefined, operation: string, status: number): void {
    // A key a reload removed while its request was in flight is `unknown` now, as in /metrics.
    const configured = alias === undefined ? undefined : this.#aliases.get(alias);
    const name = configured === undefined ? UNKNOWN_KEY_ALIAS : alias!;
    const state = configured ?? this.#aliases.get(UNKNOWN_KEY_ALIAS)!;
    const address = replaceUnsafe(callerAddress(req, this.#trust));
    const userAgent = cleanUserAgent(req.headers["user-agent"]);
    let clientId: string | undefined;
    if (name === UNKNOWN_KEY_ALIAS) {
      // Only a client id of the account's own keys is kept: any other is caller-chosen text.
      const token = bearerToken(req.headers.authorization);
      const id = token !== undefined && isApiKeyFormat(token) ? token.slice(3, token.indexOf("-", 3)) : undefined;
      if (id !== undefined && this.#clientIds.has(id)) clientId = id;
    }
    const now = this.#now();
    const id = `${address}\n${userAgent}\n${clientId ?? ""}`;
    const { entry, added } = state.table.add(id, () => ({
      address,
      userAgent,
      clientId,
      unauthorized: 0,
      forbidden: 0,
      lastOperation: operation,
      firstSeen: now,
      lastSeen: now,
      loggedAt: Number.NEGATIVE_INFINITY,
      loggedCount: 0,
    }));
    const caller = entry.value;
    if (status === 403) caller.forbidden++;
    else caller.unauthorized++;
    caller.lastOperation = operation;
    caller.lastSeen = now;

    if (added) {
      if (now - state.windowStart >= RELOG_MS) {
        state.windowStart = now;
        state.linesLeft = NEW_CALLER_LINES_PER_MINUTE;
      }
      if (state.linesLeft <= 0) {
        state.suppressed++;
        caller.loggedAt = now; // counted as told: its next line comes a minute from now at the earliest
        return;
      }
      state.linesLeft--;
      this.#log(name, caller, entry.count, status, "new caller with a rejected key", state);
    } else if (now - caller.loggedAt >= RELOG_MS) {
      this.#log(name, caller, entry.count, status, "caller still rejected", state);
    }
  }

  #log(alias: string, caller: Caller, count: number, status: number, msg: string, state: AliasState): void {
    const suppressed = state.suppressed;
    state.suppressed = 0;
    this.#logger.info(
      {
        alias,
        address: caller.address,
        userAgent: caller.userAgent,
        ...(caller.clientId !== undefined ? { clientId: caller.clientId } : {}),
        operation: caller.lastOperation,
        status,
        count,
        sinceLastLine: count - caller.loggedCount,
        firstSeen: iso(caller.firstSeen),
        ...(suppressed > 0 ? { newCallersNotLogged: suppressed } : {}),
      },
      msg,
    );
    caller.loggedAt = this.#now();
    caller.loggedCount = count;
  }

  /** The caller table of an alias (configured or `unknown`), or undefined for any other name. */
  table(alias: string): CallerTable | undefined {
    const state = this.#aliases.get(alias);
    if (!state) return undefined;
    return {
      alias,
      capacity: state.table.capacity,
      evictions: state.table.evictions,
      callers: state.table.top().map(
        ({ count, error, value: c }): CallerRow => ({
          address: c.address,
          userAgent: c.userAgent,
          ...(c.clientId !== undefined ? { clientId: c.clientId } : {}),
          count,
          countError: error,
          unauthorized: c.unauthorized,
          forbidden: c.forbidden,
          lastOperation: c.lastOperation,
          firstSeen: iso(c.firstSeen),
          lastSeen: iso(c.lastSeen),
        }),
      ),
    };
  }

  /** Callers currently held, over all tables (for the flood test and the console). */
  get size(): number {
    let n = 0;
    for (const s of this.#aliases.values()) n += s.table.size;
    return n;
  }

  #fresh(): AliasState {
    return { table: new SpaceSaving<Caller>(this.#capacity), windowStart: Number.NEGATIVE_INFINITY, linesLeft: 0, suppressed: 0 };
  }
}
