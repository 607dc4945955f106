// @noble/hashes rather than node:crypto: the client runs in browsers, workers, Deno and edge
// runtimes too, and Web Crypto's digest is async while parseApiKey is not.
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";

/** The non-secret parts of a Minimo API key. */
export interface ParsedApiKey {
  /** The account part of `mn-{CLIENT_ID}-{SECRET_KEY}`; Minimo documents it as not secret. */
  clientId: string;
  /**
   * First 12 hex characters of SHA-256 over the whole key: enough to tell keys apart in local
   * diagnostics. It is derived from the secret, so it never belongs in a metric label.
   */
  fingerprint: string;
}

/** Thrown by `parseApiKey`; its message never contains any part of the key. */
export class InvalidApiKeyError extends Error {
  override name = "InvalidApiKeyError";
}

const CLIENT_ID = /^[A-Za-z0-9_]{1,64}$/;
const SECRET = /^[A-Za-z0-9_-]{6,512}$/;

/** Why `key` is not a Minimo key, or `undefined` when it is well-formed. Never echoes the key. */
export function apiKeyProblem(key: unknown): string | undefined {
  if (typeof key !== "string") return "must be a string";
  if (key.length === 0) return "is empty";
  if (key.trim() !== key) return "has leading or trailing whitespace";
  if (!key.startsWith("mn-")) return "must start with 'mn-' (format mn-{CLIENT_ID}-{SECRET_KEY})";
  const rest = key.slice(3);
  const dash = rest.indexOf("-");
  if (dash <= 0) return "must have the form mn-{CLIENT_ID}-{SECRET_KEY}: the client id or its '-' separator is missing";
  if (!CLIENT_ID.test(rest.slice(0, dash))) return "has a client id that is not 1-64 letters, digits or '_'";
  if (!SECRET.test(rest.slice(dash + 1))) return "has a secret part that is not 6-512 letters, digits, '_' or '-'";
  return undefined;
}

/** True when `key` has the documented `mn-{CLIENT_ID}-{SECRET_KEY}` shape. Never throws. */
export function isApiKeyFormat(key: unknown): key is string {
  return apiKeyProblem(key) === undefined;
}

/**
 * Splits a Minimo API key into its non-secret parts.
 * @throws InvalidApiKeyError with a message that says what is wrong, never the key itself.
 */
export function parseApiKey(key: string): ParsedApiKey {
  const problem = apiKeyProblem(key);
  if (problem !== undefined) throw new InvalidApiKeyError(`Minimo API key ${problem}`);
  const rest = key.slice(3);
  const clientId = rest.slice(0, rest.indexOf("-"));
  const fingerprint = bytesToHex(sha256(utf8ToBytes(key))).slice(0, 12);
  return { clientId, fingerprint };
}

const KEY_PATTERN = /mn-[A-Za-z0-9_]{1,64}-[A-Za-z0-9_-]{3,}/g;

/** Replaces anything shaped like a Minimo key in `text` with `mn-{CLIENT_ID}-<secret>`. */
export function redactApiKeys(text: string): string {
  return text.replace(KEY_PATTERN, (m) => `${m.slice(0, m.indexOf("-", 3))}-<secret>`);
}
