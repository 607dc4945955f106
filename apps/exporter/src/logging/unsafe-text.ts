// Characters that rewrite how a line reads rather than what it says: C0 and C1 controls (ESC
// sequences, NEL as a line break in some viewers) and the bidi marks, embeddings, overrides and
// isolates that reorder what a terminal or browser shows (a "Trojan Source" User-Agent).
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
export const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with each unsafe character replaced by `?` (what the console's API shows). */
export const replaceUnsafe = (text: string): string => text.replace(UNSAFE_TEXT, "?");

// Inside a JSON log line C0 controls are already escaped by JSON.stringify; C1 and bidi ones are not.
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A JSON text with every unsafe character that JSON leaves raw written as a `\uXXXX` escape: the same value, shown inert. */
export const escapeUnsafeJson = (json: string): string => json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
