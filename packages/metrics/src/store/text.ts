// Exposition text pieces, byte for byte as prom-client 15 writes them (lib/registry.js, lib/util.js),
// so a family serialized from the store reads the same as one rendered by `registry.metrics()`.

/** A label value as prom-client escapes it: backslash, newline, double quote. */
export function escapeLabelValue(value: string): string {
  return escapeHelp(value).replace(/"/g, '\\"');
}

/** A help string (or name) as prom-client escapes it: backslash and newline. */
export function escapeHelp(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
}

/** A sample value as prom-client prints it (`Nan`, `+Inf`, `-Inf`, else JavaScript's shortest form). */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return "Nan";
  if (value === Number.POSITIVE_INFINITY) return "+Inf";
  if (value === Number.NEGATIVE_INFINITY) return "-Inf";
  return `${value}`;
}

/** `# HELP` and `# TYPE` lines of a family, without a trailing newline (prom-client's layout). */
export function familyHeader(name: string, help: string, type: string): string {
  const escaped = escapeHelp(name);
  return `# HELP ${escaped} ${escapeHelp(help)}\n# TYPE ${escaped} ${type}`;
}

/** `name="value",…` for a label set, in its own key order, values escaped. */
export function labelPairs(labels: Readonly<Record<string, string>>): string {
  let out = "";
  for (const name in labels) out += `${out === "" ? "" : ","}${name}="${escapeLabelValue(labels[name]!)}"`;
  return out;
}

/**
 * Collects text in large pieces: small strings are concatenated into a chunk (V8 keeps the
 * concatenation as a rope, flattened once), and chunks are joined at the end, so a render makes
 * a few hundred big strings instead of one small string per sample plus a join over all of them.
 */
export class TextChunks {
  static readonly CHUNK = 1 << 16;
  readonly #chunks: string[] = [];
  #current = "";

  add(text: string): void {
    this.#current += text;
    if (this.#current.length >= TextChunks.CHUNK) {
      this.#chunks.push(this.#current);
      this.#current = "";
    }
  }

  toString(): string {
    if (this.#current !== "") {
      this.#chunks.push(this.#current);
      this.#current = "";
    }
    return this.#chunks.join("");
  }
}
