import { inspect } from "node:util";

const REDACTED = "<secret>";

/** Holds a secret so that printing, logging or serialising it shows `<secret>`; `reveal()` gets the value. */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return REDACTED;
  }
}
