// A User-Agent (or any caller-chosen header) fit to show: keys masked, unsafe characters replaced,
// cut to a bounded length. Shared by the callers tables and the posture evidence.
import { redactApiKeys } from "@minimo/client";
import { replaceUnsafe } from "../logging/unsafe-text.js";

export const MAX_USER_AGENT = 200;

export function cleanUserAgent(ua: string | undefined): string {
  if (ua === undefined || ua === "") return "(none)";
  // Masked before it is cut, so a key at the edge cannot survive half-visible.
  return replaceUnsafe(redactApiKeys(ua)).slice(0, MAX_USER_AGENT);
}
