// The one Minimo key pattern. Secret scanners (secretlint, gitleaks, GitHub custom patterns) and
// the exporter's key-in-URL check are all produced from this source text, so they cannot drift.
// RE2-compatible (no lookbehind): gitleaks and GitHub run Go's regexp engine.

/** Pattern source of a Minimo key, `mn-{CLIENT_ID}-{SECRET_KEY}`, as documented and as `parseApiKey` accepts it. */
export const MINIMO_KEY_REGEX_SOURCE = String.raw`\bmn-[A-Za-z0-9_]{1,64}-[A-Za-z0-9_-]{6,512}`;

/** A Minimo-key-shaped value anywhere in a text (not global: no `lastIndex` state to share). */
export const MINIMO_KEY_PATTERN: RegExp = new RegExp(MINIMO_KEY_REGEX_SOURCE);
