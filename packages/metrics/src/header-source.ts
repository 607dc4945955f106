/** Anything with `Headers.get`: a fetch `Headers`, or a lookalike. */
export interface HeaderSource {
  get(name: string): string | null;
}
