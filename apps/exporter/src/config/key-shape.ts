// The shape of a Minimo API key, to refuse echoing anything that has it.
import { redactApiKeys } from "@minimo/client";

/** What a key looks like, for messages. */
export const KEY_FORMAT = "expected mn-{CLIENT_ID}-{SECRET_KEY}";

/** True when `text` holds something shaped like a Minimo key (which must never be echoed). */
export function looksLikeKey(text: string): boolean {
  return redactApiKeys(text) !== text;
}
