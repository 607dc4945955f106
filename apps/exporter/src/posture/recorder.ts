// The gateway's hook into posture: per relayed answer, updates the key's usage facts in memory
// (never the disk: the store writes on its own timer). Constant work per request and bounded
// state per key (baseline and evidence lists have fixed sizes).
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { OPERATIONS } from "@minimo/client";
import { UNKNOWN_KEY_ALIAS } from "../config/defaults.js";
import type { KeyConfig } from "../config/types.js";
import { callerAddress, compileTrust, type TrustFn } from "../callers/client-address.js";
import { isBrowserRequest } from "./browser.js";
import { cleanUserAgent } from "../callers/user-agent.js";
import { callerId } from "./caller-id.js";
import { findKeyInUrl } from "./key-in-url.js";
import type { PostureStore } from "./state/store.js";
import { BASELINE_SIZE, EVIDENCE_SIZE, type KeyUsage, type PostureSettings } from "./types.js";

const DAY_MS = 86_400_000;

/** Method -> route template -> the spec's x-minimo-permission (no string building per request). */
const PERMISSION = new Map<string, Map<string, string>>();
for (const op of OPERATIONS) {
  if (!op.permission) continue;
  const method = op.method.toUpperCase();
  let byPath = PERMISSION.get(method);
  if (byPath === undefined) PERMISSION.set(method, (byPath = new Map()));
  byPath.set(op.path, op.permission);
}

/** The caller a connection was last seen as: a keep-alive connection repeats its User-Agent and forwarded-for. */
interface SocketCaller {
  userAgent: string | undefined;
  forwardedFor: string | undefined;
  address: string;
  id: string;
}

export interface PostureEvents {
  browserRequest(alias: string): void;
  newCaller(alias: string): void;
}

export interface PostureHook {
  observe(req: IncomingMessage, socket: Socket, alias: string | undefined, method: string, operation: string, status: number): void;
}

interface KeyRule {
  clientSide: boolean;
  /** Alias of the key that replaces this one. */
  successor: string | undefined;
}

export class PostureRecorder implements PostureHook {
  readonly #store: PostureStore;
  readonly #now: () => number;
  readonly #events: PostureEvents;
  #rules = new Map<string, KeyRule>();
  #trust: TrustFn = compileTrust([]);
  #identify: (presented: string) => string | undefined = () => undefined;
  #learningMs = 14 * DAY_MS;
  #sockets = new WeakMap<Socket, SocketCaller>();
  /** Bumped per observed answer: an evaluation cached before it is stale. */
  changes = 0;

  constructor(store: PostureStore, events: PostureEvents, now: () => number = Date.now) {
    this.#store = store;
    this.#events = events;
    this.#now = now;
  }

  /** Applies a config; `identify` tells which configured key a key-shaped value is. */
  configure(keys: readonly KeyConfig[], trustedProxies: readonly string[], settings: PostureSettings, identify: (presented: string) => string | undefined): void {
    const rules = new Map<string, KeyRule>();
    for (const key of keys) rules.set(key.name, { clientSide: key.inventory?.clientSide ?? false, successor: undefined });
    for (const key of keys) {
      const old = key.inventory?.replaces;
      if (old !== undefined && rules.has(old)) rules.get(old)!.successor = key.name;
    }
    this.#rules = rules;
    this.#trust = compileTrust(trustedProxies);
    this.#sockets = new WeakMap();
    this.#identify = identify;
    this.#learningMs = settings.learningDays * DAY_MS;
    this.#store.retain(keys.map((k) => k.name));
    const now = this.#now();
    for (const key of keys) this.#store.usage(key.name, now); // history starts when the key is configured
  }

  observe(req: IncomingMessage, socket: Socket, alias: string | undefined, method: string, operation: string, status: number): void {
    this.changes++;
    const url = req.url;
    if (url?.includes("mn-")) this.#keyInUrl(url, operation);
    if (alias === undefined) return;
    const rule = this.#rules.get(alias);
    if (rule === undefined) return; // removed by a reload while in flight
    const now = this.#now();
    const usage = this.#store.usage(alias, now);
    if (status === 401) {
      usage.lastRejected = now;
      return;
    }
    usage.lastAccepted = now;
    usage.firstAccepted ??= now;
    const permission = PERMISSION.get(method)?.get(operation);
    if (permission !== undefined) {
      if (status === 403) usage.forbidden[permission] = now;
      else usage.permissions[permission] = now;
    }
    const headers = req.headers;
    if (isBrowserRequest(headers)) {
      this.#events.browserRequest(alias);
      if (!rule.clientSide) {
        const b = usage.browser;
        b.count++;
        b.last = now;
        if (typeof headers.origin === "string") b.origin = cleanUserAgent(headers.origin); // masked: a page can put anything there
        b.userAgent = cleanUserAgent(headers["user-agent"]);
      }
    }
    if (!rule.clientSide || rule.successor !== undefined) {
      const caller = this.#caller(headers, socket);
      if (!rule.clientSide) this.#baseline(alias, usage, caller.id, now);
      if (rule.successor !== undefined) this.#rotation(rule.successor, usage, caller.address, headers["user-agent"], operation, now);
    }
  }

  /** Address and caller id, computed once per connection while its headers repeat. */
  #caller(headers: IncomingMessage["headers"], socket: Socket): SocketCaller {
    const userAgent = headers["user-agent"];
    const xff = headers["x-forwarded-for"];
    const forwardedFor = typeof xff === "string" ? xff : undefined;
    const known = this.#sockets.get(socket);
    if (known !== undefined && known.userAgent === userAgent && known.forwardedFor === forwardedFor) return known;
    const address = callerAddress({ headers, socket }, this.#trust);
    const fresh = { userAgent, forwardedFor, address, id: callerId(address, userAgent) };
    this.#sockets.set(socket, fresh);
    return fresh;
  }

  #baseline(alias: string, usage: KeyUsage, caller: string, now: number): void {
    const known = usage.baseline[caller];
    if (known !== undefined) {
      known.lastSeen = now;
      return;
    }
    if (now - usage.since >= this.#learningMs) {
      usage.newCallers.push({ caller, at: now });
      if (usage.newCallers.length > EVIDENCE_SIZE) usage.newCallers.shift();
      usage.newCallersTotal++;
      this.#events.newCaller(alias);
    }
    usage.baseline[caller] = { firstSeen: now, lastSeen: now };
    const entries = Object.keys(usage.baseline);
    if (entries.length > BASELINE_SIZE) {
      let oldest = entries[0]!;
      for (const c of entries) if (usage.baseline[c]!.lastSeen < usage.baseline[oldest]!.lastSeen) oldest = c;
      delete usage.baseline[oldest];
    }
  }

  #rotation(successor: string, usage: KeyUsage, address: string, userAgent: string | undefined, operation: string, now: number): void {
    const started = this.#store.peek(successor)?.firstAccepted;
    if (started === undefined || now < started) return;
    const ua = cleanUserAgent(userAgent);
    const row = usage.rotationCallers.find((c) => c.address === address && c.userAgent === ua);
    if (row !== undefined) {
      row.lastSeen = now;
      row.lastOperation = operation;
      return;
    }
    usage.rotationCallers.push({ address, userAgent: ua, lastOperation: operation, lastSeen: now });
    if (usage.rotationCallers.length > EVIDENCE_SIZE) {
      usage.rotationCallers.sort((a, b) => b.lastSeen - a.lastSeen);
      usage.rotationCallers.length = EVIDENCE_SIZE;
    }
  }

  #keyInUrl(url: string, operation: string): void {
    const found = findKeyInUrl(url);
    if (found === undefined) return;
    const owner = this.#identify(found) ?? UNKNOWN_KEY_ALIAS;
    const target = this.#rules.has(owner) ? owner : UNKNOWN_KEY_ALIAS;
    const usage = this.#store.usage(target, this.#now());
    usage.keyInUrl.count++;
    usage.keyInUrl.last = this.#now();
    usage.keyInUrl.operation = operation;
  }
}
