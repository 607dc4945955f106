/** Anything with `Headers.get`: a fetch `Headers`, or a lookalike. */
export interface HeaderSource {
  get(name: string): string | null;
}

/** How many responses per key are kept between two scrapes for parsing; older ones are dropped. */
export const PENDING_RESPONSES = 8;
