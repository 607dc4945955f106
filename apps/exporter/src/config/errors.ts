/** One problem found in a config: `path` is where (e.g. `keys[1].key_env`), `message` why. Never holds a secret. */
export interface ConfigProblem {
  path: string;
  message: string;
}

import { redactApiKeys } from "@minimo/client";

/** Thrown by `parseConfig`/`loadConfigFile` with every problem found, one line each. */
export class ConfigError extends Error {
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    // Last line of defence: a key pasted into any field that a message quotes is masked here.
    const safe = problems.map((p) => ({ path: redactApiKeys(p.path), message: redactApiKeys(p.message) }));
    super(`invalid exporter config:\n${safe.map(formatProblem).join("\n")}`);
    this.name = "ConfigError";
    this.problems = safe;
  }

  /** One line per problem: `path: reason`. */
  lines(): string[] {
    return this.problems.map(formatProblem);
  }
}

export function formatProblem(p: ConfigProblem): string {
  return p.path ? `${p.path}: ${p.message}` : p.message;
}
