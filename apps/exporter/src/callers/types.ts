// The shapes shared by the caller table, the gateway hook and the console API.
import type { IncomingMessage } from "node:http";

/**
 * The part of a client's request the caller table reads. Not the IncomingMessage itself: once
 * undici has streamed a request body upstream it sets that body's `socket` to null (it destroys
 * the stream and keeps the connection alive), so the gateway passes the socket it saw at the start.
 */
export type CallerRequest = Pick<IncomingMessage, "headers" | "socket">;

/** What the gateway calls for every 401 and 403 it relays: its one hook into caller attribution. */
export interface RejectionHook {
  rejected(req: CallerRequest, alias: string | undefined, operation: string, status: number): void;
}

/** One caller of one alias, as `GET /api/keys/{alias}/callers` shows it. Never holds a secret. */
export interface CallerRow {
  /** Client address (the trusted proxies' X-Forwarded-For hop, else the socket peer). */
  address: string;
  /** User-Agent, cut to 200 characters, anything shaped like an API key masked. */
  userAgent: string;
  /** For the `unknown` alias: the presented key's client id when it is one of the configured keys'. */
  clientId?: string;
  /** Rejected requests counted (an over-estimate by at most `countError` after an eviction). */
  count: number;
  countError: number;
  unauthorized: number;
  forbidden: number;
  /** The last operation (spec route template) it was rejected on. */
  lastOperation: string;
  /** ISO 8601. */
  firstSeen: string;
  lastSeen: string;
}

export interface CallerTable {
  alias: string;
  /** The table holds at most this many callers (the heaviest). */
  capacity: number;
  /** Distinct callers that had to replace a lighter one (so the table is a top-N, not all). */
  evictions: number;
  callers: CallerRow[];
}
