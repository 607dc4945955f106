import { redactApiKeys } from "@minimo/client";

const MAX_ALIAS_LENGTH = 128;
// Control characters make label values unreadable in dashboards and logs.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this matches
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Why `alias` cannot be a `key` label value, or `undefined` when it can. Never echoes the alias:
 * a caller who passes the API key by mistake must not see it printed back.
 */
export function aliasProblem(alias: unknown): string | undefined {
  if (typeof alias !== "string") return "must be a string";
  if (alias.length === 0) return "is empty";
  if (alias.length > MAX_ALIAS_LENGTH) return `is longer than ${MAX_ALIAS_LENGTH} characters`;
  if (alias.trim() !== alias) return "has leading or trailing whitespace";
  if (CONTROL.test(alias)) return "contains control characters";
  // Anything shaped like `mn-{CLIENT_ID}-{SECRET}` is (or embeds) a key: a label would publish it.
  if (redactApiKeys(alias) !== alias) return 'looks like a Minimo API key; pass a name for the key (such as "production"), never the key itself';
  return undefined;
}

/**
 * The bounded set of `key` label values: configured aliases, plus one value that every other
 * (unconfigured or missing) alias folds into.
 */
export class KeyLabels {
  readonly #known = new Set<string>();

  constructor(readonly unknownLabel: string) {
    const problem = aliasProblem(unknownLabel);
    if (problem !== undefined) throw new TypeError(`createMinimoMetrics: unknownKeyLabel ${problem}`);
  }

  /** Adds a configured alias; returns false when it was already known. Throws on an unusable alias. */
  add(alias: string): boolean {
    const problem = aliasProblem(alias);
    if (problem !== undefined) throw new TypeError(`@minimo/metrics: key alias ${problem}`);
    if (alias === this.unknownLabel) {
      throw new TypeError(`@minimo/metrics: key alias must differ from unknownKeyLabel ("${this.unknownLabel}")`);
    }
    if (this.#known.has(alias)) return false;
    this.#known.add(alias);
    return true;
  }

  /** Removes a configured alias; returns false when it was not known. */
  delete(alias: string): boolean {
    return this.#known.delete(alias);
  }

  has(alias: string): boolean {
    return this.#known.has(alias);
  }

  /** The label for `alias`: itself when configured, else the unknown label. */
  label(alias: string | undefined): string {
    return alias !== undefined && this.#known.has(alias) ? alias : this.unknownLabel;
  }

  get size(): number {
    return this.#known.size;
  }

  values(): IterableIterator<string> {
    return this.#known.values();
  }
}
